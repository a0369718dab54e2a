/**
 * JMH micro-benchmarks of the pure parts (address matching, routing decisions, the supervisor's
 * metrics), run by {@code bench --targets JMH} through JMH's runner. JMH's annotation processor
 * generates their harness into {@code jmh_generated} and lists them in {@code META-INF/BenchmarkList}
 * at compile time.
 */
package dev.switchboard.app.bench.jmh;
