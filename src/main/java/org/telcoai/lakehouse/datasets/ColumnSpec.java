package org.telcoai.lakehouse.datasets;

import java.util.List;
import java.util.Objects;

/**
 * One column of the landing contract: its raw name, how it is typed in silver, and whether it may be missing.
 * Precision and scale apply to DECIMAL; allowed values to CODE (and to INTEGER when non-empty).
 */
public record ColumnSpec(String name, ColumnType type, boolean required, int precision, int scale,
                         List<String> allowedValues) implements java.io.Serializable {

    public ColumnSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        allowedValues = List.copyOf(allowedValues);
    }

    public static ColumnSpec required(String name, ColumnType type) {
        return new ColumnSpec(name, type, true, 0, 0, List.of());
    }

    public static ColumnSpec optional(String name, ColumnType type) {
        return new ColumnSpec(name, type, false, 0, 0, List.of());
    }

    public static ColumnSpec decimal(String name, int precision, int scale) {
        return new ColumnSpec(name, ColumnType.DECIMAL, true, precision, scale, List.of());
    }

    public static ColumnSpec code(String name, List<String> allowed) {
        return new ColumnSpec(name, ColumnType.CODE, true, 0, 0, allowed);
    }

    public static ColumnSpec integerIn(String name, List<String> allowed) {
        return new ColumnSpec(name, ColumnType.INTEGER, true, 0, 0, allowed);
    }

    public ColumnSpec asOptional() {
        return new ColumnSpec(name, type, false, precision, scale, allowedValues);
    }
}
