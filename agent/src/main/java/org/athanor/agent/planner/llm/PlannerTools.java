package org.athanor.agent.planner.llm;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.athanor.agent.planner.chemistry.Chemistry;
import org.athanor.agent.planner.chemistry.PrecursorOption;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.agent.planner.recipe.PrecursorChooser;
import org.athanor.agent.planner.safety.SafetyGate;
import org.athanor.units.Units;
import org.athanor.workflow.WorkflowException;
import org.athanor.workflow.WorkflowJson;

/** Tools the model may call: thin adapters over the deterministic core. Every answer is text the model can read. */
public final class PlannerTools {

    private final Chemistry chemistry;
    private final LabProfile lab;
    private final SafetyGate gate;

    public PlannerTools(Chemistry chemistry, LabProfile lab, SafetyGate gate) {
        this.chemistry = chemistry;
        this.lab = lab;
        this.gate = gate;
    }

    @Tool("Normalise a chemical formula, oxide sum, cement notation or material name to its reduced formula and composition")
    public String normaliseFormula(@P("the formula or name as written") String text) {
        return chemistry.read(text).map(m -> m.formula() + " " + m.composition()).orElse("not understood: " + text);
    }

    @Tool("List the lab's instruments, furnace limits and crucible materials")
    public String listInstruments() {
        return LabDescription.of(lab);
    }

    @Tool("List precursors the lab offers for one element")
    public String listPrecursors(@P("element symbol, e.g. Ba") String element) {
        List<PrecursorOption> options = chemistry.precursorsFor(element).stream().filter(p -> lab.stocks(p.formula())).toList();
        return options.isEmpty() ? "none for " + element : options.stream().map(PrecursorOption::formula).collect(Collectors.joining(", "));
    }

    @Tool("Compute precursor masses in grams for a product mass, by stoichiometry")
    public String computeMasses(@P("target formula") String target, @P("product mass in grams") double grams,
                                @P("precursor formulas") List<String> precursors) {
        var t = chemistry.read(target);
        if (t.isEmpty()) {
            return "target not understood: " + target;
        }
        PrecursorChooser chooser = new PrecursorChooser(chemistry);
        var choice = chooser.choose(t.get().composition(), precursors, lab, false);
        if (!choice.uncovered().isEmpty()) {
            return "no precursor supplies " + choice.uncovered();
        }
        List<String> notes = new java.util.ArrayList<>();
        return chooser.masses(t.get().composition(), grams, choice, Map.of(), notes).stream()
                .map(d -> d.material() + " " + Units.format(Math.round(d.grams() * 1e4) / 1e4) + " g")
                .collect(Collectors.joining(", ")) + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    }

    @Tool("Vet a workflow (schema v1 JSON) with the lab's safety gate")
    public String vetWorkflow(@P("workflow JSON") String workflowJson) {
        try {
            var report = gate.vet(WorkflowJson.read(workflowJson, "proposal"));
            return (report.approved() ? "approved" : "rejected") + report.findings().stream()
                    .map(f -> "\n" + f.severity() + " " + f.rule() + ": " + f.message()).collect(Collectors.joining());
        } catch (WorkflowException e) {
            return "not a valid workflow: " + e.getMessage();
        }
    }
}
