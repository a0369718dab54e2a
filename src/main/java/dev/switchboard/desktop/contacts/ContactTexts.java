package dev.switchboard.desktop.contacts;

import dev.switchboard.api.InteractionView;
import dev.switchboard.api.RoutingView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Urgency;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MatchKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The words and clocks of a contact in the list and its tab: who and what, the state, the running
 * clock (waiting, talking, the offer's time left, the wrap-up countdown), and why an offer went away.
 */
final class ContactTexts {
    private final Messages messages;
    private final EnumText enums;

    ContactTexts(Messages messages, EnumText enums) {
        this.messages = messages;
        this.enums = enums;
    }

    void describe(ContactItem item, Instant now) {
        item.stateText.set(enums.interactionState(item.state()));
        InteractionView view = item.interaction();
        item.urgency.set(Urgency.NORMAL);
        if (item.state() == InteractionState.WRAP_UP) {
            describeWrapUp(item, view, now);
        } else if (item.state() == InteractionState.OFFERED) {
            item.timer.set(Formats.clock(Duration.between(item.offeredAt(), now)));
            Duration total = Duration.between(item.offeredAt(), item.expiresAt());
            Duration left = Duration.between(now, item.expiresAt());
            long seconds = Math.max(0, (left.toMillis() + 999) / 1000);
            item.remainingText.set(messages.format("contacts.remaining", seconds));
            item.remaining.set(total.isZero() || total.isNegative() ? 0
                    : Math.max(0, Math.min(1, left.toMillis() / (double) total.toMillis())));
        } else {
            Instant since = view.answeredAt() != null ? view.answeredAt() : item.offeredAt();
            item.timer.set(Formats.clock(Duration.between(since, now)));
            item.remainingText.set("");
            item.remaining.set(0);
        }
    }

    /** In wrap-up the clock counts down to the deadline, then (when a disposition is required) up, overdue. */
    private void describeWrapUp(ContactItem item, InteractionView view, Instant now) {
        item.remainingText.set("");
        item.remaining.set(0);
        RoutingView routing = view.routing();
        Instant deadline = routing == null ? null : routing.wrapUpDeadline();
        if (deadline == null) {
            Instant since = view.endedAt() != null ? view.endedAt() : now;
            item.timer.set(Formats.clock(Duration.between(since, now)));
            return;
        }
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() && routing.wrapUpRequired()) {
            item.timer.set(messages.format("contacts.overdue", Formats.clock(left.negated())));
        } else {
            item.timer.set(Formats.clock(left.isNegative() ? Duration.ZERO : left.plusMillis(999)));
        }
        item.urgency.set(Urgency.ofCountdown(left));
    }

    String title(ScreenPop pop) {
        InteractionView view = pop.interaction();
        String address = view.addressDisplay() != null ? view.addressDisplay() : view.address();
        if (pop.match() == MatchKind.SINGLE && pop.customer() != null) {
            return pop.customer().displayName();
        }
        if (pop.match() == MatchKind.SEVERAL && pop.candidates() != null) {
            return messages.format("contacts.title.several", address, pop.candidates().size());
        }
        return address;
    }

    String subject(InteractionView view) {
        RoutingView routing = view.routing();
        if (routing != null && routing.callbackNumber() != null && !routing.callbackNumber().isBlank()) {
            return messages.format("contacts.callback", routing.callbackNumber());
        }
        if (view.subject() != null && !view.subject().isBlank()) {
            return view.subject().strip();
        }
        String line = Formats.firstLine(view.body());
        return line.isEmpty() ? enums.noSubject(view.channel()) : line;
    }

    String reason(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (r.contains("time") || r.contains("expire")) {
            return messages.get("contacts.revoked.timeout");
        }
        if (r.contains("taken") || r.contains("elsewhere") || r.contains("accepted") || r.contains("other")) {
            return messages.get("contacts.revoked.taken");
        }
        if (r.contains("unavailable")) {
            return messages.get("contacts.revoked.unavailable");
        }
        if (r.contains("withdrawn")) {
            return messages.get("contacts.revoked.withdrawn");
        }
        if (r.contains("abandon") || r.contains("hang") || r.contains("hung") || r.contains("left")) {
            return messages.get("contacts.revoked.abandoned");
        }
        if (r.contains("reject")) {
            return messages.get("contacts.revoked.rejected");
        }
        return r.isBlank() ? messages.get("contacts.revoked.unknown") : reason;
    }
}
