package dev.switchboard.api;

import java.util.List;

/** A row of a call list that became no record: its line and each problem (a code such as INVALID_NUMBER and a message). */
public record CampaignRejectedRowView(int line, List<Problem> problems) {

    /** One problem of the row. */
    public record Problem(String problem, String message) {
    }
}
