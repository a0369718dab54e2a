package dev.switchboard.channels.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The little SDP editing a signalling-only bridge needs: set the direction attribute (hold, mute)
 * and put its own origin line on what it sends on a leg, so each leg sees one origin whose version
 * goes up when the session changes. Media lines are never touched.
 */
public final class Sdp {
    private static final List<String> DIRECTIONS = List.of("sendrecv", "sendonly", "recvonly", "inactive");

    private Sdp() {
    }

    /** The SDP with {@code direction} on the session and every media section (replacing any there). */
    public static String withDirection(String sdp, String direction) {
        if (!DIRECTIONS.contains(direction)) {
            throw new IllegalArgumentException("not an SDP direction: " + direction);
        }
        List<String> out = new ArrayList<>();
        boolean inMedia = false;
        for (String line : lines(sdp)) {
            if (isDirection(line)) {
                continue;
            }
            if (line.startsWith("m=")) {
                if (inMedia) {
                    out.add("a=" + direction);
                }
                inMedia = true;
            }
            out.add(line);
        }
        out.add("a=" + direction);
        return join(out);
    }

    /** The direction the SDP states for its first media section (session level if none), sendrecv by default. */
    public static String direction(String sdp) {
        String session = "sendrecv";
        boolean inMedia = false;
        for (String line : lines(sdp)) {
            if (line.startsWith("m=")) {
                if (inMedia) {
                    break;
                }
                inMedia = true;
            } else if (isDirection(line)) {
                if (inMedia) {
                    return line.substring(2).trim().toLowerCase(Locale.ROOT);
                }
                session = line.substring(2).trim().toLowerCase(Locale.ROOT);
            }
        }
        return session;
    }

    /** The SDP with its {@code o=} line replaced by this bridge's own origin for a leg. */
    public static String withOrigin(String sdp, long sessionId, long version, String host) {
        List<String> out = new ArrayList<>();
        String origin = "o=switchboard " + sessionId + " " + version + " IN " + (host.contains(":") ? "IP6 " : "IP4 ")
                + host;
        boolean replaced = false;
        for (String line : lines(sdp)) {
            if (line.startsWith("o=") && !replaced) {
                out.add(origin);
                replaced = true;
            } else {
                out.add(line);
            }
        }
        return join(out);
    }

    /** The SDP without its origin line, to tell whether two versions differ in anything that matters. */
    public static String withoutOrigin(String sdp) {
        List<String> out = new ArrayList<>();
        for (String line : lines(sdp)) {
            if (!line.startsWith("o=")) {
                out.add(line);
            }
        }
        return join(out);
    }

    private static boolean isDirection(String line) {
        return line.startsWith("a=") && DIRECTIONS.contains(line.substring(2).trim().toLowerCase(Locale.ROOT));
    }

    private static List<String> lines(String sdp) {
        List<String> out = new ArrayList<>();
        for (String line : sdp.split("\r?\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static String join(List<String> lines) {
        return String.join("\r\n", lines) + "\r\n";
    }
}
