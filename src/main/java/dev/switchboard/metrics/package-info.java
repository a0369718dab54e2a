/**
 * Service level, speed of answer, handle time, abandonment, occupancy and Erlang C staffing,
 * computed incrementally from events. Pure: imports only the domain. (Built with the supervisor work.)
 */
package dev.switchboard.metrics;
