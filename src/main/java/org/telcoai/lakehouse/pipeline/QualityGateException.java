package org.telcoai.lakehouse.pipeline;

import java.util.List;
import java.util.stream.Collectors;

/** One or more quality gates failed: the message is one line naming every failing dataset. */
public final class QualityGateException extends RuntimeException {

    private final List<QualityGates.Failure> failures;

    public QualityGateException(List<QualityGates.Failure> failures) {
        super("quality gate failed: " + failures.stream().map(QualityGates.Failure::reason)
                .collect(Collectors.joining("; ")));
        this.failures = List.copyOf(failures);
    }

    public List<QualityGates.Failure> failures() {
        return failures;
    }
}
