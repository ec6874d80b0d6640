package org.telcoai.lakehouse.export;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one export wrote.
 *
 * @param directory     {@code <folder>/<runDate>}
 * @param csvFiles      table name (without schema) to its CSV file, in export order
 * @param rowCounts     table name to the number of data rows written (header not counted), in export order
 * @param htmlFile      {@code <directory>/report.html}
 * @param chartIds      ids of the {@code <figure>} elements on the page, in page order
 * @param noDataCharts  ids of figures that show "no data" instead of a chart
 * @param missingTables known gold tables that were not given (or null): no CSV written for them
 */
public record ExportResult(Path directory, Map<String, Path> csvFiles, Map<String, Integer> rowCounts, Path htmlFile,
                           List<String> chartIds, List<String> noDataCharts, List<String> missingTables) {

    public ExportResult {
        csvFiles = Collections.unmodifiableMap(new LinkedHashMap<>(csvFiles));
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
        chartIds = List.copyOf(chartIds);
        noDataCharts = List.copyOf(noDataCharts);
        missingTables = List.copyOf(missingTables);
    }
}
