package dev.switchboard.domain.outbound;

import dev.switchboard.domain.AddressNormalizer;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The do-not-call lists in memory. Every number is stored under the key the project's
 * {@link AddressNormalizer} gives it, so {@code 020 7946 0000} and {@code +44 20 7946 0000} are one
 * entry; a number with no key cannot be listed (and cannot be dialled either). Safe to share
 * between the dialler loop and the threads that add entries.
 */
public final class DoNotCallLists implements DoNotCall {
    private final AddressNormalizer normalizer;
    private final Set<String> global = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> byCampaign = new ConcurrentHashMap<>();

    public DoNotCallLists(AddressNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** Puts a number on the global list; the E.164 key it was stored under, or empty if it is no number. */
    public Optional<String> addGlobal(String rawNumber) {
        Optional<String> key = normalizer.phone(rawNumber);
        key.ifPresent(global::add);
        return key;
    }

    /** Puts a number on one campaign's list; the E.164 key, or empty if it is no number. */
    public Optional<String> addForCampaign(String campaignId, String rawNumber) {
        Optional<String> key = normalizer.phone(rawNumber);
        key.ifPresent(k -> byCampaign.computeIfAbsent(campaignId, id -> ConcurrentHashMap.newKeySet()).add(k));
        return key;
    }

    /** Carries out what a disposition asked for ({@link RecordLifecycle.Wrapped#dncEntry()}). */
    public Optional<String> add(DncEntry entry) {
        return entry.scope() == DncScope.GLOBAL ? addGlobal(entry.number())
                : addForCampaign(entry.campaignId(), entry.number());
    }

    @Override
    public boolean onGlobalList(String e164) {
        return normalizer.phone(e164).map(global::contains).orElse(false);
    }

    @Override
    public boolean onCampaignList(String campaignId, String e164) {
        Set<String> list = byCampaign.get(campaignId);
        return list != null && normalizer.phone(e164).map(list::contains).orElse(false);
    }
}
