package dev.switchboard.api;

import dev.switchboard.domain.MatchKind;

import java.util.List;

/** The stored interaction and how its address matched. */
public record IngestResponse(InteractionView interaction, MatchKind match, List<Long> candidateIds) {
}
