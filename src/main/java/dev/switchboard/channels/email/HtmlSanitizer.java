package dev.switchboard.channels.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Makes a mail's HTML safe to show: only text formatting, tables, lists, links and images survive;
 * scripts, event handlers, forms, frames, objects, style sheets, meta and base elements go. Nothing
 * left can load from the network: {@code cid:} images become {@code data:} URIs from the mail's own
 * inline parts, every other image becomes {@link #BLOCKED_IMAGE}, inline styles keep only plain
 * properties without {@code url(...)}, and links keep only http, https and mailto targets.
 */
public final class HtmlSanitizer {
    /** Stands in for an image the mail wanted to load from elsewhere (the desktop may restyle it). */
    public static final String BLOCKED_IMAGE = "[image blocked]";
    /** The class on the element that stands in for a blocked image. */
    public static final String BLOCKED_IMAGE_CLASS = "blocked-image";

    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("hr", "font", "center", "s", "del", "ins", "abbr", "address", "big", "tt", "kbd", "samp",
                    "mark", "small")
            .addAttributes(":all", "style", "dir", "lang", "title", "align")
            .addAttributes("table", "border", "cellpadding", "cellspacing", "bgcolor", "height")
            .addAttributes("tr", "valign", "bgcolor")
            .addAttributes("td", "valign", "bgcolor", "height", "nowrap")
            .addAttributes("th", "valign", "bgcolor", "height", "nowrap")
            .addAttributes("font", "color", "face", "size")
            .addAttributes("img", "border")
            .addProtocols("img", "src", "cid", "data")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer");

    /** Inline style properties that cannot load anything, hide content or cover the window. */
    private static final Set<String> STYLE_PROPERTIES = Set.of("color", "background-color", "font", "font-family",
            "font-size", "font-weight", "font-style", "font-variant", "text-align", "text-decoration",
            "text-indent", "text-transform", "line-height", "letter-spacing", "word-spacing", "vertical-align",
            "white-space", "width", "height", "max-width", "min-width", "max-height", "min-height", "margin",
            "margin-top", "margin-right", "margin-bottom", "margin-left", "padding", "padding-top", "padding-right",
            "padding-bottom", "padding-left", "border", "border-top", "border-right", "border-bottom",
            "border-left", "border-color", "border-width", "border-style", "border-collapse", "border-spacing",
            "border-radius", "list-style-type", "table-layout", "direction");
    private static final Pattern STYLE_DANGER = Pattern.compile(
            "url\\s*\\(|expression|javascript|vbscript|@import|behavior|binding|image-set|src\\s*\\(|[\\\\<>]");
    private static final Set<String> DATA_IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/jpg", "image/gif",
            "image/webp", "image/bmp");
    private static final Set<String> BLOCKS = Set.of("p", "div", "table", "tr", "ul", "ol", "dl", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "address", "center", "section",
            "article", "header", "footer", "caption");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "table", "ul", "ol", "pre");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template", "noscript",
            "iframe", "object", "embed", "select", "option");

    private HtmlSanitizer() {
    }

    /** The safe form of {@code html}, with {@code cid:} images resolved against {@code parts}. */
    public static String sanitize(String html, List<MailPart> parts) {
        if (html == null) {
            return null;
        }
        Document dirty = Jsoup.parse(html);
        Document clean = new Cleaner(SAFE).clean(dirty);
        for (Element img : clean.select("img")) {
            String data = imageData(img.attr("src"), parts == null ? List.of() : parts);
            if (data == null) {
                img.replaceWith(new Element("span").addClass(BLOCKED_IMAGE_CLASS).text(BLOCKED_IMAGE));
            } else {
                img.attr("src", data);
            }
        }
        for (Element styled : clean.select("[style]")) {
            String style = safeStyle(styled.attr("style"));
            if (style.isEmpty()) {
                styled.removeAttr("style");
            } else {
                styled.attr("style", style);
            }
        }
        clean.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        return clean.body().html().strip();
    }

    /** The readable text of {@code html}: paragraphs and line breaks kept, list items dashed, links shown. */
    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parse(html);
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new TextWriter(out), doc.body());
        return tidy(out.toString());
    }

    private static String imageData(String src, List<MailPart> parts) {
        String lower = src.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("cid:")) {
            MailPart part = byContentId(percentDecode(src.trim().substring(4)), parts);
            if (part == null || !DATA_IMAGE_TYPES.contains(part.contentType())) {
                return null;
            }
            return "data:" + part.contentType() + ";base64," + Base64.getEncoder().encodeToString(part.data());
        }
        if (lower.startsWith("data:")) {
            int end = lower.indexOf(';');
            return end > 0 && DATA_IMAGE_TYPES.contains(lower.substring(5, end)) && lower.startsWith(";base64,", end)
                    ? src.trim() : null;
        }
        return null;
    }

    private static MailPart byContentId(String id, List<MailPart> parts) {
        String wanted = id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
        MailPart loose = null;
        for (MailPart part : parts) {
            if (wanted.equals(part.contentId())) {
                return part;
            }
            if (part.contentId() != null && wanted.equalsIgnoreCase(part.contentId())) {
                loose = part;
            }
        }
        return loose;
    }

    /** RFC 2392 cid URLs are percent-encoded; a '+' stays a '+'. */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String safeStyle(String style) {
        StringBuilder kept = new StringBuilder();
        for (String declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String property = declaration.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).trim();
            if (!STYLE_PROPERTIES.contains(property) || value.isEmpty()
                    || STYLE_DANGER.matcher(value.toLowerCase(Locale.ROOT)).find()) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append("; ");
            }
            kept.append(property).append(": ").append(value);
        }
        return kept.toString();
    }

    private static String tidy(String text) {
        String[] lines = text.replace('\u00a0', ' ').split("\n", -1);
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(trimmed);
            blank = 0;
        }
        return out.toString();
    }

    /** Writes text with the line structure of the blocks it came from. */
    private static final class TextWriter implements NodeFilter {
        private final StringBuilder out;
        private int pre;

        TextWriter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                out.append(pre > 0 ? text.getWholeText() : collapse(text.getWholeText()));
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            String name = el.normalName();
            if (SKIPPED.contains(name)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            switch (name) {
                case "br" -> out.append('\n');
                case "li" -> out.append("\n- ");
                case "td", "th" -> out.append(' ');
                case "pre" -> {
                    pre++;
                    out.append("\n\n");
                }
                case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol" -> out.append("\n\n");
                case "img" -> {
                    if (!el.attr("alt").isBlank()) {
                        out.append('[').append(el.attr("alt").strip()).append(']');
                    }
                }
                default -> {
                    if (BLOCKS.contains(name)) {
                        out.append('\n');
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            String name = el.normalName();
            if (name.equals("pre")) {
                pre--;
            }
            if (name.equals("a")) {
                String href = el.attr("href").strip();
                String shown = el.text().strip();
                String lower = href.toLowerCase(Locale.ROOT);
                if ((lower.startsWith("http://") || lower.startsWith("https://")) && !href.equals(shown)) {
                    out.append(" <").append(href).append('>');
                }
            }
            if (BLOCKS.contains(name)) {
                out.append(PARAGRAPHS.contains(name) ? "\n\n" : "\n");
            }
            return FilterResult.CONTINUE;
        }

        private static String collapse(String s) {
            return s.replaceAll("[\\s&&[^\u00a0]]+", " ");
        }
    }
}
