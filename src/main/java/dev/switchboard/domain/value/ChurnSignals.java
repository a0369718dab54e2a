package dev.switchboard.domain.value;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The signs that a customer may be about to leave, each as a sentence with its numbers, so the
 * agent sees why rather than a score. The facts are handed in, in any order; facts dated after
 * {@code now} (a clock a little ahead) count as now's.
 *
 * <p>The signals, most serious first, which is also the order {@link #assess} returns them in:
 * <ol>
 *   <li>{@link #RECENT_COMPLAINTS}: the customer complained within {@link #COMPLAINT_WINDOW}, open
 *       or closed since: the clearest sign of a customer who is unhappy now.</li>
 *   <li>{@link #UNRESOLVED_TICKETS}: tickets still open, those open longer than
 *       {@link #LONG_OPEN_TICKET} counted apart: a need the centre has not met yet.</li>
 *   <li>{@link #DECLINING_SPEND}: the net spend of the last {@link CustomerValue#YEAR} is under
 *       {@link #SPEND_DECLINE_RATIO} of the year before's, which was positive: the money is already
 *       going.</li>
 *   <li>{@link #GROWING_GAP_PURCHASES}: the buying rhythm is slowing (purchases with a positive
 *       amount only; refunds are not a visit to the shop).</li>
 *   <li>{@link #GROWING_GAP_CONTACTS}: the contact rhythm is slowing; the weakest sign, as a quiet
 *       customer may simply be a satisfied one.</li>
 * </ol>
 *
 * <p>The growing-gap rule: the gaps between successive events are the customer's rhythm, and the
 * median gap is their usual one. A gap more than {@link #GAP_FACTOR} times the usual gap fires the
 * signal, provided at least {@link #MIN_EARLIER_GAPS} earlier gaps set the usual one. The gap tested
 * is first the silence since the last event (against all gaps between events); failing that, the last
 * gap between events (against the gaps before it), which catches a customer who came back only after
 * a long pause. Events at the same instant count once.
 */
public final class ChurnSignals {
    public static final String RECENT_COMPLAINTS = "RECENT_COMPLAINTS";
    public static final String UNRESOLVED_TICKETS = "UNRESOLVED_TICKETS";
    public static final String DECLINING_SPEND = "DECLINING_SPEND";
    public static final String GROWING_GAP_PURCHASES = "GROWING_GAP_PURCHASES";
    public static final String GROWING_GAP_CONTACTS = "GROWING_GAP_CONTACTS";
    /** The codes from most to least serious: the order of {@link #assess}' answer. */
    public static final List<String> ORDER = List.of(RECENT_COMPLAINTS, UNRESOLVED_TICKETS, DECLINING_SPEND,
            GROWING_GAP_PURCHASES, GROWING_GAP_CONTACTS);

    /** Complaints opened after now minus this window count as recent. */
    public static final Duration COMPLAINT_WINDOW = Duration.ofDays(90);
    /** A ticket open longer than this is counted apart: it has waited too long. */
    public static final Duration LONG_OPEN_TICKET = Duration.ofDays(14);
    /** Spend falls when the last year's is under this share of the year before's. */
    public static final BigDecimal SPEND_DECLINE_RATIO = new BigDecimal("0.5");
    /** A gap fires when longer than this many times the usual (median) gap. */
    public static final int GAP_FACTOR = 2;
    /** Earlier gaps needed before a usual gap is trusted; fewer and any pause would look unusual. */
    public static final int MIN_EARLIER_GAPS = 3;

    /** The signals that apply at {@code now}, most serious first; empty when none does. */
    public List<Signal> assess(List<Instant> contacts, List<Purchase> purchases, List<CaseFact> cases,
                               Instant now) {
        List<Instant> contactTimes = Facts.checked(contacts, "contacts");
        List<Purchase> allPurchases = Facts.checked(purchases, "purchases");
        List<CaseFact> allCases = Facts.checked(cases, "cases");
        Objects.requireNonNull(now, "now");

        List<Signal> signals = new ArrayList<>();
        recentComplaints(allCases, now).ifPresent(signals::add);
        unresolvedTickets(allCases, now).ifPresent(signals::add);
        decliningSpend(allPurchases, now).ifPresent(signals::add);
        List<Instant> sales = allPurchases.stream().filter(Purchase::isSale).map(Purchase::at).toList();
        Gaps.growing(sales, now).map(f -> gapSignal(GROWING_GAP_PURCHASES, "purchase", f)).ifPresent(signals::add);
        Gaps.growing(contactTimes, now).map(f -> gapSignal(GROWING_GAP_CONTACTS, "contact", f)).ifPresent(signals::add);
        return List.copyOf(signals);
    }

    /** Whether offering a sale would be tone-deaf: true while any complaint is open. */
    public static boolean doNotUpsell(List<CaseFact> cases) {
        return Facts.checked(cases, "cases").stream().anyMatch(c -> c.complaint() && c.isOpen());
    }

    /** What the card says when {@link #doNotUpsell} is true. */
    public static String doNotUpsellReason() {
        return "Complaint open: do not offer sales";
    }

    private static Optional<Signal> recentComplaints(List<CaseFact> cases, Instant now) {
        Instant after = now.minus(COMPLAINT_WINDOW);
        long count = cases.stream().filter(c -> c.complaint() && c.openedAt().isAfter(after)).count();
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(new Signal(RECENT_COMPLAINTS, count + (count == 1 ? " complaint" : " complaints")
                + " in the last " + COMPLAINT_WINDOW.toDays() + " days"));
    }

    private static Optional<Signal> unresolvedTickets(List<CaseFact> cases, Instant now) {
        List<CaseFact> open = cases.stream().filter(CaseFact::isOpen).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        long waitingLong = open.stream()
                .filter(c -> Duration.between(c.openedAt(), now).compareTo(LONG_OPEN_TICKET) > 0).count();
        String limit = "more than " + LONG_OPEN_TICKET.toDays() + " days";
        String reason;
        if (open.size() == 1) {
            reason = "1 open ticket" + (waitingLong == 1 ? ", open for " + limit : "");
        } else {
            reason = open.size() + " open tickets"
                    + (waitingLong > 0 ? ", " + waitingLong + " of them for " + limit : "");
        }
        return Optional.of(new Signal(UNRESOLVED_TICKETS, reason));
    }

    private static Optional<Signal> decliningSpend(List<Purchase> purchases, Instant now) {
        Instant yearAgo = now.minus(CustomerValue.YEAR);
        BigDecimal lastYear = Facts.netAfter(purchases, yearAgo);
        BigDecimal yearBefore = Facts.netBetween(purchases, yearAgo.minus(CustomerValue.YEAR), yearAgo);
        if (yearBefore.signum() <= 0 || lastYear.compareTo(yearBefore.multiply(SPEND_DECLINE_RATIO)) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Signal(DECLINING_SPEND, "Spent " + Money.format(lastYear)
                + " in the last year against " + Money.format(yearBefore) + " the year before"));
    }

    private static Signal gapSignal(String code, String event, Gaps.Finding finding) {
        String usual = "; usually " + Gaps.every(finding.usual());
        String reason = finding.open()
                ? "No " + event + " for " + Gaps.span(finding.gap()) + usual
                : "The last " + event + " came after " + Gaps.span(finding.gap()) + " without one" + usual;
        return new Signal(code, reason);
    }
}
