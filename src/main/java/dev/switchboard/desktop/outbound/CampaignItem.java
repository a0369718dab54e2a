package dev.switchboard.desktop.outbound;

import dev.switchboard.api.CampaignDispositionView;
import dev.switchboard.domain.outbound.DiallingMode;

import java.util.List;

/** A campaign the agent may work, as the picker shows it (by name). */
public record CampaignItem(long id, String name, DiallingMode mode, int maxAttempts,
                           List<CampaignDispositionView> dispositions) {
    /** Whether the server dials this campaign (PROGRESSIVE, PREDICTIVE): the agent takes a seat instead of previewing. */
    public boolean dialledByServer() {
        return mode != null && mode != DiallingMode.PREVIEW;
    }

    @Override
    public String toString() {
        return name;
    }
}
