package dev.switchboard.server;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.SyncPage;
import dev.switchboard.api.SyncRequest;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.TimelinePage;
import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.ContactPoint;
import dev.switchboard.domain.Customer;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.Postcodes;
import dev.switchboard.domain.Salutations;
import dev.switchboard.domain.SearchQuery;
import dev.switchboard.store.CustomerStore;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.TicketStore;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finding customers, creating them, and reading their timeline and open tickets. */
public final class CustomerService {
    private final AddressNormalizer normalizer;
    private final CustomerStore customers;
    private final InteractionStore interactions;
    private final TicketStore tickets;
    private final Views views;
    private final Clock clock;

    public CustomerService(AddressNormalizer normalizer, CustomerStore customers, InteractionStore interactions,
                           TicketStore tickets, Views views, Clock clock) {
        this.normalizer = normalizer;
        this.customers = customers;
        this.interactions = interactions;
        this.tickets = tickets;
        this.views = views;
        this.clock = clock;
    }

    /** Free-text search: ticket number, e-mail, handle, phone number, or a name prefix. */
    public List<CustomerSummary> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.badRequest("q", "q is required: a name, number, e-mail address, handle or ticket number");
        }
        Requests.maxLength("q", text, 200);
        var query = SearchQuery.parse(text, normalizer);
        if (query.isEmpty()) {
            return List.of();
        }
        String key = query.get().key();
        List<Customer> found = switch (query.get().kind()) {
            case TICKET -> {
                long ticketId;
                try {
                    ticketId = Long.parseLong(key);
                } catch (NumberFormatException e) {
                    yield List.of();
                }
                yield tickets.find(ticketId).map(t -> customers.findAll(List.of(t.customerId()))).orElse(List.of());
            }
            case EMAIL -> customers.findByContact(ContactKind.EMAIL, key, limit);
            case HANDLE -> customers.findByContact(ContactKind.SOCIAL, key, limit);
            case PHONE -> customers.findByContact(ContactKind.PHONE, key, limit);
            case NAME -> customers.findAll(customers.idsByNamePrefix(key, limit));
        };
        return found.stream().map(views::customer).toList();
    }

    /** The customers with these ids, in that order. */
    public List<CustomerSummary> summaries(List<Long> ids) {
        return customers.findAll(ids).stream().map(views::customer).toList();
    }

    public CustomerSummary get(long id) {
        return views.customer(customers.find(id).orElseThrow(() -> ApiProblem.notFound("customer", id)));
    }

    /** Creates a customer (e.g. from an unknown caller), linking the interaction given in the same write. */
    public CustomerSummary create(NewCustomerRequest r, Session session, ContactService contacts) {
        String first = r.firstName() == null ? "" : r.firstName().trim();
        String last = r.lastName() == null ? "" : r.lastName().trim();
        if (first.isEmpty() && last.isEmpty()) {
            throw ApiProblem.badRequest("lastName", "a first or last name is required");
        }
        Requests.maxLength("firstName", first, 100);
        Requests.maxLength("lastName", last, 100);
        // lower-casing can lengthen some letters; the search keys must still fit their columns
        Requests.maxLength("lastName", SearchQuery.nameKey(first + " " + last), 201);
        Requests.maxLength("company", r.company(), 200);
        List<NewContactPoint> given = r.contactPoints() == null ? List.of() : r.contactPoints();
        if (given.size() > 20) {
            throw ApiProblem.badRequest("contactPoints", "at most 20 contact points");
        }
        List<ContactPoint> points = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            NewContactPoint p = given.get(i);
            String field = "contactPoints[" + i + "]";
            if (p == null || p.kind() == null) {
                throw ApiProblem.badRequest(field + ".kind", "kind is required: PHONE, EMAIL or SOCIAL");
            }
            Requests.maxLength(field + ".label", p.label(), 40);
            String value = normalizer.normalize(p.kind(), p.value() == null ? "" : p.value())
                    .orElseThrow(() -> ApiProblem.badRequest(field + ".value",
                            "'" + p.value() + "' is not a valid " + p.kind().name().toLowerCase(java.util.Locale.ROOT)));
            Requests.maxLength(field + ".value", value, ContactService.MAX_ADDRESS);
            if (seen.add(p.kind() + value)) {
                points.add(new ContactPoint(p.kind(), value, p.label()));
            }
        }
        String salutation = salutation(r.salutation());
        // a postcode is written as the centre's country writes it: the region its phone numbers default to
        String country = normalizer.defaultRegion();
        String postcode = postcode(country, r.postcode());
        if (r.interactionId() != null) {
            contacts.mayLink(session, r.interactionId());
        }
        var created = customers.create(new CustomerStore.NewCustomer(first, last, r.company(), salutation, postcode,
                postcode.isEmpty() ? "" : country), points, r.interactionId(), clock.instant());
        if (r.interactionId() != null) {
            interactions.find(r.interactionId()).ifPresent(contacts::linked);
        }
        return views.customer(created);
    }

    private static String salutation(String raw) {
        Requests.maxLength("salutation", raw, 40);
        try {
            return Salutations.normalise(raw);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("salutation", e.getMessage());
        }
    }

    private static String postcode(String country, String raw) {
        Requests.maxLength("postcode", raw, 40);
        try {
            return Postcodes.normalise(country, raw);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("postcode", e.getMessage());
        }
    }

    /** Cursor of a timeline page: the time and id of its last row. */
    public TimelinePage timeline(long customerId, String cursor, int limit) {
        customers.find(customerId).orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        Instant beforeTime = null;
        Long beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            int sep = cursor.lastIndexOf('_');
            try {
                beforeTime = Instant.parse(cursor.substring(0, sep));
                beforeId = Long.parseLong(cursor.substring(sep + 1));
            } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
                throw ApiProblem.badRequest("cursor", "cursor is not one this server gave out");
            }
        }
        List<Interaction> rows = interactions.timeline(customerId, beforeTime, beforeId, limit + 1);
        boolean more = rows.size() > limit;
        List<Interaction> page = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            Interaction lastRow = page.get(page.size() - 1);
            next = lastRow.createdAt() + "_" + lastRow.id();
        }
        return new TimelinePage(page.stream().map(views::interaction).toList(), next);
    }

    /**
     * One page of a desktop's resync: the customers as they are now, and of their open tickets and
     * the tickets the desktop holds, only those whose version moved on.
     */
    public SyncPage sync(SyncRequest r) {
        List<Long> ids = r.customerIds() == null ? List.of() : r.customerIds();
        java.util.Map<Long, Long> held = r.ticketVersions() == null ? java.util.Map.of() : r.ticketVersions();
        if (ids.size() > SyncRequest.MAX_CUSTOMERS) {
            throw ApiProblem.badRequest("customerIds", "at most " + SyncRequest.MAX_CUSTOMERS
                    + " customers per page, not " + ids.size());
        }
        if (held.size() > SyncRequest.MAX_TICKETS) {
            throw ApiProblem.badRequest("ticketVersions", "at most " + SyncRequest.MAX_TICKETS
                    + " tickets per page, not " + held.size());
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull) || held.containsKey(null) || held.containsValue(null)) {
            throw ApiProblem.badRequest(ids.contains(null) ? "customerIds" : "ticketVersions", "ids and versions may not be null");
        }
        List<Long> distinct = ids.stream().distinct().toList();
        List<CustomerSummary> found = summaries(distinct);
        java.util.Set<Long> present = new java.util.HashSet<>();
        found.forEach(c -> present.add(c.id()));
        List<Long> missing = distinct.stream().filter(id -> !present.contains(id)).toList();
        java.util.Map<Long, TicketView> changed = new java.util.LinkedHashMap<>();
        int unchanged = 0;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (long id : present) {
            for (var t : tickets.openByCustomer(id)) {
                seen.add(t.id());
                if (java.util.Objects.equals(held.get(t.id()), t.version())) {
                    unchanged++;
                } else {
                    // the open-ticket list comes without notes; a changed ticket travels whole
                    changed.put(t.id(), views.ticket(tickets.find(t.id()).orElse(t)));
                }
            }
        }
        for (var e : held.entrySet()) {
            if (seen.contains(e.getKey())) {
                continue;
            }
            var t = tickets.find(e.getKey());
            if (t.isEmpty()) {
                continue;
            }
            if (t.get().version() == e.getValue()) {
                unchanged++;
            } else {
                changed.put(t.get().id(), views.ticket(t.get()));
            }
        }
        return new SyncPage(found, missing, List.copyOf(changed.values()), unchanged);
    }

    public List<TicketView> openTickets(long customerId) {
        customers.find(customerId).orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        return tickets.openByCustomer(customerId).stream().map(views::ticket).toList();
    }
}
