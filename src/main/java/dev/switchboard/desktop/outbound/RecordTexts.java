package dev.switchboard.desktop.outbound;

import dev.switchboard.api.CampaignDispositionView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.OutboundLogEntryView;
import dev.switchboard.api.OutboundRecordView;
import dev.switchboard.api.TicketView;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.domain.outbound.AttemptResult;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Turns the server's record, customer and results into the sentences of the outbound view. */
final class RecordTexts {
    private final Messages messages;
    private final EnumText enums;
    private final Formats formats;
    private final DateTimeFormatter time;
    private final ZoneId agentZone;

    RecordTexts(Messages messages, EnumText enums, Formats formats, ZoneId agentZone) {
        this.agentZone = agentZone;
        this.messages = messages;
        this.enums = enums;
        this.formats = formats;
        this.time = DateTimeFormatter.ofPattern(messages.get("format.time"), messages.locale());
    }

    RecordCard card(OutboundRecordView r, CustomerSummary customer, List<TicketView> tickets, int maxAttempts,
                    Instant now) {
        String attempts = r.attempts() == 0 ? messages.get("outbound.attempts.none")
                : messages.format("outbound.attempts", r.attempts(), maxAttempts);
        String last = r.lastResult() == null ? "" : messages.format("outbound.lastResult", result(r.lastResult()));
        String callback = r.callbackAt() == null ? "" : messages.format("outbound.callbackDue",
                formats.dateTime(r.callbackAt()));
        return new RecordCard(r.id(), r.name() == null || r.name().isBlank() ? r.number() : r.name(), r.number(),
                localTime(r.zone(), now), attempts, last, callback, customer(customer, tickets));
    }

    /** "14:05 in Europe/London", or empty when the zone is unknown or not one Java knows. */
    String localTime(String zone, Instant now) {
        if (zone == null || zone.isBlank()) {
            return "";
        }
        try {
            ZoneId id = ZoneId.of(zone);
            return messages.format("outbound.localTime", time.format(now.atZone(id)), id.getId());
        } catch (DateTimeException e) {
            return "";
        }
    }

    private RecordCard.Customer customer(CustomerSummary c, List<TicketView> tickets) {
        if (c == null) {
            return null;
        }
        StringBuilder details = new StringBuilder();
        for (String part : new String[] {c.company(), c.segment()}) {
            if (part != null && !part.isBlank()) {
                details.append(details.length() == 0 ? "" : " · ").append(part);
            }
        }
        List<String> lines = tickets == null ? List.of() : tickets.stream()
                .map(t -> messages.format("outbound.ticket", Long.toString(t.id()), t.subject(),
                        enums.priority(t.priority())))
                .toList();
        return new RecordCard.Customer(c.id(), c.displayName(), details.toString(), lines);
    }

    String result(AttemptResult r) {
        return messages.get(switch (r) {
            case BUSY -> "outbound.result.busy";
            case NO_ANSWER -> "outbound.result.noAnswer";
            case ANSWERING_MACHINE -> "outbound.result.machine";
            case FAILED -> "outbound.result.failed";
            case CONNECTED -> "outbound.result.connected";
            case ABANDONED -> "outbound.result.abandoned";
        });
    }

    /**
     * The record's dial log as the agent reads it, newest first: each attempt's result, the outcome
     * chosen, and the times it was passed over. Lines of no use to the agent (a dial, a hand-over)
     * are left out.
     */
    List<String> history(List<OutboundLogEntryView> log) {
        List<String> out = new ArrayList<>();
        for (OutboundLogEntryView l : log) {
            String what = switch (l.action()) {
                case "RESULT" -> resultName(l.reason());
                case "DISPOSITION" -> messages.format("outbound.history.outcome",
                        DispositionItem.of(new CampaignDispositionView(l.reason(), 'X', false, false, null)).label());
                case "AGENT_SKIP" -> messages.get("outbound.history.skipped");
                case "SKIP", "REFUSED" -> messages.format("outbound.history.notDialled", l.message());
                case "DIAL_FAILED" -> messages.format("outbound.history.notPlaced", l.message());
                default -> null;
            };
            if (what != null) {
                out.add(messages.format("outbound.history.line", formats.dateTime(l.at()), what));
            }
        }
        return out;
    }

    private String resultName(String code) {
        try {
            return result(AttemptResult.valueOf(code));
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(code);
        }
    }

    /** When nothing may be dialled: the time the next record falls due, else the server's reason. */
    String nothing(String reason, Instant nextDueAt, Instant now) {
        if (nextDueAt != null) {
            boolean today = nextDueAt.atZone(agentZone).toLocalDate().equals(now.atZone(agentZone).toLocalDate());
            return messages.format("outbound.nothing.until", today ? formats.time(nextDueAt)
                    : formats.dateTime(nextDueAt));
        }
        return reason == null || reason.isBlank() ? messages.get("outbound.nothing.left")
                : messages.format("outbound.nothing.because", reason);
    }

    /** A refused dial's reason in the agent's words, by the rule's code; else the server's sentence. */
    String refusal(String code, String serverMessage) {
        String key = switch (code == null ? "" : code) {
            case "dnc_global" -> "outbound.refused.dncGlobal";
            case "dnc_campaign" -> "outbound.refused.dncCampaign";
            case "no_consent" -> "outbound.refused.noConsent";
            case "outside_calling_hours" -> "outbound.refused.hours";
            case "holiday" -> "outbound.refused.holiday";
            case "max_attempts_reached" -> "outbound.refused.maxAttempts";
            case "zone_unknown", "no_calling_time" -> "outbound.refused.zone";
            case "invalid_number" -> "outbound.refused.invalidNumber";
            case "not_yet_due" -> "outbound.refused.notDue";
            case "record_closed" -> "outbound.refused.closed";
            default -> null;
        };
        return key != null ? messages.get(key) : serverMessage;
    }

    /** The dial rules' refusals, as the server codes them (a 409 with one of these is a refusal). */
    static boolean isRefusal(String code) {
        return code != null && switch (code) {
            case "dnc_global", "dnc_campaign", "no_consent", "outside_calling_hours", "holiday",
                 "max_attempts_reached", "zone_unknown", "no_calling_time", "invalid_number", "not_yet_due",
                 "record_closed", "in_wrap_up" -> true;
            default -> false;
        };
    }
}
