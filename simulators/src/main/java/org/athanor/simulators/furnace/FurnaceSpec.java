package org.athanor.simulators.furnace;

import java.util.List;

/**
 * A furnace's envelope and thermal constants. Limits follow ../shared/safety/RULES.md §1 (box: air only, ≤ 1200 °C;
 * tube: air, O2, N2, Ar, H2/Ar and H2/N2 ≤ 4 % H2, ≤ 1500 °C; both ≤ 10 °C/min). The lag and cooling constants are
 * typical of small lab furnaces: a few minutes of controller/thermocouple lag, and natural cooling from 1000 °C to
 * 100 °C in about 2–3 h (exponential with τ ≈ 50 min for a box, 35 min for a lighter tube furnace).
 */
public record FurnaceSpec(String id, double maxTemperatureC, double maxRampCPerMin, int slots, List<String> gases,
                          double lagMinutes, double coolingMinutes) {

    public static final double ROOM_TEMPERATURE_C = 25;

    public FurnaceSpec {
        gases = List.copyOf(gases);
    }

    public static FurnaceSpec boxFurnace(String id) {
        return new FurnaceSpec(id, 1200, 10, 4, List.of("air"), 3, 50);
    }

    public static FurnaceSpec tubeFurnace(String id) {
        return new FurnaceSpec(id, 1500, 10, 1, List.of("air", "O2", "N2", "Ar", "H2/Ar", "H2/N2"), 2, 35);
    }

    /** True when this furnace may run {@code gas} with {@code h2Percent} hydrogen. */
    public boolean accepts(String gas, double h2Percent) {
        if (!gases.contains(gas)) {
            return false;
        }
        return !gas.startsWith("H2") || h2Percent <= 4.0;
    }
}
