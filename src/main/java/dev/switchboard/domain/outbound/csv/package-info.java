/**
 * Reading a call list from a CSV file: bytes and a column mapping in, accepted records and a report
 * of rejected rows (or a refusal of the whole file) out. Pure parsing and validation; storing the
 * result, all or nothing, is the caller's job.
 */
package dev.switchboard.domain.outbound.csv;
