package dev.switchboard.api;

/** Pauses ({@code false}) or resumes ({@code true}) a campaign. */
public record CampaignActiveRequest(Boolean active) {
}
