package org.telcoai.lakehouse.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DependentTasksTest {

    private static final Map<String, List<String>> NEEDS = Map.of(
            "operators", List.of(), "fx", List.of(), "sites", List.of("operators"),
            "capex", List.of("operators", "fx"), "shipments", List.of("operators", "sites", "fx"));
    private static final List<String> ORDER = List.of("operators", "fx", "sites", "capex", "shipments");

    @Test
    void eachTaskStartsAfterItsDependenciesAndResultsComeInOrder() {
        Map<String, Long> finished = new ConcurrentHashMap<>();
        Map<String, Long> started = new ConcurrentHashMap<>();
        AtomicInteger clock = new AtomicInteger();
        List<String> handedOver = new ArrayList<>();

        List<String> results = DependentTasks.run(null, "test", ORDER, NEEDS::get, name -> {
            started.put(name, (long) clock.incrementAndGet());
            sleep(20);
            finished.put(name, (long) clock.incrementAndGet());
            return name.toUpperCase();
        }, 3, handedOver::add);

        assertEquals(List.of("OPERATORS", "FX", "SITES", "CAPEX", "SHIPMENTS"), results);
        assertEquals(results, handedOver);
        NEEDS.forEach((task, needs) -> needs.forEach(need -> assertTrue(finished.get(need) < started.get(task),
                task + " started before " + need + " finished")));
    }

    @Test
    void theTaskHeadingTheLongestChainStartsFirst() {
        // d waits on c, so c goes before a and b: d then need not run alone at the end.
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        List<String> results = DependentTasks.run(null, "test", List.of("a", "b", "c", "d"),
                name -> name.equals("d") ? List.of("c") : List.of(), name -> {
                    started.add(name);
                    return name;
                }, 1, result -> { });
        assertEquals(List.of("c", "a", "b", "d"), started);
        assertEquals(List.of("a", "b", "c", "d"), results);
    }

    @Test
    void independentTasksRunSideBySideUpToTheLimit() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        DependentTasks.run(null, "test", List.of("a", "b", "c", "d"), name -> List.of(), name -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            bothRunning.countDown();
            try {
                // Each waits for a second task to be running: passes only when two run at the same time.
                assertTrue(bothRunning.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            sleep(20);
            running.decrementAndGet();
            return name;
        }, 2, result -> { });
        assertEquals(2, mostAtOnce.get());
    }

    @Test
    void aFailureStopsTasksNotYetStartedAndIsRethrownAfterTheRunningOnesFinish() {
        IllegalStateException boom = new IllegalStateException("fx delivery unreadable");
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<String> handedOver = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
                DependentTasks.run(null, "test", ORDER, NEEDS::get, name -> {
                    ran.add(name);
                    if (name.equals("fx")) {
                        throw boom;
                    }
                    sleep(50);
                    return name;
                }, 1, handedOver::add));
        assertSame(boom, thrown);
        // One at a time: operators, then fx fails; nothing after it starts, what finished is still handed over.
        assertEquals(List.of("operators", "fx"), ran);
        assertEquals(List.of("operators"), handedOver);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
