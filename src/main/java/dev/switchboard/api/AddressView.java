package dev.switchboard.api;

import dev.switchboard.domain.Address;

public record AddressView(String line1, String city, String postcode, String country) {
    public static AddressView of(Address a) {
        return new AddressView(a.line1(), a.city(), a.postcode(), a.country());
    }
}
