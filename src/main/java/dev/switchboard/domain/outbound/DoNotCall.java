package dev.switchboard.domain.outbound;

/**
 * The do-not-call lists the dialler checks just before every dial, keyed by the normalised (E.164)
 * number: the centre's global list and each campaign's own. The server backs it with its store;
 * {@link DoNotCallLists} holds them in memory.
 */
public interface DoNotCall {
    /** Whether the number (already E.164) is on the centre's global list. */
    boolean onGlobalList(String e164);

    /** Whether the number (already E.164) is on this campaign's list. */
    boolean onCampaignList(String campaignId, String e164);
}
