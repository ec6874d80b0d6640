package org.telcoai.lakehouse.gold;

/**
 * Settings the report definitions depend on.
 *
 * @param siteUtilization share of a site's IT capacity drawn on average, for site energy cost (0..1)
 */
public record ReportSettings(double siteUtilization) {

    public static final ReportSettings DEFAULTS = new ReportSettings(0.7);

    public ReportSettings {
        if (siteUtilization <= 0 || siteUtilization > 1) {
            throw new IllegalArgumentException("site utilization must be in (0, 1], was " + siteUtilization);
        }
    }
}
