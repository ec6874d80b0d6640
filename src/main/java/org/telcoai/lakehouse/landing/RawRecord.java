package org.telcoai.lakehouse.landing;

/**
 * One record as received. {@code values} follow the dataset's declared column order (null where the file has
 * no such column or the field is empty). A malformed record keeps its raw text and why it is malformed.
 */
public record RawRecord(long rowNumber, String[] values, String rawText, String malformedDetail) {

    public boolean malformed() {
        return malformedDetail != null;
    }
}
