package dev.switchboard.desktop;

import dev.switchboard.desktop.supervisor.Treatment;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.Role;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

/** How the domain's enums read to people; every key is written out so the bundle test sees it. */
public final class EnumText {
    private final Messages messages;

    public EnumText(Messages messages) {
        this.messages = messages;
    }

    public String channel(Channel channel) {
        return messages.get(switch (channel) {
            case PHONE -> "channel.phone";
            case EMAIL -> "channel.email";
            case CHAT -> "channel.chat";
            case SOCIAL -> "channel.social";
        });
    }

    /** What to call a contact that has neither subject nor text. */
    public String noSubject(Channel channel) {
        return messages.get(switch (channel) {
            case PHONE -> "subject.none.phone";
            case EMAIL -> "subject.none.email";
            case CHAT -> "subject.none.chat";
            case SOCIAL -> "subject.none.social";
        });
    }

    public String agentState(AgentState state) {
        if (state == null) {
            return "";
        }
        return messages.get(switch (state) {
            case READY -> "agent.state.ready";
            case NOT_READY -> "agent.state.notReady";
            case BUSY -> "agent.state.busy";
            case WRAP_UP -> "agent.state.wrapUp";
            case LOGGED_OUT -> "agent.state.loggedOut";
        });
    }

    public String interactionState(InteractionState state) {
        return messages.get(switch (state) {
            case SCHEDULED -> "interaction.state.scheduled";
            case QUEUED -> "interaction.state.queued";
            case OFFERED -> "interaction.state.offered";
            case ACTIVE -> "interaction.state.active";
            case WRAP_UP -> "interaction.state.wrapUp";
            case ENDED -> "interaction.state.ended";
            case ABANDONED -> "interaction.state.abandoned";
        });
    }

    public String role(Role role) {
        return messages.get(switch (role) {
            case AGENT -> "role.agent";
            case OUTBOUND_AGENT -> "role.outboundAgent";
            case SUPERVISOR -> "role.supervisor";
            case ADMINISTRATOR -> "role.administrator";
        });
    }

    public String priority(TicketPriority priority) {
        return messages.get(switch (priority) {
            case LOW -> "ticket.priority.low";
            case NORMAL -> "ticket.priority.normal";
            case HIGH -> "ticket.priority.high";
            case URGENT -> "ticket.priority.urgent";
        });
    }

    public String status(TicketStatus status) {
        return messages.get(switch (status) {
            case OPEN -> "ticket.status.open";
            case PENDING -> "ticket.status.pending";
            case SOLVED -> "ticket.status.solved";
            case CLOSED -> "ticket.status.closed";
        });
    }

    public String kind(dev.switchboard.domain.TicketKind kind) {
        return messages.get(switch (kind) {
            case QUESTION -> "ticket.kind.question";
            case PROBLEM -> "ticket.kind.problem";
            case REQUEST -> "ticket.kind.request";
            case COMPLAINT -> "ticket.kind.complaint";
        });
    }

    public String severity(dev.switchboard.domain.Severity severity) {
        return messages.get(switch (severity) {
            case MINOR -> "ticket.severity.minor";
            case MAJOR -> "ticket.severity.major";
            case CRITICAL -> "ticket.severity.critical";
        });
    }

    public String contactKind(ContactKind kind) {
        return messages.get(switch (kind) {
            case PHONE -> "contact.kind.phone";
            case EMAIL -> "contact.kind.email";
            case SOCIAL -> "contact.kind.social";
        });
    }

    public String direction(Direction direction) {
        return messages.get(direction == Direction.OUTBOUND ? "direction.outbound" : "direction.inbound");
    }

    /** How abandons count in a service level, in words. */
    public String treatment(Treatment treatment) {
        return messages.get(switch (treatment) {
            case IGNORE -> "supervisor.treatment.ignore";
            case AGAINST -> "supervisor.treatment.against";
            case IN_FAVOUR -> "supervisor.treatment.inFavour";
        });
    }

    /** The one line under a treatment that says what it does to the number. */
    public String treatmentHelp(Treatment treatment) {
        return messages.get(switch (treatment) {
            case IGNORE -> "supervisor.treatment.ignore.help";
            case AGAINST -> "supervisor.treatment.against.help";
            case IN_FAVOUR -> "supervisor.treatment.inFavour.help";
        });
    }
}
