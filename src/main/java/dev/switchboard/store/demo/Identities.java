package dev.switchboard.store.demo;

import dev.switchboard.store.demo.Culture.Name;

import java.util.SplittableRandom;

/**
 * E-mail addresses and social handles derived from a customer's name the way people pick them
 * ({@code jane.doe84@}, {@code jdoe@}, {@code @janedoe}), lower-case ASCII, each handed out once.
 */
final class Identities {
    private final UsedKeys used;

    Identities(UsedKeys used) {
        this.used = used;
    }

    String personalEmail(Name first, Name last, String domain, SplittableRandom r) {
        String f = first.ascii();
        String l = last.ascii();
        String local = switch (r.nextInt(10)) {
            case 0, 1 -> f + "." + l;
            case 2 -> f + l;
            case 3 -> f.charAt(0) + "." + l;
            case 4 -> f + "_" + l;
            case 5 -> f + "." + l + birthYear(r);
            case 6 -> f + l + birthYear(r);
            case 7 -> l + "." + f;
            case 8 -> f + (1 + r.nextInt(999));
            default -> f.charAt(0) + l + birthYear(r);
        };
        return unique(local, "@" + domain, r);
    }

    String workEmail(Name first, Name last, String companyDomain, SplittableRandom r) {
        String f = first.ascii();
        String l = last.ascii();
        String local = switch (r.nextInt(10)) {
            case 0, 1, 2, 3, 4, 5 -> f + "." + l;
            case 6, 7 -> f.charAt(0) + "." + l;
            case 8 -> f;
            default -> f.charAt(0) + l;
        };
        return unique(local, "@" + companyDomain, r);
    }

    /** The address a couple share: "thesmiths@", "smith.family@". */
    String familyEmail(Name last, String domain, SplittableRandom r) {
        String l = last.ascii();
        String local = switch (r.nextInt(3)) {
            case 0 -> "the" + l + "s";
            case 1 -> l + ".family";
            default -> l + "family";
        };
        return unique(local, "@" + domain, r);
    }

    /** A handle with its leading '@'. */
    String handle(Name first, Name last, SplittableRandom r) {
        String f = first.ascii();
        String l = last.ascii();
        String name = switch (r.nextInt(8)) {
            case 0, 1 -> f + "." + l + birthYear(r);
            case 2 -> f + l;
            case 3 -> f + "_" + l;
            case 4 -> "the" + f + l;
            case 5 -> f.charAt(0) + l + birthYear(r);
            case 6 -> f + (1 + r.nextInt(999));
            default -> f + "." + l;
        };
        return unique("@" + name, "", r);
    }

    /** Adds ever longer numbers until the value is free, as people do when their first choice is taken. */
    private String unique(String base, String suffix, SplittableRandom r) {
        String candidate = base + suffix;
        int bound = 10;
        while (!used.add(candidate)) {
            candidate = base + r.nextInt(bound) + suffix;
            if (bound < 1_000_000_000) {
                bound *= 10;
            }
        }
        return candidate;
    }

    private static String birthYear(SplittableRandom r) {
        int year = 1950 + r.nextInt(56);
        int twoDigits = year % 100;
        if (r.nextBoolean()) {
            return Integer.toString(year);
        }
        return twoDigits < 10 ? "0" + twoDigits : Integer.toString(twoDigits);
    }
}
