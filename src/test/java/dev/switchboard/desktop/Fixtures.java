package dev.switchboard.desktop;

import dev.switchboard.api.AddressView;
import dev.switchboard.api.AgentSummary;
import dev.switchboard.api.CodeView;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.RoutingView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.TicketView;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MatchKind;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A small, believable customer base for the desktop's tests. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2025-11-14T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final long ADA = 101;
    public static final long CHARLES = 102;
    public static final long GEORGIANA = 103;
    public static final long GRACE = 104;
    public static final String ADA_PHONE = "+442079460101";
    public static final String SHARED_PHONE = "+442079460555";
    public static final String UNKNOWN_PHONE = "+442079460999";

    private Fixtures() {
    }

    /** The fixtures installed in the fake, and a desktop on it in the stage, at the login window. */
    public static Desktop startDesktop(FakeApi api, javafx.stage.Stage stage) {
        return startDesktop(api, stage, new PickedFiles());
    }

    /** As {@link #startDesktop(FakeApi, javafx.stage.Stage)}, with file dialogs the test answers. */
    public static Desktop startDesktop(FakeApi api, javafx.stage.Stage stage, PickedFiles files) {
        install(api);
        Desktop desktop = new Desktop(new DesktopOptions("Embedded server on 127.0.0.1:41234",
                List.of(new DemoAccount(FakeApi.USER, FakeApi.PASSWORD, dev.switchboard.domain.Role.AGENT)), "light",
                null), api, CLOCK, null, files);
        desktop.start(stage);
        return desktop;
    }

    public static void install(FakeApi api) {
        api.customers.put(ADA, new CustomerSummary(ADA, "Ada Lovelace", "Analytical Engines Ltd", "Gold",
                new BigDecimal("48250.00"), new AddressView("12 St James’s Square", "London", "SW1Y 4JH", "United Kingdom"),
                List.of(point(ContactKind.PHONE, ADA_PHONE, "+44 20 7946 0101", "work"),
                        point(ContactKind.PHONE, "+447700900101", "+44 7700 900101", "mobile"),
                        point(ContactKind.EMAIL, "ada@engines.example", "ada@engines.example", "work"),
                        point(ContactKind.SOCIAL, "@ada_l", "@ada_l", null))));
        api.customers.put(CHARLES, new CustomerSummary(CHARLES, "Charles Babbage", "Difference Works", "Silver",
                new BigDecimal("12900"), new AddressView("1 Dorset Street", "London", "W1U 4EG", "United Kingdom"),
                List.of(point(ContactKind.PHONE, SHARED_PHONE, "+44 20 7946 0555", "home"),
                        point(ContactKind.EMAIL, "charles@difference.example", "charles@difference.example", null))));
        api.customers.put(GEORGIANA, new CustomerSummary(GEORGIANA, "Georgiana Babbage", null, "Bronze",
                new BigDecimal("830"), new AddressView("1 Dorset Street", "London", "W1U 4EG", "United Kingdom"),
                List.of(point(ContactKind.PHONE, SHARED_PHONE, "+44 20 7946 0555", "home"))));
        api.customers.put(GRACE, new CustomerSummary(GRACE, "Grace Hopper", "Compiler Systems Inc", "Platinum",
                new BigDecimal("150300"), new AddressView("9 Harbour Road", "Arlington", "22201", "United States"),
                List.of(point(ContactKind.EMAIL, "grace@compilers.example", "grace@compilers.example", "work"))));
        api.tickets.put(ADA, adaTickets());
        api.tickets.put(CHARLES, List.of(ticket(4321, CHARLES, "Warranty claim for the engine", TicketPriority.HIGH,
                TicketStatus.OPEN, 3)));
        api.history.put(ADA, history(ADA, 27));
        api.history.put(CHARLES, history(CHARLES, 4));
        api.history.put(GRACE, history(GRACE, 3));
        api.history.values().forEach(list -> list.forEach(v -> api.interactions.put(v.id(), v)));
    }

    /** Deliberately out of order: the card sorts by priority, then age. */
    public static List<TicketView> adaTickets() {
        return List.of(
                ticket(4988, ADA, "Change delivery address for the subscription", TicketPriority.NORMAL,
                        TicketStatus.PENDING, 6),
                ticket(5012, ADA, "Invoice charged twice in November", TicketPriority.URGENT, TicketStatus.OPEN, 2),
                ticket(4870, ADA, "Router keeps dropping the connection", TicketPriority.HIGH, TicketStatus.OPEN, 12),
                ticket(4811, ADA, "Paper statements requested", TicketPriority.LOW, TicketStatus.OPEN, 30),
                ticket(4990, ADA, "Second router for the office", TicketPriority.HIGH, TicketStatus.OPEN, 4));
    }

    public static ContactPointView point(ContactKind kind, String value, String display, String label) {
        return new ContactPointView(kind, value, label, display);
    }

    public static TicketView ticket(long id, long customer, String subject, TicketPriority priority,
                                    TicketStatus status, int daysOld) {
        Instant created = NOW.minus(Duration.ofDays(daysOld)).minus(Duration.ofHours(3));
        return new TicketView(id, customer, subject, status, priority, created, created, 1, List.of(), List.of(), null, null);
    }

    private static final String[] SUBJECTS = {
        "Question about the November invoice", "Delivery slot for the new router", "Password reset did not arrive",
        "Thanks for the quick fix", "Upgrade to the business plan", "Engineer visit on Thursday",
    };

    /** Newest first, every channel, bodies long enough to need expanding. */
    public static List<InteractionView> history(long customer, int count) {
        List<InteractionView> list = new ArrayList<>();
        Channel[] channels = Channel.values();
        for (int i = 0; i < count; i++) {
            long id = customer * 1000 + i;
            Channel channel = channels[i % channels.length];
            Instant at = NOW.minus(Duration.ofHours(20L + 37L * i));
            String subject = SUBJECTS[i % SUBJECTS.length];
            String body = subject + ".\nThe customer explained the situation in detail and we agreed on the next "
                    + "steps; a follow-up is booked and the notes are on ticket T-" + (4800 + i) + ".\n"
                    + "Full transcript line " + i + ": everything the agent and the customer said, word for word.";
            list.add(new InteractionView(id, customer, channel, i % 3 == 2 ? Direction.OUTBOUND : Direction.INBOUND,
                    InteractionState.ENDED, "addr-" + id, "addr-" + id, i % 4 == 3 ? null : subject, body, at,
                    at.plusSeconds(20), at.plusSeconds(300), 7L, null));
        }
        return list;
    }

    /** The pop's copy of the recent history: bodies cut short, as the server sends them. */
    public static List<InteractionView> truncated(List<InteractionView> full, int max) {
        List<InteractionView> out = new ArrayList<>();
        for (InteractionView v : full.subList(0, Math.min(max, full.size()))) {
            String body = v.body() == null || v.body().length() <= 60 ? v.body() : v.body().substring(0, 60) + "…";
            out.add(new InteractionView(v.id(), v.customerId(), v.channel(), v.direction(), v.state(), v.address(),
                    v.addressDisplay(), v.subject(), body, v.createdAt(), v.answeredAt(), v.endedAt(), v.agentId(),
                    v.routing()));
        }
        return out;
    }

    public static InteractionView incoming(long id, Long customer, Channel channel, String address, String display,
                                           String subject, String body) {
        return new InteractionView(id, customer, channel, Direction.INBOUND, InteractionState.OFFERED, address, display,
                subject, body, NOW.minusSeconds(4), null, null, 7L, routing(queueOf(channel), queueName(channel), false));
    }

    // ---- routing: queues, reasons, dispositions, colleagues ----

    public static final long GENERAL = 1;
    public static final long BILLING = 2;
    public static final long CHAT = 3;
    public static final long EMAIL = 4;

    public static ConfigView config() {
        return new ConfigView(
                List.of(new QueueView(GENERAL, "General enquiries", List.of("phone"), 5, 80, 20, 20, false, 60),
                        new QueueView(BILLING, "Billing", List.of("billing"), 8, 90, 30, 20, true, 90),
                        new QueueView(CHAT, "Web chat", List.of("chat"), 5, 80, 60, 20, false, 30),
                        new QueueView(EMAIL, "E-mail", List.of("email"), 3, 80, 3600, 60, false, 120)),
                List.of(new CodeView("BREAK", "Break"), new CodeView("LUNCH", "Lunch"),
                        new CodeView("TRAINING", "Training"), new CodeView("ADMIN", "Admin work")),
                List.of(new CodeView("RESOLVED", "Resolved"), new CodeView("FOLLOW_UP", "Follow-up needed"),
                        new CodeView("ESCALATED", "Escalated"), new CodeView("SALE", "Sale made"),
                        new CodeView("WRONG_NUMBER", "Wrong number")),
                List.of(new AgentSummary(7, "Alex Morgan", AgentState.NOT_READY),
                        new AgentSummary(8, "Sam Patel", AgentState.READY),
                        new AgentSummary(9, "Jordan Lee", AgentState.BUSY),
                        new AgentSummary(10, "Priya Shah", AgentState.LOGGED_OUT)));
    }

    public static RoutingView routing(Long queueId, String queueName, boolean wrapUpRequired) {
        return new RoutingView(queueId, queueName, 5, NOW.minusSeconds(30), null, null, null, null, null,
                wrapUpRequired, null, null);
    }

    static long queueOf(Channel channel) {
        return switch (channel) {
            case PHONE, SOCIAL -> GENERAL;
            case CHAT -> CHAT;
            case EMAIL -> EMAIL;
        };
    }

    static String queueName(Channel channel) {
        return switch (channel) {
            case PHONE, SOCIAL -> "General enquiries";
            case CHAT -> "Web chat";
            case EMAIL -> "E-mail";
        };
    }

    /** A line of the merged queue: waited {@code waitedSeconds} so far in a queue with that threshold. */
    public static QueueEntryView waiting(long id, Channel channel, String who, String subject, String queue,
                                         int priority, long waitedSeconds, int slSeconds) {
        return new QueueEntryView(id, channel, who, subject, queueOfName(queue), queue, priority,
                NOW.minusSeconds(waitedSeconds), slSeconds, false, null, null);
    }

    private static long queueOfName(String name) {
        return config().queues().stream().filter(q -> q.name().equals(name)).map(QueueView::id).findFirst().orElse(99L);
    }

    /** An offer on any channel from a known customer, with the pop the server would send. */
    public static OfferEvent offerFrom(FakeApi api, long interactionId, long customerId, Channel channel,
                                       String address, String subject, String body, RoutingView routing) {
        CustomerSummary c = api.customers.get(customerId);
        InteractionView v = new InteractionView(interactionId, customerId, channel, Direction.INBOUND,
                InteractionState.OFFERED, address, address, subject, body, NOW.minusSeconds(4), null, null, 7L,
                routing != null ? routing : routing(queueOf(channel), queueName(channel), false));
        api.interactions.put(interactionId, v);
        ScreenPop pop = new ScreenPop(v, MatchKind.SINGLE, c, List.of(), api.tickets.getOrDefault(customerId, List.of()),
                truncated(api.history.getOrDefault(customerId, List.of()), 20));
        return new OfferEvent(interactionId, 7, NOW.minusSeconds(2), NOW.plusSeconds(28), pop);
    }

    /** An offer of a call from Ada's work number. */
    public static OfferEvent offerFromAda(FakeApi api, long interactionId) {
        CustomerSummary ada = api.customers.get(ADA);
        InteractionView v = incoming(interactionId, ADA, Channel.PHONE, ADA_PHONE, "+44 20 7946 0101",
                "Billing question", "Caller asks about a double charge.");
        api.interactions.put(interactionId, v);
        ScreenPop pop = new ScreenPop(v, MatchKind.SINGLE, ada, List.of(), adaTickets(),
                truncated(api.history.get(ADA), 20));
        return new OfferEvent(interactionId, 7, NOW.minusSeconds(2), NOW.plusSeconds(28), pop);
    }

    public static OfferEvent offerFromUnknown(FakeApi api, long interactionId) {
        InteractionView v = incoming(interactionId, null, Channel.PHONE, UNKNOWN_PHONE, "+44 20 7946 0999",
                null, null);
        api.interactions.put(interactionId, v);
        ScreenPop pop = new ScreenPop(v, MatchKind.UNKNOWN, null, List.of(), List.of(), List.of());
        return new OfferEvent(interactionId, 7, NOW.minusSeconds(2), NOW.plusSeconds(28), pop);
    }

    public static OfferEvent offerFromShared(FakeApi api, long interactionId) {
        InteractionView v = incoming(interactionId, null, Channel.PHONE, SHARED_PHONE, "+44 20 7946 0555",
                null, null);
        api.interactions.put(interactionId, v);
        ScreenPop pop = new ScreenPop(v, MatchKind.SEVERAL, null,
                List.of(api.customers.get(CHARLES), api.customers.get(GEORGIANA)), List.of(), List.of());
        return new OfferEvent(interactionId, 7, NOW.minusSeconds(2), NOW.plusSeconds(28), pop);
    }
}
