package org.athanor.safety.fact;

/** A derived fact: the sample holds a precursor of this group, added by step {@code stepId}. */
public record SampleGroup(String sample, String formula, String group, String basis, String stepId, int index) {

    /** The step that brought the second of two materials together: the later one. */
    public static String later(SampleGroup a, SampleGroup b) {
        return a.index() >= b.index() ? a.stepId() : b.stepId();
    }
}
