package dev.switchboard.channels.voice;

import dev.switchboard.channels.voice.VoiceEvents.Side;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** One SIP dialog of a call, with what each end last said about its media. */
final class Leg {
    final Call call;
    final Side side;
    final String sipCallId;
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final long sdpSession = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    long sdpVersion;
    String username;
    String number;
    boolean external;
    Dialog dialog;
    ServerTransaction invite;
    ClientTransaction outgoing;
    Response pendingOk;
    Request lastAck;
    String remoteSdp;
    String lastSent;
    String lastSentBody;
    String wanted;
    boolean reinviting;
    /** The relayed SDP of the re-INVITE in flight, and its transaction. */
    String inFlight;
    ClientTransaction reinviteTx;
    /** What the leg last agreed to (without our origin line). */
    String agreedBody;
    boolean offerless;
    /** DTMF digits waiting to go, and the INFO of the one under way. */
    final Deque<String> digits = new ArrayDeque<>();
    ClientTransaction infoTx;
    boolean cancelled;
    boolean confirmed;
    boolean gone;
    boolean timedOut;
    ScheduledFuture<?> ringTimer;

    Leg(Call call, Side side, String sipCallId) {
        this.call = call;
        this.side = side;
        this.sipCallId = sipCallId;
    }

    /** The SDP to send this leg, with our origin (its version goes up when the content changes). */
    String outgoingSdp(String sdp, String host) {
        String body = Sdp.withoutOrigin(sdp);
        if (!body.equals(lastSentBody)) {
            sdpVersion++;
            lastSentBody = body;
            lastSent = Sdp.withOrigin(sdp, sdpSession, sdpVersion, host);
        }
        return lastSent;
    }

    /** Whether sending this SDP would change what the leg was last told. */
    boolean isNew(String sdp) {
        return !Sdp.withoutOrigin(sdp).equals(lastSentBody);
    }

    void cancelTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
            ringTimer = null;
        }
    }
}
