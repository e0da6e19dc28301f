package org.athanor.materials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds formulas from systematic and traditional names of salts and oxides by charge balance, from a table of
 * cations and a table of anions (not from a list of compounds): "barium titanate" → BaTiO3, "manganese(IV) oxide" →
 * MnO2, "iron(III) oxide" → Fe2O3, "ferrous sulfate heptahydrate" → FeSO4·7H2O, "titanium dioxide" → TiO2,
 * "vanadium pentoxide" → V2O5, "ammonium dihydrogen phosphate" → NH4H2PO4, "lithium iron phosphate" → LiFePO4.
 *
 * <p>Without a Roman numeral an element's usual oxidation states are tried in order ({@link OxidationStates}); when
 * more than one gives a compound with a simple anion, the first is taken and the others are offered as alternatives
 * ("iron oxide" → Fe2O3; alternatives FeO, Fe3O4). Anions named after a B-site element ("titanate", "aluminate",
 * "niobate"...) take the oxygen count that balances the cation: Li2TiO3 and BaTiO3 but La2Ti2O7; MgAl2O4 but LaAlO3.
 */
final class SystematicNames {

    /** A built reading: the formula as written ("Ba(NO3)2") and other readings. */
    record Reading(String formula, List<String> alternatives) {
    }

    private record Ion(String formula, int charge, boolean polyatomic) {
    }

    private static final Pattern TRAILING_NUMERAL = Pattern.compile("\\(.*\\)$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_BEFORE_NUMERAL = Pattern.compile(" \\(");
    private static final Pattern ANHYDROUS_AFTER = Pattern.compile(",? anhydrous$");
    private static final Pattern CATION = Pattern.compile("([a-z]+)(?:\\((i{1,3}|iv|v|vi{0,3}|ii,iii|ii,iv)\\))?");
    private static final String[] PREFIXES = {"mono", "di", "tri", "tetra", "penta", "hexa", "hepta", "octa", "nona", "deca"};
    private static final Map<String, Double> HYDRATES = Map.ofEntries(
            Map.entry("hemihydrate", 0.5), Map.entry("monohydrate", 1.0), Map.entry("sesquihydrate", 1.5),
            Map.entry("dihydrate", 2.0), Map.entry("trihydrate", 3.0), Map.entry("tetrahydrate", 4.0),
            Map.entry("pentahydrate", 5.0), Map.entry("hexahydrate", 6.0), Map.entry("heptahydrate", 7.0),
            Map.entry("octahydrate", 8.0), Map.entry("nonahydrate", 9.0), Map.entry("decahydrate", 10.0),
            Map.entry("dodecahydrate", 12.0), Map.entry("octadecahydrate", 18.0));
    private static final Map<String, Integer> ROMAN = Map.of("i", 1, "ii", 2, "iii", 3, "iv", 4, "v", 5, "vi", 6, "vii", 7);
    /** Binary anions: a name with a multiplying prefix ("dioxide") counts them explicitly. */
    private static final Map<String, Ion> SIMPLE_ANIONS = Map.ofEntries(
            Map.entry("oxide", new Ion("O", -2, false)), Map.entry("sulfide", new Ion("S", -2, false)),
            Map.entry("sulphide", new Ion("S", -2, false)), Map.entry("selenide", new Ion("Se", -2, false)),
            Map.entry("telluride", new Ion("Te", -2, false)), Map.entry("fluoride", new Ion("F", -1, false)),
            Map.entry("chloride", new Ion("Cl", -1, false)), Map.entry("bromide", new Ion("Br", -1, false)),
            Map.entry("iodide", new Ion("I", -1, false)), Map.entry("nitride", new Ion("N", -3, false)),
            Map.entry("phosphide", new Ion("P", -3, false)), Map.entry("carbide", new Ion("C", -4, false)),
            Map.entry("silicide", new Ion("Si", -4, false)), Map.entry("hydride", new Ion("H", -1, false)),
            Map.entry("boride", new Ion("B", -3, false)));
    private static final Map<String, Ion> POLY_ANIONS = Map.ofEntries(
            Map.entry("hydroxide", new Ion("OH", -1, true)), Map.entry("peroxide", new Ion("O2", -2, true)),
            Map.entry("superoxide", new Ion("O2", -1, true)), Map.entry("carbonate", new Ion("CO3", -2, true)),
            Map.entry("hydrogen carbonate", new Ion("HCO3", -1, true)), Map.entry("bicarbonate", new Ion("HCO3", -1, true)),
            Map.entry("nitrate", new Ion("NO3", -1, true)), Map.entry("nitrite", new Ion("NO2", -1, true)),
            Map.entry("sulfate", new Ion("SO4", -2, true)), Map.entry("sulphate", new Ion("SO4", -2, true)),
            Map.entry("hydrogen sulfate", new Ion("HSO4", -1, true)), Map.entry("bisulfate", new Ion("HSO4", -1, true)),
            Map.entry("sulfite", new Ion("SO3", -2, true)), Map.entry("thiosulfate", new Ion("S2O3", -2, true)),
            Map.entry("phosphate", new Ion("PO4", -3, true)), Map.entry("hydrogen phosphate", new Ion("HPO4", -2, true)),
            Map.entry("dihydrogen phosphate", new Ion("H2PO4", -1, true)),
            Map.entry("pyrophosphate", new Ion("P2O7", -4, true)), Map.entry("diphosphate", new Ion("P2O7", -4, true)),
            Map.entry("metaphosphate", new Ion("PO3", -1, true)), Map.entry("chlorate", new Ion("ClO3", -1, true)),
            Map.entry("perchlorate", new Ion("ClO4", -1, true)), Map.entry("hypochlorite", new Ion("ClO", -1, true)),
            Map.entry("bromate", new Ion("BrO3", -1, true)), Map.entry("iodate", new Ion("IO3", -1, true)),
            Map.entry("cyanide", new Ion("CN", -1, true)), Map.entry("thiocyanate", new Ion("SCN", -1, true)),
            Map.entry("acetate", new Ion("C2H3O2", -1, true)), Map.entry("formate", new Ion("CHO2", -1, true)),
            Map.entry("oxalate", new Ion("C2O4", -2, true)), Map.entry("citrate", new Ion("C6H5O7", -3, true)),
            Map.entry("permanganate", new Ion("MnO4", -1, true)), Map.entry("manganate", new Ion("MnO4", -2, true)),
            Map.entry("chromate", new Ion("CrO4", -2, true)), Map.entry("dichromate", new Ion("Cr2O7", -2, true)),
            Map.entry("tungstate", new Ion("WO4", -2, true)), Map.entry("molybdate", new Ion("MoO4", -2, true)),
            Map.entry("orthosilicate", new Ion("SiO4", -4, true)), Map.entry("metasilicate", new Ion("SiO3", -2, true)),
            Map.entry("tetraborate", new Ion("B4O7", -2, true)), Map.entry("metaborate", new Ion("BO2", -1, true)),
            Map.entry("arsenate", new Ion("AsO4", -3, true)), Map.entry("azide", new Ion("N3", -1, true)),
            Map.entry("amide", new Ion("NH2", -1, true)));
    /** "-ate"/"-ite" anions named after a B-site cation, with that cation's oxidation state. */
    private static final Map<String, String> B_SITE = Map.ofEntries(
            Map.entry("titanate", "Ti4"), Map.entry("zirconate", "Zr4"), Map.entry("hafnate", "Hf4"),
            Map.entry("stannate", "Sn4"), Map.entry("cerate", "Ce4"), Map.entry("germanate", "Ge4"),
            Map.entry("plumbate", "Pb4"), Map.entry("ruthenate", "Ru4"), Map.entry("iridate", "Ir4"),
            Map.entry("aluminate", "Al3"), Map.entry("gallate", "Ga3"), Map.entry("ferrite", "Fe3"),
            Map.entry("chromite", "Cr3"), Map.entry("manganite", "Mn3"), Map.entry("cobaltite", "Co3"),
            Map.entry("cobaltate", "Co3"), Map.entry("nickelate", "Ni3"), Map.entry("indate", "In3"),
            Map.entry("scandate", "Sc3"), Map.entry("niobate", "Nb5"), Map.entry("tantalate", "Ta5"),
            Map.entry("antimonate", "Sb5"), Map.entry("vanadate", "V5"), Map.entry("borate", "B3"),
            Map.entry("silicate", "Si4"));

    private SystematicNames() {
    }

    /** True if the word could be part of a systematic name (a cation, anion, prefix or hydrate word). */
    static boolean knowsWord(String word) {
        String w = TRAILING_NUMERAL.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("");
        if (HYDRATES.containsKey(w) || SIMPLE_ANIONS.containsKey(w) || POLY_ANIONS.containsKey(w) || B_SITE.containsKey(w)
                || w.equals("ammonium") || w.equals("hydrogen") || w.equals("dihydrogen") || w.equals("anhydrous")
                || OxidationStates.traditional(w).isPresent() || Element.byName(w).isPresent()) {
            return true;
        }
        for (String p : PREFIXES) {
            if (w.startsWith(p) && w.length() > p.length() && knowsWord(w.substring(p.length()))) {
                return true;
            }
        }
        return SIMPLE_ANIONS.keySet().stream().anyMatch(a -> w.endsWith(a.substring(1)) && w.length() > a.length());
    }

    /** The formula a systematic or traditional name stands for, if the name is one. */
    static Optional<Reading> read(String name) {
        if (name.strip().indexOf(' ') < 0) {
            return Optional.empty(); // a cation word and an anion word at least; formulas take this exit
        }
        String s = SPACE_BEFORE_NUMERAL.matcher(SPACES.matcher(name.toLowerCase(Locale.ROOT).trim()).replaceAll(" "))
                .replaceAll("(").replace("sulph", "sulf").replace("aluminum", "aluminium").replace("cesium", "caesium");
        if (s.startsWith("anhydrous ")) {
            s = s.substring("anhydrous ".length());
        }
        s = ANHYDROUS_AFTER.matcher(s).replaceAll("");
        if (s.indexOf(' ') < 0) {
            return Optional.empty(); // systematic names have at least a cation and an anion word
        }
        List<String> words = new ArrayList<>(List.of(s.split(" ")));
        double water = 0;
        if (words.size() > 1 && HYDRATES.containsKey(words.get(words.size() - 1))) {
            water = HYDRATES.get(words.remove(words.size() - 1));
        }
        if (words.size() < 2 || words.size() > 4) {
            return Optional.empty();
        }
        for (int anionWords = Math.min(2, words.size() - 1); anionWords >= 1; anionWords--) {
            String anion = String.join(" ", words.subList(words.size() - anionWords, words.size()));
            List<String> cations = words.subList(0, words.size() - anionWords);
            Optional<Reading> r = build(cations, anion, water);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static Optional<Reading> build(List<String> cationWords, String anionWord, double water) {
        if (cationWords.size() > 2) {
            return Optional.empty();
        }
        List<Cation> cations = new ArrayList<>();
        for (String w : cationWords) {
            Optional<Cation> c = cation(w);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            cations.add(c.get());
        }
        int anionCount = 0;
        String base = anionWord;
        for (int i = PREFIXES.length - 1; i >= 0 && cations.size() == 1; i--) {
            String stem = stripPrefix(anionWord, PREFIXES[i]);
            if (stem != null) {
                anionCount = i + 1;
                base = stem;
                break;
            }
        }
        String hydrate = water > 0 ? "·" + Composition.formatAmount(water) + "H2O" : "";
        if (cations.size() == 2) {
            return twoCations(cations.get(0), cations.get(1), anionWord).map(f -> new Reading(f + hydrate, List.of()));
        }
        Cation c = cations.get(0);
        if (anionCount > 0) {
            return explicitCounts(c, SIMPLE_ANIONS.get(base), anionCount).map(f -> new Reading(f + hydrate, List.of()));
        }
        List<String> formulas = new ArrayList<>();
        for (int q : c.states()) {
            Ion anion = anionFor(base, q);
            if (anion != null) {
                formulas.add(balanced(c, q, anion) + hydrate);
            }
            if (B_SITE.containsKey(base)) {
                break; // "lead zirconate" is PbZrO3; a B-site anion already fixes the cation's usual state
            }
        }
        if (c.count() > 0) {
            // "tricalcium ..." states the cation count; a charge-balanced reading with another count is not what was
            // written (tricalcium aluminate is 3CaO·Al2O3, not CaAl2O4), so it is dropped rather than returned silently.
            formulas.removeIf(f -> Math.abs(Composition.parse(f).amount(c.symbol()) - c.count()) > 1e-9);
        }
        if (formulas.isEmpty()) {
            return Optional.empty();
        }
        if (c.mixedValence() == null && c.states().size() > 1 && base.equals("oxide")
                && List.of("Fe", "Mn", "Co").contains(c.symbol())) {
            formulas.add(c.symbol() + "3O4" + hydrate);
        }
        return Optional.of(new Reading(formulas.get(0), List.copyOf(formulas.subList(1, formulas.size()))));
    }

    /**
     * The binary anion after a multiplying prefix, or null: "dioxide" → oxide; the prefix's final vowel elides before
     * "oxide" ("pentoxide", "monoxide", "tetroxide").
     */
    private static String stripPrefix(String word, String prefix) {
        if (word.startsWith(prefix) && SIMPLE_ANIONS.containsKey(word.substring(prefix.length()))) {
            return word.substring(prefix.length());
        }
        String elided = prefix.substring(0, prefix.length() - 1);
        if (word.startsWith(elided + "o") && SIMPLE_ANIONS.containsKey(word.substring(elided.length()))) {
            return word.substring(elided.length());
        }
        return null;
    }

    /** Cation count from its oxidation states when only the anion count is written ("vanadium pentoxide" → V2O5). */
    private static Optional<String> explicitCounts(Cation c, Ion anion, int anionCount) {
        String anionPart = anion.formula() + (anionCount > 1 ? anionCount : "");
        if (c.count() > 0) {
            return Optional.of(c.formula(c.count()) + anionPart); // "triiron tetroxide": both counts written
        }
        int need = anionCount * -anion.charge();
        for (int n = 1; n <= 4; n++) {
            for (int q : c.states()) {
                if (n * q == need) {
                    return Optional.of(c.formula(n) + anionPart);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> twoCations(Cation a, Cation b, String anionWord) {
        for (int total = 2; total <= 6; total++) {
            for (int na = 1; na < total; na++) {
                int nb = total - na;
                for (int qa : a.states()) {
                    for (int qb : b.states()) {
                        Ion anion = anionFor(anionWord, Math.max(qa, qb));
                        if (anion == null) {
                            return Optional.empty();
                        }
                        int charge = na * qa + nb * qb;
                        if (charge % -anion.charge() == 0) {
                            int nx = charge / -anion.charge();
                            return Optional.of(a.formula(na) + b.formula(nb) + group(anion, nx));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String balanced(Cation c, int q, Ion anion) {
        if (c.mixedValence() != null && anion.formula().equals("O")) {
            return c.mixedValence();
        }
        int a = -anion.charge();
        int g = gcd(q, a);
        return c.formula(a / g) + group(anion, q / g);
    }

    private static String group(Ion anion, int n) {
        if (n == 1) {
            return anion.formula();
        }
        return anion.polyatomic() ? "(" + anion.formula() + ")" + n : anion.formula() + n;
    }

    /** The anion for a cation of charge q; B-site anions adapt their oxygen count to q. */
    private static Ion anionFor(String word, int q) {
        Ion simple = SIMPLE_ANIONS.get(word);
        if (simple != null) {
            return simple;
        }
        Ion poly = POLY_ANIONS.get(word);
        if (poly != null) {
            return poly;
        }
        String b = B_SITE.get(word);
        if (b == null) {
            return null;
        }
        String el = b.substring(0, b.length() - 1);
        int v = b.charAt(b.length() - 1) - '0';
        if (word.equals("silicate")) {
            return q == 1 ? new Ion("SiO3", -2, true) : q == 2 ? new Ion("SiO4", -4, true) : new Ion("SiO5", -6, true);
        }
        if (word.equals("vanadate")) {
            return new Ion("VO4", -3, true); // orthovanadate: YVO4, BiVO4, Li3VO4
        }
        if (word.equals("borate")) {
            return new Ion("BO3", -3, true); // orthoborate: LaBO3, Li3BO3
        }
        return switch (v) {
            case 3 -> q == 3 ? new Ion(el + "O3", -3, true) : new Ion(el + "O2", -1, true);
            case 4 -> q == 3 ? new Ion(el + "2O7", -6, true) : new Ion(el + "O3", -2, true);
            case 5 -> q == 3 ? new Ion(el + "O4", -3, true) : new Ion(el + "O3", -1, true);
            default -> null;
        };
    }

    /** A cation word: element name or ammonium, optional multiplying prefix, optional Roman numeral. */
    private record Cation(String symbol, String formula, List<Integer> states, int count, String mixedValence) {

        String formula(int n) {
            boolean poly = formula.length() > 2 || (formula.length() == 2 && Character.isUpperCase(formula.charAt(1)));
            if (n == 1) {
                return formula;
            }
            return poly ? "(" + formula + ")" + n : formula + n;
        }
    }

    private static Optional<Cation> cation(String word) {
        Matcher m = CATION.matcher(word);
        if (!m.matches()) {
            return Optional.empty();
        }
        String stem = m.group(1);
        String numeral = m.group(2);
        int count = 0;
        Optional<Cation> plain = plainCation(stem, numeral, 0);
        if (plain.isPresent()) {
            return plain;
        }
        for (int i = PREFIXES.length - 1; i >= 1; i--) {
            if (stem.startsWith(PREFIXES[i])) {
                count = i + 1;
                Optional<Cation> c = plainCation(stem.substring(PREFIXES[i].length()), numeral, count);
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Cation> plainCation(String stem, String numeral, int count) {
        if (stem.equals("ammonium")) {
            return Optional.of(new Cation("N", "NH4", List.of(1), count, null));
        }
        Optional<OxidationStates.Traditional> old = OxidationStates.traditional(stem);
        if (old.isPresent() && numeral == null) {
            return Optional.of(new Cation(old.get().symbol(), old.get().symbol(), List.of(old.get().state()), count, null));
        }
        Optional<Element> e = Element.byName(stem);
        if (e.isEmpty() || e.get() == Element.O) {
            return Optional.empty();
        }
        String sym = e.get().symbol();
        if (numeral == null) {
            return Optional.of(new Cation(sym, sym, OxidationStates.of(sym), count, null));
        }
        if (numeral.contains(",")) {
            return Optional.of(new Cation(sym, sym, List.of(numeral.equals("ii,iii") ? 3 : 4), count, sym + "3O4"));
        }
        return Optional.of(new Cation(sym, sym, List.of(ROMAN.get(numeral)), count, null));
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
