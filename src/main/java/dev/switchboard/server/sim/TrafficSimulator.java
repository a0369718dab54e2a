package dev.switchboard.server.sim;

import dev.switchboard.api.IngestRequest;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.ContactPoint;
import dev.switchboard.domain.ContactQueue;
import dev.switchboard.domain.Customer;
import dev.switchboard.domain.Direction;
import dev.switchboard.server.ContactService;
import dev.switchboard.server.VoiceService;
import dev.switchboard.store.CustomerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sends the demo centre its traffic: a contact on some channel every few seconds, mostly from known
 * customers, sometimes from a household number several customers share, sometimes from someone new.
 */
public final class TrafficSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrafficSimulator.class);

    private final ContactService contacts;
    private final CustomerStore customers;
    private final Random random;
    private final SimulatedMessages messages;
    private final Map<String, Long> queues;
    /** The benchmark's queues, when it runs: traffic is spread evenly over them. */
    private final List<Long> benchQueues;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "traffic-simulator");
        t.setDaemon(true);
        return t;
    });
    private List<String> shared;
    /** Places phone contacts as real SIP calls to the server when set; otherwise they go in over the API. */
    private final SimulatedCallers callers;
    private final Map<Long, String> queueNames;
    /** Sends e-mail, chats and social messages over their channels when set; otherwise over the API. */
    private final SimulatedTexters texters;

    public TrafficSimulator(ContactService contacts, CustomerStore customers, List<ContactQueue> queues, long seed,
                            Duration every, SimulatedCallers callers, SimulatedTexters texters) {
        this.contacts = contacts;
        this.texters = texters;
        this.callers = callers;
        this.queueNames = queues.stream().collect(Collectors.toMap(ContactQueue::id, ContactQueue::name));
        this.customers = customers;
        this.queues = queues.stream().collect(Collectors.toMap(ContactQueue::name, ContactQueue::id, (a, b) -> a));
        this.benchQueues = BenchCentre.queueIds(queues);
        this.random = new Random(seed ^ System.nanoTime());
        this.messages = new SimulatedMessages(random);
        long period = Math.max(10, every.toMillis());
        // the first contact comes quickly, so a new user sees a pop within seconds of signing in
        timer.scheduleAtFixedRate(this::sendOne, Math.min(period, 3000), period, TimeUnit.MILLISECONDS);
    }

    private void sendOne() {
        try {
            Channel channel = pickChannel();
            String subject = messages.subject(channel);
            Long queue = !benchQueues.isEmpty() ? benchQueues.get(random.nextInt(benchQueues.size()))
                    : channel == Channel.PHONE ? queues.get(SimulatedMessages.queueFor(subject)) : null;
            if (channel == Channel.PHONE && callers != null) {
                call(pickAddress(channel), queue, subject);
                return;
            }
            if (texters != null && benchQueues.isEmpty() && viaChannel(channel, subject)) {
                return;
            }
            contacts.ingest(new IngestRequest(channel, Direction.INBOUND, pickAddress(channel), subject,
                    messages.body(channel), queue, null));
        } catch (RuntimeException e) {
            LOG.warn("simulated contact failed: {}", e.getMessage());
        }
    }

    /**
     * A caller dials the queue's number over SIP and waits; one in ten gives up after half a minute
     * to two minutes if nobody has answered (an abandoned call).
     */
    private void call(String number, Long queue, String subject) {
        String dialled = queue == null ? "service" : VoiceService.sipName(queueNames.getOrDefault(queue, "service"));
        SimulatedCallers.Call call = callers.call(number.replace(" ", ""), dialled, subject, null);
        if (random.nextInt(10) == 0) {
            timer.schedule(() -> {
                if (call.state() == SimulatedCallers.State.RINGING) {
                    call.cancel();
                }
            }, 30 + random.nextInt(90), TimeUnit.SECONDS);
        }
    }

    /** Sends a text contact over its real channel; false when that channel is not simulated. */
    private boolean viaChannel(Channel channel, String subject) {
        switch (channel) {
            case EMAIL -> {
                if (!texters.mails()) {
                    return false;
                }
                String address = pickAddress(channel);
                texters.email(address, nameFor(ContactKind.EMAIL, address), subject, messages.body(channel));
            }
            case CHAT -> {
                String address = pickAddress(channel);
                texters.chat(nameFor(ContactKind.EMAIL, address), address, messages.body(Channel.SOCIAL));
            }
            case SOCIAL -> {
                if (!texters.posts()) {
                    return false;
                }
                if (random.nextBoolean()) {
                    texters.messenger(pickAddress(channel), messages.body(channel));
                } else {
                    texters.whatsapp(pickAddress(Channel.PHONE).replace(" ", ""), messages.personName(),
                            messages.body(channel));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The name a customer goes by at this address; someone new gets a name made from it. */
    private String nameFor(ContactKind kind, String address) {
        return customers.idsByContact(kind, address, 1).stream().findFirst().flatMap(customers::find)
                .map(Customer::displayName).orElseGet(() -> SimulatedTexters.nameOf(address));
    }

    private Channel pickChannel() {
        int r = random.nextInt(100);
        return r < 45 ? Channel.PHONE : r < 75 ? Channel.EMAIL : r < 90 ? Channel.CHAT : Channel.SOCIAL;
    }

    private String pickAddress(Channel channel) {
        ContactKind kind = channel.addressKind();
        int r = random.nextInt(100);
        if (r < 8 && kind == ContactKind.PHONE) {
            Optional<String> household = sharedPhone();
            if (household.isPresent()) {
                return household.get();
            }
        }
        if (r < 85) {
            Optional<String> known = knownAddress(kind);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return messages.unknownAddress(kind);
    }

    private Optional<String> sharedPhone() {
        if (shared == null) {
            shared = customers.sharedAddresses(ContactKind.PHONE, 200);
        }
        return shared.isEmpty() ? Optional.empty() : Optional.of(shared.get(random.nextInt(shared.size())));
    }

    private Optional<String> knownAddress(ContactKind kind) {
        Optional<long[]> range = customers.idRange();
        if (range.isEmpty()) {
            return Optional.empty();
        }
        long id = range.get()[0] + (long) (random.nextDouble() * (range.get()[1] - range.get()[0] + 1));
        return customers.find(id).map(Customer::contactPoints).flatMap(points -> points.stream()
                .filter(p -> p.kind() == kind).findFirst()
                .or(() -> points.stream().findFirst()))
                .filter(p -> p.kind() == kind)
                .map(ContactPoint::value);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
