package dev.switchboard.domain;

/** A postal address; every part may be empty. {@code country} is an ISO 3166 alpha-2 code. */
public record Address(String line1, String city, String postcode, String country) {
    public static final Address NONE = new Address("", "", "", "");

    public Address {
        line1 = line1 == null ? "" : line1;
        city = city == null ? "" : city;
        postcode = postcode == null ? "" : postcode;
        country = country == null ? "" : country;
    }
}
