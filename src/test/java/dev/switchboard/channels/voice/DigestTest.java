package dev.switchboard.channels.voice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest the gateway expects, checked against the worked example of RFC 2617 (section 3.5). */
class DigestTest {
    @Test
    void answersTheRfcExampleWithQopAuth() {
        String ha1 = Digest.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertThat(Digest.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "GET", "/dir/index.html", "auth",
                "00000001", "0a4f113b")).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void withoutQopTheOlderFormIsUsedAndADifferentPasswordNeverMatches() {
        String ha1 = Digest.ha1("agent", SipSettings.REALM, "agent");
        String plain = Digest.response(ha1, "abc", "REGISTER", "sip:127.0.0.1:5060", null, null, null);
        assertThat(plain).isEqualTo(Digest.md5Hex(ha1 + ":abc:" + Digest.md5Hex("REGISTER:sip:127.0.0.1:5060")));
        assertThat(Digest.response(Digest.ha1("agent", SipSettings.REALM, "wrong"), "abc", "REGISTER",
                "sip:127.0.0.1:5060", null, null, null)).isNotEqualTo(plain);
    }
}
