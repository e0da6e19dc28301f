package org.athanor.instruments.analysis.xrd;

import java.nio.file.Path;
import java.util.List;
import org.athanor.instruments.formats.XrdPattern;

/**
 * Identifies and quantifies the crystalline phases of a powder pattern against a library:
 * SNIP background, peak search, search–match ranking with a lattice-strain scan, then greedy model building by
 * whole-pattern fitting — a phase is added only while it lowers Rwp markedly, explains peaks nothing else does and
 * shows most of its strong lines — then pruning, final refinement, Rietveld weight fractions and a confidence per
 * phase. When the evidence is thin it says so (low confidence, a note) rather than guess.
 */
public final class PhaseIdentifier {

    private final List<LibraryPhase> fixedPhases;
    private final PhaseLibrary phaseLibrary;
    /** The diffractometer's empty-holder pattern, for the amorphous reading; null when none was given. */
    private final XrdPattern blank;

    /** Identifier over phases prepared for one radiation (the patterns it sees must use that radiation). */
    public PhaseIdentifier(List<LibraryPhase> library) {
        if (library.isEmpty()) {
            throw new IllegalArgumentException("the phase library is empty");
        }
        this.fixedPhases = List.copyOf(library);
        this.phaseLibrary = null;
        this.blank = null;
    }

    /** Identifier over a CIF library; phases are prepared for each pattern's radiation, once per radiation. */
    public PhaseIdentifier(PhaseLibrary library) {
        this.fixedPhases = null;
        this.phaseLibrary = library;
        this.blank = null;
    }

    private PhaseIdentifier(PhaseIdentifier base, XrdPattern blank) {
        this.fixedPhases = base.fixedPhases;
        this.phaseLibrary = base.phaseLibrary;
        this.blank = blank;
    }

    /**
     * The same identifier, reading patterns' amorphous content against the diffractometer's blank: an empty-holder
     * pattern (air scatter, holder, fluorescence) with its count time per point in the metadata ({@code countTime},
     * seconds). Without a blank the broad scattering of the holder cannot be told from an amorphous sample, so no
     * amorphous share is read; neither is it for a pattern without a count time or outside the blank's range.
     */
    public PhaseIdentifier withBlank(XrdPattern blank) {
        AmorphousScattering.countTime(blank, "the blank");
        return new PhaseIdentifier(this, blank);
    }

    /** Identifier over every CIF in a directory (see {@link PhaseLibrary#fromDirectory}). */
    public static PhaseIdentifier fromDirectory(Path directory) {
        return new PhaseIdentifier(PhaseLibrary.fromDirectory(directory));
    }

    public PhaseIdentification identify(XrdPattern pattern) {
        List<LibraryPhase> library = fixedPhases != null ? fixedPhases : phaseLibrary.phases(pattern.radiation());
        return new IdentificationRun(library, blank).run(pattern);
    }
}
