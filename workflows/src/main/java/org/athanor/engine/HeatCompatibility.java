package org.athanor.engine;

import java.util.List;
import java.util.Objects;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Step;

/**
 * Whether two heat steps may share one furnace load: a furnace runs one program, so the crucibles in it must want
 * the same program (same segments, same atmosphere). Compared in canonical units, within the tolerances below.
 */
@FunctionalInterface
public interface HeatCompatibility {

    boolean compatible(Step a, Step b);

    /**
     * Same atmosphere and the same segments within 1 °C, 0.1 °C/min and 1 min: differences below a box furnace's
     * control accuracy (typically ±1–3 °C) are not a different program.
     */
    HeatCompatibility SAME_PROGRAM = (a, b) -> sameAtmosphere(a.atmosphere().orElse(Atmosphere.AIR), b.atmosphere().orElse(Atmosphere.AIR))
            && sameProfile(a.profile(), b.profile());

    /** Never share a load: one crucible per program. */
    HeatCompatibility ONE_PER_LOAD = (a, b) -> false;

    private static boolean sameAtmosphere(Atmosphere a, Atmosphere b) {
        return Objects.equals(a.gas(), b.gas()) && a.effectiveH2Percent() == b.effectiveH2Percent();
    }

    private static boolean sameProfile(List<HeatSegment> a, List<HeatSegment> b) {
        if (a.isEmpty() || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            HeatSegment x = a.get(i);
            HeatSegment y = b.get(i);
            if (Math.abs(x.temperature().celsius() - y.temperature().celsius()) > 1.0
                    || Math.abs(x.rampRate().celsiusPerMinute() - y.rampRate().celsiusPerMinute()) > 0.1
                    || Math.abs(x.hold().minutes() - y.hold().minutes()) > 1.0) {
                return false;
            }
        }
        return true;
    }
}
