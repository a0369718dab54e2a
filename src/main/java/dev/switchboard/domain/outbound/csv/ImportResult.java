package dev.switchboard.domain.outbound.csv;

import dev.switchboard.domain.outbound.CallRecord;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a call list: the file was refused as a whole, or it was read, giving the
 * records of the good rows and a report of the rejected ones.
 */
public sealed interface ImportResult {

    /** Nothing was read; the message says what is wrong with the file and, where it helps, where. */
    record Refused(Refusal refusal, String message) implements ImportResult {
    }

    /** The file was read: a complete record for each good row, a report line for each bad one. */
    record Parsed(List<Accepted> accepted, List<RejectedRow> rejected) implements ImportResult {
        public Parsed {
            accepted = List.copyOf(accepted);
            rejected = List.copyOf(rejected);
        }

        public List<CallRecord> records() {
            return accepted.stream().map(Accepted::record).toList();
        }
    }

    /** A good row: the line it started on and the record made from it. */
    record Accepted(int line, CallRecord record, Optional<String> email) {
    }
}
