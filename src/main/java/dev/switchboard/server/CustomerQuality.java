package dev.switchboard.server;

import dev.switchboard.api.CustomerMergeView;
import dev.switchboard.api.DuplicateProbe;
import dev.switchboard.api.DuplicateView;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.ContactPoint;
import dev.switchboard.domain.Customer;
import dev.switchboard.domain.Postcodes;
import dev.switchboard.store.CustomerMergeStore;
import dev.switchboard.store.CustomerStore;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Data quality at the point of contact: which customers look like the same person (before one is
 * created, or for one on the card), and merging a duplicate into the customer that carries on.
 *
 * <p>A suggestion is a customer holding the same phone number or e-mail address, or with a similar
 * name at the same postcode (names compared without case or accents: at most two letters apart on
 * the full name, or the same last name and first initial). The strongest come first; a customer
 * merged away, the customer asked about, and customers the person may not open are never suggested.
 */
public final class CustomerQuality {
    /** Suggestions in one answer. */
    static final int LIMIT = 10;
    /** Holders of one contact value, or customers at one postcode, looked at per question. */
    private static final int LOOK_AT = 500;
    private static final int SAME_CONTACT = 40;
    private static final int SAME_NAME = 30;
    private static final int PER_LETTER = 5;
    private static final int SAME_LAST_AND_INITIAL = 15;

    /** What a customer is compared by: normalised contact values, name and postcode. */
    private record Criteria(long exceptId, Set<String> phones, Set<String> emails, String firstName, String lastName,
                            String postcode, String country) {
    }

    private final AddressNormalizer normalizer;
    private final CustomerStore customers;
    private final CustomerMergeStore merges;
    private final Scopes scopes;
    private final Views views;

    public CustomerQuality(AddressNormalizer normalizer, CustomerStore customers, CustomerMergeStore merges,
                           Scopes scopes, Views views) {
        this.normalizer = normalizer;
        this.customers = customers;
        this.merges = merges;
        this.scopes = scopes;
        this.views = views;
    }

    /** Customers that may be the same person as this one (404 when the person may not open it). */
    public List<DuplicateView> duplicatesOf(Session s, long customerId) {
        scopes.checkCustomer(s, customerId);
        Customer c = customers.find(customerId).orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        Set<String> phones = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        for (ContactPoint p : c.contactPoints()) {
            if (p.kind() == ContactKind.PHONE) {
                phones.add(p.value());
            } else if (p.kind() == ContactKind.EMAIL) {
                emails.add(p.value());
            }
        }
        return suggest(s, new Criteria(customerId, phones, emails, c.firstName(), c.lastName(),
                c.address().postcode(), c.address().country()));
    }

    /** Customers that may be the person about to be created; a 400 naming a field that cannot be read. */
    public List<DuplicateView> duplicatesFor(Session s, DuplicateProbe p) {
        String first = text("firstName", p.firstName(), 100);
        String last = text("lastName", p.lastName(), 100);
        String country = text("country", p.country(), 2).toUpperCase(Locale.ROOT);
        String postcode;
        try {
            postcode = Postcodes.normalise(country, text("postcode", p.postcode(), 40));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("postcode", e.getMessage());
        }
        Set<String> phones = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        contact(ContactKind.PHONE, "phone", text("phone", p.phone(), 40), phones);
        contact(ContactKind.EMAIL, "email", text("email", p.email(), ContactService.MAX_ADDRESS), emails);
        if (phones.isEmpty() && emails.isEmpty() && (postcode.isEmpty() || first.isEmpty() && last.isEmpty())) {
            throw ApiProblem.badRequest(null, "give a phone number, an e-mail address, or a name with a postcode "
                    + "to look for duplicates");
        }
        return suggest(s, new Criteria(0, phones, emails, first, last, postcode, country));
    }

    /**
     * Merges {@code duplicateId} into {@code survivorId}: supervisors and administrators only (403),
     * both customers within the person's scope (404), neither merged before (409).
     */
    public CustomerMergeView merge(Session s, long survivorId, Long duplicateId) {
        requireMerger(s);
        if (duplicateId == null) {
            throw ApiProblem.badRequest("duplicateId", "duplicateId is required: the customer to merge into this one");
        }
        if (duplicateId <= 0) {
            throw ApiProblem.badRequest("duplicateId", "'" + duplicateId + "' is not a valid duplicateId");
        }
        if (duplicateId == survivorId) {
            throw ApiProblem.badRequest("duplicateId", "a customer cannot be merged into itself");
        }
        scopes.checkCustomer(s, survivorId);
        scopes.checkCustomer(s, duplicateId);
        CustomerMergeStore.Moved moved;
        try {
            moved = merges.merge(survivorId, duplicateId);
        } catch (CustomerMergeStore.Refusal r) {
            throw switch (r.reason()) {
                case UNKNOWN -> ApiProblem.notFound("customer", r.customerId());
                case SAME -> ApiProblem.badRequest("duplicateId", r.getMessage());
                case ALREADY_MERGED -> ApiProblem.conflict("already_merged", r.getMessage());
                case NOTE_TOO_LONG -> ApiProblem.conflict("billing_notes_too_long", r.getMessage());
            };
        }
        Customer survivor = customers.find(survivorId).orElseThrow(() -> ApiProblem.notFound("customer", survivorId));
        return new CustomerMergeView(views.customer(survivor), survivor.version(), duplicateId,
                new CustomerMergeView.Moved(moved.contactPoints(), moved.contactPointsAlreadyHeld(), moved.interactions(),
                        moved.tickets(), moved.ticketNotes(), moved.purchases(), moved.permissions(),
                        moved.permissionsCombined(), moved.callRecords(), moved.billingNote(), moved.fieldsFilled()));
    }

    /** Throws 403 unless the person may merge customers. */
    static void requireMerger(Session s) {
        if (!s.agent().role().oversees()) {
            throw new ApiProblem(403, "forbidden", "only supervisors and administrators may merge customers", null);
        }
    }

    private List<DuplicateView> suggest(Session s, Criteria c) {
        Map<Long, Integer> scores = new HashMap<>();
        Map<Long, Set<String>> reasons = new HashMap<>();
        for (var h : merges.holders(ContactKind.PHONE, c.phones(), c.exceptId(), LOOK_AT)) {
            add(scores, reasons, h.customerId(), SAME_CONTACT, "same phone number " + h.value());
        }
        for (var h : merges.holders(ContactKind.EMAIL, c.emails(), c.exceptId(), LOOK_AT)) {
            add(scores, reasons, h.customerId(), SAME_CONTACT, "same e-mail");
        }
        String key = Postcodes.key(c.postcode());
        if (!key.isEmpty() && !(c.firstName().isBlank() && c.lastName().isBlank())) {
            for (var n : merges.atPostcode(spellings(c.postcode(), c.country()), c.exceptId(), LOOK_AT)) {
                boolean samePlace = Postcodes.key(n.postcode()).equals(key)
                        && (c.country().isBlank() || n.country().isBlank() || c.country().equalsIgnoreCase(n.country()));
                int similarity = samePlace ? nameSimilarity(c.firstName(), c.lastName(), n.firstName(), n.lastName()) : 0;
                if (similarity > 0) {
                    add(scores, reasons, n.id(), similarity, "similar name at the same postcode");
                }
            }
        }
        List<Long> ranked = scores.keySet().stream()
                .sorted(Comparator.comparing((Long id) -> -scores.get(id)).thenComparing(id -> id)).toList();
        List<Long> shown = scopes.openable(s, ranked).stream().limit(LIMIT).toList();
        List<DuplicateView> out = new ArrayList<>();
        for (Customer found : customers.findAll(shown)) {
            out.add(new DuplicateView(views.customer(found), List.copyOf(reasons.get(found.id()))));
        }
        return out;
    }

    private static void add(Map<Long, Integer> scores, Map<Long, Set<String>> reasons, long id, int score, String reason) {
        if (reasons.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(reason)) {
            scores.merge(id, score, Integer::sum);
        }
    }

    /**
     * How alike two names are, 0 when not alike: the same full name scores highest, each letter
     * apart (up to two) a little less, the same last name with the same first initial least.
     */
    static int nameSimilarity(String first1, String last1, String first2, String last2) {
        String a = fold(first1 + " " + last1);
        String b = fold(first2 + " " + last2);
        int distance = distanceAtMost(a, b, 2);
        if (distance <= 2) {
            return SAME_NAME - PER_LETTER * distance;
        }
        String f1 = fold(first1);
        String f2 = fold(first2);
        boolean sameInitial = !f1.isEmpty() && !f2.isEmpty() && f1.charAt(0) == f2.charAt(0);
        return sameInitial && !fold(last1).isEmpty() && fold(last1).equals(fold(last2)) ? SAME_LAST_AND_INITIAL : 0;
    }

    /** Lower case, accents taken off, single spaces: "  Zoë  MÜLLER" and "zoe muller" are one name. */
    static String fold(String name) {
        if (name == null) {
            return "";
        }
        String bare = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return bare.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The edit distance of {@code a} and {@code b}, or {@code max + 1} as soon as it is known to be larger. */
    static int distanceAtMost(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], max + 1);
    }

    /** The ways one postcode may have been stored, for the indexed lookup; compared by key afterwards. */
    private static Set<String> spellings(String postcode, String country) {
        String tidy = postcode.strip().replaceAll("\\s+", " ");
        Set<String> forms = new LinkedHashSet<>(List.of(tidy, Postcodes.key(tidy)));
        try {
            forms.add(Postcodes.normalise(country, tidy));
        } catch (IllegalArgumentException storedBeforeItWasChecked) {
            // the forms above are all there is
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : forms) {
            out.add(s);
            out.add(s.toUpperCase(Locale.ROOT));
            out.add(s.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private void contact(ContactKind kind, String field, String raw, Set<String> into) {
        if (raw.isEmpty()) {
            return;
        }
        into.add(normalizer.normalize(kind, raw).orElseThrow(() -> ApiProblem.badRequest(field,
                "'" + raw + "' is not a valid " + (kind == ContactKind.PHONE ? "phone number" : "e-mail address"))));
    }

    private static String text(String field, String value, int max) {
        Requests.maxLength(field, value, max);
        return value == null ? "" : value.strip();
    }
}
