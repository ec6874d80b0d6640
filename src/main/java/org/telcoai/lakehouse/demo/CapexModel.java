package org.telcoai.lakehouse.demo;

import java.util.Map;

/** Telco capex profiles: annual spend in home currency and how strongly each operator leans into AI factories. */
final class CapexModel {
    private CapexModel() {
    }

    static final String[] ASSET_CLASSES = {"RAN", "FIBER", "CORE", "AI_DATACENTER", "AI_COMPUTE", "POWER_COOLING",
            "EDGE", "SPECTRUM", "IT_OTHER"};

    /** Annual capex around 2019 in home currency, and an AI-intensity multiplier (announced AI-factory plans). */
    record Profile(double annual, double aiMultiplier) {
    }

    static final Map<String, Profile> PROFILES = Map.ofEntries(
            Map.entry("CMCC", new Profile(170e9, 1.2)),
            Map.entry("CHINA_TELECOM", new Profile(95e9, 1.3)),
            Map.entry("CHINA_UNICOM", new Profile(70e9, 1.1)),
            Map.entry("SKT", new Profile(3.0e12, 1.7)),
            Map.entry("KT", new Profile(3.3e12, 1.3)),
            Map.entry("LGU", new Profile(2.5e12, 1.0)),
            Map.entry("SOFTBANK", new Profile(400e9, 2.0)),
            Map.entry("KDDI", new Profile(600e9, 1.2)),
            Map.entry("NTT", new Profile(1.8e12, 1.0)),
            Map.entry("DTAG", new Profile(17e9, 0.9)),
            Map.entry("ORANGE", new Profile(7.5e9, 0.7)),
            Map.entry("TELEFONICA", new Profile(5.8e9, 0.7)),
            Map.entry("VODAFONE", new Profile(8.0e9, 0.6)),
            Map.entry("BT", new Profile(4.9e9, 0.6)),
            Map.entry("JIO", new Profile(1.3e12, 1.5)),
            Map.entry("AIRTEL", new Profile(380e9, 0.9)),
            Map.entry("SINGTEL", new Profile(2.3e9, 1.4)),
            Map.entry("TELSTRA", new Profile(3.4e9, 0.8)),
            Map.entry("VERIZON", new Profile(18e9, 0.6)),
            Map.entry("ATT", new Profile(22e9, 0.5)),
            Map.entry("TMUS", new Profile(9.5e9, 0.5)),
            Map.entry("SWISSCOM", new Profile(2.3e9, 0.9)),
            Map.entry("TELENOR", new Profile(20e9, 1.1)),
            Map.entry("TELIA", new Profile(14e9, 0.7)),
            Map.entry("EAND", new Profile(10e9, 1.4)),
            Map.entry("STC", new Profile(9e9, 1.2)),
            Map.entry("TELKOM_ID", new Profile(30e12, 0.9)),
            Map.entry("INDOSAT", new Profile(12e12, 1.1)));

    /** 2014..2026: 5G build-out peak 2020-2022, then decline. */
    private static final double[] YEAR_FACTOR = {0.95, 0.96, 0.97, 0.98, 0.99, 1.0, 1.08, 1.10, 1.10, 1.05, 0.97, 0.92, 0.90};
    /** Share of capex on AI data centres, compute and their power/cooling, 2014..2026, before the multiplier. */
    private static final double[] AI_SHARE = {0.004, 0.005, 0.006, 0.007, 0.008, 0.010, 0.012, 0.014, 0.018, 0.035, 0.060, 0.095, 0.125};
    /** Telcos book capex back-loaded, with quarter-end and year-end peaks. */
    static final double[] MONTH_WEIGHT = {0.060, 0.065, 0.090, 0.070, 0.075, 0.090, 0.070, 0.075, 0.090, 0.080, 0.090, 0.145};
    private static final double[] NON_AI = {0.38, 0.25, 0.10, 0, 0, 0, 0.03, 0.05, 0.11}; // sums to 0.92

    static double yearFactor(int y) {
        return YEAR_FACTOR[Math.max(0, Math.min(YEAR_FACTOR.length - 1, y - 2014))];
    }

    static double classShare(int classIndex, int year, double aiMultiplier) {
        double ai = Math.min(0.35, AI_SHARE[Math.max(0, Math.min(AI_SHARE.length - 1, year - 2014))] * aiMultiplier);
        return switch (ASSET_CLASSES[classIndex]) {
            case "AI_DATACENTER" -> ai * 0.40;
            case "AI_COMPUTE" -> ai * 0.45;
            case "POWER_COOLING" -> ai * 0.15;
            default -> NON_AI[classIndex] / 0.92 * (1 - ai);
        };
    }

    static String currencyOf(String country) {
        return switch (country) {
            case "CN" -> "CNY";
            case "KR" -> "KRW";
            case "JP" -> "JPY";
            case "DE", "FR", "ES", "NL", "FI", "IE", "IT", "BE", "AT", "PT" -> "EUR";
            case "GB" -> "GBP";
            case "IN" -> "INR";
            case "SG" -> "SGD";
            case "AU" -> "AUD";
            case "CH" -> "CHF";
            case "NO" -> "NOK";
            case "SE" -> "SEK";
            case "DK" -> "DKK";
            case "PL" -> "PLN";
            case "AE" -> "AED";
            case "SA" -> "SAR";
            case "ID" -> "IDR";
            default -> "USD";
        };
    }

    static String timeZoneOf(String country) {
        return switch (country) {
            case "CN" -> "Asia/Shanghai";
            case "KR" -> "Asia/Seoul";
            case "JP" -> "Asia/Tokyo";
            case "DE" -> "Europe/Berlin";
            case "FR" -> "Europe/Paris";
            case "ES" -> "Europe/Madrid";
            case "GB" -> "Europe/London";
            case "IN" -> "Asia/Kolkata";
            case "SG" -> "Asia/Singapore";
            case "AU" -> "Australia/Sydney";
            case "CH" -> "Europe/Zurich";
            case "NO" -> "Europe/Oslo";
            case "SE" -> "Europe/Stockholm";
            case "AE" -> "Asia/Dubai";
            case "SA" -> "Asia/Riyadh";
            case "ID" -> "Asia/Jakarta";
            default -> "America/New_York";
        };
    }
}
