package dev.switchboard.desktop.outbound;

import dev.switchboard.api.CampaignDispositionView;

import java.util.List;

/** A campaign the agent may work, as the picker shows it (by name). */
public record CampaignItem(long id, String name, int maxAttempts, List<CampaignDispositionView> dispositions) {
    @Override
    public String toString() {
        return name;
    }
}
