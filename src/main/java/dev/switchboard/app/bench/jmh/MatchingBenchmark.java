package dev.switchboard.app.bench.jmh;

import dev.switchboard.domain.AddressNormalizer;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Matching a contact's address to customers, the pure part: turning what a channel hands the server
 * (a caller id, a From header, a handle) into the key customers are stored under, as
 * {@code ContactService.match} does before its one indexed lookup (the lookup itself is the
 * database's and is not measured here). The centre's region is GB, as the server's default.
 *
 * <p>Each call normalises the next address of a fixed, seeded list of {@value #ADDRESSES}, so the
 * branch predictor and caches see a realistic mix rather than one string over and over.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MatchingBenchmark {
    static final int ADDRESSES = 1024;
    private static final int MASK = ADDRESSES - 1;
    private static final String[] FIRST = {"Jane", "Oliver", "Amelia", "Mohammed", "Chloe", "Liam", "Zoë", "Noah",
            "Priya", "Lukas", "Sofia", "Tomás"};
    private static final String[] LAST = {"Smith", "Jones", "Patel", "Williams", "Brown", "Nowak", "Müller",
            "O'Neill", "Garcia", "Taylor", "Khan", "Evans"};
    private static final String[] DOMAINS = {"Example.com", "mail.example.org", "shop.example.co.uk",
            "EXAMPLE.NET", "post.example.de"};

    private final AddressNormalizer normalizer = new AddressNormalizer("GB");
    private final String[] mixed = new String[ADDRESSES];
    private final ContactKind[] kinds = new ContactKind[ADDRESSES];
    private final String[] phones = new String[ADDRESSES];
    private int next;
    private int nextPhone;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        // the channel mix of an inbound day: half calls, then e-mail, social messages and chats
        Channel[] channels = {Channel.PHONE, Channel.PHONE, Channel.PHONE, Channel.PHONE, Channel.PHONE,
                Channel.EMAIL, Channel.EMAIL, Channel.SOCIAL, Channel.SOCIAL, Channel.CHAT};
        for (int i = 0; i < ADDRESSES; i++) {
            Channel channel = channels[random.nextInt(channels.length)];
            kinds[i] = channel.addressKind();
            mixed[i] = switch (kinds[i]) {
                case PHONE -> phone(random);
                case EMAIL -> email(random);
                case SOCIAL -> handle(random);
            };
            phones[i] = phone(random);
        }
        // the mix must mostly yield keys: a list of rejects would time only the early exits
        int keyed = 0;
        int phoneKeyed = 0;
        for (int i = 0; i < ADDRESSES; i++) {
            keyed += normalizer.normalize(kinds[i], mixed[i]).isPresent() ? 1 : 0;
            phoneKeyed += normalizer.phone(phones[i]).isPresent() ? 1 : 0;
        }
        if (keyed < ADDRESSES * 0.9 || phoneKeyed < ADDRESSES * 0.9) {
            throw new IllegalStateException("too few addresses normalise: " + keyed + " and " + phoneKeyed
                    + " of " + ADDRESSES);
        }
    }

    /** The inbound mix: one address of whatever channel comes next, normalised for its kind. */
    @Benchmark
    public Optional<String> mixedAddress() {
        int i = next;
        next = (i + 1) & MASK;
        return normalizer.normalize(kinds[i], mixed[i]);
    }

    /** Caller ids only, in the formats carriers and SIP trunks send (the costly kind: libphonenumber). */
    @Benchmark
    public Optional<String> phoneNumber() {
        int i = nextPhone;
        nextPhone = (i + 1) & MASK;
        return normalizer.phone(phones[i]);
    }

    /** A caller id as it arrives: GB mostly, in every written form, some foreign, a few withheld. */
    static String phone(Random r) {
        String mobile = "7" + digits(r, 3) + " " + digits(r, 6);
        String london = "20 " + (7000 + r.nextInt(3000)) + " " + digits(r, 4);
        return switch (r.nextInt(12)) {
            case 0 -> "+44" + mobile.replace(" ", "");
            case 1 -> "0" + mobile;
            case 2 -> "+44 (0)" + london;
            case 3 -> "(0" + london.substring(0, 2) + ") " + london.substring(3);
            case 4 -> "0044 " + london;
            case 5 -> "tel:+44-" + london.replace(' ', '-');
            case 6 -> "sip:+44" + mobile.replace(" ", "") + "@trunk.carrier.example.net;user=phone";
            case 7 -> "+1 (" + (201 + r.nextInt(700)) + ") 555-01" + digits(r, 2);
            case 8 -> "+49 30 " + digits(r, 8);
            case 9 -> "+33 1 " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2);
            case 10 -> r.nextInt(4) == 0 ? "anonymous" : "07" + digits(r, 3) + "-" + digits(r, 3) + "-" + digits(r, 3);
            default -> "+91 98" + digits(r, 3) + " " + digits(r, 5);
        };
    }

    /** A From header or chat identity: display names, mixed case, stray spaces, mailto. */
    static String email(Random r) {
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)].replace("'", "");
        String local = switch (r.nextInt(3)) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + last + r.nextInt(100);
            default -> first.toLowerCase(Locale.ROOT) + "_" + last.toLowerCase(Locale.ROOT);
        };
        String address = local + "@" + DOMAINS[r.nextInt(DOMAINS.length)];
        return switch (r.nextInt(4)) {
            case 0 -> "\"" + first + " " + last + "\" <" + address + ">";
            case 1 -> "  " + address + " ";
            case 2 -> "mailto:" + address;
            default -> address;
        };
    }

    /** A social handle, with or without its '@'. */
    static String handle(Random r) {
        String base = FIRST[r.nextInt(FIRST.length)] + (r.nextBoolean() ? "_" : ".")
                + LAST[r.nextInt(LAST.length)].replace("'", "") + r.nextInt(1000);
        return r.nextBoolean() ? "@" + base : base;
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }
}
