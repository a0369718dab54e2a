package dev.switchboard.channels.social;

/** A webhook body the product cannot read; the message names the field, for the platform's log. */
final class PayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PayloadException(String message) {
        super(message);
    }
}
