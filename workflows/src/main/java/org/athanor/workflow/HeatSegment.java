package org.athanor.workflow;

/** One segment of a furnace program: ramp at {@code rampRate} to {@code temperature}, then hold for {@code hold}. */
public record HeatSegment(Quantity temperature, Quantity rampRate, Quantity hold) {

    public static HeatSegment celsius(double temperatureC, double rampCPerMin, double holdHours) {
        return new HeatSegment(Quantity.of(temperatureC, "°C"), Quantity.of(rampCPerMin, "°C/min"), Quantity.of(holdHours, "h"));
    }
}
