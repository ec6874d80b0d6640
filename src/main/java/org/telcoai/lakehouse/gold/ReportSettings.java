package org.telcoai.lakehouse.gold;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Settings the report definitions depend on.
 *
 * @param siteUtilization share of a site's IT capacity drawn on average, for site energy cost (0..1)
 * @param h100Tflops16bit dense 16-bit TFLOP/s of one H100-equivalent, the unit of accelerator capacity
 */
public record ReportSettings(double siteUtilization, BigDecimal h100Tflops16bit) {

    /** NVIDIA H100 SXM5 80GB, dense tensor BF16/FP16 (NVIDIA's datasheet; Epoch AI's ML hardware table). */
    public static final BigDecimal H100_SXM_TFLOPS_16BIT = new BigDecimal("989.4");

    public static final ReportSettings DEFAULTS = new ReportSettings(0.7, H100_SXM_TFLOPS_16BIT);

    public ReportSettings {
        if (siteUtilization <= 0 || siteUtilization > 1) {
            throw new IllegalArgumentException("site utilization must be in (0, 1], was " + siteUtilization);
        }
        Objects.requireNonNull(h100Tflops16bit, "h100Tflops16bit");
        if (h100Tflops16bit.signum() <= 0) {
            throw new IllegalArgumentException("H100 16-bit TFLOP/s must be positive, was " + h100Tflops16bit);
        }
    }

    public ReportSettings(double siteUtilization) {
        this(siteUtilization, H100_SXM_TFLOPS_16BIT);
    }
}
