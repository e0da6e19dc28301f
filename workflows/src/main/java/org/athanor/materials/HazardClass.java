package org.athanor.materials;

/**
 * What can go wrong with a reagent, summarised from its GHS hazard statements so the safety rules can reason about
 * classes rather than codes. The mapping from H-statements is given in the header of {@code precursors.csv}.
 */
public enum HazardClass {
    /** H271/H272: may cause or intensify fire; oxidiser. Never heat with a fuel. */
    OXIDIZER,
    /** H225/H226/H228: flammable liquid or solid. */
    FLAMMABLE,
    /** Organic or reducing matter that burns, e.g. carbon, sulfur, acetates, citric acid, metal powders. */
    FUEL,
    /** H260/H261 or violent hydrolysis: releases flammable or corrosive gas with water. */
    WATER_REACTIVE,
    /** H250: ignites in air. */
    PYROPHORIC,
    /** H240–H242, H200–H205, or explosive when confined and heated (ammonium nitrate, ammonium perchlorate). */
    SELF_REACTIVE,
    /** Acute toxicity categories 1–3: H300, H301, H310, H311, H330, H331. */
    TOXIC,
    /** Acute toxicity category 4: H302, H312, H332. */
    HARMFUL,
    /** H350/H351. */
    CARCINOGEN,
    /** H340/H341. */
    MUTAGEN,
    /** H360/H361. */
    REPRO_TOXIC,
    /** H290 with H314 or H318: skin corrosion or serious eye damage. */
    CORROSIVE,
    /** H315/H319/H335. */
    IRRITANT,
    /** H317/H334. */
    SENSITIZER,
    /** H372/H373: organ damage on repeated exposure. */
    ORGAN_TOXIC,
    /** H400/H410/H411/H412/H413. */
    ENVIRONMENTAL
}
