package org.telcoai.lakehouse.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures stages one after the other in this JVM: wall seconds, rows, and the peak of the heap still in use after
 * a garbage collection (the live data: what -Xmx must hold; the heap before a collection is mostly garbage and grows
 * to whatever -Xmx allows). A stage in which no collection ran reports the heap in use at its end.
 */
public final class StageTimer {

    private static final Logger LOG = LoggerFactory.getLogger(StageTimer.class);
    private final List<StageFigures> stages = new ArrayList<>();
    private final AtomicLong liveHeapPeak = new AtomicLong();

    public StageTimer() {
        java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .map(java.lang.management.MemoryPoolMXBean::getName)
                .collect(java.util.stream.Collectors.toSet());
        NotificationListener afterGc = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                // The collection reports every memory pool; metaspace and code cache are not what -Xmx bounds.
                long live = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum();
                liveHeapPeak.accumulateAndGet(live, Math::max);
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterGc, null, null);
            }
        }
    }

    /** Runs {@code body}; {@code rows} reads the row count from its result. */
    public <T> T measure(String stage, Callable<T> body, ToLongFunction<T> rows) throws Exception {
        liveHeapPeak.set(0);
        long started = System.nanoTime();
        T result = body.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = liveHeapPeak.get() > 0 ? liveHeapPeak.get()
                : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        StageFigures figures = new StageFigures(stage, seconds, rows.applyAsLong(result), peak);
        stages.add(figures);
        LOG.info("bench {}: {} s, {} rows, {} rows/s, live heap peak {} MiB", stage,
                String.format("%.1f", seconds), figures.rows(), String.format("%.0f", figures.rowsPerSecond()),
                peak >> 20);
        return result;
    }

    public List<StageFigures> stages() {
        return List.copyOf(stages);
    }
}
