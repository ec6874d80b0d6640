package org.telcoai.lakehouse.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures stages one after the other in this JVM: wall seconds, rows, and peak heap. The peak is the sum of each
 * heap pool's peak since the stage started (the pools peak at different moments, so this is an upper bound of the
 * heap in use at any one time; it is what a -Xmx must allow).
 */
public final class StageTimer {

    private static final Logger LOG = LoggerFactory.getLogger(StageTimer.class);
    private final List<StageFigures> stages = new ArrayList<>();

    /** Runs {@code body}; {@code rows} reads the row count from its result. */
    public <T> T measure(String stage, Callable<T> body, ToLongFunction<T> rows) throws Exception {
        List<MemoryPoolMXBean> heap = heapPools();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        T result = body.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        StageFigures figures = new StageFigures(stage, seconds, rows.applyAsLong(result), peak);
        stages.add(figures);
        LOG.info("bench {}: {} s, {} rows, {} rows/s, peak heap {} MiB", stage, String.format("%.1f", seconds),
                figures.rows(), String.format("%.0f", figures.rowsPerSecond()), peak >> 20);
        return result;
    }

    public List<StageFigures> stages() {
        return List.copyOf(stages);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
    }
}
