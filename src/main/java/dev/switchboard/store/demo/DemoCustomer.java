package dev.switchboard.store.demo;

import dev.switchboard.domain.ContactKind;
import dev.switchboard.store.demo.Country.City;
import dev.switchboard.store.demo.Culture.Name;
import dev.switchboard.store.demo.PostalAddresses.PostalAddress;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A generated customer with everything later steps need: the row itself, its contact points (in
 * position order) and where it lives, which decides currency, time zone and wording.
 *
 * @param lifetimeCents lifetime value in hundredths of the currency unit
 */
record DemoCustomer(long id, Name first, Name last, Culture culture, String company, Segment segment,
                    long lifetimeCents, Country country, City city, PostalAddress address, Instant createdAt,
                    List<Contact> contacts) {

    /** One contact point; its position is its index in {@link #contacts()}. */
    record Contact(ContactKind kind, String value, String label) {
    }

    boolean isBusiness() {
        return !company.isEmpty();
    }

    List<Contact> contacts(ContactKind kind) {
        return contacts.stream().filter(c -> c.kind() == kind).toList();
    }

    Optional<String> handle() {
        return contacts.stream().filter(c -> c.kind() == ContactKind.SOCIAL).map(Contact::value).findFirst();
    }

    /** The shared home landline of a household, if this customer has one labelled "home". */
    Optional<String> homePhone() {
        return contacts.stream().filter(c -> c.kind() == ContactKind.PHONE && "home".equals(c.label()))
                .map(Contact::value).findFirst();
    }
}
