package dev.switchboard.channels.voice;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the SIP stack's own logging to SLF4J (its default logger needs log4j, which we do not ship);
 * its information and warnings are chatty about things that do not apply here, so they go to DEBUG.
 * Named in the stack's properties; the stack creates it with the no-argument constructor.
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("dev.switchboard.sip.stack");

    @Override
    public void logStackTrace() {
        if (LOG.isTraceEnabled()) {
            LOG.trace("stack trace", new Throwable());
        }
    }

    @Override
    public void logStackTrace(int level) {
        logStackTrace();
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable t) {
        LOG.warn("SIP stack: {}", t.toString(), t);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception e) {
        LOG.debug(message, e);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        LOG.warn(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        if (level >= TRACE_TRACE) {
            return LOG.isTraceEnabled();
        }
        if (level >= TRACE_DEBUG) {
            return LOG.isDebugEnabled();
        }
        return level > TRACE_NONE && LOG.isWarnEnabled();
    }

    @Override
    public void logError(String message, Exception e) {
        LOG.warn(message, e);
    }

    @Override
    public void logWarning(String message) {
        // its warnings are about TLS defaults and the like, which do not apply to UDP signalling
        LOG.debug(message);
    }

    @Override
    public void logInfo(String message) {
        LOG.debug(message);
    }

    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
    }

    @Override
    public void setStackProperties(Properties properties) {
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
