package dev.switchboard.api;

/**
 * Transfer to a queue, to one named agent or (calls only) to an outside number: exactly one of the
 * three, with a note that travels along.
 */
public record TransferRequest(Long queueId, Long agentId, String number, String note) {
    public TransferRequest(Long queueId, Long agentId, String note) {
        this(queueId, agentId, null, note);
    }
}
