package dev.switchboard.channels.social;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Messenger webhook ({@code "object": "page"}) into events, refusing the whole body at the
 * first field that is missing or of the wrong type. Messages the page itself sent (echoes) are
 * skipped; so are kinds of event the product does not handle yet (postbacks, reactions, opt-ins).
 */
final class MessengerEvents {
    static final String OBJECT = "page";
    private static final Logger LOG = LoggerFactory.getLogger(MessengerEvents.class);

    private MessengerEvents() {
    }

    static List<Event> read(JsonNode body) {
        Field root = Field.root(body).object();
        MetaWebhooks.expectObject(root, OBJECT, Platform.MESSENGER);
        List<Event> events = new ArrayList<>();
        for (Field entry : root.get("entry").array()) {
            entry.object();
            for (Field e : entry.get("messaging").arrayOrEmpty()) {
                read(e.object(), events);
            }
        }
        return events;
    }

    private static void read(Field e, List<Event> events) {
        String customer = e.get("sender").object().get("id").string();
        if (e.get("message").present()) {
            Field m = e.get("message").object();
            if (m.get("is_echo").flag()) {
                return; // the page's own reply coming back: not something the customer wrote
            }
            List<String> types = new ArrayList<>();
            for (Field a : m.get("attachments").arrayOrEmpty()) {
                types.add(a.object().get("type").string());
            }
            events.add(Event.of(new SocialMessage(Platform.MESSENGER, customer, null, m.get("mid").string(),
                    m.get("text").stringOrEmpty(), e.get("timestamp").epochMillis(), types)));
        } else if (e.get("delivery").present()) {
            Field d = e.get("delivery").object();
            Instant watermark = d.get("watermark").epochMillis();
            List<Field> mids = d.get("mids").arrayOrEmpty();
            if (mids.isEmpty()) {
                // the platform may leave the ids out: then only the watermark says what arrived
                events.add(Event.of(new SocialStatus(Platform.MESSENGER, customer, null,
                        SocialStatus.Kind.DELIVERED, watermark, null)));
            }
            for (Field mid : mids) {
                events.add(Event.of(new SocialStatus(Platform.MESSENGER, customer, mid.string(),
                        SocialStatus.Kind.DELIVERED, watermark, null)));
            }
        } else if (e.get("read").present()) {
            Instant watermark = e.get("read").object().get("watermark").epochMillis();
            events.add(Event.of(new SocialStatus(Platform.MESSENGER, customer, null, SocialStatus.Kind.READ,
                    watermark, null)));
        } else {
            LOG.debug("skipping a Messenger event of a kind the product does not handle at {}", e.path());
        }
    }
}
