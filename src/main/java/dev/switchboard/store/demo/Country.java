package dev.switchboard.store.demo;

import java.time.ZoneId;
import java.util.List;

/**
 * Everything that varies by country: who lives there (name cultures), where (cities, streets), their
 * numbers and e-mail providers, and how companies are named.
 *
 * @param code       ISO 3166 alpha-2, as stored in customer.country and used for phone regions
 * @param mobiles    mobile prefixes; empty where mobiles share the geographic area codes (US)
 * @param currency   symbol put in front of amounts in texts
 * @param monthFirst whether dates read "March 12" rather than "12 March"
 */
record Country(String code, Weighted<Culture> cultures, Weighted<City> cities, List<String> streets,
               List<PhonePrefix> mobiles, Weighted<String> mailDomains, Weighted<String> companySuffixes,
               String webSuffix, String currency, boolean monthFirst) {

    /**
     * A city with its landline prefixes and postcodes.
     *
     * @param postcodes GB outward codes, IE Eircode routing keys, or numeric ranges "from-to"
     */
    record City(String name, List<PhonePrefix> landlines, List<String> postcodes, ZoneId zone) {
    }

    /** National number prefix and the length of the whole national number, e.g. "20" and 10 for London. */
    record PhonePrefix(String prefix, int length) {
        static PhonePrefix parse(String spec) {
            String[] parts = spec.split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("phone prefix needs prefix/length: " + spec);
            }
            return new PhonePrefix(parts[0].strip(), Integer.parseInt(parts[1].strip()));
        }
    }
}
