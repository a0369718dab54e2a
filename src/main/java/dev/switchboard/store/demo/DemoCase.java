package dev.switchboard.store.demo;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.store.demo.Template.Values;

import java.util.ArrayList;
import java.util.List;

/**
 * One matter a customer got in touch about, with its one to three interactions (the first contact
 * and follow-ups on any channel). Mutable while a customer's history is being drawn, then dropped.
 */
final class DemoCase {
    final Topic topic;
    final Values values = new Values();
    final List<Step> steps = new ArrayList<>(3);
    /** Whether the case gets a ticket, and whether that ticket is still open or pending. */
    final boolean ticketed;
    final boolean open;
    String subject;

    DemoCase(Topic topic, boolean ticketed, boolean open) {
        this.topic = topic;
        this.ticketed = ticketed;
        this.open = open;
    }

    long start() {
        return steps.get(0).created;
    }

    long end() {
        return steps.get(steps.size() - 1).ended;
    }

    /** One interaction of the case; times in epoch seconds, answered {@link Activity#NO_TIME} if never. */
    static final class Step {
        final Channel channel;
        final Direction direction;
        final InteractionState state;
        long created;
        long answered;
        long ended;
        long id;

        Step(Channel channel, Direction direction, InteractionState state) {
            this.channel = channel;
            this.direction = direction;
            this.state = state;
        }

        void shift(long seconds) {
            created += seconds;
            ended += seconds;
            if (answered != Activity.NO_TIME) {
                answered += seconds;
            }
        }
    }
}
