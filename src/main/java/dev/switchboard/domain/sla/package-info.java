/**
 * Service-level clocks counted in business hours: a {@link dev.switchboard.domain.sla.BusinessCalendar}
 * (working stretches per weekday and holidays, in one time zone), the {@link
 * dev.switchboard.domain.sla.SlaClock} of a first response or a resolution that stops while the case
 * waits on the customer, and the {@link dev.switchboard.domain.sla.SlaTargets} a queue or priority sets.
 *
 * <p>Nothing here reads the wall clock or does I/O: every method takes the instant it is asked about,
 * so each rule is tested with fixed times, daylight-saving days included. The calendar works in the
 * zone's local dates and times and turns each shift boundary into an instant, so a business day on
 * which the clocks change is as long as the clocks say it is.
 */
package dev.switchboard.domain.sla;
