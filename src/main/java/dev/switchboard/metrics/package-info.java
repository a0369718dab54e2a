/**
 * Service level (all three abandon treatments), speed of answer, handle time, abandonment, occupancy,
 * 15-minute intervals, alert rules and Erlang C staffing, computed from {@link
 * dev.switchboard.metrics.ContactRecord}s and agent state spans, incrementally. Every figure is also a
 * {@link dev.switchboard.metrics.Kpi} carrying its formula and inputs for the supervisor. Pure: imports
 * only the domain, reads no clock (callers pass {@code now}), starts no threads.
 */
package dev.switchboard.metrics;
