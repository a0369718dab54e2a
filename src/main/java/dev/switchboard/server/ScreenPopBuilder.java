package dev.switchboard.server;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.api.TicketView;
import dev.switchboard.domain.Customer;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.MatchKind;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.TicketStore;

import java.util.List;

/**
 * Builds the screen-pop that travels inside an offer: who it is, their open tickets and their last
 * contacts, so the desktop draws the card with no round trip.
 */
public final class ScreenPopBuilder {
    /** How many earlier contacts the card shows at once. */
    public static final int RECENT = 20;

    private final CustomerStore customers;
    private final InteractionStore interactions;
    private final TicketStore tickets;
    private final Views views;

    public ScreenPopBuilder(CustomerStore customers, InteractionStore interactions, TicketStore tickets, Views views) {
        this.customers = customers;
        this.interactions = interactions;
        this.tickets = tickets;
        this.views = views;
    }

    public ScreenPop build(Interaction interaction, MatchKind match, List<Long> candidateIds) {
        InteractionView view = views.interaction(interaction);
        if (interaction.customerId() != null) {
            long customerId = interaction.customerId();
            Customer customer = customers.find(customerId).orElse(null);
            if (customer != null) {
                List<TicketView> open = tickets.openByCustomer(customerId).stream().map(views::ticket).toList();
                List<InteractionView> recent = interactions.timeline(customerId, null, null, RECENT + 1).stream()
                        .filter(i -> i.id() != interaction.id())
                        .limit(RECENT)
                        .map(views::interactionForPop)
                        .toList();
                return new ScreenPop(view, MatchKind.SINGLE, views.customer(customer), List.of(), open, recent);
            }
        }
        if (match == MatchKind.SEVERAL) {
            List<CustomerSummary> candidates = customers.findAll(candidateIds).stream().map(views::customer).toList();
            return new ScreenPop(view, MatchKind.SEVERAL, null, candidates, List.of(), List.of());
        }
        return new ScreenPop(view, MatchKind.UNKNOWN, null, List.of(), List.of(), List.of());
    }

    /** The same pop with the interaction as it is now (e.g. OFFERED to an agent). */
    public static ScreenPop withInteraction(ScreenPop pop, InteractionView interaction) {
        return new ScreenPop(interaction, pop.match(), pop.customer(), pop.candidates(), pop.openTickets(),
                pop.recent());
    }
}
