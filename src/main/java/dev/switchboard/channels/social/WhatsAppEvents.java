package dev.switchboard.channels.social;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a WhatsApp Cloud webhook ({@code "object": "whatsapp_business_account"}) into events,
 * refusing the whole body at the first field that is missing or of the wrong type. Changes other
 * than {@code messages} (account and template updates) are skipped, as are status values the product
 * does not know; message types without text become an attachment of that type.
 */
final class WhatsAppEvents {
    static final String OBJECT = "whatsapp_business_account";
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppEvents.class);
    private static final Map<String, SocialStatus.Kind> KINDS = Map.of(
            "sent", SocialStatus.Kind.SENT,
            "delivered", SocialStatus.Kind.DELIVERED,
            "read", SocialStatus.Kind.READ,
            "failed", SocialStatus.Kind.FAILED);

    private WhatsAppEvents() {
    }

    static List<Event> read(JsonNode body) {
        Field root = Field.root(body).object();
        MetaWebhooks.expectObject(root, OBJECT, Platform.WHATSAPP);
        List<Event> events = new ArrayList<>();
        for (Field entry : root.get("entry").array()) {
            for (Field change : entry.object().get("changes").array()) {
                if (change.object().get("field").string().equals("messages")) {
                    readValue(change.get("value").object(), events);
                } else {
                    LOG.debug("skipping WhatsApp change {} at {}", change.get("field").string(), change.path());
                }
            }
        }
        return events;
    }

    private static void readValue(Field value, List<Event> events) {
        Map<String, String> names = new HashMap<>();
        for (Field c : value.get("contacts").arrayOrEmpty()) {
            String name = c.object().get("profile").present()
                    ? c.get("profile").object().get("name").stringOrNull() : null;
            names.put(c.get("wa_id").string(), name);
        }
        for (Field m : value.get("messages").arrayOrEmpty()) {
            events.add(Event.of(message(m.object(), names)));
        }
        for (Field s : value.get("statuses").arrayOrEmpty()) {
            status(s.object(), events);
        }
    }

    private static SocialMessage message(Field m, Map<String, String> names) {
        String from = m.get("from").string();
        String id = m.get("id").string();
        var at = m.get("timestamp").epochSeconds();
        String type = m.get("type").string();
        String text = "";
        List<String> attachments = List.of();
        switch (type) {
            case "text" -> text = m.get("text").object().get("body").string();
            case "image", "video", "document", "audio", "sticker" -> {
                text = m.get(type).present() ? m.get(type).object().get("caption").stringOrEmpty() : "";
                attachments = List.of(type);
            }
            case "button" -> text = m.get("button").object().get("text").stringOrEmpty();
            case "interactive" -> text = interactiveTitle(m.get("interactive").object());
            default -> attachments = List.of(type); // location, contacts, reaction, ...: shown by kind
        }
        return new SocialMessage(Platform.WHATSAPP, from, names.get(from), id, text, at, attachments);
    }

    /** The title of the reply button or list row the customer picked. */
    private static String interactiveTitle(Field i) {
        for (String kind : List.of("button_reply", "list_reply")) {
            if (i.get(kind).present()) {
                return i.get(kind).object().get("title").stringOrEmpty();
            }
        }
        return "";
    }

    private static void status(Field s, List<Event> events) {
        String id = s.get("id").string();
        String recipient = s.get("recipient_id").string();
        var at = s.get("timestamp").epochSeconds();
        String status = s.get("status").string();
        String error = null;
        List<Field> errors = s.get("errors").arrayOrEmpty();
        if (!errors.isEmpty()) {
            error = describe(errors.get(0).object());
        }
        SocialStatus.Kind kind = KINDS.get(status);
        if (kind == null) {
            LOG.debug("skipping WhatsApp status '{}' at {}", status, s.path());
            return;
        }
        if (kind != SocialStatus.Kind.FAILED) {
            error = null;
        } else if (error == null) {
            error = "no reason given";
        }
        events.add(Event.of(new SocialStatus(Platform.WHATSAPP, recipient, id, kind, at, error)));
    }

    /** "Re-engagement message (code 131047)", with the platform's details when it gives them. */
    private static String describe(Field e) {
        String title = e.get("title").stringOrNull();
        String message = e.get("message").stringOrNull();
        String what = title != null && !title.isBlank() ? title : message != null ? message : "unknown error";
        String details = e.get("error_data").present()
                ? e.get("error_data").object().get("details").stringOrNull() : null;
        if (details != null && !details.isBlank() && !details.equals(what)) {
            what = what + ": " + details;
        }
        JsonNode code = e.get("code").node();
        return code.isIntegralNumber() ? what + " (code " + code.asText() + ")" : what;
    }
}
