package dev.switchboard.client;

/** A running event stream; closing it stops reconnecting. */
public interface EventSubscription extends AutoCloseable {

    /** The sequence number of the last event delivered. */
    long lastSeq();

    boolean connected();

    @Override
    void close();
}
