package dev.switchboard.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Raw messages as real (and careless) clients write them. */
class MailParserTest {
    private static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void aMailWithoutMessageIdGetsTheSameMadeUpIdEachTime() throws Exception {
        String raw = """
                From: Someone <Someone@Example.org>
                To: support@acme.test
                Subject: no id
                Date: Tue, 3 Mar 2026 10:15:00 +0000
                Content-Type: text/plain; charset=UTF-8

                Where is my parcel?
                """;
        InboundMail first = parse(raw);
        InboundMail again = parse(raw);
        InboundMail other = parse(raw.replace("parcel", "refund"));
        assertThat(first.messageId()).endsWith("@" + MailParser.SYNTHETIC_ID_DOMAIN).isEqualTo(again.messageId())
                .isNotEqualTo(other.messageId());
        assertThat(first.sentAt()).isEqualTo(Instant.parse("2026-03-03T10:15:00Z"));
        assertThat(first.fromAddress()).isEqualTo("someone@example.org");
        assertThat(first.text()).isEqualTo("Where is my parcel?\r\n");
    }

    @Test
    void anHtmlOnlyMailGetsItsTextFromTheHtml() throws Exception {
        InboundMail mail = parse("""
                From: shop@example.org
                To: support@acme.test
                Subject: =?UTF-8?Q?Bestellung_=C3=BCber?=
                Message-ID: <html-only@example.org>
                Content-Type: text/html; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                <p>Gr=FC=DFe</p><p>from <b>us</b></p><script>x()</script>
                """);
        assertThat(mail.subject()).isEqualTo("Bestellung über");
        assertThat(mail.text()).isEqualTo("Grüße\n\nfrom us");
        assertThat(mail.html()).isEqualTo("<p>Grüße</p><p>from <b>us</b></p>");
    }

    @Test
    void damagedHeadersAndOddPartsAreTolerated() throws Exception {
        InboundMail mail = parse("""
                From: "Broken" <broken@@example.org>, ok@Example.org
                To: undisclosed-recipients:;
                Cc: A <a@example.org>, b@example.org
                Subject: parts
                Message-ID: no-brackets@example.org
                References: <r1@example.org>
                  <r2@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=x-unknown-charset

                body text
                --b1
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="=?UTF-8?B?UmVjaG51bmcgw4QucGRm?="
                Content-Transfer-Encoding: base64

                AAEC
                --b1
                Content-Type: image/png
                Content-Transfer-Encoding: base64

                AQID
                --b1
                Content-Type: text/plain
                Content-Disposition: attachment; filename="..\\\\..\\\\evil.txt"

                note
                --b1--
                """);
        assertThat(mail.messageId()).isEqualTo("no-brackets@example.org");
        assertThat(mail.references()).containsExactly("r1@example.org", "r2@example.org");
        assertThat(mail.to()).isEmpty();
        assertThat(mail.cc()).containsExactly("a@example.org", "b@example.org");
        assertThat(mail.text()).isEqualTo("body text");
        assertThat(mail.parts()).extracting(MailPart::filename)
                .containsExactly("Rechnung Ä.pdf", "part-2.png", "evil.txt");
        assertThat(mail.parts().get(0).data()).containsExactly(0, 1, 2);
        assertThat(mail.parts().get(1).inline()).isFalse();
        assertThat(mail.html()).isNull();
        assertThat(mail.sentAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static InboundMail parse(String raw) throws Exception {
        byte[] bytes = raw.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        return MailParser.parse("support@acme.test", m, Instant.parse("2026-01-01T00:00:00Z"));
    }
}
