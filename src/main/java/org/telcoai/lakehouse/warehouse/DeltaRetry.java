package org.telcoai.lakehouse.warehouse;

import io.delta.exceptions.ConcurrentAppendException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retries a Delta commit that lost a race with another writer, a bounded number of times. */
public final class DeltaRetry {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaRetry.class);

    private DeltaRetry() { }

    public static <T> T run(String what, int attempts, Supplier<T> commit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commit.get();
            } catch (ConcurrentAppendException e) {
                if (attempt >= attempts) {
                    throw new IllegalStateException(what + ": another writer committed to the same files "
                            + attempts + " times in a row; giving up (" + e.getMessage().lines().findFirst()
                            .orElse("") + ")", e);
                }
                long backoffMillis = 500L * attempt;
                LOG.warn("{}: concurrent commit by another writer, retry {}/{} in {} ms", what, attempt,
                        attempts - 1, backoffMillis);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(what + ": interrupted while waiting to retry", e);
                }
            }
        }
    }

    public static void run(String what, int attempts, Runnable commit) {
        run(what, attempts, () -> {
            commit.run();
            return null;
        });
    }
}
