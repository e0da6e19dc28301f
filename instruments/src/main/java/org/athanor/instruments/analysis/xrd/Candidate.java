package org.athanor.instruments.analysis.xrd;

/**
 * A library phase ranked against the observed peaks.
 *
 * @param strain    the lattice strain at which its lines best meet the observed peaks
 * @param coverage  share of its in-range line intensity that falls on observed peaks, 0–1
 * @param explained share of the (still unexplained) observed peak intensity its lines account for, 0–1
 * @param score     ranking figure of merit, coverage × √explained
 * @param newPeaks  significant observed peaks it accounts for that the fitted phases leave mostly unexplained
 */
public record Candidate(LibraryPhase phase, double strain, double coverage, double explained, double score, int newPeaks) {
}
