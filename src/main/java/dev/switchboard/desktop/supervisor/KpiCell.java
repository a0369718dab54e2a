package dev.switchboard.desktop.supervisor;

/**
 * One number on a tile as shown: its text ("82 %", "0:24", "—"), what it is ("Service level, last
 * 30 minutes"), how the server computed it (formula, then one line per parameter) and its colour.
 */
public record KpiCell(String text, String title, String formula, Level level) {
}
