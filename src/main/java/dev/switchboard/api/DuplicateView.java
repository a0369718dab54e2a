package dev.switchboard.api;

import java.util.List;

/** A customer that may be the same person as the one asked about, with why, in words an agent reads. */
public record DuplicateView(CustomerSummary customer, List<String> reasons) {
    public DuplicateView {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
