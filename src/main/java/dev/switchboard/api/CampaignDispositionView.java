package dev.switchboard.api;

import dev.switchboard.domain.outbound.DncScope;

/** A disposition an agent may choose at the end of a connected call, with its one-key shortcut and effect. */
public record CampaignDispositionView(String code, char key, boolean closesRecord, boolean schedulesCallback,
                                      DncScope addsToDoNotCall) {
}
