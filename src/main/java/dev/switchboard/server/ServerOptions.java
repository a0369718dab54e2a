package dev.switchboard.server;

import dev.switchboard.channels.voice.SipSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How to run a server. Exactly one of {@code dataDir} (an H2 file there), {@code jdbcUrl} (any
 * database, e.g. PostgreSQL) or {@code memoryDb} (a private in-memory H2, for tests) is used, in that
 * order of preference when several are given.
 *
 * @param demoCustomers customers to generate when the database is empty (0: none)
 * @param simulatorEvery how often the traffic simulator sends a contact; null: no simulator
 * @param simulatedAgents how many simulated colleagues take traffic while the simulator runs
 * @param offerTimeout when set, every queue's offer timeout (otherwise each queue's own)
 * @param benchAgents extra sign-in accounts {@code bench001...} (password = username) for the benchmark
 * @param benchQueues when above 0, the benchmark's centre: that many queues needing one or two of 50
 *                    skills, colleagues with ten of them, and simulated traffic spread over them
 * @param simHandle how long simulated colleagues handle a contact (null: voice 30 s, others 5 s)
 * @param sip where the SIP gateway listens and where it calls out; null: on {@code host}, a free
 *            port, no trunk
 * @param simulatedPhones give the simulated colleagues (and, with the simulator, the demo accounts)
 *                        soft phones that register and answer; on whenever the simulator runs
 * @param channels how the text channels (mailboxes, SMTP, social platforms, chat) are set up;
 *                 null: the chat widget only
 */
public record ServerOptions(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser,
                            String jdbcPassword, String memoryDb, int demoCustomers, long demoSeed,
                            double interactionsPerCustomer, String region, Duration offerTimeout,
                            Duration simulatorEvery, int simulatedAgents, int benchAgents, int benchQueues,
                            Duration simHandle, SipSettings sip, boolean simulatedPhones,
                            ChannelSettings channels, Clock clock) {

    public ServerOptions {
        if (sip == null) {
            sip = new SipSettings(host, 0, null, null);
        }
        if (channels == null) {
            channels = ChannelSettings.none();
        }
    }

    /** A test server: in-memory database, loopback, a free port, no simulator. */
    public static ServerOptions inMemory(String name, int demoCustomers) {
        return new ServerOptions("127.0.0.1", 0, null, null, null, null, name, demoCustomers, 42L, 5.0, "GB",
                null, null, DemoAccounts.SIMULATED.size(), 0, 0, null, null, false, null, Clock.systemUTC());
    }

    public ServerOptions withSimulator(Duration every) {
        return new ServerOptions(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, memoryDb, demoCustomers,
                demoSeed, interactionsPerCustomer, region, offerTimeout, every, simulatedAgents, benchAgents, benchQueues, simHandle, sip, simulatedPhones, channels, clock);
    }

    public ServerOptions withSip(SipSettings settings) {
        return new ServerOptions(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, memoryDb, demoCustomers,
                demoSeed, interactionsPerCustomer, region, offerTimeout, simulatorEvery, simulatedAgents, benchAgents,
                benchQueues, simHandle, settings, simulatedPhones, channels, clock);
    }

    public ServerOptions withSimulatedPhones(boolean on) {
        return new ServerOptions(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, memoryDb, demoCustomers,
                demoSeed, interactionsPerCustomer, region, offerTimeout, simulatorEvery, simulatedAgents, benchAgents,
                benchQueues, simHandle, sip, on, channels, clock);
    }

    public ServerOptions withChannels(ChannelSettings settings) {
        return new ServerOptions(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, memoryDb, demoCustomers,
                demoSeed, interactionsPerCustomer, region, offerTimeout, simulatorEvery, simulatedAgents, benchAgents,
                benchQueues, simHandle, sip, simulatedPhones, settings, clock);
    }

    public ServerOptions withOfferTimeout(Duration timeout) {
        return new ServerOptions(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, memoryDb, demoCustomers,
                demoSeed, interactionsPerCustomer, region, timeout, simulatorEvery, simulatedAgents, benchAgents, benchQueues, simHandle, sip, simulatedPhones, channels, clock);
    }

    public ServerOptions withClock(Clock c) {
        return new ServerOptions(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, memoryDb, demoCustomers,
                demoSeed, interactionsPerCustomer, region, offerTimeout, simulatorEvery, simulatedAgents, benchAgents,
                benchQueues, simHandle, sip, simulatedPhones, channels, c);
    }
}
