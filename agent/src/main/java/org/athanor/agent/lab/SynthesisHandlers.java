package org.athanor.agent.lab;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.athanor.engine.InstrumentFault;
import org.athanor.engine.StepContext;
import org.athanor.engine.StepResult;
import org.athanor.instruments.DispenseResult;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.lab.LabDrivers;
import org.athanor.instruments.Dispenser;
import org.athanor.instruments.Furnace;
import org.athanor.instruments.FurnaceProgramResult;
import org.athanor.instruments.Mixer;
import org.athanor.instruments.Transfer;
import org.athanor.workflow.Action;
import org.athanor.workflow.HeatSegment;

/** Handlers for the synthesis steps: dispense, mix, transfer and heat, each through its OPC UA driver. */
final class SynthesisHandlers {

    private SynthesisHandlers() {
    }

    static final class Dispense extends DriverHandler<Dispenser> {

        Dispense(LabDrivers drivers, ApprovalBook approvals, DriverOptions options) {
            super(drivers, Dispenser.class, approvals, options);
        }

        @Override
        public Action action() {
            return Action.DISPENSE;
        }

        @Override
        public StepResult execute(StepContext context) throws InstrumentFault, InterruptedException {
            DispenseResult r = call(context, Dispenser::dispense, Duration.ofMinutes(5));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("material", r.material());
            out.put("requestedMg", r.requestedMg());
            out.put("dispensedMg", r.dispensedMg());
            return StepResult.outputs(out);
        }
    }

    static final class Mix extends DriverHandler<Mixer> {

        Mix(LabDrivers drivers, ApprovalBook approvals, DriverOptions options) {
            super(drivers, Mixer.class, approvals, options);
        }

        @Override
        public Action action() {
            return Action.MIX;
        }

        @Override
        public StepResult execute(StepContext context) throws InstrumentFault, InterruptedException {
            Duration lab = context.step().quantity("duration").map(q -> Duration.ofSeconds((long) (q.minutes() * 60))).orElse(Duration.ofMinutes(30));
            call(context, Mixer::mix, lab.plusMinutes(5));
            return StepResult.EMPTY;
        }
    }

    static final class Move extends DriverHandler<Transfer> {

        Move(LabDrivers drivers, ApprovalBook approvals, DriverOptions options) {
            super(drivers, Transfer.class, approvals, options);
        }

        @Override
        public Action action() {
            return Action.TRANSFER;
        }

        @Override
        public StepResult execute(StepContext context) throws InstrumentFault, InterruptedException {
            call(context, Transfer::transfer, Duration.ofMinutes(5));
            return StepResult.outputs(Map.of("at", context.step().text("to").orElse("?")));
        }
    }

    static final class Heat extends DriverHandler<Furnace> {

        Heat(LabDrivers drivers, ApprovalBook approvals, DriverOptions options) {
            super(drivers, Furnace.class, approvals, options);
        }

        @Override
        public Action action() {
            return Action.HEAT;
        }

        @Override
        public StepResult execute(StepContext context) throws InstrumentFault, InterruptedException {
            FurnaceProgramResult r = call(context, Furnace::runProgram, programDuration(context).plusHours(2));
            if (!r.completed()) {
                throw new InstrumentFault(InstrumentFault.Kind.ERROR_CODE, context.step().instrument(),
                        "the heating program of step " + context.step().id() + " did not complete");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("maxTemperatureC", r.maxTemperatureC());
            out.put("endTime", String.valueOf(r.endTime()));
            return StepResult.outputs(out);
        }

        @Override
        public void abort(StepContext context) {
            try {
                driver(context).abort(context.commandId() + "/abort");
            } catch (InstrumentFault e) {
                // No driver: nothing to bring to a safe state from here; the engine reports the abort reason.
            }
        }

        /** Ramps plus holds, from 25 °C, as the program's own lab duration. */
        private static Duration programDuration(StepContext context) {
            double minutes = 0;
            double from = 25;
            for (HeatSegment s : context.step().profile()) {
                double to = s.temperature().celsius();
                double ramp = Math.max(0.1, s.rampRate().celsiusPerMinute());
                minutes += Math.abs(to - from) / ramp + s.hold().minutes();
                from = to;
            }
            minutes += Math.max(0, from - 100) / 2.0; // natural cooling to ≤ 100 °C, at worst about 2 °C/min
            return Duration.ofSeconds((long) (minutes * 60));
        }
    }
}
