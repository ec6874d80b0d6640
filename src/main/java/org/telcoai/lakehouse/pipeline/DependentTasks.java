package org.telcoai.lakehouse.pipeline;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one task per item, up to {@code parallelism} at once, each after the items it depends on. Most of a small
 * Delta write is driver-side latency (log reads, planning, the commit), so independent tables written side by side
 * keep the executors busy. Of the tasks ready to start, the one heading the longest chain of tasks waiting on it
 * starts first (then the earlier item), so a chain is not left to run alone at the end. After a failure no further
 * task starts; the running ones finish before the first failure is rethrown, so nothing is left writing when the
 * caller stops Spark.
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
        int size = Math.max(1, parallelism);
        // A task is queued when its dependencies are done; with one thread per task there is no queue to order.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        // Only earlier items count as dependencies, so the graph has no cycle.
        Map<T, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            position.putIfAbsent(items.get(i), i);
        }
        List<List<Integer>> needs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int self = i;
            needs.add(dependsOn.apply(items.get(i)).stream().map(position::get)
                    .filter(at -> at != null && at < self).distinct().toList());
        }
        int[] chain = chainLengths(needs);
        // Started in rank order: a dependency heads a longer chain than its dependents, so its future exists first.
        List<Ranked.Key> byRank = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            byRank.add(new Ranked.Key(chain[i], i));
        }
        byRank.sort(null);
        AtomicBoolean failed = new AtomicBoolean();
        List<CompletableFuture<R>> ordered = new ArrayList<>(java.util.Collections.nCopies(items.size(), null));
        for (Ranked.Key key : byRank) {
            T item = items.get(key.index());
            Executor ranked = runnable -> pool.execute(new Ranked(key, runnable));
            CompletableFuture<?>[] before = needs.get(key.index()).stream().map(ordered::get)
                    .toArray(CompletableFuture[]::new);
            ordered.set(key.index(), CompletableFuture.allOf(before).thenApplyAsync(ignored -> {
                if (failed.get()) {
                    throw new CancellationException("not started: an earlier task failed");
                }
                if (spark != null) {
                    SparkSession.setActiveSession(spark);
                }
                try {
                    return work.apply(item);
                } catch (Exception | Error e) { // Spark throws checked exceptions undeclared
                    failed.set(true);
                    throw e;
                }
            }, ranked));
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

    /** Per item, how many tasks the longest chain starting at it holds: 1 when nothing waits on it. */
    private static int[] chainLengths(List<List<Integer>> needs) {
        int[] lengths = new int[needs.size()];
        // Dependencies come before their dependents, so walking backwards sees every dependent first.
        for (int i = needs.size() - 1; i >= 0; i--) {
            lengths[i] = Math.max(lengths[i], 1);
            for (int need : needs.get(i)) {
                lengths[need] = Math.max(lengths[need], lengths[i] + 1);
            }
        }
        return lengths;
    }

    /** A queued task: the longer chain first, then the earlier item. */
    private record Ranked(Key key, Runnable task) implements Runnable, Comparable<Ranked> {

        record Key(int chain, int index) implements Comparable<Key> {

            @Override
            public int compareTo(Key other) {
                return chain != other.chain ? Integer.compare(other.chain, chain) : Integer.compare(index, other.index);
            }
        }

        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Ranked other) {
            return key.compareTo(other.key);
        }
    }
}
