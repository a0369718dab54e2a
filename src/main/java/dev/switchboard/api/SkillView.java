package dev.switchboard.api;

/** A skill an agent has, with its level (1 = basic … 10 = expert). */
public record SkillView(String skill, int level) {
}
