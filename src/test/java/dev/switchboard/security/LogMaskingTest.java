package dev.switchboard.security;

import dev.switchboard.server.security.LogMasking;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal data and secrets in log lines, masked; ordinary numbers left alone. */
class LogMaskingTest {
    @Test
    void emailAddressesKeepTheirFirstLettersAndTheTopLevelDomain() {
        assertThat(LogMasking.mask("Mailbox john.smith@example.com: connected"))
                .isEqualTo("Mailbox j***@e***.com: connected");
        assertThat(LogMasking.mask("from <Ana+tag@mail.shop.co.uk>, to support@switchboard.demo"))
                .isEqualTo("from <A***@m***.uk>, to s***@s***.demo");
    }

    @Test
    void phoneNumbersKeepTheirFirstTwoAndLastThreeDigits() {
        assertThat(LogMasking.mask("INVITE from +441632960123 not sent")).isEqualTo("INVITE from +44*******123 not sent");
        assertThat(LogMasking.mask("call to +44 20 7946 0958 failed")).isEqualTo("call to +44*******958 failed");
        assertThat(LogMasking.mask("sip:07700900123@10.0.0.5")).isEqualTo("sip:07******123@10.0.0.5");
        assertThat(LogMasking.mask("caller (020) 7946-0018 hung up")).isEqualTo("caller 02******018 hung up");
    }

    @Test
    void idsTimesPortsAndAddressesAreLeftAlone() {
        String line = "interaction 1234567 offered to agent 42 at 2026-03-02T09:15:00Z via 127.0.0.1:5060 (seq 10000000)";
        assertThat(LogMasking.mask(line)).isEqualTo(line);
        assertThat(LogMasking.mask(null)).isNull();
        assertThat(LogMasking.mask("")).isEmpty();
    }

    @Test
    void secretsThatSlippedIntoALineAreReplaced() {
        assertThat(LogMasking.mask("Authorization: Bearer AbCdEf0123456789_-xyz"))
                .isEqualTo("Authorization: Bearer ***");
        assertThat(LogMasking.mask("Digest username=\"agent\", nonce=\"n1\", response=\"6629fae49393a05397450978507c4ef1\""))
                .isEqualTo("Digest username=\"agent\", nonce=\"n1\", response=\"***\"");
        assertThat(LogMasking.mask("{\"username\":\"agent\",\"password\":\"hunter2-secret\"}"))
                .isEqualTo("{\"username\":\"agent\",\"password\":\"***\"}");
        assertThat(LogMasking.mask("imap login user=a password=s3cr3t&x=1")).isEqualTo("imap login user=a password=***&x=1");
    }
}
