package org.telcoai.lakehouse.pipeline;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one task per item, up to {@code parallelism} at once, each after the items it depends on. Most of a small
 * Delta write is driver-side latency (log reads, planning, the commit), so independent tables written side by side
 * keep the executors busy. After a failure no further task starts; the running ones finish before the first failure
 * is rethrown, so nothing is left writing when the caller stops Spark.
 */
final class DependentTasks {

    private DependentTasks() { }

    /**
     * Returns the results in the items' order and hands each to {@code done} in that order, from the calling thread.
     * An item's dependencies that are not among the earlier items are taken as already done. {@code spark}, when
     * given, is made the active session of the worker threads.
     */
    static <T, R> List<R> run(SparkSession spark, String name, List<T> items, Function<T, List<T>> dependsOn,
                              Function<T, R> work, int parallelism, Consumer<R> done) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism), runnable -> {
            Thread thread = new Thread(runnable, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean failed = new AtomicBoolean();
        Map<T, CompletableFuture<R>> futures = new IdentityHashMap<>();
        List<CompletableFuture<R>> ordered = new ArrayList<>();
        for (T item : items) {
            CompletableFuture<?>[] before = dependsOn.apply(item).stream().map(futures::get)
                    .filter(java.util.Objects::nonNull).toArray(CompletableFuture[]::new);
            CompletableFuture<R> future = CompletableFuture.allOf(before).thenApplyAsync(ignored -> {
                if (failed.get()) {
                    throw new CancellationException("not started: an earlier task failed");
                }
                if (spark != null) {
                    SparkSession.setActiveSession(spark);
                }
                try {
                    return work.apply(item);
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            }, pool);
            futures.put(item, future);
            ordered.add(future);
        }
        List<R> results = new ArrayList<>();
        Throwable failure = null;
        try {
            for (CompletableFuture<R> future : ordered) {
                try {
                    R result = future.join();
                    results.add(result);
                    done.accept(result);
                } catch (CompletionException | CancellationException e) {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (failure == null || failure instanceof CancellationException) {
                        failure = cause;
                    }
                } catch (RuntimeException e) {
                    failed.set(true);
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return results;
    }
}
