package dev.switchboard.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A customer and every way to reach them. */
public record Customer(long id, String firstName, String lastName, String company, String segment,
                       BigDecimal lifetimeValue, Address address, List<ContactPoint> contactPoints,
                       Instant createdAt, long version) {
    public Customer {
        contactPoints = List.copyOf(contactPoints);
        company = company == null ? "" : company;
        segment = segment == null ? "" : segment;
        lifetimeValue = lifetimeValue == null ? BigDecimal.ZERO : lifetimeValue;
        address = address == null ? Address.NONE : address;
    }

    public String displayName() {
        return (firstName + " " + lastName).trim();
    }
}
