package org.athanor.agent.lab;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.athanor.materials.Element;
import org.athanor.materials.NotationNormalizer;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.Target;
import org.athanor.workflow.Workflow;

/**
 * The elements a sample can hold, read as a chemist reads them off the workflows that made and measured it: those of
 * the target and of every precursor dispensed into it, plus O, C, H and N, which precursors' anions (carbonates,
 * nitrates, hydroxides, acetates, ammonium salts) and the atmospheres the workflow schema allows (air, O2, N2, CO2, H2
 * and its mixtures; Ar, He and vacuum bring none) can leave behind. The analyse step matches Raman bands only against
 * phases of these elements.
 *
 * <p>A follow-up workflow measures a sample an earlier workflow made and dispenses nothing, so what each analysed
 * workflow said about a sample is kept for the session (sample ids are unique per experiment).
 */
final class SampleElements {

    private static final Set<Element> FROM_PRECURSORS_AND_ATMOSPHERE =
            Collections.unmodifiableSet(EnumSet.of(Element.O, Element.C, Element.H, Element.N));

    private final Map<String, Set<Element>> known = new ConcurrentHashMap<>();

    /** What {@code w} says about {@code sample}, together with what earlier workflows said about it. */
    Set<Element> of(Workflow w, String sample) {
        Set<Element> described = describedBy(w, sample);
        if (sample == null) {
            return described;
        }
        return known.merge(sample, described, (before, now) -> {
            Set<Element> union = EnumSet.copyOf(before);
            union.addAll(now);
            return Collections.unmodifiableSet(union);
        });
    }

    /**
     * The elements {@code w} gives {@code sample}. A target or precursor formula that cannot be read leaves nothing
     * known that could rule a phase out: then every element.
     */
    static Set<Element> describedBy(Workflow w, String sample) {
        Set<Element> out = EnumSet.copyOf(FROM_PRECURSORS_AND_ATMOSPHERE);
        Target target = w.target();
        if (target != null && !add(target.formula(), out)) {
            return EnumSet.allOf(Element.class);
        }
        for (Step s : w.stepsOf(Action.DISPENSE)) {
            if (sample == null || sample.equals(s.sample())) {
                if (!add(s.material().orElse(null), out)) {
                    return EnumSet.allOf(Element.class);
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static boolean add(String material, Set<Element> into) {
        if (material == null || material.isBlank()) {
            return false;
        }
        try {
            for (String symbol : NotationNormalizer.normalize(material).composition().elements()) {
                into.add(Element.of(symbol));
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
