package dev.switchboard.app.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which database P5 reads, and the CPU figures it reads from /proc. */
class RestEfficiencyBenchTest {

    @Test
    void reusesTheScreenPopDatabaseWhenItIsThere(@TempDir Path data) throws Exception {
        Path p1 = Files.createDirectories(data.resolve("customers-1000000"));
        Files.writeString(p1.resolve("switchboard.mv.db"), "");

        RestEfficiencyBench.Settings full = RestEfficiencyBench.settings(false, data);

        assertThat(full.dataDir()).isEqualTo(p1);
        assertThat(full.customers()).isEqualTo(1_000_000);
        assertThat(full.workload()).contains("1,000,000 customers", "screen-pop benchmark's database");
    }

    @Test
    void otherwiseGeneratesASmallerOneOfItsOwn(@TempDir Path data) {
        RestEfficiencyBench.Settings full = RestEfficiencyBench.settings(false, data);
        RestEfficiencyBench.Settings quick = RestEfficiencyBench.settings(true, data);

        assertThat(full.dataDir()).isEqualTo(data.resolve("rest-100000"));
        assertThat(full.workload()).contains("100,000 customers", "was not there");
        assertThat(full.connections()).isEqualTo(8);
        assertThat(quick.dataDir()).isEqualTo(data.resolve("rest-2000"));
        assertThat(quick.connections()).isEqualTo(8);
        assertThat(quick.warmUp().plus(quick.measure().multipliedBy(quick.rounds())).multipliedBy(2).toSeconds())
                .as("quick load time").isLessThanOrEqualTo(20);
    }

    @Test
    void readsTheCpuTimeOfAProcess() {
        long pid = ProcessHandle.current().pid();
        long end = System.nanoTime() + 200_000_000L;
        long spin = 0;
        while (System.nanoTime() < end) {
            spin++;
        }

        assertThat(spin).isPositive();
        assertThat(RestEfficiencyBench.cpuSeconds(pid)).isGreaterThanOrEqualTo(0.1);
        assertThat(RestEfficiencyBench.cpuSeconds(-1)).isZero();
    }
}
