package dev.switchboard.api;

/** A team of a business unit; its supervisors oversee its agents' contacts. */
public record TeamView(long id, String name, long unitId) {
}
