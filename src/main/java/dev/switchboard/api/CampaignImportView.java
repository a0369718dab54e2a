package dev.switchboard.api;

import java.util.List;

/**
 * The answer to a call-list import that was read: how many rows became records (all saved in one
 * transaction), how many of those were linked to a customer by their number, and every rejected row
 * with its line (the header is line 1) and problems.
 */
public record CampaignImportView(long campaignId, int accepted, int linkedToCustomers,
                                 List<CampaignRejectedRowView> rejected) {
}
