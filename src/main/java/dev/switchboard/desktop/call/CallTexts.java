package dev.switchboard.desktop.call;

import dev.switchboard.api.CallView;
import dev.switchboard.api.ConsultView;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.domain.CallState;

import java.time.Duration;
import java.time.Instant;

/** The words of the call bar: where the call stands, how long it has lasted, the keys pressed. */
final class CallTexts {
    private final Messages messages;

    CallTexts(Messages messages) {
        this.messages = messages;
    }

    /**
     * "Ringing your phone…", "Connected", "On hold", "Muted", "Consulting Sam Patel — ringing…", "Call
     * ended", or the server's reason it failed. {@code over}: the contact is in wrap-up, so the call has
     * ended even if nobody said so.
     */
    String status(CallLine line, boolean over) {
        CallView view = line == null ? null : line.view;
        if (view == null) {
            if (over) {
                return messages.get("call.status.ended");
            }
            return line != null && line.fetching ? messages.get("call.status.checking")
                    : messages.get("call.status.unknown");
        }
        return switch (view.state()) {
            case QUEUED -> messages.get("call.status.queued");
            case CONNECTING -> messages.get("call.status.connecting");
            case CONNECTED -> connected(view);
            case ENDED -> messages.get("call.status.ended");
            case FAILED -> view.problem() == null || view.problem().isBlank()
                    ? messages.get("call.status.failed") : view.problem().strip();
        };
    }

    /** The talking clock: running while connected, stopped at the length of the call once it ended. */
    String timer(CallLine line, Instant now) {
        if (line == null || line.connectedSince == null || line.state() == null) {
            return "";
        }
        if (line.state() == CallState.CONNECTED) {
            return Formats.clock(Duration.between(line.connectedSince, now));
        }
        if (line.state() == CallState.ENDED && line.endedAt != null) {
            return Formats.clock(Duration.between(line.connectedSince, line.endedAt));
        }
        return "";
    }

    /** "Keys 12#": the tones sent and received so far, in order. */
    String digits(CallLine line) {
        String digits = line == null || line.view == null ? null : line.view.digits();
        return digits == null || digits.isBlank() ? "" : messages.format("call.digits", digits.strip());
    }

    String holdLabel(boolean onHold) {
        return messages.get(onHold ? "call.resume" : "call.hold");
    }

    String muteLabel(boolean muted) {
        return messages.get(muted ? "call.unmute" : "call.mute");
    }

    private String connected(CallView view) {
        if (view.consult() != null) {
            String key = switch (view.consult().state()) {
                case ConsultView.CONNECTED -> "call.consult.status.connected";
                case ConsultView.CONFERENCE -> "call.consult.status.conference";
                default -> "call.consult.status.ringing";
            };
            return messages.format(key, view.consult().target());
        }
        if (view.onHold() && view.muted()) {
            return messages.get("call.status.heldMuted");
        }
        if (view.onHold()) {
            return messages.get("call.status.held");
        }
        return messages.get(view.muted() ? "call.status.muted" : "call.status.connected");
    }
}
