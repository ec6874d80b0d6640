package org.telcoai.lakehouse.landing;

import java.io.Serializable;
import java.util.List;

/** What a full read of one landing file found, before any row of it is ingested. */
public record FileInspection(LandingFile file, String sha256, long bytes, boolean readable, String problem,
                             List<String> missingOptionalColumns, List<String> extraColumns)
        implements Serializable {

    public FileInspection {
        missingOptionalColumns = List.copyOf(missingOptionalColumns);
        extraColumns = List.copyOf(extraColumns);
    }

    static FileInspection rejected(LandingFile file, String sha256, long bytes, String problem) {
        return new FileInspection(file, sha256, bytes, false, problem, List.of(), List.of());
    }

    /** A line for the ingest log: why a file was rejected, or what was unusual about an accepted one. */
    public String note() {
        if (!readable) {
            return problem;
        }
        StringBuilder note = new StringBuilder();
        if (!missingOptionalColumns.isEmpty()) {
            note.append("optional columns absent: ").append(String.join(",", missingOptionalColumns));
        }
        if (!extraColumns.isEmpty()) {
            note.append(note.length() > 0 ? "; " : "").append("extra columns ignored: ")
                    .append(String.join(",", extraColumns));
        }
        return note.length() == 0 ? null : note.toString();
    }
}
