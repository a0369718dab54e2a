package dev.switchboard.channels.email;

import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.stream.LongStream;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * The watcher's reads and writes on the open INBOX, each by UID. A message's sequence number
 * changes whenever another client removes mail before it, and some servers renumber a session's
 * mail before telling it; a UID never changes, so these commands cannot reach the wrong mail. Other
 * responses that come with them (new mail, removals) still go to the folder as usual.
 */
final class UidCommands {
    /** A mail as fetched: its whole text and when the server received it (null when it does not say). */
    record Fetched(ByteArrayInputStream content, Instant arrived) {}

    private UidCommands() {}

    /** The UIDs of the unseen mail, in ascending order (arrival order). */
    static long[] unseen(IMAPFolder inbox) throws MessagingException {
        return (long[]) inbox.doCommand(p -> {
            Response[] r = p.command("UID SEARCH UNSEEN", null);
            Response result = r[r.length - 1];
            LongStream.Builder uids = LongStream.builder();
            if (result.isOK()) {
                for (int i = 0; i < r.length - 1; i++) {
                    if (r[i] instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                        for (long uid = ir.readLong(); uid != -1; uid = ir.readLong()) {
                            uids.add(uid);
                        }
                        r[i] = null;
                    }
                }
            }
            p.notifyResponseHandlers(r);
            p.handleResult(result);
            return uids.build().sorted().toArray();
        });
    }

    /** The whole mail with this UID, without setting \Seen; null when the mailbox no longer holds it. */
    static Fetched fetch(IMAPFolder inbox, long uid) throws MessagingException {
        return (Fetched) inbox.doCommand(p -> {
            Response[] r = p.command("UID FETCH " + uid + " (UID INTERNALDATE BODY.PEEK[])", null);
            Response result = r[r.length - 1];
            Fetched found = null;
            for (int i = 0; i < r.length - 1; i++) {
                if (r[i] instanceof FetchResponse fr) {
                    UID id = fr.getItem(UID.class);
                    BODY body = fr.getItem(BODY.class);
                    if (id != null && id.uid == uid && body != null) {
                        INTERNALDATE date = fr.getItem(INTERNALDATE.class);
                        found = new Fetched(body.getByteArrayInputStream(),
                                date == null || date.getDate() == null ? null : date.getDate().toInstant());
                        r[i] = null;
                    }
                }
            }
            p.notifyResponseHandlers(r);
            if (result.isNO() && !holds(p, uid)) {
                return null; // some servers answer NO for a mail removed meanwhile
            }
            p.handleResult(result);
            return found;
        });
    }

    /**
     * Sets \Seen on the mail with this UID; false when the server refused because the mailbox no
     * longer holds it (others answer OK to a UID that is gone, and so does this then).
     */
    static boolean markSeen(IMAPFolder inbox, long uid) throws MessagingException {
        return (Boolean) inbox.doCommand(p -> {
            Response[] r = p.command("UID STORE " + uid + " +FLAGS.SILENT (\\Seen)", null);
            Response result = r[r.length - 1];
            p.notifyResponseHandlers(r);
            if (result.isNO() && !holds(p, uid)) {
                return false;
            }
            p.handleResult(result);
            return true;
        });
    }

    private static boolean holds(IMAPProtocol p, long uid) throws ProtocolException {
        long[] found = p.fetchSequenceNumbers(uid, uid);
        return found != null && found.length > 0;
    }
}
