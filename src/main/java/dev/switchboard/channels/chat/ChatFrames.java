package dev.switchboard.channels.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The wire protocol of the web chat: JSON text frames. Reading checks every field, so the gateway
 * only ever sees well-formed requests; anything else becomes a {@link Rejected} with the error frame
 * to answer.
 */
final class ChatFrames {
    static final int MAX_FRAME = 16_000;
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_TEXT = 4000;
    static final int MAX_PAGE = 2000;
    static final int MAX_ID = 100;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    /** What a visitor may send. */
    sealed interface Inbound permits Hello, Say, Typing, Page, End {
    }

    /** Start a chat, or take one up again when {@code resume} (a token) is given. */
    record Hello(String name, String email, String page, String resume) implements Inbound {
    }

    record Say(String id, String text) implements Inbound {
    }

    record Typing(boolean typing) implements Inbound {
    }

    record Page(String page) implements Inbound {
    }

    record End() implements Inbound {
    }

    /** A frame that is refused: the error code, the field at fault (or null) and the visitor's text. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;
        final String field;
        final transient ChatText text;

        Rejected(String code, String field, ChatText text) {
            super(code + (field == null ? "" : " (" + field + ")"), null, false, false);
            this.code = code;
            this.field = field;
            this.text = text;
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    Inbound read(String raw) throws Rejected {
        if (raw == null || raw.length() > MAX_FRAME) {
            throw new Rejected("bad_frame", null, ChatText.BAD_FRAME);
        }
        JsonNode node;
        try {
            node = json.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new Rejected("bad_frame", null, ChatText.BAD_FRAME);
        }
        if (node == null || !node.isObject()) {
            throw new Rejected("bad_frame", null, ChatText.BAD_FRAME);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new Rejected("bad_frame", "type", ChatText.BAD_FRAME);
        }
        switch (type.textValue()) {
            case "hello":
                return hello(node);
            case "message":
                return new Say(id(node), text(node));
            case "typing":
                JsonNode typing = node.get("typing");
                if (typing == null || !typing.isBoolean()) {
                    throw new Rejected("invalid", "typing", ChatText.INVALID);
                }
                return new Typing(typing.booleanValue());
            case "page":
                String page = page(node);
                if (page == null) {
                    throw new Rejected("invalid", "page", ChatText.PAGE_INVALID);
                }
                return new Page(page);
            case "end":
                return new End();
            default:
                throw new Rejected("unknown_type", "type", ChatText.UNKNOWN_TYPE);
        }
    }

    private Hello hello(JsonNode node) throws Rejected {
        String resume = string(node, "resume", ChatText.INVALID);
        if (resume != null && (resume.isEmpty() || resume.length() > MAX_ID)) {
            throw new Rejected("invalid", "resume", ChatText.INVALID);
        }
        String page = page(node);
        if (resume != null) {
            // the conversation already knows who this is
            return new Hello(null, null, page, resume);
        }
        String name = string(node, "name", ChatText.NAME_REQUIRED);
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw new Rejected("invalid", "name", ChatText.NAME_REQUIRED);
        }
        if (name.length() > MAX_NAME) {
            throw new Rejected("invalid", "name", ChatText.NAME_TOO_LONG);
        }
        if (hasControl(name)) {
            throw new Rejected("invalid", "name", ChatText.INVALID);
        }
        String email = string(node, "email", ChatText.EMAIL_INVALID);
        email = email == null || email.isBlank() ? null : email.strip();
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            throw new Rejected("invalid", "email", ChatText.EMAIL_INVALID);
        }
        return new Hello(name, email, page, null);
    }

    private static String id(JsonNode node) throws Rejected {
        String id = string(node, "id", ChatText.INVALID);
        if (id == null || id.isEmpty() || id.length() > MAX_ID || hasControl(id)) {
            throw new Rejected("invalid", "id", ChatText.INVALID);
        }
        return id;
    }

    private static String text(JsonNode node) throws Rejected {
        String text = string(node, "text", ChatText.TEXT_EMPTY);
        if (text == null || text.isBlank()) {
            throw new Rejected("invalid", "text", ChatText.TEXT_EMPTY);
        }
        if (text.length() > MAX_TEXT) {
            throw new Rejected("invalid", "text", ChatText.TEXT_TOO_LONG);
        }
        return text.strip();
    }

    /** The page field: absent or empty is null, otherwise at most 2000 characters. */
    private static String page(JsonNode node) throws Rejected {
        String page = string(node, "page", ChatText.PAGE_INVALID);
        if (page == null || page.isBlank()) {
            return null;
        }
        if (page.length() > MAX_PAGE || hasControl(page)) {
            throw new Rejected("invalid", "page", ChatText.PAGE_INVALID);
        }
        return page.strip();
    }

    /** A string field; absent or null is null, any other JSON type is refused. */
    private static String string(JsonNode node, String field, ChatText whenWrong) throws Rejected {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Rejected("invalid", field, whenWrong);
        }
        return value.textValue();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t');
    }

    // what the gateway sends

    String welcome(String token, long conversation, List<ChatLine> history, String agent) {
        ObjectNode frame = frame("welcome").put("token", token).put("conversation", conversation);
        ArrayNode lines = frame.putArray("history");
        for (ChatLine line : history) {
            lines.add(line(json.createObjectNode(), line));
        }
        if (agent != null) {
            frame.put("agent", agent);
        }
        return frame.toString();
    }

    String agent(String name) {
        return frame("agent").put("name", name).toString();
    }

    String message(ChatLine line) {
        return line(frame("message"), line).toString();
    }

    String typing(String name, boolean typing) {
        return frame("typing").put("name", name).put("typing", typing).toString();
    }

    String ended(String message) {
        return frame("ended").put("message", message).toString();
    }

    String error(String code, String field, String message) {
        ObjectNode frame = frame("error").put("code", code).put("message", message);
        if (field != null) {
            frame.put("field", field);
        }
        return frame.toString();
    }

    String error(Rejected rejected) {
        return error(rejected.code, rejected.field, rejected.text.text());
    }

    private ObjectNode frame(String type) {
        return json.createObjectNode().put("type", type);
    }

    private static ObjectNode line(ObjectNode into, ChatLine line) {
        return into.put("id", line.id())
                .put("from", line.fromVisitor() ? "visitor" : "agent")
                .put("name", line.name())
                .put("text", line.text())
                .put("at", line.at() == null ? null : line.at().toString());
    }
}
