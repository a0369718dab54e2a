package dev.switchboard.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Hostile HTML goes in; what comes out runs nothing and loads nothing. */
class HtmlSanitizerTest {
    private static final MailPart LOGO = new MailPart("logo.png", "image/png", new byte[] {1, 2, 3},
            "logo.1@mail.example", true);

    @Test
    void scriptsAndEventHandlersAreGone() {
        String out = HtmlSanitizer.sanitize("<p onclick=\"steal()\">Hi <b onmouseover='x()'>there</b></p>"
                + "<script>alert(1)</script><SCRIPT src=//evil.example/x.js></SCRIPT>"
                + "<img src=\"cid:logo.1@mail.example\" onerror=\"alert(2)\">"
                + "<svg onload=alert(3)><script>alert(4)</script></svg><body onload=alert(5)>", List.of(LOGO));
        assertThat(out).contains("<p>Hi <b>there</b></p>").doesNotContainIgnoringCase("script")
                .doesNotContain("alert", "onclick", "onmouseover", "onerror", "onload", "svg");
        assertNoLoads(out);
    }

    @Test
    void linksKeepOnlyWebAndMailTargets() {
        String out = HtmlSanitizer.sanitize("<a href=\"javascript:alert(1)\">js</a>"
                + "<a href=\"JaVaScRiPt:alert(1)\">mixed case</a>"
                + "<a href=\"jav&#x09;ascript:alert(1)\">tab</a>"
                + "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">data</a>"
                + "<a href=\"vbscript:x\">vb</a><a href=\"file:///etc/passwd\">file</a>"
                + "<a href=\"https://acme.example/help\" target=\"_blank\">help</a>"
                + "<a href=\"mailto:billing@acme.example\">mail us</a>", List.of());
        Document doc = Jsoup.parse(out);
        assertThat(doc.select("a[href]")).extracting(a -> a.attr("href"))
                .containsExactly("https://acme.example/help", "mailto:billing@acme.example");
        assertThat(doc.select("a")).extracting(Element::text)
                .containsExactly("js", "mixed case", "tab", "data", "vb", "file", "help", "mail us");
        assertThat(out).doesNotContain("target=", "javascript", "data:text");
        assertThat(doc.select("a[href]").first().attr("rel")).isEqualTo("noopener noreferrer");
    }

    @Test
    void framesObjectsFormsAndHeadTricksAreGone() {
        String out = HtmlSanitizer.sanitize("<html><head><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">"
                + "<base href=\"https://evil.example/\"><link rel=stylesheet href=\"https://evil.example/a.css\">"
                + "<style>@import url(https://evil.example/b.css); p{background:url(https://evil.example/c.png)}</style>"
                + "</head><body><iframe src=\"https://evil.example/frame\"></iframe>"
                + "<object data=\"https://evil.example/o.swf\"></object><embed src=\"https://evil.example/e.swf\">"
                + "<form action=\"https://evil.example/login\"><input name=password><button>Log in</button></form>"
                + "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">"
                + "<video poster=\"https://evil.example/p.png\"></video><audio src=\"https://evil.example/a.mp3\"></audio>"
                + "<p>kept</p></body></html>", List.of());
        assertThat(out).contains("<p>kept</p>").doesNotContain("evil.example", "iframe", "object", "embed", "form",
                "input", "meta", "base", "link", "style", "@import", "video", "audio");
    }

    @Test
    void inlineStylesKeepPlainPropertiesOnly() {
        String out = HtmlSanitizer.sanitize("<p style=\"color: red; background-image: url('https://evil.example/t.png');"
                + " width: expression(alert(1)); font-weight: bold; background: url(https://evil.example/u.png);"
                + " behavior: url(x.htc); color: u\\72l(https://evil.example/v.png); position: fixed\">x</p>"
                + "<td style=\"background-image:url(//evil.example/w.png)\">cell</td>", List.of());
        assertThat(out).contains("style=\"color: red; font-weight: bold\"")
                .doesNotContain("url", "expression", "evil.example", "behavior", "position");
    }

    @Test
    void cidImagesBecomeDataUrisAndRemoteImagesAreBlocked() {
        String out = HtmlSanitizer.sanitize("<img src=\"cid:logo.1@mail.example\" alt=\"Logo\" width=\"40\">"
                + "<img src=\"cid:logo.1%40mail.example\">"
                + "<img src=\"https://tracker.example/open.gif\">"
                + "<img src=\"http://tracker.example/open.gif\">"
                + "<img src=\"//tracker.example/open.gif\">"
                + "<img src=\"relative/pic.png\">"
                + "<img src=\"cid:unknown@mail.example\">"
                + "<img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\">"
                + "<img srcset=\"https://tracker.example/a.png 1x, https://tracker.example/b.png 2x\">"
                + "<picture><source srcset=\"https://tracker.example/c.png\"><img src=\"data:image/gif;base64,R0lGOD\"></picture>",
                List.of(LOGO));
        Document doc = Jsoup.parse(out);
        assertThat(doc.select("img")).extracting(i -> i.attr("src")).containsExactly(
                "data:image/png;base64,AQID", "data:image/png;base64,AQID", "data:image/gif;base64,R0lGOD");
        assertThat(doc.select("img").first().attr("alt")).isEqualTo("Logo");
        assertThat(doc.select("span." + HtmlSanitizer.BLOCKED_IMAGE_CLASS)).hasSize(7)
                .allSatisfy(s -> assertThat(s.text()).isEqualTo(HtmlSanitizer.BLOCKED_IMAGE));
        assertThat(out).doesNotContain("tracker.example", "srcset", "svg", "cid:");
        assertNoLoads(out);
    }

    @Test
    void everydayFormattingSurvives() {
        String html = "<h2>Order</h2><table border=\"1\" cellpadding=\"4\"><tr><th>Item</th><td align=\"right\">2</td></tr>"
                + "</table><ul><li>one</li><li><i>two</i></li></ul><blockquote>quoted</blockquote><br><hr>"
                + "<font color=\"#336699\">blue</font>";
        String out = HtmlSanitizer.sanitize(html, List.of());
        assertThat(out).contains("<h2>Order</h2>", "<table border=\"1\" cellpadding=\"4\">", "<th>Item</th>",
                "<td align=\"right\">2</td>", "<li><i>two</i></li>", "<blockquote>quoted</blockquote>",
                "<font color=\"#336699\">blue</font>", "<hr>");
    }

    @Test
    void textKeepsTheStructureOfTheHtml() {
        String text = HtmlSanitizer.toText("<html><head><title>T</title><style>p{}</style></head><body>"
                + "<p>Hello   Carol,</p><p>your order:<br>line two</p><ul><li>first</li><li>second</li></ul>"
                + "<p>See <a href=\"https://acme.example/o/1\">the order</a> or <a href=\"https://acme.example\">"
                + "https://acme.example</a>.</p><script>var x = 1;</script><div>Bye</div></body></html>");
        assertThat(text).isEqualTo("Hello Carol,\n\nyour order:\nline two\n\n- first\n- second\n\n"
                + "See the order <https://acme.example/o/1> or https://acme.example.\n\nBye");
        assertThat(HtmlSanitizer.toText(null)).isEmpty();
    }

    @Test
    void nullStaysNull() {
        assertThat(HtmlSanitizer.sanitize(null, List.of())).isNull();
        assertThat(HtmlSanitizer.sanitize("1 &lt; 2 & 3", null)).isEqualTo("1 &lt; 2 &amp; 3");
    }

    /** No attribute of the output may point at the network. */
    private static void assertNoLoads(String html) {
        for (Element el : Jsoup.parse(html).getAllElements()) {
            el.attributes().forEach(a -> {
                if (!a.getKey().equals("href")) {
                    assertThat(a.getValue().toLowerCase()).as(el.tagName() + "@" + a.getKey())
                            .doesNotContain("http:", "https:", "//");
                }
            });
        }
    }
}
