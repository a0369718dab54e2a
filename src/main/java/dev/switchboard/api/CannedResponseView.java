package dev.switchboard.api;

import dev.switchboard.domain.Channel;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prepared answer with placeholders: {@code {customer.name}}, {@code {ticket.number}} and
 * {@code {agent.name}}. {@code channels} empty means every text channel.
 */
public record CannedResponseView(long id, String title, String body, List<Channel> channels) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+\\.[a-z]+)}");

    public CannedResponseView {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public boolean suits(Channel channel) {
        return channels.isEmpty() || channels.contains(channel);
    }

    /**
     * The body with each known placeholder replaced; a placeholder without a value becomes empty
     * text, and unknown ones stay as written so the agent sees them before sending.
     */
    public String fill(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = KNOWN.contains(key) ? values.getOrDefault(key, "") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholders a canned response may use. */
    public static final List<String> KNOWN = List.of("customer.name", "ticket.number", "agent.name");
}
