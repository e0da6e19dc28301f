package org.athanor.instruments.analysis.raman;

import java.util.List;
import org.athanor.instruments.analysis.signal.FittedPeak;

/**
 * Result of analysing one Raman spectrum.
 *
 * @param peaks      fitted bands on the instrument's own axis
 * @param axisOffset correction added to the instrument axis to best match the references (cm⁻¹)
 * @param phases     phases whose bands are present, best first
 * @param notes      what a reader should know (unexplained strong bands, ambiguous matches)
 */
public record RamanAnalysis(List<FittedPeak> peaks, double axisOffset, List<RamanPhaseMatch> phases, List<String> notes) {

    public RamanAnalysis {
        peaks = List.copyOf(peaks);
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
    }
}
