package dev.switchboard.channels.social;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Webhook bodies as the platform posts them, for the traffic simulator and the tests: sign the
 * result with {@link SocialSignatures#sign} and post it to {@link MetaWebhooks#path}. Messenger
 * times are milliseconds, WhatsApp times seconds as a string, as on the platform.
 */
public final class SocialPayloads {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SocialPayloads() {
    }

    /** A customer's text on Messenger to the page {@code pageId}. */
    public static String messengerMessage(String pageId, String psid, String mid, String text, Instant at) {
        ObjectNode event = messengerEvent(pageId, psid, at);
        event.putObject("message").put("mid", mid).put("text", text);
        return messenger(pageId, at, event);
    }

    /** A customer's attachment on Messenger (type "image", "audio", "video", "file", ...), without text. */
    public static String messengerAttachment(String pageId, String psid, String mid, String type, Instant at) {
        ObjectNode event = messengerEvent(pageId, psid, at);
        ObjectNode attachment = event.putObject("message").put("mid", mid).putArray("attachments").addObject();
        attachment.put("type", type).putObject("payload").put("url", "https://example.invalid/" + mid);
        return messenger(pageId, at, event);
    }

    /** The customer's Messenger received the page's messages {@code mids}, all sent before {@code watermark}. */
    public static String messengerDelivery(String pageId, String psid, List<String> mids, Instant watermark) {
        ObjectNode event = NODES.objectNode();
        event.putObject("sender").put("id", psid);
        event.putObject("recipient").put("id", pageId);
        ObjectNode delivery = event.putObject("delivery");
        ArrayNode ids = delivery.putArray("mids");
        mids.forEach(ids::add);
        delivery.put("watermark", watermark.toEpochMilli());
        return messenger(pageId, watermark, event);
    }

    /** The customer read everything the page sent before {@code watermark}. */
    public static String messengerRead(String pageId, String psid, Instant watermark) {
        ObjectNode event = messengerEvent(pageId, psid, watermark);
        event.putObject("read").put("watermark", watermark.toEpochMilli());
        return messenger(pageId, watermark, event);
    }

    /** A customer's text on WhatsApp to the business number {@code phoneNumberId}. */
    public static String whatsappMessage(String phoneNumberId, String waId, String name, String wamid, String text,
                                         Instant at) {
        ObjectNode value = whatsappValue(phoneNumberId);
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", name);
        contact.put("wa_id", waId);
        ObjectNode message = value.putArray("messages").addObject();
        message.put("from", waId).put("id", wamid).put("timestamp", seconds(at)).put("type", "text");
        message.putObject("text").put("body", text);
        return whatsapp(phoneNumberId, value);
    }

    /** What became of the reply {@code wamid}; for FAILED use {@link #whatsappFailure}. */
    public static String whatsappStatus(String phoneNumberId, String recipientWaId, String wamid,
                                        SocialStatus.Kind kind, Instant at) {
        ObjectNode value = whatsappValue(phoneNumberId);
        whatsappStatusNode(value, recipientWaId, wamid, kind, at);
        return whatsapp(phoneNumberId, value);
    }

    /** The reply {@code wamid} could not be delivered, with the platform's error code and title. */
    public static String whatsappFailure(String phoneNumberId, String recipientWaId, String wamid, int code,
                                         String title, Instant at) {
        ObjectNode value = whatsappValue(phoneNumberId);
        ObjectNode status = whatsappStatusNode(value, recipientWaId, wamid, SocialStatus.Kind.FAILED, at);
        status.putArray("errors").addObject().put("code", code).put("title", title).put("message", title);
        return whatsapp(phoneNumberId, value);
    }

    private static ObjectNode messengerEvent(String pageId, String psid, Instant at) {
        ObjectNode event = NODES.objectNode();
        event.putObject("sender").put("id", psid);
        event.putObject("recipient").put("id", pageId);
        event.put("timestamp", at.toEpochMilli());
        return event;
    }

    private static String messenger(String pageId, Instant at, ObjectNode event) {
        ObjectNode root = NODES.objectNode().put("object", MessengerEvents.OBJECT);
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", pageId).put("time", at.toEpochMilli());
        entry.putArray("messaging").add(event);
        return root.toString();
    }

    private static ObjectNode whatsappValue(String phoneNumberId) {
        ObjectNode value = NODES.objectNode().put("messaging_product", "whatsapp");
        value.putObject("metadata").put("phone_number_id", phoneNumberId);
        return value;
    }

    private static ObjectNode whatsappStatusNode(ObjectNode value, String recipientWaId, String wamid,
                                                 SocialStatus.Kind kind, Instant at) {
        return value.putArray("statuses").addObject().put("id", wamid)
                .put("status", kind.name().toLowerCase(Locale.ROOT)).put("timestamp", seconds(at))
                .put("recipient_id", recipientWaId);
    }

    /** The change as the platform wraps it; the entry's id is the business account, here the number's. */
    private static String whatsapp(String phoneNumberId, ObjectNode value) {
        ObjectNode root = NODES.objectNode().put("object", WhatsAppEvents.OBJECT);
        ObjectNode change = root.putArray("entry").addObject().put("id", phoneNumberId)
                .putArray("changes").addObject();
        change.put("field", "messages").set("value", value);
        return root.toString();
    }

    private static String seconds(Instant at) {
        return Long.toString(at.getEpochSecond());
    }
}
