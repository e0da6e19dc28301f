package org.athanor.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.athanor.materials.Composition;
import org.athanor.materials.Element;
import org.athanor.materials.NotationException;
import org.athanor.materials.NotationNormalizer;
import org.athanor.materials.Precursor;
import org.athanor.materials.PrecursorMass;
import org.athanor.materials.PrecursorTable;
import org.athanor.materials.Reaction;
import org.athanor.materials.Stoichiometry;
import org.athanor.materials.StoichiometryException;
import org.athanor.units.QuantityParser;
import org.athanor.units.UnitException;
import org.athanor.workflow.Quantity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code athanor stoich --target BaTiO3 --mass 2g [--precursors BaCO3,TiO2] [--excess Li=10%] [--json]}: the balanced
 * reaction and the mass of each precursor to weigh. Without {@code --precursors} the standard precursor table
 * chooses. Exit 0 on success, 2 on input that cannot be read or precursors that cannot make the target.
 */
@Command(name = "stoich", mixinStandardHelpOptions = true,
        description = "Balance a solid-state reaction and compute precursor masses for a product mass.")
public class StoichCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, description = "Product: formula, oxide sum, cement notation or name.")
    String target;

    @Option(names = "--mass", required = true, description = "Product mass with unit, e.g. 2g, 500 mg.")
    String mass;

    @Option(names = "--precursors", description = "Comma-separated precursors (formulas or names); default: chosen from the precursor table.")
    String precursors;

    @Option(names = "--excess", description = "Extra of a volatile element, e.g. Li=10%% or Li=0.1; repeatable.")
    List<String> excess = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Composition product = NotationNormalizer.normalize(target).composition();
            Quantity q = QuantityParser.parse(mass, "mass");
            double grams = q.grams();
            List<Composition> inputs = precursors == null || precursors.isBlank()
                    ? Stoichiometry.choosePrecursors(product, PrecursorTable.standard(), p -> true).stream()
                            .map(Precursor::composition).toList()
                    : splitNames(precursors).stream().map(p -> NotationNormalizer.normalize(p).composition()).toList();
            Map<String, Double> excessByElement = excess();
            Reaction reaction = Stoichiometry.balance(product, inputs);
            List<PrecursorMass> masses = Stoichiometry.precursorMasses(product, grams, inputs, excessByElement);
            double productMoles = grams / product.molarMass();
            out.println(json ? json(product, grams, reaction, masses, productMoles, excessByElement)
                    : text(product, grams, reaction, masses, productMoles, excessByElement));
            out.flush();
            return ExitCodes.OK;
        } catch (NotationException e) {
            err.println("athanor stoich: " + e.getMessage());
            if (e.position() >= 0) {
                err.println("  " + e.pointer().replace("\n", "\n  "));
            }
        } catch (UnitException | StoichiometryException e) {
            err.println("athanor stoich: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("athanor stoich: " + e.getMessage());
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Splits on commas outside parentheses: "iron(II,III) oxide,Li2CO3" is two precursors. */
    static List<String> splitNames(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : list.toCharArray()) {
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().strip());
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty precursor in --precursors '" + list + "'");
            }
        }
        return parts;
    }

    private Map<String, Double> excess() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String e : excess) {
            String[] kv = e.split("=", 2);
            if (kv.length != 2 || Element.bySymbol(kv[0].strip()).isEmpty()) {
                throw new IllegalArgumentException("--excess expects ELEMENT=FRACTION such as Li=10% or Li=0.1, not '" + e + "'");
            }
            String v = kv[1].strip();
            try {
                double f = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100 : Double.parseDouble(v);
                m.put(kv[0].strip(), f);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("--excess: '" + v + "' is not a number or percentage");
            }
        }
        return m;
    }

    private static String text(Composition product, double grams, Reaction r, List<PrecursorMass> masses, double moles,
            Map<String, Double> excess) {
        StringBuilder sb = new StringBuilder();
        sb.append("Reaction: ").append(r).append('\n');
        sb.append(String.format("For %s g of %s (%.3f g/mol, %.4f mmol):%n", fmt(grams), product.formula(), product.molarMass(), moles * 1e3));
        for (PrecursorMass m : masses) {
            sb.append(String.format("  %-22s %10.4f g  %10.4f mmol%s%n", m.formula(), m.grams(), m.moles() * 1e3,
                    hazards(m.formula())));
        }
        if (!excess.isEmpty()) {
            List<String> parts = new ArrayList<>();
            excess.forEach((e, f) -> parts.add(e + " +" + fmt(f * 100) + " %"));
            sb.append("  excess included: ").append(String.join(", ", parts)).append('\n');
        }
        for (Reaction.Term t : r.byProducts()) {
            sb.append(String.format("  releases %-13s %10.4f g%s%n", t.formula(), t.coefficient() * moles * t.composition().molarMass(),
                    excess.isEmpty() ? "" : "  (by the balanced reaction; the excess adds its own)"));
        }
        for (Reaction.Term t : r.reactants()) {
            if (t.formula().equals("O2")) {
                sb.append(String.format("  takes up O2 from air  %10.4f g%n", t.coefficient() * moles * t.composition().molarMass()));
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String hazards(String formula) {
        return PrecursorTable.standard().lookup(formula)
                .filter(p -> !p.hazardClasses().isEmpty())
                .map(p -> "  [" + String.join(", ", p.hazardClasses().stream().map(Enum::name).sorted().toList()) + "]")
                .orElse("");
    }

    private static String json(Composition product, double grams, Reaction r, List<PrecursorMass> masses, double moles,
            Map<String, Double> excess) {
        ObjectNode o = JSON.createObjectNode();
        o.put("target", product.formula());
        o.put("mass_g", grams);
        o.put("molar_mass_g_per_mol", product.molarMass());
        o.put("reaction", r.toString());
        ArrayNode ps = o.putArray("precursors");
        for (PrecursorMass m : masses) {
            ObjectNode p = ps.addObject();
            p.put("formula", m.formula());
            p.put("grams", m.grams());
            p.put("moles", m.moles());
        }
        if (!excess.isEmpty()) {
            ObjectNode x = o.putObject("excess");
            excess.forEach(x::put);
        }
        ArrayNode gases = o.putArray("byproducts");
        for (Reaction.Term t : r.byProducts()) {
            ObjectNode g = gases.addObject();
            g.put("formula", t.formula());
            g.put("moles", t.coefficient() * moles);
            g.put("grams", t.coefficient() * moles * t.composition().molarMass());
        }
        r.reactants().stream().filter(t -> t.formula().equals("O2"))
                .forEach(t -> o.put("o2_taken_up_g", t.coefficient() * moles * t.composition().molarMass()));
        return o.toString();
    }

    private static String fmt(double v) {
        return org.athanor.units.Units.format(Math.round(v * 1e6) / 1e6);
    }
}
