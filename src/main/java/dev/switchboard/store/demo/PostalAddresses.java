package dev.switchboard.store.demo;

import dev.switchboard.store.demo.Country.City;

import java.util.List;
import java.util.SplittableRandom;

/** Street addresses and postcodes written the way each country writes them. */
final class PostalAddresses {
    /** Letters a GB inward code may end with (C, I, K, M, O and V are never used). */
    private static final String GB_INWARD = "ABDEFGHJLNPQRSTUWXYZ";
    /** Characters of an Eircode's unique identifier. */
    private static final String EIRCODE = "ACDEFHKNPRTVWXY0123456789";
    private static final String EIRCODE_LETTERS = "ACDEFHKNPRTVWXY";

    /** A street line, the city as it is written on an envelope, and the postcode. */
    record PostalAddress(String line, String city, String postcode) {
    }

    PostalAddress address(Country country, City city, SplittableRandom random) {
        return new PostalAddress(line(country.code(), country.streets(), random), city.name(),
                postcode(country.code(), city.postcodes(), random));
    }

    private static String line(String country, List<String> streets, SplittableRandom r) {
        String street = streets.get(r.nextInt(streets.size()));
        return switch (country) {
            case "DE" -> street + " " + (1 + r.nextInt(120)) + (r.nextInt(10) == 0 ? "a" : "");
            case "FR" -> (1 + r.nextInt(150)) + (r.nextInt(12) == 0 ? " bis " : " ") + street;
            case "US" -> (100 + r.nextInt(9800)) + " " + street
                    + (r.nextInt(5) == 0 ? " Apt " + (1 + r.nextInt(30)) + (char) ('A' + r.nextInt(4)) : "");
            case "AU" -> (r.nextInt(4) == 0 ? "Unit " + (1 + r.nextInt(20)) + ", " : "") + (1 + r.nextInt(300))
                    + " " + street;
            case "IE" -> (r.nextInt(6) == 0 ? "Apartment " + (1 + r.nextInt(40)) + ", " : "") + (1 + r.nextInt(120))
                    + " " + street;
            default -> (r.nextInt(7) == 0 ? "Flat " + (1 + r.nextInt(24)) + ", " : "") + (1 + r.nextInt(220))
                    + " " + street;
        };
    }

    private static String postcode(String country, List<String> specs, SplittableRandom r) {
        String spec = specs.get(r.nextInt(specs.size()));
        return switch (country) {
            case "GB" -> spec + " " + r.nextInt(10) + GB_INWARD.charAt(r.nextInt(GB_INWARD.length()))
                    + GB_INWARD.charAt(r.nextInt(GB_INWARD.length()));
            case "IE" -> spec + " " + EIRCODE_LETTERS.charAt(r.nextInt(EIRCODE_LETTERS.length()))
                    + EIRCODE.charAt(r.nextInt(EIRCODE.length())) + EIRCODE.charAt(r.nextInt(EIRCODE.length()))
                    + EIRCODE.charAt(r.nextInt(EIRCODE.length()));
            default -> numeric(spec, r);
        };
    }

    /**
     * A number in "from-to" or "from-to/step" (French towns use round codes such as 31200), as wide
     * as "from", which keeps the leading zero of 02108 or 0800.
     */
    private static String numeric(String spec, SplittableRandom r) {
        int slash = spec.indexOf('/');
        int step = slash < 0 ? 1 : Integer.parseInt(spec.substring(slash + 1));
        String range = slash < 0 ? spec : spec.substring(0, slash);
        int dash = range.indexOf('-');
        String from = dash < 0 ? range : range.substring(0, dash);
        int lo = Integer.parseInt(from);
        int hi = dash < 0 ? lo : Integer.parseInt(range.substring(dash + 1));
        String n = Integer.toString(lo + step * r.nextInt((hi - lo) / step + 1));
        return "0".repeat(Math.max(0, from.length() - n.length())) + n;
    }
}
