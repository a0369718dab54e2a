package dev.switchboard.store.demo;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.switchboard.store.demo.Country.City;
import dev.switchboard.store.demo.Country.PhonePrefix;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws phone numbers that libphonenumber accepts as valid numbers of the right type (mobile or
 * landline) for the customer's country, in E.164, each handed out once. Landlines use the area code
 * of the customer's city, so a Manchester customer has a 0161 number.
 */
final class PhoneNumbers {
    /** Gives up on a prefix after this many invalid or taken draws: the prefix table is wrong. */
    private static final int MAX_ATTEMPTS = 10_000;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final UsedKeys used;

    PhoneNumbers(UsedKeys used) {
        this.used = used;
    }

    String mobile(Country country, City city, SplittableRandom random) {
        // Where mobiles have no prefixes of their own (US), they share the geographic area codes.
        List<PhonePrefix> prefixes = country.mobiles().isEmpty() ? city.landlines() : country.mobiles();
        return draw(country.code(), prefixes, true, random);
    }

    String landline(Country country, City city, SplittableRandom random) {
        return draw(country.code(), city.landlines(), false, random);
    }

    private String draw(String region, List<PhonePrefix> prefixes, boolean mobile, SplittableRandom random) {
        int countryCode = util.getCountryCodeForRegion(region);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            PhonePrefix prefix = prefixes.get(random.nextInt(prefixes.size()));
            long national = Long.parseLong(prefix.prefix());
            for (int i = prefix.prefix().length(); i < prefix.length(); i++) {
                national = national * 10 + random.nextInt(10);
            }
            PhoneNumber number = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(national);
            if (fits(number, region, mobile)) {
                String e164 = util.format(number, PhoneNumberFormat.E164);
                if (used.add(e164)) {
                    return e164;
                }
            }
        }
        throw new IllegalStateException("no valid free " + (mobile ? "mobile" : "landline") + " number for "
                + region + " with prefixes " + prefixes);
    }

    private boolean fits(PhoneNumber number, String region, boolean mobile) {
        if (!util.isValidNumberForRegion(number, region)) {
            return false;
        }
        PhoneNumberType type = util.getNumberType(number);
        return type == PhoneNumberType.FIXED_LINE_OR_MOBILE
                || type == (mobile ? PhoneNumberType.MOBILE : PhoneNumberType.FIXED_LINE);
    }
}
