package dev.switchboard.api;

/**
 * What is known of a customer about to be created, to look for customers that may be the same person:
 * every part may be null or blank, but a phone number, an e-mail address, or a name with a postcode is
 * needed. {@code country} (ISO 3166 alpha-2) says how the postcode is written; blank for the centre's.
 */
public record DuplicateProbe(String firstName, String lastName, String phone, String email, String postcode,
                             String country) {
}
