package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.KpiView;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the server's numbers of a queue into the texts and colours of its tile. */
final class Tiles {
    static final String SERVICE_LEVEL = "service-level";
    static final String ABANDONMENT = "abandonment-rate";
    static final String SPEED_OF_ANSWER = "average-speed-of-answer";
    static final String HANDLE_TIME = "average-handle-time";
    static final String OFFERED = "offered";
    static final String ANSWERED = "answered";
    static final String ABANDONED = "abandoned";

    private final Messages messages;

    Tiles(Messages messages) {
        this.messages = messages;
    }

    QueueTile tile(QueueMetricsView q) {
        Map<String, KpiView> recent = q.lastThirtyMinutes() == null ? Map.of() : q.lastThirtyMinutes();
        Map<String, KpiView> today = q.today() == null ? Map.of() : q.today();
        KpiView sl = recent.get(SERVICE_LEVEL);
        String slTitle = messages.get("supervisor.kpi.serviceLevel.recent");
        KpiCell big = new KpiCell(value(sl), slTitle, formula(slTitle, sl),
                Level.serviceLevel(sl == null ? null : sl.value(), q.slPercent()));
        String target = messages.format("supervisor.tile.target", q.slPercent(), q.slSeconds());
        String waiting = messages.format("supervisor.tile.waiting", q.waiting());
        String longest = q.waiting() == 0 ? "" : messages.format("supervisor.tile.longest", Formats.clock(Duration.ofSeconds(q.longestWaitSeconds())));
        String staffing = q.agentsNeeded() == null
                ? messages.format("supervisor.tile.signedIn", q.agentsSignedIn())
                : messages.format("supervisor.tile.staffing", q.agentsSignedIn(), q.agentsNeeded());
        List<QueueTile.Row> rows = new ArrayList<>();
        rows.add(row(messages.get("supervisor.kpi.serviceLevel"), SERVICE_LEVEL, recent, today, q.slPercent()));
        rows.add(row(messages.get("supervisor.kpi.speedOfAnswer"), SPEED_OF_ANSWER, recent, today, null));
        rows.add(row(messages.get("supervisor.kpi.handleTime"), HANDLE_TIME, recent, today, null));
        rows.add(row(messages.get("supervisor.kpi.abandonment"), ABANDONMENT, recent, today, null));
        rows.add(row(messages.get("supervisor.kpi.offered"), OFFERED, recent, today, null));
        rows.add(row(messages.get("supervisor.kpi.answered"), ANSWERED, recent, today, null));
        rows.add(row(messages.get("supervisor.kpi.abandoned"), ABANDONED, recent, today, null));
        return new QueueTile(q.queueId(), q.name(), q.priority(),
                messages.format("supervisor.tile.priority", q.priority()), big, target, waiting, longest,
                Level.longestWait(q.waiting(), q.longestWaitSeconds(), q.slSeconds()), staffing,
                Level.staffing(q.agentsSignedIn(), q.agentsNeeded()), List.copyOf(rows));
    }

    private QueueTile.Row row(String label, String key, Map<String, KpiView> recent, Map<String, KpiView> today,
                              Integer target) {
        return new QueueTile.Row(label,
                cell(messages.format("supervisor.kpi.recent", label), recent.get(key), target),
                cell(messages.format("supervisor.kpi.today", label), today.get(key), target));
    }

    private KpiCell cell(String title, KpiView kpi, Integer target) {
        Level level = target == null ? Level.NONE : Level.serviceLevel(kpi == null ? null : kpi.value(), target);
        return new KpiCell(value(kpi), title, formula(title, kpi), level);
    }

    /** "82 %", "1:05", "14"; a dash while there is nothing to compute from. */
    String value(KpiView kpi) {
        if (kpi == null || kpi.value() == null) {
            return messages.get("supervisor.kpi.none");
        }
        double v = kpi.value();
        String unit = kpi.unit() == null ? "" : kpi.unit();
        return switch (unit) {
            case "%" -> messages.format("supervisor.kpi.percent", whole(v));
            case "s" -> Formats.clock(Duration.ofSeconds(Math.round(v)));
            default -> whole(v);
        };
    }

    /** What the KPI is, its formula in words, then its parameters one a line. */
    String formula(String title, KpiView kpi) {
        StringBuilder text = new StringBuilder(title);
        if (kpi == null) {
            return text.append('\n').append(messages.get("supervisor.kpi.missing")).toString();
        }
        if (kpi.formula() != null && !kpi.formula().isBlank()) {
            text.append('\n').append(messages.format("supervisor.kpi.formula", kpi.formula()));
        }
        if (kpi.value() == null) {
            text.append('\n').append(messages.get("supervisor.kpi.noData"));
        }
        if (kpi.parameters() != null) {
            kpi.parameters().forEach((name, value) ->
                    text.append('\n').append(messages.format("supervisor.kpi.parameter", name, value)));
        }
        return text.toString();
    }

    private String whole(double v) {
        return NumberFormat.getIntegerInstance(messages.locale()).format(Math.round(v));
    }
}
