package dev.switchboard.store.demo;

import dev.switchboard.store.demo.DemoWorld.Product;
import dev.switchboard.store.demo.Template.Values;
import dev.switchboard.store.demo.Template.Var;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The facts of one case (order and invoice numbers, the product, an amount, a date, ...) put into
 * the template values, so that every interaction, the ticket and its notes about the case tell the
 * same story.
 */
final class CaseFacts {
    /** Texts are English, so are month names, whatever the customer's country. */
    private static final List<String> MONTHS = Arrays.stream(Month.values())
            .map(m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).toList();
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final DemoWorld world;

    CaseFacts(DemoWorld world) {
        this.world = world;
    }

    /** Fills {@code values} for a case about {@code topic} that starts at {@code startEpochSecond}. */
    void fill(Values values, DemoCustomer customer, Topic topic, long startEpochSecond, SplittableRandom r) {
        Country country = customer.country();
        Product product = CustomerFactory.pick(world.products, r);
        // A UTC calendar day is close enough for "ordered on 12 March".
        LocalDate start = LocalDate.ofEpochDay(Math.floorDiv(startEpochSecond, 86_400L));
        LocalDate date = start.minusDays(1 + r.nextInt(20));
        LocalDate due = start.plusDays(1 + r.nextInt(14));
        long cents = product.price() * 100L - (r.nextInt(3) == 0 ? 0 : 1);
        if (r.nextInt(4) == 0) {
            cents = (5 + r.nextInt(80)) * 100L + r.nextInt(100);
        }
        values.set(Var.FIRST, customer.first().display())
                .set(Var.LAST, customer.last().display())
                .set(Var.COMPANY, customer.company())
                .set(Var.HANDLE, customer.handle().map(h -> h.substring(1)).orElse(customer.first().ascii()))
                .set(Var.ORDER, "BW-" + (1_000_000 + r.nextInt(9_000_000)))
                .set(Var.INVOICE, "INV-" + date.getYear() + "-" + pad(r.nextInt(1_000_000), 6))
                .set(Var.PRODUCT, product.name())
                .set(Var.PLAN, CustomerFactory.pick(world.plans, r))
                .set(Var.AMOUNT, country.currency() + (cents / 100) + "." + pad((int) (cents % 100), 2))
                .set(Var.DATE, format(date, country))
                .set(Var.DUE, format(due, country))
                .set(Var.HUB, hub(country, r))
                .set(Var.CASE, "CAS-" + (100_000 + r.nextInt(900_000)))
                .set(Var.TRACKING, "" + LETTERS.charAt(r.nextInt(LETTERS.length()))
                        + LETTERS.charAt(r.nextInt(LETTERS.length())) + pad(r.nextInt(1_000_000_000), 9)
                        + country.code())
                .set(Var.DAYS, Integer.toString(2 + r.nextInt(12)))
                .set(Var.WAIT, "");
        values.set(Var.TITLE, CustomerFactory.pick(topic.titles(), r).render(values));
    }

    private static String format(LocalDate date, Country country) {
        String month = MONTHS.get(date.getMonthValue() - 1);
        return country.monthFirst() ? month + " " + date.getDayOfMonth() : date.getDayOfMonth() + " " + month;
    }

    /** A depot or area name: the city of the customer's country a parcel or fault is stuck in. */
    private static String hub(Country country, SplittableRandom r) {
        String city = country.cities().pick(r).name();
        int comma = city.indexOf(',');
        if (comma > 0) {
            return city.substring(0, comma);
        }
        // Australian cities carry their state ("Perth WA"); a depot is just "Perth".
        int space = city.lastIndexOf(' ');
        return "AU".equals(country.code()) && space > 0 ? city.substring(0, space) : city;
    }

    static String pad(int n, int width) {
        String s = Integer.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
