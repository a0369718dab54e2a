package dev.switchboard.desktop.supervisor;

/** The reports a supervisor exports: per queue and 15-minute interval, or per agent over the days chosen. */
public enum ReportKind {
    INTERVALS("intervals"),
    AGENTS("agents");

    private final String wire;

    ReportKind(String wire) {
        this.wire = wire;
    }

    /** The {@code kind} the server takes. */
    public String wire() {
        return wire;
    }
}
