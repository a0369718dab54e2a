package dev.switchboard.server;

import dev.switchboard.api.CurrentContactView;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A signed-in agent as the supervisor's grid shows them beside their state: the contact they work on
 * now (null when none) and the queues their skills serve, as routing decides it.
 */
public record AgentAtWork(CurrentContactView current, List<Long> queueIds) {

    public AgentAtWork {
        queueIds = List.copyOf(queueIds);
    }

    /**
     * The contact in hand worth showing among those the agent holds (offers not yet accepted are not
     * held): a call first, since it has the agent's whole attention; then one being worked (connected
     * or on hold) before one in wrap-up; then the one taken last.
     */
    static AgentAtWork of(Collection<Interaction> held, Function<Interaction, String> who, List<Long> queueIds) {
        Interaction now = held.stream()
                .filter(i -> i.state() == InteractionState.ACTIVE || i.state() == InteractionState.WRAP_UP)
                .min(FOCUS).orElse(null);
        return new AgentAtWork(now == null ? null : new CurrentContactView(now.id(), now.channel(), who.apply(now)),
                queueIds);
    }

    private static final Comparator<Interaction> FOCUS = Comparator
            .<Interaction>comparingInt(i -> i.channel() == Channel.PHONE ? 0 : 1)
            .thenComparingInt(i -> i.state() == InteractionState.ACTIVE ? 0 : 1)
            .thenComparing(AgentAtWork::takenAt, Comparator.reverseOrder())
            .thenComparingLong(Interaction::id);

    private static Instant takenAt(Interaction i) {
        return i.answeredAt() != null ? i.answeredAt() : i.createdAt();
    }
}
