package dev.switchboard.server;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeliveryPoolTest {

    @Test
    void workersStuckOnDeadClientsGetCompanySoOthersStillGetTheirEvents() throws Exception {
        DeliveryPool pool = new DeliveryPool(2, 16);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            pool.execute(() -> {
                try {
                    release.await(); // two clients that stopped reading
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        AtomicInteger delivered = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            pool.execute(delivered::incrementAndGet);
        }
        await().until(() -> delivered.get() == 100);
        assertThat(pool.workerCount()).isGreaterThan(2);
        release.countDown();
        pool.close();
    }
}
