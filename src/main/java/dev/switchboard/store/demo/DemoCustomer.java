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
 * position order), its purchases, and where it lives, which decides currency, time zone and wording.
 *
 * @param lifetimeCents lifetime value in hundredths of the currency unit
 * @param purchases     in time order, netting to {@code lifetimeCents}; empty until they are drawn
 */
record DemoCustomer(long id, Name first, Name last, Culture culture, String company, Segment segment,
                    long lifetimeCents, Country country, City city, PostalAddress address, Instant createdAt,
                    List<Contact> contacts, List<Purchase> purchases) {

    /** A customer as first drawn, before its purchases are. */
    DemoCustomer(long id, Name first, Name last, Culture culture, String company, Segment segment,
                 long lifetimeCents, Country country, City city, PostalAddress address, Instant createdAt,
                 List<Contact> contacts) {
        this(id, first, last, culture, company, segment, lifetimeCents, country, city, address, createdAt,
                contacts, List.of());
    }

    /** One contact point; its position is its index in {@link #contacts()}. */
    record Contact(ContactKind kind, String value, String label) {
    }

    /**
     * One purchase, or a refund when {@code cents} is negative.
     *
     * @param at epoch second, like every generated time
     */
    record Purchase(long at, long cents) {
    }

    DemoCustomer withPurchases(List<Purchase> purchases) {
        return new DemoCustomer(id, first, last, culture, company, segment, lifetimeCents, country, city, address,
                createdAt, contacts, purchases);
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
