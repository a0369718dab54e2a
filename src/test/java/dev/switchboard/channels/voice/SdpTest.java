package dev.switchboard.channels.voice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hold and mute change only the direction; each leg sees the bridge's own origin. */
class SdpTest {
    private static final String OFFER = String.join("\r\n",
            "v=0", "o=caller 53655765 2353687637 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0",
            "a=sendrecv",
            "m=audio 49170 RTP/AVP 0 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000",
            "m=video 51372 RTP/AVP 31", "a=recvonly", "") + "\r\n";

    @Test
    void setsOneDirectionOnEveryMediaSectionAndKeepsTheMediaLines() {
        String held = Sdp.withDirection(OFFER, "sendonly");
        assertThat(held).doesNotContain("a=sendrecv").doesNotContain("a=recvonly");
        assertThat(held.split("a=sendonly", -1)).hasSize(3);
        assertThat(held).contains("m=audio 49170 RTP/AVP 0 101", "c=IN IP4 192.0.2.10", "a=rtpmap:101 telephone-event/8000",
                "m=video 51372 RTP/AVP 31");
        assertThat(Sdp.direction(held)).isEqualTo("sendonly");
        assertThat(Sdp.direction(Sdp.withDirection(held, "sendrecv"))).isEqualTo("sendrecv");
    }

    @Test
    void readsTheFirstMediaSectionsDirectionElseTheSessionsElseSendrecv() {
        assertThat(Sdp.direction(OFFER)).isEqualTo("sendrecv");
        assertThat(Sdp.direction("v=0\r\na=inactive\r\nm=audio 1 RTP/AVP 0\r\n")).isEqualTo("inactive");
        assertThat(Sdp.direction("v=0\r\nm=audio 1 RTP/AVP 0\r\n")).isEqualTo("sendrecv");
    }

    @Test
    void replacesTheOriginSoALegSeesOneSessionWhoseVersionGoesUp() {
        String first = Sdp.withOrigin(OFFER, 42, 1, "203.0.113.5");
        String second = Sdp.withOrigin(Sdp.withDirection(OFFER, "sendonly"), 42, 2, "203.0.113.5");
        assertThat(first).contains("o=switchboard 42 1 IN IP4 203.0.113.5").doesNotContain("o=caller");
        assertThat(second).contains("o=switchboard 42 2 IN IP4 203.0.113.5");
        assertThat(Sdp.withoutOrigin(first)).isEqualTo(Sdp.withoutOrigin(OFFER));
        assertThat(Sdp.withOrigin(OFFER, 1, 1, "2001:db8::1")).contains("IN IP6 2001:db8::1");
    }
}
