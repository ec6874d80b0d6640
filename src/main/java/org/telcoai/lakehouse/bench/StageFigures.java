package org.telcoai.lakehouse.bench;

/** One measured stage of a benchmark: wall time, rows it handled, and the JVM heap's peak while it ran. */
public record StageFigures(String stage, double seconds, long rows, long peakHeapBytes) {

    public double rowsPerSecond() {
        return seconds > 0 ? rows / seconds : 0;
    }
}
