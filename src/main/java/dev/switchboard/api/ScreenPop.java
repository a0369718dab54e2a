package dev.switchboard.api;

import dev.switchboard.domain.MatchKind;

import java.util.List;

/**
 * Everything the card needs to draw the moment a contact is offered, so the desktop makes no round
 * trip before the agent sees who is calling. {@code customer} is set when the address matched one
 * customer; {@code candidates} when it matched several; both are empty for an unknown address.
 */
public record ScreenPop(InteractionView interaction, MatchKind match, CustomerSummary customer,
                        List<CustomerSummary> candidates, List<TicketView> openTickets,
                        List<InteractionView> recent) {
}
