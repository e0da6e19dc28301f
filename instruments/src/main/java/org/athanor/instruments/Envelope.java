package org.athanor.instruments;

import java.util.List;
import java.util.Optional;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.config.Limits;
import org.athanor.units.Units;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;

/**
 * An instrument's own operating envelope, checked by its driver without moving anything (after Bluesky's
 * {@code check_limits}). The safety gate checks the same limits first; this is the second line (RULES.md §8).
 */
public final class Envelope {

    private Envelope() {
    }

    /** Why the step lies outside the instrument's limits, or empty when it lies inside. */
    public static Optional<String> violation(Step step, InstrumentConfig instrument) {
        Limits l = instrument.limits();
        try {
            return switch (step.action()) {
                case DISPENSE -> dispense(step, l);
                case MIX -> mix(step, l);
                case HEAT -> heat(step, l, instrument.id());
                case XRD -> xrd(step, l);
                case RAMAN -> raman(step, l);
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.of("step '" + step.id() + "' has malformed parameters: " + e.getMessage());
        }
    }

    private static Optional<String> dispense(Step step, Limits l) {
        Optional<Quantity> mass = step.quantity("mass");
        if (mass.isEmpty()) {
            return Optional.of("dispense step '" + step.id() + "' has no mass");
        }
        double mg = mass.get().in("mg");
        if (l.minDoseMg() != null && mg < l.minDoseMg() || l.maxDoseMg() != null && mg > l.maxDoseMg()) {
            return Optional.of("dose " + shown(mass.get()) + " is outside " + shown(l.minDoseMg()) + " mg to " + shown(l.maxDoseMg()) + " mg");
        }
        return Optional.empty();
    }

    private static Optional<String> mix(Step step, Limits l) {
        Optional<Quantity> d = step.quantity("duration");
        if (d.isPresent() && l.maxDurationMin() != null && d.get().minutes() > l.maxDurationMin()) {
            return Optional.of("mixing for " + shown(d.get()) + " exceeds " + shown(l.maxDurationMin()) + " min");
        }
        return Optional.empty();
    }

    private static Optional<String> heat(Step step, Limits l, String id) {
        List<HeatSegment> profile = step.profile();
        if (profile.isEmpty()) {
            return Optional.of("heat step '" + step.id() + "' has an empty profile");
        }
        for (HeatSegment s : profile) {
            if (l.maxTemperatureC() != null && s.temperature().celsius() > l.maxTemperatureC()) {
                return Optional.of(shown(s.temperature()) + " exceeds " + id + "'s " + shown(l.maxTemperatureC()) + " °C");
            }
            if (l.maxRampCPerMin() != null && s.rampRate().celsiusPerMinute() > l.maxRampCPerMin()) {
                return Optional.of("ramp " + shown(s.rampRate()) + " exceeds " + id + "'s " + shown(l.maxRampCPerMin()) + " °C/min");
            }
        }
        Atmosphere a = step.atmosphere().orElse(Atmosphere.AIR);
        if (l.gases() != null && !l.gases().contains(a.gas())) {
            return Optional.of(id + " is not plumbed for " + a.gas() + " (it takes " + String.join(", ", l.gases()) + ")");
        }
        if (a.containsHydrogen() && (l.maxH2Percent() == null || a.effectiveH2Percent() > l.maxH2Percent())) {
            return Optional.of(shown(a.effectiveH2Percent()) + " % H2 exceeds " + id + "'s rating of "
                    + shown(l.maxH2Percent() == null ? 0 : l.maxH2Percent()) + " %");
        }
        return Optional.empty();
    }

    private static Optional<String> xrd(Step step, Limits l) {
        double from = step.quantity("twoThetaStart").map(q -> q.in("deg")).orElse(Double.NaN);
        double to = step.quantity("twoThetaEnd").map(q -> q.in("deg")).orElse(Double.NaN);
        if (!(from < to)) {
            return Optional.of("xrd step '" + step.id() + "' needs twoThetaStart below twoThetaEnd");
        }
        if (l.twoThetaMinDeg() != null && from < l.twoThetaMinDeg() || l.twoThetaMaxDeg() != null && to > l.twoThetaMaxDeg()) {
            return Optional.of("2θ " + shown(from) + "–" + shown(to) + "° is outside " + shown(l.twoThetaMinDeg()) + "–" + shown(l.twoThetaMaxDeg()) + "°");
        }
        return Optional.empty();
    }

    private static Optional<String> raman(Step step, Limits l) {
        Optional<Quantity> wl = step.quantity("laserWavelength");
        if (wl.isEmpty() || l.lasers() == null) {
            return wl.isEmpty() ? Optional.of("raman step '" + step.id() + "' has no laserWavelength") : Optional.empty();
        }
        double nm = wl.get().in("nm");
        Optional<Limits.Laser> laser = l.lasers().stream().filter(x -> Math.abs(x.wavelengthNm() - nm) < 0.5).findFirst();
        if (laser.isEmpty()) {
            return Optional.of("no " + shown(wl.get()) + " laser");
        }
        Optional<Quantity> power = step.quantity("laserPower");
        if (power.isPresent() && power.get().in("mW") > laser.get().maxPowerMw()) {
            return Optional.of("laser power " + shown(power.get()) + " exceeds " + shown(laser.get().maxPowerMw()) + " mW at the sample");
        }
        return Optional.empty();
    }

    /** A number in a message without float noise or a needless ".0" ("5 mg", not "5.0 mg"). */
    private static String shown(Double value) {
        return value == null ? "?" : Units.rounded(value, 6);
    }

    private static String shown(Quantity q) {
        return shown(q.value()) + " " + q.unit();
    }
}
