/**
 * The pure rules of the outbound dialler: campaigns and their call lists, the do-not-call lists,
 * calling hours in the contact's own time zone, consent, retries and dispositions, the one
 * decision "may this record be dialled now, and if not, why and when next?" ({@link
 * dev.switchboard.domain.outbound.DialRules}), and the predictive pacer that decides how many lines
 * to dial while the abandon rate stays under the campaign's limit.
 *
 * <p>Nothing here does I/O or reads the wall clock: time is a {@link java.time.Clock} or an instant
 * handed in, so every rule is tested with fixed times, daylight-saving edges included. The server
 * holds the state (records, lists, rolling statistics) and asks these rules.
 */
package dev.switchboard.domain.outbound;
