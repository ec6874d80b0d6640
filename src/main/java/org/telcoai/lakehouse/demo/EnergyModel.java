package org.telcoai.lakehouse.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Price series and their price model. Levels are yearly averages of the real markets (local currency per MWh),
 * shaped by hour of day, season, weekday and solar in-feed; noise is a hash of (seed, series, instant) so that any
 * interval can be recomputed, e.g. to restate it in a later delivery.
 */
final class EnergyModel {

    static final LocalDate EU_15MIN_GO_LIVE = LocalDate.of(2025, 10, 1);

    /** One published price series. */
    record Series(int index, String zone, String country, String market, ZoneId tz, ZoneRules rules, String currency,
                  int baseMinutes, boolean sdac, double[] levels, double factor, double solar, double peak,
                  double noise, boolean negativeAllowed, boolean southern, boolean summerPeak, boolean euCrisis) {

        int minutesOn(LocalDate day) {
            // The SDAC day-ahead auction moved to a 15-minute market time unit for delivery from 2025-10-01.
            return sdac && !day.isBefore(EU_15MIN_GO_LIVE) ? 15 : baseMinutes;
        }
    }

    // Yearly average levels 2014..2026, local currency per MWh (approximate public market averages).
    private static final double[] DE = {33, 32, 29, 34, 44, 38, 30, 97, 235, 95, 78, 86, 82};
    private static final double[] GB = {42, 40, 40, 45, 58, 43, 36, 120, 200, 95, 72, 78, 75};
    private static final double[] JP = {14000, 9800, 8500, 9700, 9800, 7900, 11000, 13500, 22000, 12000, 12500, 12300, 12000};
    private static final double[] KR = {142000, 101000, 77000, 81000, 95000, 90000, 68000, 94000, 196000, 167000, 128000, 115000, 112000};
    private static final double[] KR_RETAIL = {107000, 107000, 107000, 107000, 107000, 107000, 107000, 107000, 140000, 160000, 182000, 185000, 185000};
    private static final double[] CN = {420, 420, 410, 400, 400, 390, 380, 430, 480, 460, 440, 420, 410};
    private static final double[] IN = {3000, 2900, 2600, 3100, 4200, 3000, 2800, 4300, 6000, 5400, 4800, 4300, 4200};
    private static final double[] SG = {140, 90, 70, 80, 100, 90, 70, 150, 300, 200, 180, 150, 140};
    private static final double[] AU = {50, 40, 80, 85, 90, 90, 60, 80, 190, 120, 130, 110, 105};
    private static final double[] ERCOT = {40, 26, 24, 28, 35, 38, 22, 160, 65, 55, 30, 35, 38};
    private static final double[] CAISO = {45, 32, 29, 35, 42, 37, 33, 55, 85, 60, 38, 35, 36};
    private static final double[] PJM = {50, 35, 29, 30, 36, 27, 22, 38, 73, 31, 34, 45, 48};
    private static final double[] MISO = {40, 30, 27, 29, 33, 27, 22, 35, 65, 30, 30, 38, 40};
    private static final double[] TVA = {62, 62, 61, 61, 62, 63, 63, 66, 80, 78, 74, 76, 78};
    // European monthly level in the gas crisis (DE-LU, EUR/MWh), July 2021 .. June 2023.
    private static final double[] DE_CRISIS = {81, 83, 128, 139, 176, 221, 168, 129, 252, 166, 177, 218, 315, 465, 356,
            154, 176, 252, 117, 128, 102, 135, 82, 95};

    static List<Series> catalogue() {
        List<Series> s = new ArrayList<>();
        // Ordered by importance: small scales keep the first few (a European, Japanese, Korean, Chinese, US market).
        eu(s, "DE-LU", "DE", "Europe/Berlin", 1.00, 0.85, true);
        add(s, "JP-TK", "JP", "DAY_AHEAD", "Asia/Tokyo", "JPY", 30, false, JP, 1.05, 0.35, 0.25, 0.10, false, false, true, false);
        add(s, "KR", "KR", "DAY_AHEAD", "Asia/Seoul", "KRW", 60, false, KR, 1.0, 0.15, 0.12, 0.04, false, false, true, false);
        add(s, "CN-GD", "CN", "DAY_AHEAD", "Asia/Shanghai", "CNY", 60, false, CN, 1.05, 0.25, 0.35, 0.08, false, false, true, false);
        add(s, "US-ERCOT", "US", "DAY_AHEAD", "America/Chicago", "USD", 60, false, ERCOT, 1.0, 0.45, 0.45, 0.18, true, false, true, false);
        eu(s, "FR", "FR", "Europe/Paris", 1.06, 0.55, true);
        add(s, "SG", "SG", "DAY_AHEAD", "Asia/Singapore", "SGD", 30, false, SG, 1.0, 0.05, 0.15, 0.10, false, false, false, false);
        add(s, "IN", "IN", "DAY_AHEAD", "Asia/Kolkata", "INR", 15, false, IN, 1.0, 0.55, 0.55, 0.10, false, false, true, false);
        add(s, "US-CAISO", "US", "DAY_AHEAD", "America/Los_Angeles", "USD", 60, false, CAISO, 1.0, 0.95, 0.5, 0.12, true, false, true, false);
        add(s, "US-PJM", "US", "DAY_AHEAD", "America/New_York", "USD", 60, false, PJM, 1.0, 0.2, 0.4, 0.12, true, false, true, false);
        add(s, "JP-KS", "JP", "DAY_AHEAD", "Asia/Tokyo", "JPY", 30, false, JP, 0.93, 0.45, 0.25, 0.10, false, false, true, false);
        eu(s, "NL", "NL", "Europe/Amsterdam", 1.03, 0.9, true);
        add(s, "GB", "GB", "DAY_AHEAD", "Europe/London", "GBP", 60, false, GB, 1.0, 0.35, 0.35, 0.10, true, false, false, true);
        eu(s, "NO1", "NO", "Europe/Oslo", 0.60, 0.1, false);
        eu(s, "SE3", "SE", "Europe/Stockholm", 0.62, 0.15, true);
        eu(s, "ES", "ES", "Europe/Madrid", 0.88, 1.0, true);
        eu(s, "IT-NORD", "IT", "Europe/Rome", 1.25, 0.45, false);
        eu(s, "DK1", "DK", "Europe/Copenhagen", 0.92, 0.7, true);
        eu(s, "DK2", "DK", "Europe/Copenhagen", 0.96, 0.6, true);
        eu(s, "PL", "PL", "Europe/Warsaw", 1.12, 0.5, true);
        eu(s, "AT", "AT", "Europe/Vienna", 1.05, 0.7, true);
        add(s, "CH", "CH", "DAY_AHEAD", "Europe/Zurich", "EUR", 60, false, DE, 1.08, 0.5, 0.3, 0.10, true, false, false, true);
        eu(s, "BE", "BE", "Europe/Brussels", 1.02, 0.75, true);
        eu(s, "FI", "FI", "Europe/Helsinki", 0.70, 0.2, true);
        eu(s, "PT", "PT", "Europe/Lisbon", 0.88, 1.0, true);
        add(s, "AU-NSW", "AU", "DAY_AHEAD", "Australia/Sydney", "AUD", 30, false, AU, 1.0, 1.1, 0.6, 0.2, true, true, false, false);
        add(s, "CN-SH", "CN", "DAY_AHEAD", "Asia/Shanghai", "CNY", 60, false, CN, 1.08, 0.2, 0.3, 0.06, false, false, true, false);
        add(s, "CN-NM", "CN", "DAY_AHEAD", "Asia/Shanghai", "CNY", 60, false, CN, 0.72, 0.6, 0.3, 0.15, false, false, false, false);
        add(s, "US-MISO", "US", "DAY_AHEAD", "America/Chicago", "USD", 60, false, MISO, 1.0, 0.15, 0.4, 0.14, true, false, true, false);
        add(s, "KR", "KR", "RETAIL_INDUSTRIAL", "Asia/Seoul", "KRW", 60, false, KR_RETAIL, 1.0, 0.0, 0.45, 0.0, false, false, true, false);
        add(s, "US-TVA", "US", "RETAIL_INDUSTRIAL", "America/Chicago", "USD", 60, false, TVA, 1.0, 0.0, 0.25, 0.0, false, false, true, false);
        add(s, "DE-LU", "DE", "INTRADAY", "Europe/Berlin", "EUR", 60, true, DE, 1.0, 0.85, 0.3, 0.25, true, false, false, true);
        return s;
    }

    /** Extra nodal series of US ISO markets (real ISOs publish thousands of locational prices). */
    static Series node(int index, int n) {
        String[] parents = {"US-ERCOT", "US-PJM", "US-CAISO", "US-MISO"};
        String[] tzs = {"America/Chicago", "America/New_York", "America/Los_Angeles", "America/Chicago"};
        double[][] lv = {ERCOT, PJM, CAISO, MISO};
        int p = n % 4;
        int k = n / 4 + 1;
        // Node factor 0.85..1.15 stands in for congestion and losses.
        double f = 0.85 + 0.3 * unit(mix(0x5eedL, index, k));
        ZoneId tz = ZoneId.of(tzs[p]);
        return new Series(index, String.format("%s-N%04d", parents[p], k), "US", "DAY_AHEAD", tz, tz.getRules(),
                "USD", 60, false, lv[p], f, p == 2 ? 0.95 : 0.3, 0.45, 0.2, true, false, true, false);
    }

    private static void eu(List<Series> s, String zone, String country, String tz, double factor, double solar,
                           boolean neg) {
        add(s, zone, country, "DAY_AHEAD", tz, "EUR", 60, true, DE, factor, solar, 0.3, 0.10, neg, false, false, true);
    }

    private static void add(List<Series> s, String zone, String country, String market, String tz, String cur,
                            int minutes, boolean sdac, double[] levels, double factor, double solar, double peak,
                            double noise, boolean neg, boolean southern, boolean summerPeak, boolean crisis) {
        ZoneId z = ZoneId.of(tz);
        s.add(new Series(s.size(), zone, country, market, z, z.getRules(), cur, minutes, sdac, levels, factor, solar,
                peak, noise, neg, southern, summerPeak, crisis));
    }

    private final long seed;

    EnergyModel(long seed) {
        this.seed = seed;
    }

    /** Price of the interval starting at {@code epochSecond}; {@code localHour} is the hour of the local day. */
    double price(Series s, LocalDate day, double localHour, long epochSecond) {
        int y = day.getYear();
        int doy = day.getDayOfYear();
        double level = level(s, day) * s.factor();
        double season = Math.cos(2 * Math.PI * (doy - 15) / 365.25); // +1 mid-January, -1 mid-July
        if (s.southern()) {
            season = -season;
        }
        // Air-conditioning markets peak in summer and winter; European ones in winter.
        double seasonal = s.summerPeak() ? 1 + 0.10 * Math.abs(season) : 1 + 0.12 * season;
        int dow = day.getDayOfWeek().getValue();
        double week = dow == 6 ? 0.88 : dow == 7 ? 0.8 : 1.0;
        double morning = Math.exp(-sq(localHour - 8.5) / 3.0);
        double evening = Math.exp(-sq(localHour - 19.0) / 5.0);
        double night = (localHour >= 1 && localHour < 5.5) ? 0.22 : 0.0;
        double shape = 1 + s.peak() * (0.6 * morning + evening) - s.peak() * night;
        // Solar in-feed grows with installed PV over the years and pushes the midday price down, most on sunny
        // weekends: that is where Europe's negative hours come from.
        double sun = localHour > 6 && localHour < 20 ? Math.pow(Math.sin(Math.PI * (localHour - 6) / 14.0), 2) : 0;
        double sunny = 0.5 - 0.5 * season;
        double pvGrowth = Math.min(1.0, 0.35 + 0.065 * (y - 2014));
        double solar = s.solar() * sun * sunny * pvGrowth * (dow >= 6 ? 1.25 : 1.0);
        long h = mix(seed, s.index(), epochSecond);
        double z = (unit(h) + unit(h * 0x9E3779B97F4A7C15L) + unit(Long.rotateLeft(h, 29)) - 1.5) * 2.0;
        double dayNoise = (unit(mix(seed ^ 0xDA1L, s.index(), day.toEpochDay())) - 0.5) * 0.3;
        double p = level * (shape * seasonal * week * (1 + dayNoise) - solar + s.noise() * z);
        p += spike(s, day, localHour) * level;
        if (!s.negativeAllowed()) {
            p = Math.max(p, level * 0.05);
        }
        return Math.max(p, s.currency().equals("EUR") ? -500 : -1000 * level);
    }

    private static double level(Series s, LocalDate day) {
        if (s.euCrisis()) {
            int m = (day.getYear() - 2021) * 12 + day.getMonthValue() - 7;
            if (m >= 0 && m < DE_CRISIS.length) {
                return DE_CRISIS[m];
            }
        }
        // Yearly averages anchored mid-year, interpolated linearly in between.
        double t = day.getYear() - 2014 + (day.getDayOfYear() - 182) / 365.25;
        double[] lv = s.levels();
        if (t <= 0) {
            return lv[0];
        }
        if (t >= lv.length - 1) {
            return lv[lv.length - 1];
        }
        int i = (int) t;
        return lv[i] + (lv[i + 1] - lv[i]) * (t - i);
    }

    private static double spike(Series s, LocalDate day, double hour) {
        // Winter Storm Uri: ERCOT at the 9,000 USD/MWh cap, 15-19 February 2021.
        if (s.zone().startsWith("US-ERCOT") && day.getYear() == 2021 && day.getMonthValue() == 2
                && day.getDayOfMonth() >= 15 && day.getDayOfMonth() <= 19) {
            return 9000.0 / 160.0 - 1;
        }
        // JEPX tightness of January 2021 (LNG shortage): system prices above 200 JPY/kWh.
        if (s.zone().startsWith("JP-") && day.getYear() == 2021 && day.getMonthValue() == 1
                && day.getDayOfMonth() >= 8 && day.getDayOfMonth() <= 22 && hour >= 8 && hour < 21) {
            return 8;
        }
        return 0;
    }

    private static double sq(double x) {
        return x * x;
    }

    static long mix(long a, long b, long c) {
        long z = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + c * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }
}
