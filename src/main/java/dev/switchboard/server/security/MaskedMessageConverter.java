package dev.switchboard.server.security;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} with personal data masked ({@link LogMasking}); logback.xml puts it in place of the
 * standard message converter for every appender.
 */
public final class MaskedMessageConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogMasking.mask(event.getFormattedMessage());
    }
}
