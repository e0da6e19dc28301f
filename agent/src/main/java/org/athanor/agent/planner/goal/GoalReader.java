package org.athanor.agent.planner.goal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athanor.agent.planner.chemistry.Chemistry;
import org.athanor.agent.planner.chemistry.Mention;
import org.athanor.agent.planner.chemistry.PrecursorOption;

/**
 * Turns a goal in a scientist's words into an {@link Understanding}, deterministically and offline. Conditions and
 * numbers are read first; the substances left over are then sorted into the product and the starting materials.
 * Whatever is not understood is reported, never guessed silently.
 */
public final class GoalReader {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String ELEMENT_WORD = "((?-i:[A-Z][a-z]?[A-Za-z0-9()]*)|lithium|sodium|potassium|bismuth|lead|boron|zinc|magnesium|calcium)";
    private static final Pattern EXCESS = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(?:%|percent|mol\\s*%|wt\\s*%|at\\s*%)\\s*(?:molar\\s+|mol\\s+|stoichiometric\\s+)?(?:excess|extra|surplus|more|over-?stoichiometry)\\s+(?:of\\s+)?(?:the\\s+)?" + ELEMENT_WORD
                    + "|\\b(?:excess|extra)\\s+(?:of\\s+)?" + ELEMENT_WORD + "\\s*(?:of\\s+|\\(\\s*|:\\s*)?(\\d+(?:\\.\\d+)?)\\s*(?:%|percent|mol\\s*%)"
                    + "|\\b" + ELEMENT_WORD + "\\s+(?:in\\s+)?excess\\s+(?:of\\s+|by\\s+)?(\\d+(?:\\.\\d+)?)\\s*(?:%|percent|mol\\s*%)"
                    // "5% Li excess", "a 5 % lithium excess", "10 wt% Li excess"
                    + "|(\\d+(?:\\.\\d+)?)\\s*(?:%|percent|mol\\s*%|wt\\s*%|at\\s*%)\\s*(?:molar\\s+|mol\\s+)?" + ELEMENT_WORD
                    + "\\s+(?:excess|extra|surplus|over-?stoichiometry)\\b", FLAGS);
    private static final Map<String, String> ELEMENT_NAMES = Map.of("lithium", "Li", "sodium", "Na", "potassium", "K", "bismuth", "Bi",
            "lead", "Pb", "boron", "B", "zinc", "Zn", "magnesium", "Mg", "calcium", "Ca");
    /** Words that introduce the starting materials; the clause they open runs to the next comma, semicolon or full stop. */
    private static final Pattern FROM = Pattern.compile(
            "\\b(?:from|using|starting\\s+(?:from|with)|with\\s+precursors?|out\\s+of|based\\s+on|by\\s+(?:calcining|heating|firing|decomposing|roasting))\\b", FLAGS);
    private static final Pattern CLAUSE_END = Pattern.compile(
            "[,;]|\\.(?!\\d)|\\bthen\\b|\\band\\s+(?:confirm|record|measure|check|heat|anneal|calcine|sinter|fire|verify|run|take|characteri[sz]e|do)\\b|\\b(?:at|in|under|below|for|to|with\\s+(?:an?|the))\\s", FLAGS);
    private static final Pattern TRANSFORM = Pattern.compile("^\\s*(?:in)?to\\s+(?:form\\s+|give\\s+|make\\s+|obtain\\s+|yield\\s+)?(?:the\\s+)?$", FLAGS);
    /** "... to form BaTiO3", "... into LiFePO4": what follows is the product, what precedes it the starting materials. */
    private static final Pattern PRODUCT_MARK = Pattern.compile(
            "\\b(?:to\\s+(?:form|make|give|obtain|yield|produce|get)|into|yielding|giving|forming)\\b", FLAGS);
    private static final Pattern MIX_ONLY = Pattern.compile("^\\s*(?:please\\s+)?(?:mix|combine|blend|grind|heat|react|fire)\\b", FLAGS);
    private static final Pattern MAKE_VERB = Pattern.compile(
            "\\b(?:make|synthesi[sz]e|prepare|produce|obtain|form|grow|get|create|calcine\\s+\\S+\\s+to|reduce\\s+\\S+\\s+to|melt|sinter|anneal)\\b", FLAGS);
    private static final Pattern QUESTION_WORD = Pattern.compile("^\\s*(?:what|why|how|which|who|when|where|is|are|does|do|did|will|has|have)\\b", FLAGS);
    private static final Pattern FIRING_VERB = Pattern.compile("\\b(?:heat|fire|calcine|anneal|sinter|mix|react|grind|mill)\\b", FLAGS);
    /** "instead of", "rather than", "in place of", "but not" right before a substance: the goal rules it out. */
    private static final Pattern INSTEAD_OF = Pattern.compile("\\b(?:instead\\s+of|rather\\s+than|in\\s+place\\s+of|(?:but\\s+)?not\\s+(?:from|using|with)|"
            + "without(?:\\s+using)?|(?:but\\s+)?not)\\s+(?:the\\s+|any\\s+)?$", FLAGS);
    /** "with Mg(OH)2 rather than MgO": the substance before "instead of" is what the goal uses. */
    private static final Pattern USED_INSTEAD = Pattern.compile("^\\s*(?:instead\\s+of|rather\\s+than|in\\s+place\\s+of)\\b", FLAGS);
    private static final Pattern CLOSING_BRACKET = Pattern.compile("^\\s*[)\\]]");
    private static final Pattern GROUP_GLUE = Pattern.compile("^[\\s(\\[,:-]*(?:i\\.e\\.|aka|also\\s+called|or|=)?[\\s(\\[,:-]*$|^[\\s)\\]]*$|^\\s*\\)\\s*\\(?\\s*$", FLAGS);

    private final Chemistry chemistry;

    public GoalReader(Chemistry chemistry) {
        this.chemistry = chemistry;
    }

    /**
     * "What is the band gap of ZnO?": a question with no verb of making or firing asks for knowledge, not for an
     * experiment. "Can you make 2 g of ZnO?" is a request and is not a question here.
     */
    public static boolean isQuestion(String goal) {
        String g = goal.strip();
        return g.endsWith("?") && QUESTION_WORD.matcher(g).find() && !MAKE_VERB.matcher(g).find() && !FIRING_VERB.matcher(g).find();
    }

    public Understanding read(String goalText) {
        String goal = goalText.replace('\u00a0', ' ').replace('º', '°').replace("℃", "°C").replace("℉", "°F").strip();
        Draft d = new Draft(goal);
        ConditionPhrases.read(d);
        InstrumentPhrases.read(d);
        readExcess(d);
        QuantityPhrases.read(d);
        readSubstances(d);
        QuantityPhrases.assignMasses(d);
        if (d.fixedTemperature != null && d.maxTemperature != null && d.fixedTemperature.celsius() > d.maxTemperature.celsius()) {
            d.note("the set temperature " + d.fixedTemperature + " is above the stated limit " + d.maxTemperature);
        }
        return d.build();
    }

    private void readExcess(Draft d) {
        Matcher m = EXCESS.matcher(d.goal);
        while (m.find()) {
            String percent = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(4) : m.group(6) != null ? m.group(6) : m.group(7);
            String who = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(5) != null ? m.group(5) : m.group(8);
            Optional<String> element = excessElement(who);
            if (element.isEmpty()) {
                d.unparsed.add(m.group() + " (cannot tell which element the excess is of)");
            } else {
                d.excess.put(element.get(), Double.parseDouble(percent));
            }
            d.coverage.cover(m.start(), m.end());
        }
    }

    private Optional<String> excessElement(String who) {
        String lower = who.toLowerCase(Locale.ROOT);
        if (ELEMENT_NAMES.containsKey(lower)) {
            return Optional.of(ELEMENT_NAMES.get(lower));
        }
        return chemistry.read(who).flatMap(mention -> mention.composition().keySet().stream()
                .filter(e -> !e.equals("O") && !e.equals("C") && !e.equals("H") && !e.equals("N"))
                .findFirst()
                .or(() -> mention.composition().size() == 1 ? mention.composition().keySet().stream().findFirst() : Optional.empty()));
    }

    /** Sorts the named substances into the product and the starting materials. */
    private void readSubstances(Draft d) {
        List<Mention> mentions = new ArrayList<>();
        for (Mention m : chemistry.findInText(d.goal)) {
            if (!d.coverage.isFree(m.start(), m.end())) {
                continue;
            }
            Matcher instead = INSTEAD_OF.matcher(d.goal.substring(0, m.start()));
            if (instead.find()) {
                // "using MgCO3 instead of MgO": MgO is what the plan must not dose, neither starting material nor product.
                d.excludedPrecursors.add(shelfFormula(m));
                d.note(m.text() + " is not used, as the goal asks");
                d.coverage.cover(instead.start(), m.end());
                continue;
            }
            mentions.add(m);
        }
        List<Mention> starting = new ArrayList<>();
        List<Mention> products = new ArrayList<>();
        boolean mixOnly = MIX_ONLY.matcher(d.goal).find() && !MAKE_VERB.matcher(d.goal).find();
        Matcher mark = PRODUCT_MARK.matcher(d.goal);
        int productsFrom = -1;
        if (mark.find()) {
            int at = mark.start();
            boolean before = mentions.stream().anyMatch(m -> m.end() <= at);
            boolean after = mentions.stream().anyMatch(m -> m.start() >= at);
            productsFrom = before && after ? at : -1;
            mixOnly = mixOnly && productsFrom < 0;
        }
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            boolean beforeMark = productsFrom >= 0 && m.end() <= productsFrom;
            boolean usedInstead = USED_INSTEAD.matcher(d.goal.substring(m.end())).find();
            if (mixOnly || beforeMark || usedInstead || inFromClause(d.goal, m) || transformsIntoNext(d.goal, mentions, i)) {
                starting.add(m);
            } else {
                products.add(m);
            }
            d.coverage.cover(m.start(), m.end());
        }
        for (Mention m : starting) {
            d.startingMaterials.add(new Understanding.TargetReading(shelfFormula(m), m.composition(), m.name(), m.text()));
            d.startingSpans.add(new int[] {m.start(), m.end()});
        }
        if (products.isEmpty()) {
            if (!mixOnly) {
                d.unparsed.add("no target substance could be read from the goal");
            } else {
                d.note("the goal names starting materials only; the product is their heated mixture");
            }
            return;
        }
        List<List<Mention>> groups = group(d.goal, products);
        List<Mention> first = groups.get(0);
        d.target = chooseWithinGroup(d, first);
        for (List<Mention> other : groups.subList(1, groups.size())) {
            Mention m = other.get(0);
            if (!m.sameSubstanceAs(first.get(0))) {
                d.unparsed.add(m.text() + " (another substance; " + d.target.formula() + " is taken as the target)");
            }
        }
    }

    private boolean inFromClause(String goal, Mention m) {
        Matcher from = FROM.matcher(goal);
        while (from.find()) {
            if (from.end() > m.start()) {
                return false;
            }
            Matcher end = CLAUSE_END.matcher(goal);
            int clauseEnd = end.find(from.end()) ? end.start() : goal.length();
            if (m.start() >= from.end() && m.end() <= clauseEnd) {
                return true;
            }
        }
        return false;
    }

    /** "limestone to quicklime": the first is the starting material, the second the product. */
    private static boolean transformsIntoNext(String goal, List<Mention> mentions, int i) {
        if (i + 1 >= mentions.size()) {
            return false;
        }
        String between = goal.substring(mentions.get(i).end(), mentions.get(i + 1).start());
        return TRANSFORM.matcher(between).matches();
    }

    /** Adjacent mentions ("belite (C2S)", "anorthite CaO·Al2O3·2SiO2", "LiMn2O4 spinel") describe one substance. */
    private static List<List<Mention>> group(String goal, List<Mention> mentions) {
        List<List<Mention>> groups = new ArrayList<>();
        List<Mention> current = new ArrayList<>();
        for (Mention m : mentions) {
            if (!current.isEmpty()) {
                String between = goal.substring(current.get(current.size() - 1).end(), m.start());
                if (!GROUP_GLUE.matcher(between).matches()) {
                    groups.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(m);
        }
        groups.add(current);
        return groups;
    }

    /** A reagent as the shelf and the precursor table write it ("Mg(OH)2", not the reduced "MgH2O2"). */
    private String shelfFormula(Mention m) {
        return chemistry.precursor(m.formula()).map(PrecursorOption::formula).orElse(m.formula());
    }

    /** "gahnite (ZnAl2O4)": the words as written end after the bracket the group opened, not inside it. */
    private static int closingBracket(String goal, int start, int end) {
        String text = goal.substring(start, end);
        int open = 0;
        for (char c : text.toCharArray()) {
            open += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
        }
        Matcher close = CLOSING_BRACKET.matcher(goal.substring(end));
        return open > 0 && close.find() ? end + close.end() : end;
    }

    private static Understanding.TargetReading chooseWithinGroup(Draft d, List<Mention> group) {
        // An explicit composition notation (cement "C3A", oxide sum "CaO·Al2O3·2SiO2") states the composition outright
        // and wins; otherwise the first mention is the head ("LiMn2O4 spinel"), and what follows qualifies it.
        Mention chosen = group.stream().filter(m -> "cement".equals(m.notation()) || "oxide".equals(m.notation()))
                .findFirst().orElse(group.get(0));
        String name = group.stream().filter(m -> m.name() != null).map(Mention::name).findFirst().orElse(null);
        for (Mention m : group) {
            if (m != chosen && !m.sameSubstanceAs(chosen)) {
                d.note("\"" + m.text() + "\" (" + m.formula() + ") disagrees with " + chosen.formula() + "; read as a descriptor, "
                        + chosen.formula() + " is the target");
                name = m == group.get(0) ? name : null;
            }
        }
        int start = group.get(0).start();
        int end = closingBracket(d.goal, start, group.get(group.size() - 1).end());
        String writtenAs = d.goal.substring(start, end);
        String targetName = name != null ? name : chosen.name();
        return new Understanding.TargetReading(asWritten(chosen), chosen.composition(), targetName, writtenAs);
    }

    /** An element's amount as written: none, whole (2) or decimal (0.8, .5), as in LiNi0.8Mn0.1Co0.1O2. */
    private static final String AMOUNT = "(?:\\d+(?:\\.\\d+)?|\\.\\d+)?";
    private static final Pattern PLAIN_FORMULA = Pattern.compile("(?:[A-Z][a-z]?" + AMOUNT + ")+");
    private static final Pattern ELEMENT_AMOUNT = Pattern.compile("([A-Z][a-z]?)(" + AMOUNT + ")");

    /**
     * The target's formula in the order the user wrote it when they wrote it plainly and reduced ("ZnAl2O4", "CoAl2O4"),
     * as the name table writes it when they named it ("gahnite", "cobalt blue": ZnAl2O4, CoAl2O4), else the canonical
     * one: the canonical order puts the more electronegative cation last (Al2ZnO4), which is right for identity but not
     * how chemists write spinels. Only the order changes; the composition is the same.
     */
    static String asWritten(Mention m) {
        String text = m.text().strip();
        if ("name".equals(m.notation())) {
            return m.conventionalFormula();
        }
        if (!"formula".equals(m.notation()) || !PLAIN_FORMULA.matcher(text).matches()) {
            return m.formula();
        }
        Map<String, Double> written = new java.util.LinkedHashMap<>();
        Matcher e = ELEMENT_AMOUNT.matcher(text);
        while (e.find()) {
            double amount = e.group(2).isEmpty() ? 1 : Double.parseDouble(e.group(2));
            if (written.put(e.group(1), amount) != null) {
                return m.formula(); // an element written twice (CH3COOH): keep the canonical formula
            }
        }
        return written.equals(m.composition()) ? text : m.formula();
    }
}
