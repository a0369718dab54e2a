package dev.switchboard.api;

import java.util.List;

/**
 * A customer created by an agent, typically from an unknown caller. When {@code interactionId} is
 * given, that interaction is linked to the new customer in the same write.
 */
public record NewCustomerRequest(String firstName, String lastName, String company,
                                 List<NewContactPoint> contactPoints, Long interactionId) {
}
