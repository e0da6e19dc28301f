package org.athanor.agent.planner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.athanor.units.Units;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;

/**
 * A workflow step's parameters in the lab's words, for people: "ball-mill 30 min", "xrd; target BaTiO3",
 * "1150 °C at 5 °C/min, hold 12 h; cool to 25 °C at 5 °C/min; air, alumina crucible". The same step always reads the
 * same: the parameters an action is known by come in a fixed order, any others after them by name.
 */
public final class StepDescription {

    /** Enough digits for a dose to 0.1 mg (the assembler's rounding), none of a computation's float noise. */
    private static final int DIGITS = 6;

    private StepDescription() {
    }

    public static String of(Step s) {
        List<String> parts = new ArrayList<>();
        Set<String> known = switch (s.action()) {
            case DISPENSE -> {
                parts.add(join(" ", s.material().orElse(null), s.quantity("mass").map(StepDescription::quantity).orElse(null)));
                yield Set.of("material", "mass");
            }
            case MIX -> {
                parts.add(join(" ", s.text("method").orElse(null), s.quantity("duration").map(StepDescription::quantity).orElse(null)));
                yield Set.of("method", "duration");
            }
            case TRANSFER -> {
                parts.add(s.text("from").orElse("?") + " -> " + s.text("to").orElse("?"));
                yield Set.of("from", "to");
            }
            case HEAT -> {
                parts.add(heat(s));
                yield Set.of("profile", "atmosphere", "crucible");
            }
            case XRD -> {
                parts.add(join(", ", range("2θ ", s, "twoThetaStart", "twoThetaEnd"),
                        s.quantity("stepSize").map(q -> "step " + quantity(q)).orElse(null),
                        s.quantity("countTime").map(q -> quantity(q) + " per step").orElse(null)));
                yield Set.of("twoThetaStart", "twoThetaEnd", "stepSize", "countTime");
            }
            case RAMAN -> {
                parts.add(join(", ", join(" at ", s.quantity("laserWavelength").map(StepDescription::quantity).orElse(null),
                                s.quantity("laserPower").map(StepDescription::quantity).orElse(null)),
                        range("", s, "rangeStart", "rangeEnd"), s.quantity("exposure").map(StepDescription::quantity).orElse(null)));
                yield Set.of("laserWavelength", "laserPower", "rangeStart", "rangeEnd", "exposure");
            }
            case ANALYZE -> {
                Object methods = s.params().get("methods");
                parts.add(methods instanceof Collection<?> c ? String.join(" and ", c.stream().map(String::valueOf).toList()) : null);
                parts.add(s.text("target").map(t -> "target " + t).orElse(null));
                yield Set.of("methods", "target");
            }
            case WAIT -> Set.of();
        };
        new TreeMap<>(s.params()).forEach((name, value) -> {
            if (!known.contains(name)) {
                parts.add(name + " " + value(value));
            }
        });
        return join("; ", parts.toArray(String[]::new));
    }

    private static String heat(Step s) {
        List<String> segments = new ArrayList<>();
        Double previous = null;
        for (HeatSegment seg : s.profile()) {
            Double t = seg.temperature() == null ? null : seg.temperature().celsius();
            boolean cooling = previous != null && t != null && t < previous;
            String hold = seg.hold() == null || seg.hold().value() == 0 ? null : "hold " + quantity(seg.hold());
            segments.add(join(", ", join(" at ", (cooling ? "cool to " : "") + (seg.temperature() == null ? "?" : quantity(seg.temperature())),
                    seg.rampRate() == null ? null : quantity(seg.rampRate())), hold));
            previous = t != null ? t : previous;
        }
        String vessel = join(", ", s.atmosphere().map(StepDescription::atmosphere).orElse(null),
                s.crucible().map(c -> c + " crucible").orElse(null));
        segments.add(vessel.isEmpty() ? null : vessel);
        return join("; ", segments.toArray(String[]::new));
    }

    private static String atmosphere(Atmosphere a) {
        String h2 = a.h2Percent() == null || "H2".equals(a.gas()) && a.h2Percent() == 100 ? null : Units.rounded(a.h2Percent(), DIGITS) + " % H2";
        return join(" ", a.gas(), h2 == null ? null : "(" + h2 + ")", a.flow() == null ? null : "at " + quantity(a.flow()));
    }

    private static String range(String prefix, Step s, String start, String end) {
        Quantity from = s.quantity(start).orElse(null);
        Quantity to = s.quantity(end).orElse(null);
        if (from == null || to == null) {
            return join(", ", from == null ? null : start + " " + quantity(from), to == null ? null : end + " " + quantity(to));
        }
        String first = from.unit().equals(to.unit()) ? Units.rounded(from.value(), DIGITS) : quantity(from);
        return prefix + first + "–" + quantity(to);
    }

    /** "30 min", "1150 °C", "80°" (an angle takes no space). */
    static String quantity(Quantity q) {
        String value = Units.rounded(q.value(), DIGITS);
        return "deg".equals(q.unit()) ? value + "°" : value + " " + q.unit();
    }

    /** Any other parameter: a quantity, a list, a group of named values or a plain value. */
    private static String value(Object v) {
        if (v instanceof Map<?, ?> m) {
            if (m.get("value") instanceof Number n && m.get("unit") instanceof String unit && m.size() == 2) {
                return quantity(Quantity.of(n.doubleValue(), unit));
            }
            List<String> named = new ArrayList<>();
            new TreeMap<>(m).forEach((k, x) -> named.add(k + " " + value(x)));
            return String.join(", ", named);
        }
        if (v instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(StepDescription::value).toList());
        }
        if (v instanceof Number n) {
            return Units.rounded(n.doubleValue(), DIGITS);
        }
        return String.valueOf(v);
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p);
            }
        }
        return String.join(separator, present);
    }
}
