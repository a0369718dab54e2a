package dev.switchboard.api;

import java.time.LocalTime;

/** A day's calling window in the contact's local time: from {@code start} (included) to {@code end} (excluded). */
public record CampaignWindowView(LocalTime start, LocalTime end) {
}
