package org.telcoai.lakehouse.bronze;

/** Lineage column names, shared by bronze, silver and quarantine. */
public final class Lineage {
    public static final String SOURCE_FILE = "_source_file";
    public static final String ROW_NUMBER = "_row_number";
    public static final String DELIVERY_DATE = "_delivery_date";
    public static final String FILE_SHA256 = "_file_sha256";
    public static final String INGEST_BATCH = "_ingest_batch";
    public static final String INGEST_RUN_ID = "_ingest_run_id";
    public static final String INGESTED_AT = "_ingested_at";
    /** Raw text of a record that could not be split into the declared columns; null otherwise. */
    public static final String RAW_RECORD = "_raw_record";
    /** Why the record could not be split; null for a well-formed record. */
    public static final String MALFORMED = "_malformed";

    private Lineage() { }
}
