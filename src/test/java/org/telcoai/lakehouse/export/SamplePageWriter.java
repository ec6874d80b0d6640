package org.telcoai.lakehouse.export;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the fixture report to a folder for looking at it in a browser; runs only when asked:
 * {@code mvn -o test -Dtest=SamplePageWriter -Dexport.sample.dir=/tmp/export-sample}.
 */
class SamplePageWriter {

    @Test
    @EnabledIfSystemProperty(named = "export.sample.dir", matches = ".+")
    void writeSample() {
        ExportResult result = new ReportExporter().export(ExportFixtures.all(), ExportFixtures.operators(),
                Path.of(System.getProperty("export.sample.dir")), ReportExporterTest.RUN_DATE);
        System.out.println("sample report: " + result.htmlFile().toAbsolutePath());
    }
}
