package dev.switchboard.store.demo;

import dev.switchboard.domain.ContactKind;
import dev.switchboard.store.demo.Country.City;
import dev.switchboard.store.demo.Culture.Name;
import dev.switchboard.store.demo.DemoCustomer.Contact;
import dev.switchboard.store.demo.PostalAddresses.PostalAddress;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes customers: name, company, segment and value, postal address, and unique phone numbers,
 * e-mail addresses and handles, plus the deliberate exceptions, households whose members share a
 * landline (and sometimes an e-mail address).
 */
final class CustomerFactory {
    /** Customers joined over this span before "now". */
    static final Duration HISTORY = Duration.ofDays(6 * 365);
    static final double BUSINESS_SHARE = 0.20;
    static final double SOCIAL_SHARE = 0.30;
    /** Share of households (pairs) that also share an e-mail address. */
    static final double HOUSEHOLD_SHARED_EMAIL = 0.20;
    private static final Weighted<Segment> PRIVATE_SEGMENTS = Weighted.of(List.of(Segment.values()),
            List.of(3, 12, 25, 60));
    private static final Weighted<Segment> BUSINESS_SEGMENTS = Weighted.of(List.of(Segment.values()),
            List.of(8, 22, 30, 40));

    private final DemoWorld world;
    private final PhoneNumbers phones;
    private final Identities identities;
    private final PostalAddresses addresses = new PostalAddresses();
    private final Instant start;
    private final long spanSeconds;
    private final long total;

    CustomerFactory(DemoWorld world, UsedKeys used, Instant now, long total) {
        this.world = world;
        this.phones = new PhoneNumbers(used);
        this.identities = new Identities(used);
        // Whole seconds, like every other generated time, so that nothing sorts before its customer.
        this.start = now.truncatedTo(ChronoUnit.SECONDS).minus(HISTORY);
        this.spanSeconds = HISTORY.toSeconds();
        this.total = total;
    }

    /** Share of all customers in each segment, for normalising per-segment contact rates. */
    static double segmentShare(Segment s) {
        return (1 - BUSINESS_SHARE) * PRIVATE_SEGMENTS.share(s) + BUSINESS_SHARE * BUSINESS_SEGMENTS.share(s);
    }

    DemoCustomer create(long id, SplittableRandom r) {
        Country country = world.countries.pick(r);
        Culture culture = country.cultures().pick(r);
        Name first = pick(culture.firstNames(), r);
        // Some families' surnames come from another culture than the given name (marriage, heritage).
        Culture lastCulture = r.nextInt(10) == 0 ? country.cultures().pick(r) : culture;
        Name last = pick(lastCulture.lastNames(), r);
        City city = country.cities().pick(r);
        PostalAddress address = addresses.address(country, city, r);
        boolean business = r.nextDouble() < BUSINESS_SHARE;
        String company = business ? companyName(country, last, r) : "";
        Segment segment = (business ? BUSINESS_SEGMENTS : PRIVATE_SEGMENTS).pick(r);

        List<Contact> contacts = new ArrayList<>(5);
        if (business) {
            contacts.add(new Contact(ContactKind.PHONE, phones.landline(country, city, r), "work"));
            if (r.nextDouble() < 0.6) {
                contacts.add(new Contact(ContactKind.PHONE, phones.mobile(country, city, r), "mobile"));
            }
            contacts.add(new Contact(ContactKind.EMAIL,
                    identities.workEmail(first, last, companyDomain(company, country), r), "work"));
            if (r.nextBoolean()) {
                contacts.add(personalEmail(country, first, last, r));
            }
        } else {
            boolean mobileFirst = r.nextDouble() < 0.9;
            boolean second = r.nextDouble() < 0.35;
            if (mobileFirst || second) {
                contacts.add(new Contact(ContactKind.PHONE, phones.mobile(country, city, r), "mobile"));
            }
            if (!mobileFirst || second) {
                contacts.add(new Contact(ContactKind.PHONE, phones.landline(country, city, r), "home"));
            }
            contacts.add(personalEmail(country, first, last, r));
            if (r.nextDouble() < 0.15) {
                contacts.add(personalEmail(country, first, last, r));
            }
        }
        addHandle(contacts, first, last, r);
        return new DemoCustomer(id, first, last, culture, company, segment, lifetimeCents(segment, business, r),
                country, city, address, createdAt(id, r), List.copyOf(contacts));
    }

    /**
     * A second member of {@code primary}'s household with id {@code id}: same surname and address,
     * and the same home landline, which is what makes a call from it match several customers. The
     * primary is returned with a home landline added if it had none.
     */
    DemoCustomer[] household(DemoCustomer primary, long id, SplittableRandom r) {
        Country country = primary.country();
        List<Contact> first = new ArrayList<>(primary.contacts());
        String home = primary.homePhone().orElse(null);
        if (home == null) {
            home = phones.landline(country, primary.city(), r);
            // Keep at most two phone numbers: the landline replaces a second mobile.
            List<Contact> phonesOfPrimary = primary.contacts(ContactKind.PHONE);
            if (phonesOfPrimary.size() >= 2) {
                first.remove(phonesOfPrimary.get(1));
            }
            int afterPhones = (int) first.stream().filter(c -> c.kind() == ContactKind.PHONE).count();
            first.add(afterPhones, new Contact(ContactKind.PHONE, home, "home"));
        }
        Name given = pick(primary.culture().firstNames(), r);
        List<Contact> second = new ArrayList<>(5);
        second.add(new Contact(ContactKind.PHONE, home, "home"));
        if (r.nextDouble() < 0.85) {
            second.add(new Contact(ContactKind.PHONE, phones.mobile(country, primary.city(), r), "mobile"));
        }
        second.add(personalEmail(country, given, primary.last(), r));
        if (r.nextDouble() < HOUSEHOLD_SHARED_EMAIL) {
            String family = identities.familyEmail(primary.last(), country.mailDomains().pick(r), r);
            // Replace a second private address so that nobody has more than two e-mail addresses.
            List<Contact> emailsOfPrimary = first.stream().filter(c -> c.kind() == ContactKind.EMAIL).toList();
            if (emailsOfPrimary.size() >= 2) {
                first.remove(emailsOfPrimary.get(1));
            }
            int afterEmails = (int) first.stream().filter(c -> c.kind() != ContactKind.SOCIAL).count();
            first.add(afterEmails, new Contact(ContactKind.EMAIL, family, "family"));
            second.add(new Contact(ContactKind.EMAIL, family, "family"));
        }
        addHandle(second, given, primary.last(), r);
        Segment segment = PRIVATE_SEGMENTS.pick(r);
        DemoCustomer updated = new DemoCustomer(primary.id(), primary.first(), primary.last(), primary.culture(),
                primary.company(), primary.segment(), primary.lifetimeCents(), country, primary.city(),
                primary.address(), primary.createdAt(), List.copyOf(first));
        DemoCustomer partner = new DemoCustomer(id, given, primary.last(), primary.culture(), "", segment,
                lifetimeCents(segment, false, r), country, primary.city(), primary.address(), createdAt(id, r),
                List.copyOf(second));
        return new DemoCustomer[] {updated, partner};
    }

    private Contact personalEmail(Country country, Name first, Name last, SplittableRandom r) {
        return new Contact(ContactKind.EMAIL,
                identities.personalEmail(first, last, country.mailDomains().pick(r), r), "personal");
    }

    private void addHandle(List<Contact> contacts, Name first, Name last, SplittableRandom r) {
        if (r.nextDouble() < SOCIAL_SHARE) {
            contacts.add(new Contact(ContactKind.SOCIAL, identities.handle(first, last, r),
                    world.socialNetworks.pick(r)));
        }
    }

    /**
     * Sign-up times grow denser towards now (the business grows), and follow the id order so that
     * newer customers have higher ids, as they would in a real database.
     */
    private Instant createdAt(long id, SplittableRandom r) {
        double x = ((id - 1) + r.nextDouble()) / total;
        return start.plusSeconds((long) (spanSeconds * StrictMath.sqrt(x)));
    }

    private static long lifetimeCents(Segment segment, boolean business, SplittableRandom r) {
        // Log-normal around the segment median: most near it, a few far above.
        double value = segment.medianValue * StrictMath.exp(0.5 * gaussian(r)) * (business ? 2.5 : 1.0);
        return Math.round(value * 100);
    }

    private String companyName(Country country, Name last, SplittableRandom r) {
        String trade = pick(world.companyTrades, r);
        String base = switch (r.nextInt(3)) {
            case 0 -> last.display() + " " + trade;
            case 1 -> pick(world.companyRoots, r) + " " + trade;
            default -> pick(world.companyRoots, r) + " " + pick(world.companyRoots, r);
        };
        return base + " " + country.companySuffixes().pick(r);
    }

    /** "Harbour Logistics Ltd" → "harbourlogistics.co.uk". */
    private static String companyDomain(String company, Country country) {
        String[] words = company.split(" ");
        String name = words.length > 1 ? words[0] + words[1] : words[0];
        return Ascii.fold(name) + "." + country.webSuffix();
    }

    static double gaussian(SplittableRandom r) {
        // Box-Muller with StrictMath, written out so that the data cannot change with the JDK or CPU.
        double u = 1 - r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * r.nextDouble());
    }

    static <T> T pick(List<T> items, SplittableRandom r) {
        return items.get(r.nextInt(items.size()));
    }
}
