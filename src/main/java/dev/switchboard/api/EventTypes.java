package dev.switchboard.api;

/**
 * Names of the events on the stream ({@code event:} field of SSE). Each event's {@code id:} is its
 * sequence number; a client resumes by sending the last one it saw as {@code Last-Event-ID}.
 */
public final class EventTypes {
    public static final String OFFER = "offer";
    public static final String OFFER_REVOKED = "offer.revoked";
    public static final String INTERACTION = "interaction";
    public static final String AGENT_STATE = "agent.state";
    public static final String TICKET = "ticket";
    /** A contact joined or changed in a queue ({@code QueueEvent}). */
    public static final String QUEUE = "queue";
    /** A contact left its queue ({@code QueueLeftEvent}). */
    public static final String QUEUE_LEFT = "queue.left";
    /** A phone interaction's call changed ({@code CallView}); to the agent who has it. */
    public static final String CALL = "call";
    /** A colleague handed this agent a contact in progress ({@code HandoverEvent}). */
    public static final String HANDOVER = "handover";
    /** The agent's SIP phone registered or went away ({@code PhoneView}). */
    public static final String PHONE = "phone";
    /** A line was added to a text conversation or its status changed ({@code MessageEvent}). */
    public static final String MESSAGE = "message";
    /** Someone is typing in a chat ({@code TypingEvent}). */
    public static final String TYPING = "typing";
    /** A chat visitor connected, dropped, moved page or left ({@code ConversationEvent}). */
    public static final String CONVERSATION = "conversation";
    /**
     * The supervisor's dashboard changed ({@code SupervisorView}, abandons counted against, 5 s
     * short-abandon cut-off); to supervisors only, at most twice a second.
     */
    public static final String DASHBOARD = "dashboard";
    /**
     * The dialler connected a call it placed for a PROGRESSIVE or PREDICTIVE campaign to this agent
     * ({@code OutboundDialView}: the record, held by the agent, and the call's screen-pop).
     */
    public static final String OUTBOUND_CALL = "outbound.call";
    /** The server can no longer replay from the client's position: reload what you hold. */
    public static final String RESYNC = "resync";
    /** First event of a connection: the position the stream starts from. */
    public static final String HELLO = "hello";

    private EventTypes() {
    }
}
