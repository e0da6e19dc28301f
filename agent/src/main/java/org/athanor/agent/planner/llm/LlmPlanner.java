package org.athanor.agent.planner.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.athanor.agent.planner.OfflinePlanner;
import org.athanor.agent.planner.PlanResult;
import org.athanor.agent.planner.Planner;
import org.athanor.agent.planner.chemistry.Chemistry;
import org.athanor.agent.planner.goal.GoalReader;
import org.athanor.agent.planner.goal.Understanding;
import org.athanor.agent.planner.recipe.Dose;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.agent.planner.recipe.PrecursorChooser;
import org.athanor.agent.planner.recipe.RecipeBuilder;
import org.athanor.agent.planner.recipe.SynthesisPlan;
import org.athanor.agent.planner.recipe.WorkflowAssembler;
import org.athanor.agent.planner.safety.GateReport;
import org.athanor.agent.planner.safety.SafetyGate;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.Workflow;

/**
 * The LLM planner: the model proposes, code checks. A goal refused on its face (a question, a product form a powder
 * firing cannot give, a setting the reader could not use) is refused as the offline planner refuses it, without asking
 * the model. Each proposal is checked for hallucinated instruments and
 * materials and for the goal's own limits, assembled by code (masses by stoichiometry) and vetted by the gate. Problems
 * go back to the model as feedback, at most {@code maxAttempts} times; then the offline planner answers instead, and
 * the result says so.
 */
public final class LlmPlanner implements Planner {

    private final WorkflowProposer proposer;
    private final OfflinePlanner fallback;
    private final GoalReader reader;
    private final Chemistry chemistry;
    private final SafetyGate gate;
    private final LabProfile lab;
    private final int maxAttempts;
    private final WorkflowAssembler assembler = new WorkflowAssembler();

    public LlmPlanner(WorkflowProposer proposer, OfflinePlanner fallback, Chemistry chemistry, SafetyGate gate, LabProfile lab, int maxAttempts) {
        this.proposer = proposer;
        this.fallback = fallback;
        this.reader = fallback.reader();
        this.chemistry = chemistry;
        this.gate = gate;
        this.lab = lab;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public PlanResult plan(String goal) {
        Understanding u = reader.read(goal);
        // What the goal's words alone decide (a question, a glass, a setting nobody could read) is not the model's to answer.
        var refusal = fallback.refusedOnItsFace(u);
        if (refusal.isPresent()) {
            PlanResult r = refusal.get();
            return new PlanResult(goal, r.verdict(), null, r.violations(), r.reason(), u, r.notes(), "llm");
        }
        List<String> attempts = new ArrayList<>();
        String feedback = "";
        GateReport lastReport = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            WorkflowProposal proposal;
            try {
                proposal = proposer.propose(goal, LabDescription.of(lab), feedback);
            } catch (RuntimeException e) {
                String why = "the answer could not be read as a WorkflowProposal JSON object (" + firstLine(e) + ")";
                attempts.add("attempt " + attempt + ": " + why);
                feedback = "Your previous answer was rejected: " + why + ". Answer with the JSON object only.";
                continue;
            }
            List<String> problems = ProposalCheck.problems(proposal, u, lab, chemistry);
            List<String> amountNotes = new ArrayList<>();
            SynthesisPlan plan = problems.isEmpty() ? toPlan(proposal, u, problems, amountNotes) : null;
            if (plan == null) {
                attempts.add("attempt " + attempt + ": " + String.join("; ", problems));
                feedback = "Your previous proposal was rejected: " + String.join("; ", problems) + ". Propose again.";
                continue;
            }
            // The amounts are the goal's, not the model's: held to the same limits as the offline planner's plans.
            RecipeBuilder.Draft fitted = RecipeBuilder.fitted(plan, u, lab, amountNotes);
            if (fitted.problem() != null) {
                List<String> notes = new ArrayList<>(u.notes());
                notes.addAll(attempts);
                notes.addAll(amountNotes);
                return new PlanResult(goal, PlanResult.Verdict.REFUSED, null, List.of(), fitted.problem(), u, notes, "llm");
            }
            plan = fitted.plan();
            Workflow workflow = assembler.assemble("llm-" + Integer.toHexString(goal.hashCode()), u, plan, lab);
            GateReport report = gate.vet(workflow);
            lastReport = report;
            if (report.approved()) {
                List<String> notes = new ArrayList<>(u.notes());
                notes.addAll(attempts);
                notes.addAll(amountNotes);
                notes.add("proposed by the language model on attempt " + attempt + "; masses " + (u.startingMasses().isEmpty() ? "computed by stoichiometry"
                        : "as the goal gives them, the others by stoichiometry") + "; approved by the safety gate");
                return new PlanResult(goal, PlanResult.Verdict.APPROVED, workflow, report.findings(), null, u, notes, "llm");
            }
            String violations = report.findings().stream().filter(f -> f.isError()).map(f -> f.rule() + ": " + f.message()).collect(Collectors.joining("; "));
            attempts.add("attempt " + attempt + ": safety gate rejected it: " + violations);
            feedback = "The safety gate rejected your previous proposal: " + violations + ". Propose a safe plan within the goal's limits.";
        }
        PlanResult offline = fallback.plan(u);
        List<String> notes = new ArrayList<>();
        notes.add("the language model gave no acceptable plan in " + maxAttempts + " attempts; the offline planner answered instead");
        notes.addAll(attempts);
        notes.addAll(offline.notes());
        return new PlanResult(goal, offline.verdict(), offline.workflow(), offline.violations(), offline.reason(), u, notes, "offline (llm fallback)");
    }

    private SynthesisPlan toPlan(WorkflowProposal p, Understanding u, List<String> problems, List<String> notes) {
        var target = chemistry.read(p.targetFormula()).orElseThrow();
        PrecursorChooser chooser = new PrecursorChooser(chemistry);
        var choice = chooser.choose(target.composition(), p.precursors(), lab, false);
        if (!choice.uncovered().isEmpty() || choice.precursors().size() != p.precursors().size()) {
            problems.add("the precursors " + String.join(", ", p.precursors()) + " do not supply exactly the target's elements"
                    + (choice.uncovered().isEmpty() ? "" : "; missing " + String.join(", ", choice.uncovered())));
            return null;
        }
        double grams = u.productMass() != null ? u.productMass().grams() : p.productMassGrams() != null ? p.productMassGrams() : 1.0;
        if (!(grams > 0)) {
            problems.add("the product mass must be more than 0 g");
            return null;
        }
        List<Dose> doses = chooser.masses(target.composition(), grams, choice, u.excess(), new ArrayList<>());
        if (!u.startingMasses().isEmpty()) {
            PrecursorChooser.GivenMasses given = chooser.givenMasses(u, target.composition(), target.formula(), grams, choice, doses, notes);
            if (given.problem() != null) {
                problems.add(given.problem());
                return null;
            }
            grams = given.productGrams();
            doses = given.doses();
        }
        int batches = u.batchCount();
        double total = grams;
        doses = doses.stream().map(d -> new Dose(d.material(), d.grams() / batches)).toList();
        boolean xrd = p.characterization() == null || p.characterization().contains("xrd") || u.wantsXrd();
        boolean raman = (p.characterization() != null && p.characterization().contains("raman")) || u.wantsRaman();
        Atmosphere atmosphere = u.atmosphere() != null ? u.atmosphere() : new Atmosphere(p.atmosphere(), p.h2Percent(), null);
        // The goal's target as the goal reader wrote it (ZnAl2O4 for "gahnite"); the check made sure it is the same substance.
        String formula = u.target() != null ? u.target().formula() : target.formula();
        String name = u.target() != null ? u.target().name() : target.name();
        return new SynthesisPlan(formula, name, target.composition(), total / batches, doses, batches, p.furnace(), p.crucible(),
                atmosphere, p.temperatureC(), p.rampCPerMin(), p.holdHours(), xrd, raman, "proposed by the language model");
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.lines().findFirst().orElse(m);
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
