package dev.switchboard.domain.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Checks and sums over the facts handed in, shared by the value and the churn signals. */
final class Facts {
    private Facts() {
    }

    /** A copy of {@code list}, refusing a missing list or a missing element by the argument's name. */
    static <T> List<T> checked(List<T> list, String name) {
        Objects.requireNonNull(list, name);
        List<T> copy = new ArrayList<>(list.size());
        for (T element : list) {
            copy.add(Objects.requireNonNull(element, () -> name + " contains null"));
        }
        return copy;
    }

    /** Net of every purchase and refund, whenever it was. */
    static BigDecimal net(List<Purchase> purchases) {
        return purchases.stream().map(Purchase::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Net of the purchases and refunds after {@code after}; anything dated after now counts as now's. */
    static BigDecimal netAfter(List<Purchase> purchases, Instant after) {
        return purchases.stream().filter(p -> p.at().isAfter(after))
                .map(Purchase::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Net of the purchases and refunds in {@code (after, upTo]}. */
    static BigDecimal netBetween(List<Purchase> purchases, Instant after, Instant upTo) {
        return purchases.stream().filter(p -> p.at().isAfter(after) && !p.at().isAfter(upTo))
                .map(Purchase::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
