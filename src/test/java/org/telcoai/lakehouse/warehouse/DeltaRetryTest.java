package org.telcoai.lakehouse.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.exceptions.ConcurrentAppendException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeltaRetryTest {

    @Test
    void aLostRaceIsRetriedUntilTheCommitGoesThrough() {
        AtomicInteger calls = new AtomicInteger();
        String result = DeltaRetry.run("merge into silver.x", 3, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new ConcurrentAppendException("files were added by a concurrent update");
            }
            return "committed";
        });
        assertEquals("committed", result);
        assertEquals(3, calls.get());
    }

    @Test
    void afterTheLastAttemptTheRunFailsWithAClearMessage() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> DeltaRetry.run("merge into silver.x", 2, () -> {
                    calls.incrementAndGet();
                    throw new ConcurrentAppendException("files were added by a concurrent update");
                }));
        assertEquals(2, calls.get());
        assertTrue(error.getMessage().startsWith("merge into silver.x: another writer committed"), error.getMessage());
        assertInstanceOf(ConcurrentAppendException.class, error.getCause());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> DeltaRetry.run("append", 3, () -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("schema mismatch");
        }));
        assertEquals(1, calls.get());
    }
}
