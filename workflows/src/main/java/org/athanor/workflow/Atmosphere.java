package org.athanor.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A furnace atmosphere: the gas (schema enum: air, O2, N2, Ar, He, CO2, H2, H2/Ar, H2/N2, vacuum), its H2 content and flow. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Atmosphere(String gas, Double h2Percent, Quantity flow) {

    public static final Atmosphere AIR = new Atmosphere("air", null, null);

    public static Atmosphere of(String gas) {
        return new Atmosphere(gas, null, null);
    }

    /** H2 volume percent: explicit, or 100 for pure H2, or 0 for gases without hydrogen. */
    @JsonIgnore
    public double effectiveH2Percent() {
        if (h2Percent != null) {
            return h2Percent;
        }
        return "H2".equals(gas) ? 100.0 : 0.0;
    }

    @JsonIgnore
    public boolean containsHydrogen() {
        return gas != null && gas.startsWith("H2");
    }

    @JsonIgnore
    public boolean isInert() {
        return "N2".equals(gas) || "Ar".equals(gas) || "He".equals(gas) || "vacuum".equals(gas);
    }

    @JsonIgnore
    public boolean isOxidising() {
        return "air".equals(gas) || "O2".equals(gas) || "CO2".equals(gas);
    }
}
