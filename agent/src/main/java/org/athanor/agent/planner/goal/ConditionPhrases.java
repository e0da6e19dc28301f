package org.athanor.agent.planner.goal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athanor.workflow.Atmosphere;

/** Reads the conditions of a goal: atmosphere, furnace kind, crucible, characterisation, batches and safety instructions. */
final class ConditionPhrases {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String INERT = "(?-i:Ar|N2|He)|argon|nitrogen|helium";

    private static final Pattern H2_MIX = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(?:%|vol\\s*%|percent)\\s*(?:(?-i:H2|H₂)|hydrogen)\\s*(?:/|in|-|\\+|balance|bal\\.?)\\s*(" + INERT + ")", FLAGS);
    private static final Pattern H2_MIX_REVERSED = Pattern.compile(
            "(" + INERT + ")\\s*(?:/|-|\\+|with)\\s*(\\d+(?:\\.\\d+)?)\\s*(?:%|vol\\s*%|percent)\\s*(?:(?-i:H2|H₂)|hydrogen)", FLAGS);
    private static final Pattern H2_MIX_UNQUANTIFIED = Pattern.compile("(?-i:H2|H₂)\\s*/\\s*(" + INERT + ")|(" + INERT + ")\\s*/\\s*(?-i:H2|H₂)", FLAGS);
    /** "100 % hydrogen", "10% H2" with no carrier gas named: that percentage of H2, the rest unstated. */
    private static final Pattern H2_PERCENT_ALONE = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(?:%|vol\\s*%|percent)\\s*(?:(?-i:H2|H₂)|hydrogen)\\b", FLAGS);
    private static final Pattern FORMING_GAS = Pattern.compile("\\bforming\\s+gas\\b", FLAGS);
    private static final Pattern PURE_H2 = Pattern.compile(
            "(?:\\bpure\\s+(?:(?-i:H2|H₂)|hydrogen)|(?:\\bunder|\\bin|\\bwith|\\bflowing|\\busing)\\s+(?:an?\\s+)?(?:flowing\\s+|dry\\s+|pure\\s+)?(?:(?-i:H2|H₂)|hydrogen)(?:\\s+(?:gas|atmosphere|flow))?(?!\\s*(?:/|-\\s*\\d|\\d|%|in\\b))|\\b(?:hydrogen|(?-i:H2))\\s+atmosphere)", FLAGS);
    private static final Pattern GAS = Pattern.compile(
            "(?:\\bunder|\\bin|\\bwith|\\busing|\\bthrough)\\s+(?:an?\\s+)?(?:flowing\\s+|dry\\s+|pure\\s+|static\\s+|ambient\\s+|synthetic\\s+|high-purity\\s+|a\\s+flow\\s+of\\s+)?"
                    + "((?-i:Ar|N2|N₂|O2|O₂|He|CO2|CO₂|CO|NH3|NH₃|H2S|H₂S|CH4|CH₄|Cl2|Cl₂|SO2|SO₂)|argon|nitrogen|helium|oxygen|air|vacuum"
                    + "|carbon\\s+dioxide|carbon\\s+monoxide|ammonia|hydrogen\\s+sulfide|methane|chlorine|sulfur\\s+dioxide|inert\\s+(?:gas|atmosphere))(?![\\w/])"
                    + "|\\b((?-i:Ar|N2|O2|He|CO2|CO|NH3|H2S|CH4)|argon|nitrogen|helium|oxygen|air|inert|ammonia|methane)\\s+(?:atmosphere|flow|gas)\\b", FLAGS);
    private static final Pattern FURNACE = Pattern.compile("\\b(box|muffle|chamber|tube|tubular)[\\s-]+furnace\\b", FLAGS);
    /** Crucible materials as written, and the name the lab's crucible table uses for each. */
    private static final Map<String, String> CRUCIBLE_MATERIALS = Map.ofEntries(
            Map.entry("alumina", "alumina"), Map.entry("corundum", "alumina"), Map.entry("al2o3", "alumina"),
            Map.entry("quartz", "quartz"), Map.entry("silica", "quartz"), Map.entry("fused silica", "quartz"), Map.entry("sio2", "quartz"),
            Map.entry("platinum", "platinum"), Map.entry("pt", "platinum"), Map.entry("zirconia", "zirconia"), Map.entry("zro2", "zirconia"),
            Map.entry("magnesia", "magnesia"), Map.entry("mgo", "magnesia"), Map.entry("graphite", "graphite"), Map.entry("carbon", "graphite"),
            Map.entry("boron nitride", "boron-nitride"), Map.entry("boron-nitride", "boron-nitride"), Map.entry("bn", "boron-nitride"));
    /** The table's materials and other vessels chemists use, which the lab may not have (said so, not ignored). */
    private static final String CRUCIBLE_MATERIAL = "(fused\\s+silica|boron[\\s-]nitride|glassy\\s+carbon|stainless\\s+steel|(?-i:Al2O3|SiO2|ZrO2|MgO|Pt|BN)"
            + "|alumina|corundum|quartz|silica|platinum|zirconia|magnesia|graphite|carbon|nickel|gold|silver|iron|steel|porcelain"
            + "|tantalum|molybdenum|tungsten|niobium|copper|titanium|sapphire|yttria|ceramic|clay)";
    private static final Pattern CRUCIBLE = Pattern.compile(
            "\\b" + CRUCIBLE_MATERIAL + "\\s+(?:crucibles?|boats?|dish(?:es)?)\\b"
                    + "|\\b(?:crucibles?|boats?)\\s+(?:made\\s+)?of\\s+" + CRUCIBLE_MATERIAL + "\\b", FLAGS);
    /** "in a crucible", "each crucible": a vessel without a material, which leaves the choice to the planner. */
    private static final Pattern ANY_CRUCIBLE = Pattern.compile(
            "\\b(?:a|an|the|one|each|its|their|own|same|single|clean|covered|lidded)\\s+(?:crucible|boat)\\b", FLAGS);
    /** Precursor classes a goal may rule out ("without nitrates or carbonates", "no acetates"). */
    private static final String PRECURSOR_CLASS = "(nitrates?|carbonates?|acetates?|oxalates?|hydroxides?|sulfates?|sulphates?|chlorides?|fluorides?|hydrates?|ammonium\\s+salts?)";
    private static final Pattern EXCLUDED_CLASSES = Pattern.compile(
            "\\b(?:without|no|avoid(?:ing)?|excluding|except|not\\s+using|don'?t\\s+use|never\\s+use)\\s+(?:any\\s+)?" + PRECURSOR_CLASS
                    + "((?:\\s*(?:,|or|and|nor)\\s*(?:any\\s+)?" + PRECURSOR_CLASS + ")*)", FLAGS);
    private static final Pattern XRD = Pattern.compile(
            "\\b(?:P?XRD|x-?ray\\s+(?:powder\\s+)?diffraction|powder\\s+diffraction|diffraction\\s+pattern|diffractogram)\\b", FLAGS);
    private static final Pattern RAMAN = Pattern.compile("\\bRaman\\b", FLAGS);
    private static final Pattern NEGATED = Pattern.compile("(?:\\bno|\\bwithout|\\bskip|\\bnot|\\bomit|\\bexcept)\\s+(?:the\\s+|an?\\s+|any\\s+)?$", FLAGS);
    private static final Pattern BATCHES = Pattern.compile(
            "\\b(\\d+|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:separate\\s+|identical\\s+|parallel\\s+|independent\\s+|replicate\\s+)?(?:batches|samples|crucibles|replicates|runs|copies)\\b"
                    + "|\\bin\\s+(duplicate|triplicate|quadruplicate)\\b", FLAGS);
    private static final Pattern OVERRIDE = Pattern.compile(
            "\\b(?:skip|ignore|bypass|disable|override|overrule|circumvent|disregard|turn\\s+off|switch\\s+off|without|no\\s+need\\s+for|don'?t\\s+(?:run|apply|do|use|bother\\s+with)|do\\s+not\\s+(?:run|apply|do|use)|forget|deactivate)"
                    + "\\s+(?:\\w+\\s+){0,5}?(?:safety|safe|rules?|gate|checks?|interlocks?|limits?|vetting|guardrails?)\\b[\\w\\s-]{0,20}"
                    + "|\\b(?:safety|rules?|gate|checks?|interlocks?|limits?)\\s+(?:\\w+\\s+){0,2}(?:disabled|off|suspended|waived|lifted|not\\s+needed|do\\s+not\\s+apply|don'?t\\s+apply)\\b", FLAGS);
    private static final Map<String, Integer> WORDS = Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6, "seven", 7,
            "eight", 8, "nine", 9, "ten", 10);

    private ConditionPhrases() {
    }

    static void read(Draft d) {
        readSafetyOverride(d);
        readAtmosphere(d);
        readFurnace(d);
        readCrucible(d);
        readExcludedPrecursors(d);
        readCharacterization(d);
        readBatches(d);
    }

    private static void readSafetyOverride(Draft d) {
        Matcher m = OVERRIDE.matcher(d.goal);
        while (m.find()) {
            d.safetyOverrideRequested = true;
            d.note("instructions about safety in the goal are ignored: every plan is vetted by the safety gate (\"" + m.group().trim() + "\")");
            d.coverage.cover(m.start(), m.end());
        }
    }

    private static void readAtmosphere(Draft d) {
        Matcher m = H2_MIX.matcher(d.goal);
        if (m.find()) {
            set(d, new Atmosphere(mixGas(m.group(2)), Double.parseDouble(m.group(1)), null), m);
        }
        m = H2_MIX_REVERSED.matcher(d.goal);
        if (m.find() && d.coverage.isFree(m.start(), m.end())) {
            set(d, new Atmosphere(mixGas(m.group(1)), Double.parseDouble(m.group(2)), null), m);
        }
        m = H2_MIX_UNQUANTIFIED.matcher(d.goal);
        if (m.find() && d.coverage.isFree(m.start(), m.end())) {
            String carrier = m.group(1) != null ? m.group(1) : m.group(2);
            d.unparsed.add(m.group() + " (hydrogen mixture without a stated H2 percentage)");
            d.coverage.cover(m.start(), m.end());
            set(d, new Atmosphere(mixGas(carrier), null, null), m);
            d.note("the H2 content of " + m.group() + " was not stated; the plan cannot assume a safe percentage");
        }
        m = H2_PERCENT_ALONE.matcher(d.goal);
        if (m.find() && d.coverage.isFree(m.start(), m.end())) {
            double percent = Double.parseDouble(m.group(1));
            set(d, new Atmosphere("H2", percent, null), m);
            if (percent < 100) {
                d.note("the gas balancing " + m.group() + " was not stated; read as H2 with " + m.group(1) + " % H2");
            }
        }
        m = FORMING_GAS.matcher(d.goal);
        if (m.find() && d.coverage.isFree(m.start(), m.end())) {
            // Forming gas is H2 in N2; commercial mixes range from 3 % to 10 % H2, so the percentage is not assumed.
            set(d, new Atmosphere("H2/N2", null, null), m);
            d.note("\"forming gas\" read as H2/N2; its H2 percentage was not stated");
        }
        m = PURE_H2.matcher(d.goal);
        if (m.find() && d.coverage.isFree(m.start(), m.end())) {
            set(d, new Atmosphere("H2", 100.0, null), m);
        }
        m = GAS.matcher(d.goal);
        while (m.find()) {
            if (!d.coverage.isFree(m.start(), m.end())) {
                continue;
            }
            String word = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT).replace('₂', '2').replace('₃', '3')
                    .replace('₄', '4').replaceAll("\\s+", " ");
            // Reactive gases (CO, NH3, H2S...) are read too, so that the gate judges them; a furnace not rated for
            // one refuses it rather than the plan running silently in air.
            String gas = switch (word) {
                case "ar", "argon" -> "Ar";
                case "n2", "nitrogen" -> "N2";
                case "he", "helium" -> "He";
                case "o2", "oxygen" -> "O2";
                case "co2", "carbon dioxide" -> "CO2";
                case "co", "carbon monoxide" -> "CO";
                case "nh3", "ammonia" -> "NH3";
                case "h2s", "hydrogen sulfide" -> "H2S";
                case "ch4", "methane" -> "CH4";
                case "cl2", "chlorine" -> "Cl2";
                case "so2", "sulfur dioxide" -> "SO2";
                case "air" -> "air";
                case "vacuum" -> "vacuum";
                default -> "inert";
            };
            if (gas.equals("inert")) {
                d.note("\"" + m.group().trim() + "\" read as argon");
                gas = "Ar";
            }
            set(d, Atmosphere.of(gas), m);
        }
    }

    private static String mixGas(String carrier) {
        String c = carrier.toLowerCase(Locale.ROOT);
        return c.startsWith("n") ? "H2/N2" : "H2/Ar";
    }

    private static void set(Draft d, Atmosphere atmosphere, Matcher m) {
        d.coverage.cover(m.start(), m.end());
        if (d.atmosphere == null) {
            d.atmosphere = atmosphere;
        } else if (!d.atmosphere.equals(atmosphere)) {
            d.unparsed.add(m.group().trim() + " (a second atmosphere; the first, " + d.atmosphere.gas() + ", is used)");
        }
    }

    private static void readFurnace(Draft d) {
        Matcher m = FURNACE.matcher(d.goal);
        while (m.find()) {
            String kind = m.group(1).toLowerCase(Locale.ROOT).startsWith("tub") ? "tube" : "box";
            if (d.furnaceKind != null && !d.furnaceKind.equals(kind)) {
                d.unparsed.add(m.group() + " (a second furnace kind; " + d.furnaceKind + " is used)");
            } else {
                d.furnaceKind = kind;
            }
            d.coverage.cover(m.start(), m.end());
        }
    }

    /**
     * "in a quartz crucible", "platinum boat", "crucible made of graphite": the vessel asked for, by the crucible
     * table's name. A material the table does not know is kept as written, so the planner can say the lab has none.
     */
    private static void readCrucible(Draft d) {
        Matcher m = CRUCIBLE.matcher(d.goal);
        while (m.find()) {
            String written = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            String crucible = CRUCIBLE_MATERIALS.getOrDefault(written, written);
            if (d.crucible != null && !d.crucible.equals(crucible)) {
                d.unparsed.add(m.group() + " (a second crucible; " + d.crucible + " is used)");
            } else {
                d.crucible = crucible;
            }
            d.coverage.cover(m.start(), m.end());
        }
        m = ANY_CRUCIBLE.matcher(d.goal);
        while (m.find()) {
            if (d.coverage.isFree(m.start(), m.end())) {
                d.coverage.cover(m.start(), m.end());
            }
        }
    }

    private static void readExcludedPrecursors(Draft d) {
        Matcher m = EXCLUDED_CLASSES.matcher(d.goal);
        while (m.find()) {
            Matcher each = Pattern.compile(PRECURSOR_CLASS, FLAGS).matcher(m.group());
            while (each.find()) {
                String kind = each.group(1).toLowerCase(Locale.ROOT).replace("sulph", "sulf").replaceAll("\\s+", " ").replaceAll("s$", "");
                d.excludedPrecursors.add(kind);
            }
            d.coverage.cover(m.start(), m.end());
        }
    }

    private static void readCharacterization(Draft d) {
        characterization(d, XRD, "xrd");
        characterization(d, RAMAN, "raman");
    }

    private static void characterization(Draft d, Pattern p, String method) {
        Matcher m = p.matcher(d.goal);
        while (m.find()) {
            String before = d.goal.substring(Math.max(0, m.start() - 15), m.start());
            if (NEGATED.matcher(before).find()) {
                d.note(method + " is explicitly not wanted");
                d.characterization.remove(method);
            } else {
                d.characterization.add(method);
            }
            d.coverage.cover(m.start(), m.end());
        }
    }

    private static void readBatches(Draft d) {
        Matcher m = BATCHES.matcher(d.goal);
        if (m.find()) {
            int n;
            if (m.group(2) != null) {
                n = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "duplicate" -> 2;
                    case "triplicate" -> 3;
                    default -> 4;
                };
            } else {
                String w = m.group(1).toLowerCase(Locale.ROOT);
                n = WORDS.containsKey(w) ? WORDS.get(w) : w.length() > 9 ? -1 : Integer.parseInt(w);
            }
            if (n < 1) {
                d.unparsed.add(m.group() + (n == 0 ? " (no batch to make)" : " (more batches than a plan can count)"));
            } else {
                d.batches = n;
            }
            d.coverage.cover(m.start(), m.end());
        }
    }
}
