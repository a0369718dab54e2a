/**
 * What a customer is worth and what suggests they may leave, worked out so the agent's customer
 * card can show the reasons rather than a score to take on trust.
 *
 * <p>{@link dev.switchboard.domain.value.CustomerValue} gives a lifetime value with the sum that
 * produced it, in one line with the customer's own figures; {@link
 * dev.switchboard.domain.value.ChurnSignals} gives each warning sign as a sentence with its numbers.
 * Nothing here does I/O or reads the wall clock: the facts (purchases, tickets, contacts) and the
 * instant of the assessment are handed in, in any order, so every rule is tested with fixed times.
 */
package dev.switchboard.domain.value;
