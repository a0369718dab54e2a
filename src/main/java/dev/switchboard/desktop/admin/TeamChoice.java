package dev.switchboard.desktop.admin;

/** A choice of the team box: a team, or no team ({@code id} null). */
public record TeamChoice(Long id, String name) {
    @Override
    public String toString() {
        return name;
    }
}
