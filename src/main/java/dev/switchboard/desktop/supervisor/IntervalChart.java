package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Messages;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart of today, drawn from plain shapes so that every colour comes from the stylesheet: per
 * 15-minute interval three bars (offered, answered, abandoned; counts on the left scale) and the
 * service level as a line with a dot per interval (percent on the right scale), with the target as a
 * dashed line. An interval without a service level breaks the line. Hovering an interval (or reading
 * it with a screen reader) gives its numbers. Redrawn only when the data or the size changes.
 */
final class IntervalChart extends Pane {
    private static final double LEFT = 44;
    private static final double RIGHT = 46;
    private static final double TOP = 10;
    private static final double MAX_BAR = 22;
    private static final double BOTTOM = 24;
    private static final int VOLUME_STEPS = 4;

    private final Messages messages;
    private ChartData data = ChartData.EMPTY;

    IntervalChart(Messages messages) {
        this.messages = messages;
        getStyleClass().add("supervisor-chart");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setMinSize(200, 120);
        widthProperty().addListener((obs, old, now) -> draw());
        heightProperty().addListener((obs, old, now) -> draw());
    }

    void show(ChartData next) {
        data = next == null ? ChartData.EMPTY : next;
        setAccessibleText(data.caption());
        draw();
    }

    private void draw() {
        List<Node> nodes = new ArrayList<>();
        List<ChartPoint> points = data.points();
        double w = getWidth() - LEFT - RIGHT;
        double h = getHeight() - TOP - BOTTOM;
        if (points.isEmpty() || w <= 0 || h <= 0) {
            getChildren().setAll(nodes);
            return;
        }
        long step = step(points.stream().mapToLong(ChartPoint::offered).max().orElse(0));
        double top = step * VOLUME_STEPS;
        for (int i = 0; i <= VOLUME_STEPS; i++) {
            double y = TOP + h - h * i / VOLUME_STEPS;
            nodes.add(line(LEFT, y, LEFT + w, y, i == 0 ? "supervisor-chart-axis-line" : "supervisor-chart-grid"));
            nodes.add(label(whole(step * i), 0, y - 8, LEFT - 6, Pos.CENTER_RIGHT, "supervisor-chart-tick"));
            nodes.add(label(messages.format("supervisor.kpi.percent", whole(100L * i / VOLUME_STEPS)), LEFT + w + 6,
                    y - 8, RIGHT - 6, Pos.CENTER_LEFT, "supervisor-chart-tick"));
        }
        double band = w / points.size();
        double bar = Math.min(MAX_BAR, Math.max(1, band * 0.8 / 3)); // early in the day: bars, not walls
        int labelEvery = points.size() > 48 ? 8 : points.size() > 20 ? 4 : points.size() > 8 ? 2 : 1;
        Path sl = new Path();
        sl.getStyleClass().add("supervisor-chart-sl");
        boolean drawing = false;
        List<Node> dots = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            ChartPoint p = points.get(i);
            double x0 = LEFT + band * i;
            double base = TOP + h;
            double left = x0 + (band - 3 * bar) / 2;
            nodes.add(bar(left, base, bar, h * p.offered() / top, "supervisor-chart-offered"));
            nodes.add(bar(left + bar, base, bar, h * p.answered() / top, "supervisor-chart-answered"));
            nodes.add(bar(left + 2 * bar, base, bar, h * p.abandoned() / top, "supervisor-chart-abandoned"));
            if (p.serviceLevel() != null) {
                double x = x0 + band / 2;
                double y = TOP + h - h * Math.max(0, Math.min(100, p.serviceLevel())) / 100;
                sl.getElements().add(drawing ? new LineTo(x, y) : new MoveTo(x, y));
                drawing = true;
                Circle dot = new Circle(x, y, Math.min(3.5, Math.max(2, band / 6)));
                dot.getStyleClass().addAll("supervisor-chart-dot", TileView.level(data.target() == null ? Level.NONE
                        : Level.serviceLevel(p.serviceLevel(), data.target())));
                dots.add(dot);
            } else {
                drawing = false;
            }
            boolean hour = p.label().endsWith(":00");
            if (i % labelEvery == 0 && (hour || labelEvery == 1 || i == 0)) {
                nodes.add(line(x0, TOP + h, x0, TOP + h + 4, "supervisor-chart-axis-line"));
                nodes.add(label(p.label(), x0 - 24, TOP + h + 5, 48, Pos.CENTER, "supervisor-chart-tick"));
            }
        }
        if (data.target() != null) {
            double y = TOP + h - h * data.target() / 100.0;
            nodes.add(line(LEFT, y, LEFT + w, y, "supervisor-chart-target"));
            nodes.add(label(messages.format("supervisor.chart.target", data.target()), LEFT + 4, y - 18, 140,
                    Pos.CENTER_LEFT, "supervisor-chart-target-label"));
        }
        nodes.add(sl);
        nodes.addAll(dots);
        for (int i = 0; i < points.size(); i++) {
            nodes.add(hoverBand(points, i, LEFT + band * i, band, h));
        }
        getChildren().setAll(nodes);
    }

    /** A transparent column over an interval: the pointer and screen readers get its numbers. */
    private Node hoverBand(List<ChartPoint> points, int i, double x, double band, double h) {
        ChartPoint p = points.get(i);
        Rectangle r = new Rectangle(x, TOP, band, h);
        r.getStyleClass().add("supervisor-chart-band");
        r.setId("interval-" + i);
        String end = i + 1 < points.size() ? points.get(i + 1).label()
                : p.start() == null ? "" : endOf(p);
        String sl = p.serviceLevel() == null ? messages.get("supervisor.kpi.none")
                : messages.format("supervisor.kpi.percent", whole(Math.round(p.serviceLevel())));
        String tip = messages.format("supervisor.chart.tip", p.label(), end, p.offered(), p.answered(),
                p.abandoned(), sl);
        r.setAccessibleRole(AccessibleRole.TEXT);
        r.setAccessibleText(tip);
        Tooltip t = new Tooltip(tip);
        t.setShowDelay(Duration.millis(150));
        Tooltip.install(r, t);
        return r;
    }

    private static String endOf(ChartPoint p) {
        String[] hm = p.label().split(":");
        if (hm.length != 2) {
            return "";
        }
        try {
            int minutes = (Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]) + 15) % (24 * 60);
            return String.format("%02d:%02d", minutes / 60, minutes % 60);
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** A round step for the count scale, so that {@link #VOLUME_STEPS} steps reach the largest count. */
    static long step(long max) {
        long need = Math.max(1, (max + VOLUME_STEPS - 1) / VOLUME_STEPS);
        long magnitude = 1;
        while (magnitude * 10 <= need) {
            magnitude *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * magnitude >= need) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private String whole(long n) {
        return NumberFormat.getIntegerInstance(messages.locale()).format(n);
    }

    private static Rectangle bar(double x, double base, double width, double height, String style) {
        Rectangle r = new Rectangle(x, base - height, width, height);
        r.getStyleClass().add(style);
        r.setMouseTransparent(true);
        return r;
    }

    private static Line line(double x1, double y1, double x2, double y2, String style) {
        Line l = new Line(x1, y1, x2, y2);
        l.getStyleClass().add(style);
        l.setMouseTransparent(true);
        return l;
    }

    private static Label label(String s, double x, double y, double width, Pos alignment, String style) {
        Label l = new Label(s);
        l.getStyleClass().add(style);
        l.setMouseTransparent(true);
        l.setAlignment(alignment);
        l.setPrefWidth(width);
        l.setMinWidth(width);
        l.relocate(x, y);
        return l;
    }
}
