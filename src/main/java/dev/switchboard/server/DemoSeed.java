package dev.switchboard.server;

import dev.switchboard.store.demo.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.List;

/** Fills an empty database with the demo customers, their history and tickets. */
final class DemoSeed {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);

    private DemoSeed() {
    }

    static void generate(DataSource ds, ServerOptions o, List<Long> agentIds, StartupProgress progress) {
        DemoData.Report report = new DemoData(ds).generate(new DemoData.Options(o.demoSeed(), o.demoCustomers(),
                o.interactionsPerCustomer(), o.clock().instant(), agentIds), progress::update);
        LOG.info("demo data: {} customers, {} interactions, {} tickets ({} open) in {} s", report.customers(),
                report.interactions(), report.tickets(), report.openTickets(), report.took().toSeconds());
    }
}
