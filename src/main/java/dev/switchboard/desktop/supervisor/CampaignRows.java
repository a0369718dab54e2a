package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.CampaignProgressView;
import dev.switchboard.api.CampaignView;
import dev.switchboard.desktop.Messages;
import dev.switchboard.domain.outbound.DiallingMode;

/**
 * Turns the server's campaigns into the rows of the Campaigns tab.
 *
 * <p>"How far through the list" is (closed + blocked) ÷ records: closed records are finished, and blocked
 * ones will never be dialled as the rules stand, so both are behind the campaign; what is left is exactly
 * the remaining records. The abandon rate is abandoned ÷ (connected + abandoned) — the share of answered
 * calls no agent took — against the campaign's limit: over it is missed, over {@link #NEAR_SHARE} of it
 * is close.
 */
final class CampaignRows {
    /** Share of the abandon limit past which the rate turns amber. */
    static final double NEAR_SHARE = 0.8;
    private static final CampaignProgressView NO_PROGRESS = new CampaignProgressView(0, 0, 0, 0, 0, 0, 0, 0);

    private final Messages messages;

    CampaignRows(Messages messages) {
        this.messages = messages;
    }

    CampaignRow row(CampaignView c) {
        CampaignProgressView p = c.progress() == null ? NO_PROGRESS : c.progress();
        int done = p.closed() + p.blocked();
        double share = p.records() == 0 ? 0 : Math.min(1.0, (double) done / p.records());
        String shareText;
        String shareTip;
        if (p.records() == 0) {
            shareText = messages.get("supervisor.campaigns.none");
            shareTip = messages.get("supervisor.campaigns.progress.empty");
        } else {
            long percent = (long) Math.floor(share * 100); // 99.6 % is not yet "100 %"
            shareText = messages.format("supervisor.campaigns.percent", percent);
            shareTip = messages.format("supervisor.campaigns.progress.tip", percent, p.closed(), p.blocked(),
                    p.records(), p.remaining());
        }
        int answered = p.connected() + p.abandoned();
        Double rate = answered == 0 ? null : (double) p.abandoned() / answered;
        double limit = c.maxAbandonRate();
        String rateText;
        String rateTip;
        if (rate == null) {
            rateText = messages.get("supervisor.campaigns.none");
            rateTip = messages.format("supervisor.campaigns.rate.noneTip", limit * 100);
        } else {
            rateText = messages.format("supervisor.campaigns.rate", rate * 100, limit * 100);
            rateTip = messages.format("supervisor.campaigns.rate.tip", p.abandoned(), answered, limit * 100,
                    limit * NEAR_SHARE * 100);
        }
        return new CampaignRow(c.id(), c.name(), mode(c.mode()), c.note() == null ? "" : c.note(), c.active(),
                messages.get(c.active() ? "supervisor.campaigns.active" : "supervisor.campaigns.paused"),
                share, shareText, shareTip, p.attempted(), p.connected(), rate, rateText,
                abandonLevel(rate, limit), rateTip, p.remaining(), p.blocked());
    }

    /**
     * An abandon rate against its limit (both as shares, 0.03 for 3 %): over the limit missed, over
     * {@link #NEAR_SHARE} of it close, else met; null (nothing answered yet) is not judged.
     */
    static Level abandonLevel(Double rate, double limit) {
        if (rate == null) {
            return Level.NONE;
        }
        if (rate > limit) {
            return Level.MISSED;
        }
        return rate > limit * NEAR_SHARE ? Level.NEAR : Level.MET;
    }

    private String mode(DiallingMode mode) {
        if (mode == null) {
            return messages.get("supervisor.campaigns.none");
        }
        return messages.get(switch (mode) {
            case PREVIEW -> "supervisor.campaigns.mode.preview";
            case PROGRESSIVE -> "supervisor.campaigns.mode.progressive";
            case PREDICTIVE -> "supervisor.campaigns.mode.predictive";
        });
    }
}
