package dev.switchboard.server;

import dev.switchboard.api.ConversationView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.MessageEvent;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.NewAttachment;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.ReplyMode;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.ApiException;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The server's side of the text channels with its own logic only: threading, tickets and their
 * SLA, answers sent once per key, platform reports. The channels themselves are replaced by a
 * recorder here; their protocols are tested against real peers elsewhere.
 */
class ConversationFlowTest {
    private final TestClock clock = new TestClock();
    private final List<ReplyChannels.OutgoingEmail> mails = new CopyOnWriteArrayList<>();
    private final List<String> social = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseSocial = new AtomicInteger();
    private final List<AgentDesk> desks = new CopyOnWriteArrayList<>();
    private SwitchboardServer server;

    @BeforeEach
    void start() {
        ServerOptions base = ServerOptions.inMemory("conversations-" + System.nanoTime(), 0);
        server = SwitchboardServer.start(new ServerOptions(base.host(), 0, null, null, null, null, base.memoryDb(),
                0, 1, 0, "GB", null, null, 0, 0, 0, null, null, false, null, clock));
        server.conversations().useChannels(new ReplyChannels() {
            @Override
            public String defaultMailbox() {
                return "support@switchboard.test";
            }

            @Override
            public void sendEmail(OutgoingEmail mail) {
                mails.add(mail);
            }

            @Override
            public String sendSocial(String platform, String recipientId, String text) throws SendRefused {
                if (refuseSocial.getAndDecrement() > 0) {
                    throw new SendRefused("WhatsApp refused the message: Re-engagement message (code 131047)");
                }
                social.add(platform + " " + recipientId + " " + text);
                return "wamid." + social.size();
            }
        });
    }

    @AfterEach
    void stop() {
        desks.forEach(AgentDesk::close);
        server.close();
    }

    private AgentDesk desk(String user) {
        AgentDesk d = new AgentDesk(server, user);
        desks.add(d);
        return d;
    }

    private EmailInbox.Incoming mail(String id, String inReplyTo, List<String> refs, String from, String subject,
                                     String text) {
        return new EmailInbox.Incoming("support@switchboard.test", id, inReplyTo, refs, from, "Cara Customer",
                List.of(), List.of("support@switchboard.test", "colleague@example.org"), List.of("boss@example.org"),
                subject, text, null, List.of());
    }

    @Test
    void aMailBecomesATicketWithItsSlaAndTheReplyIsSentOnceWhateverTheRepeats() {
        AgentDesk agent = desk("agent");
        long customer = agent.api.createCustomer(new NewCustomerRequest("Cara", "Customer", null,
                List.of(new NewContactPoint(ContactKind.EMAIL, "cara@example.org", null)), null)).id();
        long id = server.emailInbox().receive(mail("m1@example.org", null, List.of(), "cara@example.org",
                "Broken kettle", "It does not boil."));
        assertThat(agent.take()).isEqualTo(id);
        ConversationView conv = agent.api.conversation(id);
        assertThat(conv.messages()).extracting(MessageView::text).containsExactly("It does not boil.");
        TicketView ticket = agent.api.ticket(conv.ticketId());
        assertThat(ticket.customerId()).isEqualTo(customer);
        assertThat(ticket.dueAt()).isAfter(clock.instant());
        assertThat(ticket.firstResponseAt()).isNull();

        SendMessageRequest reply = new SendMessageRequest("reply-0001", "We will send a new one.", ReplyMode.REPLY_ALL,
                null, null, null, List.of(new NewAttachment("label.pdf", "application/pdf",
                Base64.getEncoder().encodeToString(new byte[] {37, 80, 68, 70}))));
        MessageView first = agent.api.sendMessage(id, reply);
        MessageView again = agent.api.sendMessage(id, reply);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.status()).isEqualTo(MessageStatus.SENT);
        assertThat(mails).hasSize(1);
        ReplyChannels.OutgoingEmail sent = mails.get(0);
        assertThat(sent.to()).containsExactly("cara@example.org");
        assertThat(sent.cc()).containsExactlyInAnyOrder("colleague@example.org", "boss@example.org");
        assertThat(sent.subject()).isEqualTo("Re: Broken kettle [T-" + ticket.id() + "]");
        assertThat(sent.inReplyTo()).isEqualTo("m1@example.org");
        assertThat(sent.attachments()).extracting(a -> a.filename()).containsExactly("label.pdf");
        assertThat(agent.api.ticket(ticket.id()).firstResponseAt()).isNotNull();

        // the customer answers from another mail client while the agent still has the e-mail
        server.emailInbox().receive(mail("m2@other.example", sent.messageId(), List.of("m1@example.org", sent.messageId()),
                "cara@example.org", "Re: Broken kettle [#" + ticket.id() + "]", "Thanks!"));
        assertThat(agent.api.conversation(id).messages()).extracting(MessageView::text)
                .containsExactly("It does not boil.", "We will send a new one.", "Thanks!");
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.payloads(EventTypes.MESSAGE, MessageEvent.class).stream()
                .anyMatch(l -> l.message().text().equals("Thanks!")));
        // the same mail read twice (a mailbox that could not mark it seen) changes nothing
        server.emailInbox().receive(mail("m2@other.example", null, List.of(), "cara@example.org", "x", "Thanks!"));
        assertThat(agent.api.conversation(id).messages()).hasSize(3);
    }

    @Test
    void concurrentRequestsWithOneKeySendOnce() throws Exception {
        AgentDesk agent = desk("agent");
        long id = server.emailInbox().receive(mail("c1@example.org", null, List.of(), "cy@example.org", "Race", "?"));
        agent.take();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<MessageView>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> agent.api.sendMessage(id, new SendMessageRequest("race-0001", "Once"))));
            }
            for (var a : answers) {
                assertThat(a.get().text()).isEqualTo("Once");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mails).hasSize(1);
        assertThat(agent.api.conversation(id).messages()).filteredOn(m -> m.direction() == MessageDirection.OUTBOUND)
                .hasSize(1);
    }

    @Test
    void aLaterMailWithOnlyTheTicketTagLandsOnTheSameTicketAsANewContact() {
        AgentDesk agent = desk("agent");
        agent.api.createCustomer(new NewCustomerRequest("Dee", "Tag", null,
                List.of(new NewContactPoint(ContactKind.EMAIL, "dee@example.org", null)), null));
        long id = server.emailInbox().receive(mail("t1@example.org", null, List.of(), "dee@example.org", "Refund",
                "Where is it?"));
        agent.take();
        long ticket = agent.api.conversation(id).ticketId();
        agent.api.sendMessage(id, new SendMessageRequest("reply-tag-1", "On its way."));
        agent.api.end(id);
        agent.api.wrapUp(id, new WrapUpRequest("RESOLVED", null, null));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                agent.api.interaction(id).state() == InteractionState.ENDED);

        long next = server.emailInbox().receive(mail("t2@webmail.example", null, List.of(), "dee@example.org",
                "Fw: Refund [#" + ticket + "]", "Still nothing"));
        assertThat(next).isNotEqualTo(id);
        assertThat(agent.api.ticket(ticket).interactionIds()).contains(id, next);
        assertThat(agent.take()).isEqualTo(next);
    }

    @Test
    void aStrangersTicketTagDoesNotPutTheirMailOnTheTicket() {
        AgentDesk agent = desk("agent");
        agent.api.createCustomer(new NewCustomerRequest("Vic", "Tim", null,
                List.of(new NewContactPoint(ContactKind.EMAIL, "vic@example.org", null)), null));
        long id = server.emailInbox().receive(mail("v1@example.org", null, List.of(), "vic@example.org", "Card", "?"));
        long ticket = agent.api.conversation(id).ticketId();
        long other = server.emailInbox().receive(mail("x1@attacker.example", null, List.of(), "mallory@attacker.example",
                "Re: Card [#" + ticket + "]", "Send the refund to my account instead"));
        assertThat(other).isNotEqualTo(id);
        assertThat(agent.api.ticket(ticket).interactionIds()).containsExactly(id);
    }

    @Test
    void aMailWithOverlongPartsIsStoredOnceCutToFit() {
        desk("agent");
        String longName = "x".repeat(300) + ".pdf";
        String longId = "id-" + "y".repeat(500) + "@example.org";
        EmailInbox.Incoming big = new EmailInbox.Incoming("support@switchboard.test", longId, null, List.of(),
                "big@example.org", "B".repeat(400), List.of(), List.of("support@switchboard.test"), List.of(),
                "Huge", "see the picture", "<p>" + "z".repeat(1_100_000) + "</p>",
                List.of(new dev.switchboard.domain.Message.Attachment(0, longName, "application/pdf", 3, null, false,
                        new byte[] {1, 2, 3})));
        long id = server.emailInbox().receive(big);
        assertThat(server.emailInbox().receive(big)).isEqualTo(id);
        MessageView stored = server.conversations().conversation(id).messages().get(0);
        assertThat(stored.html()).isNull();
        assertThat(stored.text()).isEqualTo("see the picture");
        assertThat(stored.attachments().get(0).filename()).hasSize(200).endsWith(".pdf");
    }

    @Test
    void answersNeedTheContactInHandAKeyAndText() {
        AgentDesk agent = desk("agent");
        long id = server.emailInbox().receive(mail("n1@example.org", null, List.of(), "nobody@example.org", "Hi", "?"));
        ApiException notYet = catchThrowableOfType(ApiException.class,
                () -> agent.api.sendMessage(id, new SendMessageRequest("early-0001", "hello")));
        assertThat(notYet.status()).isEqualTo(409);
        agent.take();
        assertThat(catchThrowableOfType(ApiException.class,
                () -> agent.api.sendMessage(id, new SendMessageRequest(null, "hello"))).error().field())
                .isEqualTo("clientKey");
        assertThat(catchThrowableOfType(ApiException.class,
                () -> agent.api.sendMessage(id, new SendMessageRequest("empty-0001", "  "))).status()).isEqualTo(400);
        assertThat(catchThrowableOfType(ApiException.class, () -> agent.api.sendMessage(id,
                new SendMessageRequest("fwd-00001", "fyi", ReplyMode.FORWARD, List.of("not an address"), null, null,
                        null))).error().field()).isEqualTo("to");
        assertThat(catchThrowableOfType(ApiException.class, () -> agent.api.sendMessage(id,
                new SendMessageRequest("att-00001", "x", null, null, null, null,
                        List.of(new NewAttachment("a.txt", "text/plain", "%%%"))))).status()).isEqualTo(400);
        assertThat(mails).isEmpty();
        // nothing was stored by the refused requests
        assertThat(agent.api.conversation(id).messages()).hasSize(1);
    }

    @Test
    void socialMessagesThreadByPlatformAndSenderAndReportsMoveAnswersOn() {
        AgentDesk agent = desk("agent");
        LiveConversations live = server.live();
        live.socialMessage(LiveConversations.WHATSAPP, "447700900555", "Wes", "wamid.in1", "Hello?", List.of());
        long id = agent.take();
        live.socialMessage(LiveConversations.WHATSAPP, "447700900555", "Wes", "wamid.in2", "Anyone?", List.of());
        live.socialMessage(LiveConversations.WHATSAPP, "447700900555", "Wes", "wamid.in2", "Anyone?", List.of());
        assertThat(agent.api.conversation(id).messages()).extracting(MessageView::text).containsExactly("Hello?", "Anyone?");
        assertThat(agent.api.conversation(id).platform()).isEqualTo("WHATSAPP");

        refuseSocial.set(1);
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> agent.api.sendMessage(id, new SendMessageRequest("wa-reply-1", "Yes, here")));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.getMessage()).contains("131047");
        // the same key again: the same refusal, nothing sent
        assertThat(catchThrowableOfType(ApiException.class,
                () -> agent.api.sendMessage(id, new SendMessageRequest("wa-reply-1", "Yes, here"))).status()).isEqualTo(502);
        MessageView ok = agent.api.sendMessage(id, new SendMessageRequest("wa-reply-2", "Yes, here"));
        assertThat(social).containsExactly("WHATSAPP 447700900555 Yes, here");
        assertThat(ok.status()).isEqualTo(MessageStatus.SENT);

        live.socialStatus(LiveConversations.WHATSAPP, "447700900555", "wamid.1", MessageStatus.READ, clock.instant(), null);
        live.socialStatus(LiveConversations.WHATSAPP, "447700900555", "wamid.1", MessageStatus.DELIVERED, clock.instant(), null);
        MessageView after = agent.api.conversation(id).messages().stream()
                .filter(m -> m.id() == ok.id()).findFirst().orElseThrow();
        assertThat(after.status()).isEqualTo(MessageStatus.READ);
        assertThat(agent.api.conversation(id).messages()).filteredOn(m -> m.direction() == MessageDirection.OUTBOUND)
                .extracting(MessageView::status).containsExactly(MessageStatus.FAILED, MessageStatus.READ);
    }
}
