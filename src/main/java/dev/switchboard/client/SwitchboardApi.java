package dev.switchboard.client;

import dev.switchboard.api.AgentView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.LoginResponse;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.TimelinePage;
import dev.switchboard.domain.AgentState;

import java.util.List;

/**
 * The desktop's view of the central server. Every call blocks and must run off the FX thread.
 * Failures are {@link ApiException} (the server said no, with its reason) or
 * {@link ServerUnreachableException} (no answer at all).
 */
public interface SwitchboardApi {

    /** The server's base address, e.g. {@code http://127.0.0.1:8080}. */
    String baseUrl();

    /** Signs in and keeps the token for every later call. */
    LoginResponse login(String username, String password);

    void logout();

    AgentView me();

    AgentView setState(AgentState state);

    /**
     * The contacts active with this agent now, each with its screen-pop: what a desktop shows again
     * after signing in anew (another window, a restart of either side).
     */
    List<ScreenPop> activeWork();

    /** Free-text search: name prefix, phone number, e-mail, handle or ticket number. */
    List<CustomerSummary> search(String text, int limit);

    CustomerSummary customer(long id);

    CustomerSummary createCustomer(NewCustomerRequest request);

    /** A page of the customer's timeline, newest first; {@code cursor} null for the first page. */
    TimelinePage timeline(long customerId, String cursor, int limit);

    List<TicketView> openTickets(long customerId);

    TicketView ticket(long id);

    TicketView createTicket(NewTicketRequest request);

    TicketView updateTicket(long id, TicketUpdateRequest request);

    TicketView addNote(long ticketId, String body);

    InteractionView interaction(long id);

    InteractionView accept(long interactionId);

    InteractionView reject(long interactionId);

    InteractionView end(long interactionId);

    InteractionView linkCustomer(long interactionId, long customerId);

    IngestResponse ingest(IngestRequest request);

    /**
     * Follows the event stream from just after {@code lastSeenSeq} (0 for "from now"), reconnecting
     * on its own and resuming from the last event delivered. Close the subscription to stop.
     */
    EventSubscription subscribe(long lastSeenSeq, EventListener listener);
}
