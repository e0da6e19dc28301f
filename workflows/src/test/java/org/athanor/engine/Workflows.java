package org.athanor.engine;

import java.util.List;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Target;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;

/** Small workflows for engine tests. */
final class Workflows {

    private Workflows() {
    }

    static Step step(String id, Action action, String instrument, String sample, String... after) {
        return withParams(new Step(id, action, instrument, sample, after.length == 0 ? null : List.of(after), null));
    }

    /** Adds the parameters the schema requires for the action, so the workflow is valid interchange JSON. */
    static Step withParams(Step s) {
        return switch (s.action()) {
            case DISPENSE -> s.withParam("material", "BaCO3").withParam("mass", Quantity.of(1.2, "g"));
            case XRD -> s.withParam("twoThetaStart", Quantity.of(10, "°")).withParam("twoThetaEnd", Quantity.of(80, "°"));
            case RAMAN -> s.withParam("laserWavelength", Quantity.of(532, "nm"));
            default -> s;
        };
    }

    static Step heat(String id, String furnace, String sample, double celsius, double holdHours) {
        return step(id, Action.HEAT, furnace, sample)
                .withParam("profile", List.of(HeatSegment.celsius(celsius, 5, holdHours)))
                .withParam("atmosphere", Atmosphere.AIR)
                .withParam("crucible", "alumina");
    }

    static Workflow of(String id, Step... steps) {
        return new Workflow(id, "test", new Target("BaTiO3", null, null, null), null, List.of(steps));
    }

    /** dispense → heat → xrd for one sample, in list order (default predecessors). */
    static Workflow synthesis(String id, String sample, String furnace, double celsius) {
        return of(id,
                step("dispense", Action.DISPENSE, "dispenser-1", sample),
                heat("heat", furnace, sample, celsius, 2),
                step("xrd", Action.XRD, "xrd-1", sample));
    }
}
