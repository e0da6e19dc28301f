package org.athanor.agent.campaign;

import java.util.Map;
import org.athanor.agent.planner.PlanResult;
import org.athanor.agent.planner.Planners;
import org.athanor.agent.planner.recipe.LabProfile;
import org.athanor.instruments.config.LabConfig;
import org.athanor.safety.Gate;
import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Action;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.approval.ApprovalTokens;

/**
 * A campaign's set-up without a lab, as {@link CampaignRunner} builds it: the offline planner's approved plan, the
 * search box the goal, the default lab and the real gate allow, the batch size the lab's furnaces give, and the
 * campaign's proposer (the shared start, then the strategy). For benchmarks that run campaigns on the world alone.
 */
public final class WorldCampaigns {

    public record Setup(Workflow plan, ExperimentDesign design, int batch) {
        public CampaignLoop.Proposer proposer(String strategy, long seed) {
            return proposer(strategy, seed, design.startingPoint(plan));
        }

        /** With Bayesian optimisation believing {@code belief} instead of the planner's recipe (a wrong table, say). */
        public CampaignLoop.Proposer proposer(String strategy, long seed, Map<String, Object> belief) {
            return new CampaignRunner.StrategyProposer(CampaignRunner.strategy(strategy, CampaignRunner.space(design), seed, belief), design, plan);
        }

        public Workflow workflow(int index, Map<String, Object> parameters) {
            return design.apply(plan, "world", index, parameters);
        }

        public Map<String, Object> start() {
            return design.economicalStart(plan);
        }

        public String describe() {
            return CampaignRunner.describe(design);
        }

        /**
         * The same campaign over a wider box: temperature from {@code lowestC} (the box's top kept) and hold up to
         * {@code longestH}, nearer the lab's own limits than the knowledge-bounded box. For asking how the strategies
         * compare when more of the box misses; the shared start stays the same recipe.
         */
        public Setup widened(double lowestC, double longestH) {
            ExperimentDesign.Range t = design.temperatureC().min() == design.temperatureC().max() ? design.temperatureC()
                    : new ExperimentDesign.Range(Math.min(lowestC, design.temperatureC().min()), design.temperatureC().max());
            ExperimentDesign.Range h = design.holdH().min() == design.holdH().max() ? design.holdH()
                    : new ExperimentDesign.Range(design.holdH().min(), Math.max(longestH, design.holdH().max()));
            return new Setup(plan, new ExperimentDesign(t, h, design.ramp(), design.excessPercent(), design.excessElement(),
                    design.atmospheres(), design.precursors(), design.furnaces()), batch);
        }
    }

    public static Setup setup(String goal) {
        PlanResult plan = Planners.offline().plan(goal);
        if (!plan.approved()) {
            throw new IllegalArgumentException("the plan for '" + goal + "' was not approved: " + plan.reason());
        }
        Workflow workflow = plan.workflow();
        LabState state = LabState.defaultSimulatedLab();
        Gate gate = Gate.standard(new ApprovalTokens(new byte[32]), entry -> { });
        ExperimentDesign design = DesignBounds.of(workflow, LabProfile.of(state), CampaignRunner.fixedByGoal(plan),
                w -> gate.vet(w, state).approved());
        String furnace = workflow.stepsOf(Action.HEAT).get(0).instrument();
        return new Setup(workflow, design, ParallelFurnaces.of(LabConfig.defaultLab(), furnace).size());
    }

    private WorldCampaigns() {
    }
}
