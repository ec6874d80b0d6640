package org.telcoai.lakehouse.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest, with the Spark and Delta versions it was built for. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = LakehouseCli.class.getPackage().getImplementationVersion();
        return new String[] {"telco-ai-lakehouse " + (version == null ? "(development build)" : version),
            "Apache Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", Delta Lake "
                + io.delta.package$.MODULE$.VERSION()};
    }
}
