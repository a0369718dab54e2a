package dev.switchboard.api;

/** DTMF digits to send to the customer (0-9, *, #, A-D). */
public record DigitsRequest(String digits) {
}
