package org.athanor.agent.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.athanor.agent.planner.chemistry.Chemistry;
import org.athanor.agent.planner.goal.GoalReader;
import org.athanor.agent.planner.goal.Understanding;
import org.athanor.agent.planner.recipe.HeatProfileTable;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.agent.planner.recipe.RecipeBuilder;
import org.athanor.agent.planner.recipe.WorkflowAssembler;
import org.athanor.agent.planner.safety.Finding;
import org.athanor.agent.planner.safety.SafetyGate;
import org.athanor.agent.planner.safety.SafetyLoop;
import org.athanor.units.Units;

/**
 * The default planner: deterministic and offline. Reads the goal, builds a first plan from the knowledge tables,
 * puts it through the safety gate with bounded revisions, and approves or refuses.
 */
public final class OfflinePlanner implements Planner {

    /** A number not glued to a formula or a word ("Fe3C", "NMC811" hold no quantity). */
    private static final Pattern STATED_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}.·])\\d");
    private static final Pattern SETTING_WORD = Pattern.compile(
            "\\b(?:crucibles?|boats?|vessels?|laser|wavelength|power|nm|mW|2θ|θ|theta|two-theta|degrees?|atmosphere|gas|flow|"
                    + "excess|ramp|heating|cooling|hold|dwell|soak|mill(?:ing)?|ball-mill(?:ing)?|grind(?:ing)?|"
                    + "without|avoid(?:ing)?|except|excluding|instead)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final GoalReader reader;
    private final RecipeBuilder recipes;
    private final WorkflowAssembler assembler = new WorkflowAssembler();
    private final SafetyLoop loop;
    private final LabProfile lab;

    public OfflinePlanner(Chemistry chemistry, SafetyGate gate, LabProfile lab) {
        this.reader = new GoalReader(chemistry);
        this.recipes = new RecipeBuilder(chemistry, HeatProfileTable.standard());
        this.loop = new SafetyLoop(gate, lab);
        this.lab = lab;
    }

    public GoalReader reader() {
        return reader;
    }

    @Override
    public PlanResult plan(String goal) {
        return plan(reader.read(goal));
    }

    public PlanResult plan(Understanding u) {
        // Which compound a goal that names none means is intent, the language model's to read; this planner asks for it.
        if (u.target() == null && u.startingMaterials().isEmpty() && !GoalReader.isQuestion(u.goal())) {
            List<String> unplaced = unplacedSettings(u);
            return refused(u, new ArrayList<>(u.notes()), List.of(), "no target substance could be read from the goal"
                    + (unplaced.isEmpty() ? "" : " (it also states " + quoted(unplaced) + ", which the planner could not read)")
                    + ". Name the compound to make: a formula (BaTiO3, LiNi0.8Mn0.1Co0.1O2), an oxide sum (Na2O·Al2O3·2SiO2), "
                    + "cement notation (C3S) or a name (barium titanate, gahnite)");
        }
        Optional<PlanResult> refusal = refusedOnItsFace(u);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        List<String> notes = withWordsNotUsed(u);
        RecipeBuilder.Draft draft = recipes.build(u, lab);
        notes.addAll(draft.notes());
        if (draft.plan() == null) {
            return refused(u, notes, List.of(), draft.problem());
        }
        String id = "plan-" + Integer.toHexString(u.goal().hashCode());
        SafetyLoop.Outcome outcome = loop.run(u, draft.plan(), plan -> assembler.assemble(id, u, plan, lab));
        notes.addAll(outcome.revisions());
        if (u.requestedRamp() != null && outcome.plan().rampCPerMin() < u.requestedRamp().celsiusPerMinute()) {
            notes.add("the ramp you asked for (" + u.requestedRamp() + ") was lowered to " + Units.rounded(outcome.plan().rampCPerMin(), 3) + " °C/min");
        }
        if (outcome.report().approved()) {
            return new PlanResult(u.goal(), PlanResult.Verdict.APPROVED, outcome.workflow(), outcome.report().findings(), null, u, notes, "offline");
        }
        List<Finding> errors = outcome.report().findings().stream().filter(Finding::isError).toList();
        if (errors.stream().allMatch(OfflinePlanner::needsOperatorApproval)) {
            // Nothing the planner may change: the gate asks a person to approve a hazardous material. The plan is
            // returned unapproved; the planner never adds approvals itself.
            String reason = "the plan needs an operator's approval before it may run: "
                    + errors.stream().map(Finding::message).distinct().collect(Collectors.joining("; "));
            return new PlanResult(u.goal(), PlanResult.Verdict.REJECTED, outcome.workflow(), outcome.report().findings(), reason, u, notes, "offline");
        }
        String reason = "cannot be made safe within your constraints and the lab's limits; the safety gate forbids it: "
                + errors.stream().map(f -> f.rule() + " (" + f.message() + ")").distinct().collect(Collectors.joining("; "))
                + ". The plan it judged doses " + outcome.plan().doses().stream().map(d -> d.material()).distinct().collect(Collectors.joining(", "))
                + " (" + outcome.plan().crucible() + " crucible, " + outcome.plan().atmosphere().gas() + ", " + outcome.plan().furnace() + ")";
        return refused(u, notes, outcome.report().findings(), reason);
    }

    /**
     * The refusals a goal earns on its face, before any recipe is drawn: a question, a product form a powder firing
     * cannot give, a stated setting the reader could not use, a set temperature above the stated limit. They are
     * decisions about the goal's words, made in code, so the LLM planner applies them too before it asks its model.
     */
    public Optional<PlanResult> refusedOnItsFace(Understanding u) {
        List<String> notes = new ArrayList<>(u.notes());
        if (GoalReader.isQuestion(u.goal())) {
            return Optional.of(refused(u, notes, List.of(), "the goal is a question, not a request to make something; the planner plans "
                    + "experiments and answers no questions. Ask for a synthesis (\"Make 1 g of ... at ... °C\")"));
        }
        // "single" of "single crystal" may be read as a count, so that form is looked for in the whole goal
        Optional<String> form = java.util.stream.Stream.concat(u.unparsed().stream(), SINGLE_CRYSTAL.matcher(u.goal()).results().map(r -> r.group()))
                .map(OfflinePlanner::productFormTheRouteCannotMake).flatMap(Optional::stream).findFirst();
        if (form.isPresent()) {
            return Optional.of(refused(u, notes, List.of(), form.get() + "; the planner plans solid-state firings of mixed powders, which give a "
                    + "polycrystalline powder. Ask for the compound as a powder, or use a route for that form"));
        }
        List<String> unplaced = unplacedSettings(u);
        if (!unplaced.isEmpty()) {
            return Optional.of(refused(u, notes, List.of(), "the goal states " + quoted(unplaced) + ", which the planner could not read or use; "
                    + "a plan without it would not be the one asked for. Rephrase it, or leave it out"));
        }
        if (u.fixedTemperature() != null && u.maxTemperature() != null && u.fixedTemperature().celsius() > u.maxTemperature().celsius()) {
            return Optional.of(refused(u, withWordsNotUsed(u), List.of(), "the requested temperature " + u.fixedTemperature() + " is above the stated limit "
                    + u.maxTemperature()));
        }
        return Optional.empty();
    }

    /** The fragments the reader could not use that state a setting ({@link #statesASetting}). */
    private static List<String> unplacedSettings(Understanding u) {
        return u.unparsed().stream().filter(OfflinePlanner::statesASetting).toList();
    }

    /** The reader's notes and, for each fragment it could not read, that it was not used. */
    private static List<String> withWordsNotUsed(Understanding u) {
        List<String> notes = new ArrayList<>(u.notes());
        u.unparsed().forEach(words -> notes.add("not understood, so not used: \"" + words + "\""));
        return notes;
    }

    /**
     * Whether a fragment the reader could not use states a quantity (a number outside a formula: "250 mW", "2 days",
     * "10"), names a vessel or instrument setting, or excludes something ("without nitrates"). Ignoring one of those changes the experiment, so the planner
     * refuses instead of noting it. Only the goal's own words count, not the reader's explanation in parentheses.
     */
    static boolean statesASetting(String fragment) {
        int explanation = fragment.indexOf(" (");
        String words = explanation > 0 ? fragment.substring(0, explanation) : fragment;
        return STATED_NUMBER.matcher(words).find() || SETTING_WORD.matcher(words).find();
    }

    /**
     * The product forms a powder firing cannot give, named in words the reader did not otherwise use: a glass (melted
     * and quenched), a film or coating (deposited on a substrate), a single crystal (grown from a melt, flux or
     * vapour), nanoparticles, -wires or -sheets (wet chemistry or vapour routes; a solid-state firing coarsens the
     * powder to micrometres) and fibres (drawn or spun).
     */
    static Optional<String> productFormTheRouteCannotMake(String fragment) {
        Matcher m = PRODUCT_FORM.matcher(fragment);
        if (!m.find()) {
            return Optional.empty();
        }
        String word = m.group().toLowerCase(java.util.Locale.ROOT);
        String how = word.startsWith("glass") ? "a glass is made by melting the batch and quenching the melt"
                : word.contains("film") || word.startsWith("coating") ? "a film or coating is deposited on a substrate (sputtering, PLD, sol-gel, CVD)"
                : word.contains("crystal") ? "a single crystal is grown from a melt, a flux or the vapour"
                : word.startsWith("nano") ? "nanoparticles, -wires and -sheets come from wet-chemical or vapour routes; firing coarsens a powder to micrometres"
                : "fibres are drawn from a melt or spun";
        return Optional.of("the goal asks for \"" + m.group() + "\": " + how);
    }

    private static final Pattern SINGLE_CRYSTAL = Pattern.compile("\\bsingle[- ]crystals?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRODUCT_FORM = Pattern.compile(
            "\\b(?:glass(?:es)?|thin[- ]films?|films?|coatings?|single[- ]crystals?|nano(?:particles?|wires?|rods?|sheets?|crystals?|tubes?)|"
                    + "fib(?:re|er)s?)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static String quoted(List<String> fragments) {
        return fragments.stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(", "));
    }

    private static boolean needsOperatorApproval(Finding f) {
        return f.rule().toLowerCase(java.util.Locale.ROOT).contains("approval");
    }

    private static PlanResult refused(Understanding u, List<String> notes, List<Finding> findings, String reason) {
        return new PlanResult(u.goal(), PlanResult.Verdict.REFUSED, null, findings, reason, u, notes, "offline");
    }

}
