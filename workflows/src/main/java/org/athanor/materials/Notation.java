package org.athanor.materials;

import java.util.Locale;

/**
 * How an input is written. {@link #AUTO} is only a request ("work it out"); a {@link NormalizedFormula} always
 * reports the notation it actually read: FORMULA, OXIDE, CEMENT or NAME.
 */
public enum Notation {
    /** Decide from the input: names first, then cement phases, then formulas and oxide sums. */
    AUTO,
    /** A chemical formula, with hydrates and adducts: Ca3(PO4)2, CuSO4·5H2O, La0.6Sr0.4CoO3-δ. */
    FORMULA,
    /** A sum of oxides or other compounds, or a mole-ratio mixture: Na2O·Al2O3·2SiO2, 75Li2S-25P2S5. */
    OXIDE,
    /** Cement chemists' notation: C3S, C4AF, C-S-H, C4A3S̅. */
    CEMENT,
    /** A common, mineral, trade or systematic name, or an abbreviation: lime, quartz, NMC811, barium titanate. */
    NAME;

    /** "auto", "formula", ... as the CLI and JSON spell them. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "auto|formula|oxide|cement|name" in any case. */
    public static Notation fromLabel(String label) {
        for (Notation n : values()) {
            if (n.label().equalsIgnoreCase(label.trim())) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown notation '" + label + "': expected auto, formula, oxide, cement or name");
    }
}
