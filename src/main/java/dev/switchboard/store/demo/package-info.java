/**
 * Demo data: {@link dev.switchboard.store.demo.DemoData} fills an empty database with customers,
 * their contact points, interactions, tickets and notes, the same rows for the same seed.
 *
 * <p>How it is put together: word lists and templates live in {@code /demo/*.txt} and are read by
 * {@code DemoWorld}; {@code CustomerFactory}, {@code InteractionFactory}, {@code TicketFactory} and
 * {@code PurchaseFactory} (purchases adding up to the customer's value, some slowing or dropping) draw
 * one customer at a time from a random stream of its own; {@code Pipeline} runs that on a second
 * thread while {@code BulkWriter} inserts batches with explicit ids on the caller's connection.
 *
 * <p>Why it is fast enough for a million customers (H2 file database, 2 cores; numbers from
 * {@code DemoDataBench} in the tests, 5 interactions per customer):
 * <ul>
 *   <li>The name and contact-value indexes are dropped while loading and built afterwards
 *       ({@code DeferredIndexes}): a million random inserts into them cost more than everything else
 *       together (1M customers: 349 s with them kept, about 130 s without, and a 5 GB instead of an
 *       18 GB file before compaction).</li>
 *   <li>Rows go out as JDBC batches of about 500 customers' worth, committed every 10,000 customers;
 *       neither number moved the result much either way.</li>
 *   <li>A bigger H2 cache ({@code SET CACHE_SIZE}) and compression made it slower, not faster.</li>
 * </ul>
 * H2 writes new pages instead of overwriting old ones, so a freshly loaded file is several times
 * larger than its data until compacted ({@code SHUTDOWN COMPACT}: 1M customers, about 5 GB to 1.8 GB
 * in about 20 s).
 */
package dev.switchboard.store.demo;
