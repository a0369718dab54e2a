package dev.switchboard.channels.social;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook signature against values computed outside Java, and the settings keeping secrets out of logs. */
class SocialSignaturesTest {
    private static final byte[] BODY = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAsTheHmacOfTheRawBody() {
        // computed with: printf '%s' '<body>' | openssl dgst -sha256 -hmac '<secret>'
        assertThat(SocialSignatures.sign("It is a secret", BODY))
                .isEqualTo("sha256=607dafe58820393f709bbfbc23e2b94eed8074821f024dba5228209e6af6687e");
        assertThat(SocialSignatures.sign("key",
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void verifiesOnlyTheExactSignature() {
        String good = "sha256=607dafe58820393f709bbfbc23e2b94eed8074821f024dba5228209e6af6687e";
        assertThat(SocialSignatures.verify("It is a secret", BODY, good)).isTrue();
        assertThat(SocialSignatures.verify("It is a secret", BODY, good.toUpperCase().replace("SHA256=", "sha256=")))
                .isTrue();
        assertThat(SocialSignatures.verify("It is another secret", BODY, good)).isFalse();
        assertThat(SocialSignatures.verify("It is a secret", "{}".getBytes(StandardCharsets.UTF_8), good)).isFalse();
        assertThat(SocialSignatures.verify("It is a secret", BODY, null)).isFalse();
        assertThat(SocialSignatures.verify("It is a secret", BODY, good.replace("sha256", "sha1"))).isFalse();
        assertThat(SocialSignatures.verify("It is a secret", BODY, good.substring(7))).isFalse();
        assertThat(SocialSignatures.verify("It is a secret", BODY, good + "00")).isFalse();
        assertThat(SocialSignatures.verify("It is a secret", BODY, good.replace('e', 'g'))).isFalse();
    }

    @Test
    void thereIsNoSignatureWithoutASecret() {
        assertThatThrownBy(() -> SocialSignatures.sign("", BODY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsNeverShowTheirSecrets() {
        SocialSettings s = new SocialSettings("app-secret-value", "verify-value", "access-token-value",
                "https://graph.example/v21.0/", "1065", 0, null);
        assertThat(s.toString()).doesNotContain("app-secret-value", "verify-value", "access-token-value");
        assertThat(s.apiBaseUrl()).isEqualTo("https://graph.example/v21.0");
        assertThat(s.maxAttempts()).isEqualTo(3);
        assertThat(s.firstRetryDelay()).isEqualTo(Duration.ofMillis(500));
    }
}
