package org.athanor.agent.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.clock.LabClock;
import org.athanor.engine.InstrumentFault;
import org.athanor.engine.Measurement;
import org.athanor.engine.StepContext;
import org.athanor.engine.StepHandler;
import org.athanor.engine.StepResult;
import org.athanor.instruments.Diffractometer;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.lab.LabDrivers;
import org.athanor.instruments.RamanSpectrometer;
import org.athanor.instruments.analysis.raman.RamanAnalysis;
import org.athanor.instruments.analysis.raman.RamanAnalyzer;
import org.athanor.instruments.analysis.signal.FittedPeak;
import org.athanor.instruments.analysis.xrd.IdentifiedPhase;
import org.athanor.instruments.analysis.xrd.PhaseIdentification;
import org.athanor.instruments.analysis.xrd.PhaseIdentifier;
import org.athanor.instruments.formats.RamanSpectrum;
import org.athanor.instruments.formats.XrdPattern;
import org.athanor.workflow.Action;

/** Handlers for measurement (XRD, Raman over MQTT) and for the analyse step, which reads what they measured. */
public final class CharacterisationHandlers {

    private CharacterisationHandlers() {
    }

    static final class Xrd extends DriverHandler<Diffractometer> {
        private final MeasurementStore store;

        Xrd(LabDrivers drivers, ApprovalBook approvals, DriverOptions options, MeasurementStore store) {
            super(drivers, Diffractometer.class, approvals, options);
            this.store = store;
        }

        @Override
        public Action action() {
            return Action.XRD;
        }

        @Override
        public StepResult execute(StepContext context) throws InstrumentFault, InterruptedException {
            XrdPattern p = call(context, Diffractometer::measure, Duration.ofHours(1));
            store.putPattern(context.workflow().id(), context.step().sample(), p);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("radiation", p.radiation());
            if (p.metadata().containsKey("countTime")) {
                data.put("countTime", p.metadata().get("countTime"));
            }
            data.put("twoTheta", p.twoTheta());
            data.put("intensity", p.intensity());
            return StepResult.of(new Measurement("xrd", context.step().sample(), data));
        }
    }

    static final class Raman extends DriverHandler<RamanSpectrometer> {
        private final MeasurementStore store;

        Raman(LabDrivers drivers, ApprovalBook approvals, DriverOptions options, MeasurementStore store) {
            super(drivers, RamanSpectrometer.class, approvals, options);
            this.store = store;
        }

        @Override
        public Action action() {
            return Action.RAMAN;
        }

        @Override
        public StepResult execute(StepContext context) throws InstrumentFault, InterruptedException {
            RamanSpectrum s = call(context, RamanSpectrometer::measure, Duration.ofMinutes(30));
            store.putSpectrum(context.workflow().id(), context.step().sample(), s);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ramanShift", s.ramanShift());
            data.put("intensity", s.intensity());
            return StepResult.of(new Measurement("raman", context.step().sample(), data));
        }
    }

    /**
     * Phase identification of the sample's XRD pattern and Raman matching of its spectrum, whichever the workflow
     * measured (a re-check may take only a spectrum). Runs in the agent, on no instrument. Its outputs are what the campaign reads: phases with weight fractions and confidence.
     *
     * <p>Raman bands are matched only against phases made of the sample's elements ({@link SampleElements}): the
     * reference table holds phases of other chemistries, and a one-band phase such as Si (520 cm⁻¹) would otherwise
     * be reported for any band near its line (BaTiO3's at 518 cm⁻¹). XRD identification keeps its whole library,
     * distractors included: a phase there must fit many lines with their intensities in a whole-pattern fit, which
     * tells a foreign phase apart, and a library of only the expected answers would prove nothing.
     */
    static final class Analyze implements StepHandler {
        private final PhaseIdentifier identifier;
        private final RamanAnalyzer raman;
        private final MeasurementStore store;
        private final SampleElements sampleElements = new SampleElements();

        Analyze(PhaseIdentifier identifier, RamanAnalyzer raman, MeasurementStore store) {
            this.identifier = identifier;
            this.raman = raman;
            this.store = store;
        }

        @Override
        public Action action() {
            return Action.ANALYZE;
        }

        /**
         * Analysis is the agent's computation: on a simulated clock lab time stands still while it runs (at the default
         * pace half a wall second of phase identification would otherwise be 14 lab hours).
         */
        @Override
        public StepResult execute(StepContext context) throws InstrumentFault {
            try (LabClock.Section computing = context.clock().computing()) {
                return analyse(context);
            }
        }

        private StepResult analyse(StepContext context) throws InstrumentFault {
            String wf = context.workflow().id();
            String sample = context.step().sample();
            var pattern = store.pattern(wf, sample);
            var spectrum = store.spectrum(wf, sample);
            if (pattern.isEmpty() && spectrum.isEmpty()) {
                throw new InstrumentFault(InstrumentFault.Kind.ERROR_CODE, null, "no XRD pattern or Raman spectrum of sample " + sample + " to analyse");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            pattern.ifPresent(p -> out.putAll(xrd(p)));
            // Every sample's elements are remembered, also one measured only by XRD now: a re-check may add Raman.
            var elements = sampleElements.of(context.workflow(), sample);
            spectrum.ifPresent(s -> {
                RamanAnalysis r = raman.restrictedTo(elements).analyze(s);
                out.put("ramanPhases", r.phases().stream().map(m -> Map.of("phase", m.phase(), "formula", m.formula(), "score", m.score())).toList());
                out.put("ramanBands", strongBands(r, s));
                out.put("ramanNotes", r.notes());
            });
            return StepResult.outputs(out);
        }

        private Map<String, Object> xrd(XrdPattern pattern) {
            return xrdOutputs(identifier, pattern);
        }

        /**
         * The strong bands (≥ 10 % of the tallest, the analyzer's own threshold for an unexplained band) with the
         * formulas of the reported phases each belongs to; a band with none is one no reference explains.
         */
        private static List<Map<String, Object>> strongBands(RamanAnalysis r, RamanSpectrum s) {
            double[] x = s.ramanShift();
            // The analyzer's matching tolerance: 4 cm⁻¹, or one axis step if coarser.
            double tolerance = Math.max(4.0, (x[x.length - 1] - x[0]) / (x.length - 1));
            double tallest = r.peaks().stream().mapToDouble(FittedPeak::height).max().orElse(0);
            List<Map<String, Object>> bands = new ArrayList<>();
            for (FittedPeak p : r.peaks()) {
                if (p.height() < 0.1 * tallest) {
                    continue;
                }
                double shift = p.position() + r.axisOffset();
                List<String> formulas = r.phases().stream()
                        .filter(m -> m.matched().stream().anyMatch(b -> Math.abs(b.observedShift() - shift) <= tolerance))
                        .map(m -> m.formula()).distinct().toList();
                Map<String, Object> band = new LinkedHashMap<>();
                band.put("shift", Math.round(shift * 10) / 10.0);
                band.put("height", p.height());
                band.put("formulas", formulas);
                bands.add(band);
            }
            return bands;
        }
    }

    /**
     * An XRD pattern's phase identification as the analyze step reports it: phases (id, formula, weight fraction,
     * confidence, strain), Rwp and notes. Also used to analyse a journaled pattern after a restart.
     */
    public static Map<String, Object> xrdOutputs(PhaseIdentifier identifier, XrdPattern pattern) {
        PhaseIdentification id = identifier.identify(pattern);
        List<Map<String, Object>> phases = new ArrayList<>();
        for (IdentifiedPhase p : id.phases()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("formula", p.formula());
            m.put("weightFraction", p.weightFraction());
            m.put("confidence", p.confidence());
            m.put("strain", p.strain());
            phases.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phases", phases);
        out.put("rwp", id.rwp());
        out.put("notes", id.notes());
        if (Double.isFinite(id.amorphousShare())) {
            out.put("amorphousShare", id.amorphousShare());
        }
        return out;
    }

    /** A wait step: lets lab time pass (e.g. cooling) without touching an instrument. */
    static final class Wait implements StepHandler {
        @Override
        public Action action() {
            return Action.WAIT;
        }

        @Override
        public StepResult execute(StepContext context) throws InterruptedException {
            var d = context.step().quantity("duration");
            if (d.isPresent()) {
                context.clock().sleep(Duration.ofSeconds((long) (d.get().minutes() * 60)));
            }
            return StepResult.EMPTY;
        }
    }
}
