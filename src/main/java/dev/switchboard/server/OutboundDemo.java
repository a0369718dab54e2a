package dev.switchboard.server;

import dev.switchboard.api.CampaignRequest;
import dev.switchboard.api.CampaignWindowView;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.ContactPoint;
import dev.switchboard.domain.Customer;
import dev.switchboard.domain.Role;
import dev.switchboard.domain.outbound.DiallingMode;
import dev.switchboard.domain.outbound.Purpose;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.CustomerStore;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The demo's call lists: on a demo database without campaigns, a preview campaign ("Winter
 * renewals") over the first demo customers with a phone number and a progressive one ("Service
 * check-in", dialled by the server) over the next, so the outbound demo account has records to work
 * either way. Their calling hours cover the whole day so the demo can be tried at any hour; a real
 * campaign sets its own, which hold in each contact's local time.
 */
final class OutboundDemo {
    static final int RECORDS = 40;

    private OutboundDemo() {
    }

    static void seed(OutboundService outbound, CustomerStore customers, AgentStore agents) {
        if (!outbound.campaigns(false).isEmpty()) {
            return;
        }
        Agent supervisor = agents.all().stream().filter(a -> a.role() == Role.SUPERVISOR).findFirst().orElse(null);
        long[] range = customers.idRange().orElse(null);
        if (supervisor == null || range == null) {
            return;
        }
        List<Customer> first = customers.findAll(LongStream.rangeClosed(range[0], Math.min(range[1], range[0] + 6L * RECORDS))
                .boxed().toList());
        List<String> rows = new ArrayList<>();
        for (Customer c : first) {
            String phone = c.contactPoints().stream().filter(p -> p.kind() == ContactKind.PHONE)
                    .map(ContactPoint::value).findFirst().orElse(null);
            if (phone != null && rows.size() < 2 * RECORDS) {
                rows.add('"' + c.firstName() + ' ' + c.lastName() + "\",\"" + phone + "\"\n");
            }
        }
        Session session = new Session("demo", supervisor);
        create(outbound, session, "Winter renewals", DiallingMode.PREVIEW, rows.subList(0, Math.min(RECORDS, rows.size())));
        if (rows.size() > RECORDS) {
            create(outbound, session, "Service check-in", DiallingMode.PROGRESSIVE, rows.subList(RECORDS, rows.size()));
        }
    }

    private static void create(OutboundService outbound, Session supervisor, String name, DiallingMode mode,
                               List<String> rows) {
        Map<DayOfWeek, CampaignWindowView> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, new CampaignWindowView(LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
        }
        long id = outbound.create(supervisor, new CampaignRequest(name, mode, Purpose.SERVICE, hours, List.of(), null,
                null, null, null, null)).id();
        outbound.importList(id, ("name,number\n" + String.join("", rows)).getBytes(StandardCharsets.UTF_8),
                new OutboundImport.Options("name", "number", null, null, null, null, true, ','));
    }
}
