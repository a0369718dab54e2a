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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The demo's call list: on a demo database without campaigns, one preview campaign ("Winter
 * renewals") over the first demo customers with a phone number, so the outbound demo account has
 * records to work. Its calling hours cover the whole day so the demo can be tried at any hour; a real
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
        List<Customer> first = customers.findAll(LongStream.rangeClosed(range[0], Math.min(range[1], range[0] + 3L * RECORDS))
                .boxed().toList());
        StringBuilder csv = new StringBuilder("name,number\n");
        int rows = 0;
        for (Customer c : first) {
            String phone = c.contactPoints().stream().filter(p -> p.kind() == ContactKind.PHONE)
                    .map(ContactPoint::value).findFirst().orElse(null);
            if (phone != null && rows < RECORDS) {
                csv.append('"').append(c.firstName()).append(' ').append(c.lastName()).append("\",\"")
                        .append(phone).append("\"\n");
                rows++;
            }
        }
        Map<DayOfWeek, CampaignWindowView> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, new CampaignWindowView(LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
        }
        long id = outbound.create(new Session("demo", supervisor), new CampaignRequest("Winter renewals",
                DiallingMode.PREVIEW, Purpose.SERVICE, hours, List.of(), null, null, null, null)).id();
        outbound.importList(id, csv.toString().getBytes(StandardCharsets.UTF_8),
                new OutboundImport.Options("name", "number", null, null, null, null, true, ','));
    }
}
