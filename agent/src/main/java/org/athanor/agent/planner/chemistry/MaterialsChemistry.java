package org.athanor.agent.planner.chemistry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.athanor.materials.Composition;
import org.athanor.materials.NormalizedFormula;
import org.athanor.materials.NotationNormalizer;
import org.athanor.materials.Precursor;
import org.athanor.materials.PrecursorTable;
import org.athanor.materials.TextMatch;

/** The planner's chemistry through the materials core: notation normaliser, IUPAC masses and the precursor table. */
public final class MaterialsChemistry implements Chemistry {

    private final PrecursorTable table;

    public MaterialsChemistry(PrecursorTable table) {
        this.table = table;
    }

    public static MaterialsChemistry standard() {
        return new MaterialsChemistry(PrecursorTable.standard());
    }

    @Override
    public List<Mention> findInText(String text) {
        return NotationNormalizer.findInText(text).stream().map(MaterialsChemistry::mention).toList();
    }

    private static Mention mention(TextMatch m) {
        NormalizedFormula n = m.normalized();
        return new Mention(m.start(), m.end(), m.text(), n.formula(), n.composition().asMap(), n.notation().name().toLowerCase(Locale.ROOT), n.name(),
                n.conventionalFormula());
    }

    @Override
    public Optional<Mention> read(String substance) {
        Optional<Precursor> precursor = table.lookup(substance.strip());
        if (precursor.isPresent()) {
            Precursor p = precursor.get();
            return Optional.of(new Mention(0, substance.length(), substance, p.formula(), p.composition().asMap(), "formula", p.name()));
        }
        try {
            NormalizedFormula n = NotationNormalizer.normalize(substance);
            return Optional.of(new Mention(0, substance.length(), substance, n.formula(), n.composition().asMap(),
                    n.notation().name().toLowerCase(Locale.ROOT), n.name(), n.conventionalFormula()));
        } catch (IllegalArgumentException e) { // NotationException among them
            return Optional.empty();
        }
    }

    @Override
    public double molarMass(Map<String, Double> composition) {
        return Composition.of(composition).molarMass();
    }

    @Override
    public List<PrecursorOption> precursorsFor(String element) {
        return table.forElement(element).stream().map(MaterialsChemistry::option).toList();
    }

    @Override
    public Optional<PrecursorOption> precursor(String formula) {
        return table.lookup(formula.strip()).map(MaterialsChemistry::option);
    }

    private static PrecursorOption option(Precursor p) {
        List<String> hazards = p.hazardClasses().stream().map(h -> h.name().toLowerCase(Locale.ROOT).replace('_', '-')).sorted().toList();
        return new PrecursorOption(p.formula(), p.composition().asMap(), p.releasesOnHeating(), hazards);
    }
}
