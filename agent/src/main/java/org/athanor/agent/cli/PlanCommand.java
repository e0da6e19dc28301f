package org.athanor.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.athanor.agent.planner.PlanResult;
import org.athanor.agent.planner.Planner;
import org.athanor.agent.planner.PlanReport;
import org.athanor.agent.planner.Planners;
import org.athanor.workflow.WorkflowJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan a synthesis from a goal in plain words: a workflow the safety gate approves, or a refusal with its reasons.")
public class PlanCommand implements Callable<Integer> {

    @Option(names = "--json", description = "One JSON line per goal: {goal, verdict, workflow, violations, reason, understood}.")
    boolean json;

    @Option(names = "--planner", defaultValue = "offline", description = "offline (default, deterministic) or llm (needs configuration; falls back to offline).")
    String planner;

    @Option(names = "--goals-file", paramLabel = "FILE", description = "Plan every goal in FILE, one per line (blank lines and lines starting with # are skipped).")
    Path goalsFile;

    @Parameters(arity = "0..*", paramLabel = "GOAL", description = "The goal, e.g. \"make 2 g of BaTiO3, confirm by XRD, stay below 1250 °C\".")
    List<String> words = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        List<String> goals;
        try {
            goals = goals();
        } catch (IllegalArgumentException e) {
            err.println("athanor plan: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Planner chosen;
        if ("offline".equals(planner)) {
            chosen = Planners.offline();
        } else if ("llm".equals(planner)) {
            chosen = Planners.llm(err::println);
        } else {
            err.println("athanor plan: --planner must be offline or llm, not '" + planner + "'");
            return ExitCodes.USAGE;
        }
        boolean allApproved = true;
        for (String goal : goals) {
            PlanResult result = chosen.plan(goal);
            allApproved &= result.approved();
            if (json) {
                try {
                    out.println(WorkflowJson.mapper().writeValueAsString(result));
                } catch (JsonProcessingException e) {
                    err.println("athanor plan: cannot write the result as JSON: " + e.getOriginalMessage());
                    return ExitCodes.USAGE;
                }
            } else {
                out.print(PlanReport.readable(result));
                out.println();
            }
            out.flush();
        }
        return allApproved ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    private List<String> goals() {
        List<String> goals = new ArrayList<>();
        if (goalsFile != null) {
            if (!words.isEmpty()) {
                throw new IllegalArgumentException("give either a GOAL or --goals-file, not both");
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(goalsFile, StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IllegalArgumentException(goalsFile + ": no such file");
            } catch (java.nio.charset.MalformedInputException e) {
                throw new IllegalArgumentException(goalsFile + ": not UTF-8 text");
            } catch (IOException e) {
                throw new IllegalArgumentException(goalsFile + ": cannot read: " + e.getMessage());
            }
            for (String line : lines) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    goals.add(line.strip());
                }
            }
            if (goals.isEmpty()) {
                throw new IllegalArgumentException(goalsFile + ": no goals in the file (one goal per line)");
            }
            return goals;
        }
        String goal = String.join(" ", words).strip();
        if (goal.isEmpty()) {
            throw new IllegalArgumentException("no goal given; e.g. athanor plan \"make 2 g of BaTiO3, confirm by XRD\"");
        }
        goals.add(goal);
        return goals;
    }
}
