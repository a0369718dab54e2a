package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.IntervalPointView;
import dev.switchboard.api.IntervalSeriesView;
import dev.switchboard.api.SupervisorIntervalsView;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the server's intervals into what the chart draws, for one queue or for all queues together.
 *
 * <p>All queues together: the counts are added up; the service level is the share of all the queues'
 * contacts that met their own queue's target time, which is each queue's service level weighted by the
 * contacts it was computed over (answered ones when abandons are ignored, else offered ones). That is
 * the number the server would compute for one queue holding all of them, so it is not an average of
 * percentages. A target line is drawn only when every queue shown has the same target percentage;
 * otherwise the note says so, as a line at one queue's target would judge the others wrongly.
 *
 * <p>The night before the first contact is left out (from the full hour before it), so the day's
 * intervals get the width.
 */
final class Intervals {
    private final Messages messages;
    private final Formats formats;

    Intervals(Messages messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    ChartData chart(SupervisorIntervalsView view, Long queueId) {
        if (view == null) {
            return ChartData.EMPTY;
        }
        List<IntervalSeriesView> series = list(view.queues()).stream()
                .filter(s -> queueId == null || s.queueId() == queueId).toList();
        boolean answeredOnly = Treatment.IGNORE.wire().equals(view.abandonTreatment());
        Map<Instant, Sum> sums = new TreeMap<>();
        TreeSet<Integer> targets = new TreeSet<>();
        for (IntervalSeriesView s : series) {
            targets.add(s.slPercent());
            for (IntervalPointView p : list(s.points())) {
                sums.computeIfAbsent(p.start(), k -> new Sum()).add(p, answeredOnly);
            }
        }
        List<ChartPoint> points = new ArrayList<>();
        sums.forEach((start, sum) -> points.add(sum.point(start, formats.time(start))));
        Integer target = targets.size() == 1 ? targets.first() : null;
        String note = targets.size() > 1
                ? messages.format("supervisor.chart.targetsDiffer", targets.first(), targets.last()) : "";
        return new ChartData(List.copyOf(fromFirstContact(points)), target, caption(series, queueId), note);
    }

    private String caption(List<IntervalSeriesView> series, Long queueId) {
        if (queueId == null || series.size() != 1) {
            return messages.get("supervisor.chart.caption.all");
        }
        IntervalSeriesView s = series.get(0);
        return messages.format("supervisor.chart.caption.queue", s.name(), s.slPercent(), s.slSeconds());
    }

    /** From the full hour before the first contact; all of it while nobody came. */
    private static List<ChartPoint> fromFirstContact(List<ChartPoint> points) {
        int first = 0;
        while (first < points.size() && points.get(first).offered() == 0) {
            first++;
        }
        if (first == points.size()) {
            return points;
        }
        while (first > 0 && !points.get(first).label().endsWith(":00")) {
            first--;
        }
        return points.subList(first, points.size());
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }

    /** One interval of the queues shown, added up. */
    private static final class Sum {
        private long offered;
        private long answered;
        private long abandoned;
        private double met;
        private long counted;

        void add(IntervalPointView p, boolean answeredOnly) {
            offered += p.offered();
            answered += p.answered();
            abandoned += p.abandoned();
            long base = answeredOnly ? p.answered() : p.offered();
            if (p.serviceLevelPercent() != null && base > 0) {
                met += p.serviceLevelPercent() * base / 100.0;
                counted += base;
            }
        }

        ChartPoint point(Instant start, String label) {
            Double sl = counted == 0 ? null : 100.0 * met / counted;
            return new ChartPoint(start, label, offered, answered, abandoned, sl);
        }
    }
}
