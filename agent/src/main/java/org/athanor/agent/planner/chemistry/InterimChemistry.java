package org.athanor.agent.planner.chemistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEMPORARY stand-in for org.athanor.materials until it lands on main: plain formulas and "·" oxide sums only, no
 * names. Replaced by {@code MaterialsChemistry}; do not extend.
 */
public final class InterimChemistry implements Chemistry {

    // IUPAC 2021 abridged standard atomic weights (the subset the interim adapter needs).
    private static final Map<String, Double> WEIGHTS = Map.ofEntries(
            Map.entry("H", 1.008), Map.entry("Li", 6.94), Map.entry("B", 10.81), Map.entry("C", 12.011), Map.entry("N", 14.007),
            Map.entry("O", 15.999), Map.entry("F", 18.998), Map.entry("Na", 22.990), Map.entry("Mg", 24.305), Map.entry("Al", 26.982),
            Map.entry("Si", 28.085), Map.entry("P", 30.974), Map.entry("S", 32.06), Map.entry("Cl", 35.45), Map.entry("K", 39.098),
            Map.entry("Ca", 40.078), Map.entry("Ti", 47.867), Map.entry("V", 50.942), Map.entry("Cr", 51.996), Map.entry("Mn", 54.938),
            Map.entry("Fe", 55.845), Map.entry("Co", 58.933), Map.entry("Ni", 58.693), Map.entry("Cu", 63.546), Map.entry("Zn", 65.38),
            Map.entry("Sr", 87.62), Map.entry("Y", 88.906), Map.entry("Zr", 91.224), Map.entry("Nb", 92.906), Map.entry("Ba", 137.33),
            Map.entry("La", 138.91), Map.entry("Ce", 140.12), Map.entry("Bi", 208.98), Map.entry("Ga", 69.723), Map.entry("Sn", 118.71));
    private static final Pattern TOKEN = Pattern.compile("(?<![\\w·])((?:\\d*(?:[A-Z][a-z]?\\d*(?:\\.\\d+)?)+)(?:[·.](?:\\d*(?:[A-Z][a-z]?\\d*(?:\\.\\d+)?)+))*)(?![\\w·])");
    private static final Pattern PART = Pattern.compile("([A-Z][a-z]?)(\\d*(?:\\.\\d+)?)");
    private static final Map<String, List<String>> PRECURSORS = Map.ofEntries(
            Map.entry("Li", List.of("Li2CO3")), Map.entry("Na", List.of("Na2CO3")), Map.entry("K", List.of("K2CO3")),
            Map.entry("Mg", List.of("MgO")), Map.entry("Ca", List.of("CaCO3")), Map.entry("Sr", List.of("SrCO3")),
            Map.entry("Ba", List.of("BaCO3")), Map.entry("Al", List.of("Al2O3")), Map.entry("Si", List.of("SiO2")),
            Map.entry("Ti", List.of("TiO2")), Map.entry("Zr", List.of("ZrO2")), Map.entry("Y", List.of("Y2O3")),
            Map.entry("La", List.of("La2O3")), Map.entry("Fe", List.of("Fe2O3", "FeC2O4")), Map.entry("Mn", List.of("MnO2", "MnCO3")),
            Map.entry("Co", List.of("Co3O4")), Map.entry("Ni", List.of("NiO")), Map.entry("Cu", List.of("CuO")),
            Map.entry("Zn", List.of("ZnO")), Map.entry("P", List.of("NH4H2PO4")), Map.entry("Nb", List.of("Nb2O5")));

    @Override
    public List<Mention> findInText(String text) {
        List<Mention> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            parse(m.group(1)).ifPresent(c -> out.add(new Mention(m.start(1), m.end(1), m.group(1), m.group(1).replace("·", ""), c, "formula", null)));
        }
        return out;
    }

    @Override
    public Optional<Mention> read(String substance) {
        return parse(substance.strip()).map(c -> new Mention(0, substance.length(), substance, substance, c, "formula", null));
    }

    private static Optional<Map<String, Double>> parse(String formula) {
        Map<String, Double> comp = new LinkedHashMap<>();
        for (String part : formula.split("[·.](?=\\d*[A-Z])")) {
            Matcher coef = Pattern.compile("^(\\d+)").matcher(part);
            double k = coef.find() ? Double.parseDouble(coef.group(1)) : 1;
            String body = part.substring(coef.hitEnd() || coef.find(0) ? 0 : 0).replaceFirst("^\\d+", "");
            Matcher p = PART.matcher(body);
            int consumed = 0;
            while (p.find()) {
                if (p.start() != consumed || !WEIGHTS.containsKey(p.group(1))) {
                    return Optional.empty();
                }
                double n = p.group(2).isEmpty() ? 1 : Double.parseDouble(p.group(2));
                comp.merge(p.group(1), n * k, Double::sum);
                consumed = p.end();
            }
            if (consumed != body.length() || body.isEmpty()) {
                return Optional.empty();
            }
        }
        return comp.size() >= 1 && !(comp.size() == 1 && formula.length() <= 2 && !formula.matches("[A-Z][a-z]?")) ? Optional.of(comp) : Optional.empty();
    }

    @Override
    public double molarMass(Map<String, Double> composition) {
        return composition.entrySet().stream().mapToDouble(e -> WEIGHTS.get(e.getKey()) * e.getValue()).sum();
    }

    @Override
    public List<PrecursorOption> precursorsFor(String element) {
        return PRECURSORS.getOrDefault(element, List.of()).stream().map(f -> precursor(f).orElseThrow()).toList();
    }

    @Override
    public Optional<PrecursorOption> precursor(String formula) {
        return parse(formula).map(c -> new PrecursorOption(formula, c,
                formula.contains("CO3") || formula.contains("C2O4") ? List.of("CO2") : formula.startsWith("NH4") ? List.of("NH3", "H2O") : List.of(),
                formula.contains("NO3") ? List.of("oxidiser") : List.of()));
    }
}
