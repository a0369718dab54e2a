package dev.switchboard.channels.voice;

import dev.switchboard.channels.voice.VoiceEvents.Side;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway says on one leg of a call: the INVITE that opens it (and its ring timer), ACKs,
 * re-INVITEs one at a time (with retry on glare), DTMF INFOs in order, and hanging a leg up however
 * far it got. Called with the leg's call locked; knows nothing of how legs are bridged.
 */
final class LegSignals {
    private static final Logger LOG = LoggerFactory.getLogger(SipGateway.class);

    private final SipProvider provider;
    private final SipMessages sip;
    private final String host;
    private final ScheduledExecutorService timers;
    private final Map<String, Leg> legs;

    LegSignals(SipProvider provider, SipMessages sip, String host, ScheduledExecutorService timers,
               Map<String, Leg> legs) {
        this.provider = provider;
        this.sip = sip;
        this.host = host;
        this.timers = timers;
        this.legs = legs;
    }

    static String phoneProblem(int status, boolean timedOut) {
        if (timedOut || status == Response.REQUEST_TIMEOUT || status == Response.REQUEST_TERMINATED) {
            return "Your phone did not answer.";
        }
        if (status == Response.BUSY_HERE || status == Response.BUSY_EVERYWHERE) {
            return "Your phone is busy (" + status + ").";
        }
        if (status == Response.DECLINE) {
            return "Your phone declined the call.";
        }
        return "Your phone could not take the call (" + status + ").";
    }

    static String numberProblem(int status, boolean timedOut) {
        if (timedOut || status == Response.REQUEST_TIMEOUT || status == Response.REQUEST_TERMINATED) {
            return "The number did not answer.";
        }
        if (status == Response.BUSY_HERE || status == Response.BUSY_EVERYWHERE) {
            return "The number is busy.";
        }
        if (status == Response.NOT_FOUND || status == Response.ADDRESS_INCOMPLETE) {
            return "The number does not exist (" + status + ").";
        }
        return "The call could not be placed (" + status + ").";
    }

    void reinviteAnswered(Leg leg, Response resp, Dialog dialog) throws Exception {
        leg.reinviting = false;
        int status = resp.getStatusCode();
        if (status < 300) {
            String answer = SipMessages.body(resp);
            if (answer != null) {
                leg.remoteSdp = answer;
            }
            Request ack = dialog.createAck(SipMessages.cseq(resp));
            dialog.sendAck(ack);
            leg.lastAck = ack;
            leg.agreedBody = leg.lastSentBody;
        } else {
            // the change did not happen: what the leg has is what it last agreed to
            String refused = leg.inFlight;
            leg.lastSentBody = leg.agreedBody;
            if (status == Response.REQUEST_PENDING && leg.wanted == null && refused != null) {
                // both ends asked at once (glare): ask again a little later, as RFC 3261 says
                long delay = 2100 + (long) (Math.random() * 1900);
                timers.schedule(() -> retry(leg, refused), delay, TimeUnit.MILLISECONDS);
            } else if (status != Response.REQUEST_PENDING) {
                LOG.info("call {}: the {} side refused a media change ({})", leg.call.id, leg.side, status);
            }
        }
        leg.inFlight = null;
        if (leg.wanted != null && leg.call.status != SipGateway.CallStatus.ENDED) {
            String next = leg.wanted;
            leg.wanted = null;
            reinvite(leg, next);
        }
    }

    void retry(Leg leg, String sdp) {
        synchronized (leg.call) {
            if (leg.call.status == SipGateway.CallStatus.ENDED || leg.gone) {
                return;
            }
            try {
                reinvite(leg, sdp);
            } catch (Exception e) {
                LOG.debug("could not retry a media change on call {}", leg.call.id, e);
            }
        }
    }

    void resendAck(Leg leg, Dialog dialog, Response resp) throws SipException {
        if (resp.getStatusCode() >= 200 && resp.getStatusCode() < 300 && leg.lastAck != null && dialog != null
                && SipMessages.cseq(resp) == SipMessages.cseq(leg.lastAck)) {
            dialog.sendAck(leg.lastAck);
        }
    }

    Leg newLeg(Call call, Side side) {
        Leg leg = new Leg(call, side, provider.getNewCallId().getCallId());
        legs.put(leg.sipCallId, leg);
        return leg;
    }

    void sendInvite(Leg leg, URI target, String fromUser, String toUser, String sdp, Duration ringFor)
            throws ParseException, SipException {
        Request invite;
        try {
            invite = sip.invite(leg.sipCallId, target, fromUser, toUser, leg.tag, sdp);
        } catch (javax.sip.InvalidArgumentException e) {
            throw new SipException(e.getMessage(), e);
        }
        ClientTransaction ct = provider.getNewClientTransaction(invite);
        leg.outgoing = ct;
        leg.offerless = sdp == null;
        if (sdp != null) {
            leg.agreedBody = leg.lastSentBody;
        }
        ct.sendRequest();
        leg.dialog = ct.getDialog();
        leg.ringTimer = timers.schedule(() -> ringOut(leg), ringFor.toMillis(), TimeUnit.MILLISECONDS);
    }

    void ringOut(Leg leg) {
        synchronized (leg.call) {
            if (leg.outgoing == null) {
                return;
            }
            leg.timedOut = true;
            try {
                provider.getNewClientTransaction(leg.outgoing.createCancel()).sendRequest();
            } catch (SipException e) {
                LOG.debug("could not cancel an unanswered INVITE", e);
            }
        }
    }

    void ack(Leg leg, Response ok, String sdp) throws Exception {
        Dialog dialog = leg.dialog;
        Request ack = dialog.createAck(SipMessages.cseq(ok));
        if (sdp != null) {
            ack.setContent(sdp, sip.sdpType());
        }
        dialog.sendAck(ack);
        leg.lastAck = ack;
        leg.confirmed = true;
    }

    /**
     * Sends the leg a new session description (as relayed, before our origin goes on), one
     * re-INVITE at a time; a change asked for meanwhile goes next, and only if it still changes anything.
     */
    void reinvite(Leg leg, String sdp) throws Exception {
        if (leg.dialog == null || leg.gone) {
            return;
        }
        if (leg.reinviting) {
            leg.wanted = sdp;
            return;
        }
        if (!leg.isNew(sdp)) {
            return;
        }
        Request r = leg.dialog.createRequest(Request.INVITE);
        r.setContent(leg.outgoingSdp(sdp, host), sip.sdpType());
        r.setHeader(sip.contact());
        ClientTransaction ct = provider.getNewClientTransaction(r);
        leg.reinviting = true;
        leg.inFlight = sdp;
        leg.reinviteTx = ct;
        leg.dialog.sendRequest(ct);
    }

    /** Queues a DTMF digit for the leg; digits go one INFO at a time, in order. */
    void sendInfo(Leg leg, String digit) {
        if (leg.dialog == null || leg.gone || !leg.confirmed) {
            return;
        }
        leg.digits.add(digit);
        if (leg.infoTx == null) {
            sendNextDigit(leg);
        }
    }

    void sendNextDigit(Leg leg) {
        String digit = leg.digits.poll();
        if (digit == null || leg.gone) {
            return;
        }
        try {
            Request info = leg.dialog.createRequest(Request.INFO);
            info.setContent("Signal=" + digit + "\r\nDuration=160\r\n", sip.dtmfType());
            ClientTransaction ct = provider.getNewClientTransaction(info);
            leg.infoTx = ct;
            leg.dialog.sendRequest(ct);
        } catch (Exception e) {
            leg.infoTx = null;
            LOG.debug("could not relay DTMF {} on call {}", digit, leg.call.id, e);
        }
    }

    /** The answer to a digit's INFO (or its timeout): the next digit may go. */
    void digitDone(Leg leg, ClientTransaction ct) {
        synchronized (leg.call) {
            if (ct != null && ct == leg.infoTx) {
                leg.infoTx = null;
                sendNextDigit(leg);
            }
        }
    }

    /** Hangs up one leg however far it got: BYE, CANCEL, or a final answer to its pending INVITE. */
    void drop(Leg leg) {
        leg.cancelTimer();
        try {
            if (leg.invite != null) {
                leg.invite.sendResponse(sip.response(Response.TEMPORARILY_UNAVAILABLE, leg.invite.getRequest(),
                        leg.tag));
                leg.invite = null;
            } else if (leg.outgoing != null) {
                leg.cancelled = true;
                provider.getNewClientTransaction(leg.outgoing.createCancel()).sendRequest();
                return;
            } else if (leg.pendingOk != null) {
                ack(leg, leg.pendingOk, Sdp.withDirection(leg.remoteSdp, "inactive"));
                leg.pendingOk = null;
                bye(leg);
            } else if (!leg.gone) {
                bye(leg);
            }
        } catch (Exception e) {
            LOG.debug("could not hang up a leg of call {}", leg.call.id, e);
        }
        leg.gone = true;
        legs.remove(leg.sipCallId);
    }

    void bye(Leg leg) throws SipException {
        if (leg.dialog == null || leg.gone) {
            return;
        }
        leg.gone = true;
        Request bye = leg.dialog.createRequest(Request.BYE);
        leg.dialog.sendRequest(provider.getNewClientTransaction(bye));
    }
}
