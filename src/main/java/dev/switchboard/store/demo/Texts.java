package dev.switchboard.store.demo;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.store.demo.Template.Values;
import dev.switchboard.store.demo.Topic.ChatScript;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Subjects and bodies as each channel writes them: call notes for phone, a whole e-mail with greeting
 * and signature, a chat transcript ("Visitor: ..." / "Agent: ..."), a short public post.
 */
final class Texts {
    private final DemoWorld world;
    /** Reused for every body; the generator runs on one thread. */
    private final StringBuilder buffer = new StringBuilder(2048);

    Texts(DemoWorld world) {
        this.world = world;
    }

    /** The subject the case opened with; replies and call backs refer to it. */
    String caseSubject(Topic topic, Values values, SplittableRandom r) {
        return pick(topic.subjects(), r).render(values);
    }

    String subject(String caseSubject, Channel channel, Direction direction, InteractionState state) {
        if (state == InteractionState.ABANDONED && channel == Channel.PHONE) {
            return "Abandoned call";
        }
        if (direction == Direction.OUTBOUND) {
            return switch (channel) {
                case PHONE -> "Call back: " + caseSubject;
                case EMAIL, SOCIAL -> "Re: " + caseSubject;
                case CHAT -> caseSubject;
            };
        }
        return caseSubject;
    }

    String body(Topic topic, Values values, DemoCustomer customer, Channel channel, Direction direction,
                InteractionState state, SplittableRandom r) {
        StringBuilder b = buffer;
        b.setLength(0);
        boolean inbound = direction == Direction.INBOUND;
        switch (channel) {
            case PHONE -> {
                if (state == InteractionState.ABANDONED) {
                    pick(world.phoneAbandoned, r).render(b, values);
                } else {
                    pick(inbound ? world.phoneVerifications : world.phoneCallbacks, r).render(b, values);
                    b.append(' ');
                    pick(topic.phoneNotes(), r).render(b, values);
                    if (r.nextInt(10) < 7) {
                        b.append(' ');
                        pick(world.phoneOutcomes, r).render(b, values);
                    }
                }
            }
            case EMAIL -> {
                if (inbound) {
                    email(topic, values, customer, r);
                } else {
                    pick(world.emailReplies, r).render(b, values);
                }
            }
            case CHAT -> {
                if (state == InteractionState.ABANDONED) {
                    ChatScript script = pick(topic.chats(), r);
                    turn(script.turns().get(0), values);
                    pick(world.chatAbandoned, r).render(b, values);
                } else {
                    transcript(pick(world.chatOpenings, r), values);
                    transcript(pick(topic.chats(), r), values);
                    transcript(pick(world.chatClosings, r), values);
                    b.setLength(b.length() - 1);
                }
            }
            case SOCIAL -> pick(inbound ? topic.socialPosts() : world.socialReplies, r).render(b, values);
        }
        return b.toString();
    }

    String note(Topic topic, Values values, SplittableRandom r) {
        return pick(r.nextInt(10) < 7 ? topic.notes() : world.genericNotes, r).render(values);
    }

    String ticketSubject(Topic topic, Values values, SplittableRandom r) {
        return pick(topic.tickets(), r).render(values);
    }

    private void email(Topic topic, Values values, DemoCustomer customer, SplittableRandom r) {
        StringBuilder b = buffer;
        pick(world.emailGreetings, r).render(b, values);
        b.append("\n\n");
        pick(topic.emails(), r).render(b, values);
        b.append("\n\n");
        pick(world.emailClosings, r).render(b, values);
        b.append('\n').append(customer.first().display());
        if (r.nextBoolean()) {
            b.append(' ').append(customer.last().display());
        }
        if (customer.isBusiness()) {
            b.append('\n').append(customer.company());
        }
        if (r.nextInt(4) == 0) {
            b.append("\n\n");
            pick(world.emailFooters, r).render(b, values);
        }
    }

    private void transcript(ChatScript script, Values values) {
        for (ChatScript.Turn turn : script.turns()) {
            turn(turn, values);
        }
    }

    private void turn(ChatScript.Turn turn, Values values) {
        buffer.append(turn.visitor() ? "Visitor: " : "Agent: ");
        turn.text().render(buffer, values);
        buffer.append('\n');
    }

    private static <T> T pick(List<T> items, SplittableRandom r) {
        return items.get(r.nextInt(items.size()));
    }
}
