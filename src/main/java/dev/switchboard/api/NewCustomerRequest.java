package dev.switchboard.api;

import java.util.List;

/**
 * A customer created by an agent, typically from an unknown caller. When {@code interactionId} is
 * given, that interaction is linked to the new customer in the same write. {@code salutation} ("Mr",
 * "Dr"...) and {@code postcode} may be null or blank; the server keeps each in one spelling (the
 * postcode as the centre's country writes it) and refuses one it cannot read.
 */
public record NewCustomerRequest(String firstName, String lastName, String company,
                                 List<NewContactPoint> contactPoints, Long interactionId, String salutation,
                                 String postcode) {
    /** A customer with no salutation or postcode, as clients before them sent. */
    public NewCustomerRequest(String firstName, String lastName, String company, List<NewContactPoint> contactPoints,
                              Long interactionId) {
        this(firstName, lastName, company, contactPoints, interactionId, null, null);
    }
}
