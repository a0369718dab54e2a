package dev.switchboard.store.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** An immutable choice among items with relative weights; picking is a binary search. */
final class Weighted<T> {
    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] cumulative) {
        this.items = List.copyOf(items);
        this.cumulative = cumulative;
    }

    static <T> Weighted<T> of(List<T> items, List<? extends Number> weights) {
        if (items.isEmpty() || items.size() != weights.size()) {
            throw new IllegalArgumentException("need one weight per item, and at least one item");
        }
        double[] cumulative = new double[items.size()];
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            double w = weights.get(i).doubleValue();
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            sum += w;
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        return new Weighted<>(items, cumulative);
    }

    /**
     * Parses {@code "name 30, other 12"} (a trailing number is the weight, 1 if absent) and maps each
     * name with {@code lookup}.
     */
    static <T> Weighted<T> parse(String spec, Function<String, T> lookup) {
        List<T> items = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String entry : WordFile.splitList(spec)) {
            int space = entry.lastIndexOf(' ');
            double weight = 1;
            String name = entry;
            if (space > 0 && entry.substring(space + 1).matches("\\d+(\\.\\d+)?")) {
                weight = Double.parseDouble(entry.substring(space + 1));
                name = entry.substring(0, space).strip();
            }
            items.add(lookup.apply(name));
            weights.add(weight);
        }
        return of(items, weights);
    }

    T pick(RandomGenerator random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return items.get(lo);
    }

    /** Share of the total weight that {@code item} has, 0 if absent. */
    double share(T item) {
        double total = cumulative[cumulative.length - 1];
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).equals(item)) {
                sum += cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
            }
        }
        return sum / total;
    }

    List<T> items() {
        return items;
    }
}
