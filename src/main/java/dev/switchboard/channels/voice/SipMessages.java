package dev.switchboard.channels.voice;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Builds the requests and responses the gateway sends, and reads what it needs out of messages. */
final class SipMessages {
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, INFO, OPTIONS, REGISTER";

    final AddressFactory addresses;
    final HeaderFactory headers;
    final MessageFactory messages;
    private final String host;
    private final int port;

    SipMessages(AddressFactory addresses, HeaderFactory headers, MessageFactory messages, String host, int port) {
        this.addresses = addresses;
        this.headers = headers;
        this.messages = messages;
        this.host = host;
        this.port = port;
    }

    /** A new INVITE outside any dialog, with the SDP when there is one. */
    Request invite(String callIdValue, URI target, String fromUser, String toUser, String tag, String sdp)
            throws ParseException, InvalidArgumentException {
        SipURI fromUri = addresses.createSipURI(fromUser, host);
        FromHeader from = headers.createFromHeader(addresses.createAddress(fromUri), tag);
        SipURI toUri = addresses.createSipURI(toUser, host);
        ToHeader to = headers.createToHeader(addresses.createAddress(toUri), null);
        CallIdHeader callId = headers.createCallIdHeader(callIdValue);
        CSeqHeader cseq = headers.createCSeqHeader(1L, Request.INVITE);
        ViaHeader via = headers.createViaHeader(host, port, "udp", null);
        MaxForwardsHeader maxForwards = headers.createMaxForwardsHeader(70);
        Request r = messages.createRequest(target, Request.INVITE, callId, cseq, from, to, List.of(via), maxForwards);
        r.addHeader(contact());
        if (sdp != null) {
            r.setContent(sdp, sdpType());
        }
        return r;
    }

    Response response(int status, Request request) throws ParseException {
        return messages.createResponse(status, request);
    }

    /** A dialog-forming response: the leg's own tag on To, and our Contact. */
    Response response(int status, Request request, String toTag) throws ParseException {
        Response r = messages.createResponse(status, request);
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(toTag);
        }
        r.addHeader(contact());
        return r;
    }

    ContactHeader contact() throws ParseException {
        SipURI uri = addresses.createSipURI("switchboard", host);
        uri.setPort(port);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    ContentTypeHeader sdpType() throws ParseException {
        return headers.createContentTypeHeader("application", "sdp");
    }

    ContentTypeHeader dtmfType() throws ParseException {
        return headers.createContentTypeHeader("application", "dtmf-relay");
    }

    /** The message body as text, or null when it has none. */
    static String body(Message m) {
        byte[] raw = m.getRawContent();
        if (raw == null || raw.length == 0) {
            return null;
        }
        return new String(raw, StandardCharsets.UTF_8);
    }

    static String callId(Message m) {
        return ((CallIdHeader) m.getHeader(CallIdHeader.NAME)).getCallId();
    }

    static long cseq(Message m) {
        return ((CSeqHeader) m.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    static String method(Response r) {
        return ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod();
    }

    /** The user part of a SIP address, or its whole text when it has none. */
    static String user(Address a) {
        if (a == null) {
            return null;
        }
        URI uri = a.getURI();
        if (uri instanceof SipURI s && s.getUser() != null) {
            return s.getUser();
        }
        return uri.toString();
    }

    /** The DTMF digit an INFO body carries ({@code Signal=5}), or null. */
    static String dtmfSignal(String body) {
        if (body == null) {
            return null;
        }
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).trim().equalsIgnoreCase("Signal")) {
                String digit = line.substring(eq + 1).trim();
                return digit.matches("[0-9*#A-Da-d]") ? digit.toUpperCase(java.util.Locale.ROOT) : null;
            }
        }
        return null;
    }
}
