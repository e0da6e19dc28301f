package org.athanor.agent.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.athanor.agent.campaign.CampaignReport;
import org.athanor.agent.campaign.CampaignRunner;
import org.athanor.agent.campaign.InterruptNotice;
import org.athanor.agent.campaign.ReportPrinter;
import org.athanor.agent.campaign.StopRules;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.agent.lab.PhaseLibraries;
import org.athanor.agent.planner.Planners;
import org.athanor.clock.ScaledClock;
import org.athanor.engine.JournalException;
import picocli.CommandLine.Option;

/** What {@code demo} and {@code run} share: the campaign options, the run itself, the report and the exit code. */
abstract class CampaignCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the simulated lab and the optimiser (default: ${DEFAULT-VALUE}).")
    long seed = 7;

    @Option(names = "--budget", paramLabel = "N", description = "At most N experiments (default: ${DEFAULT-VALUE}).")
    int budget = 12;

    @Option(names = "--strategy", paramLabel = "bo|random|grid", description = "How to choose the next experiment (default: ${DEFAULT-VALUE}).")
    String strategy = "bo";

    @Option(names = "--data", paramLabel = "DIR", description = "Where the journal, plots and audit log go (default: $ATHANOR_DATA or ~/.local/share/athanor).")
    Path data;

    @Option(names = "--run-id", paramLabel = "ID", description = "The run's id (default: a new one).")
    String runId;

    @Option(names = "--pace", paramLabel = "X", description = "Simulated-clock seconds per wall second (default: as fast as practical).")
    Double pace;

    @Option(names = "--batch", paramLabel = "N", description = "Experiments run side by side (default: one per furnace that can take the plan's heat step; 1 = one after another).")
    Integer batch;

    @Option(names = "--target-fraction", paramLabel = "F", description = "Stop when the target phase reaches this weight fraction (default: ${DEFAULT-VALUE}).")
    double targetFraction = 0.95;

    @Option(names = "--patience", paramLabel = "N", description = "Stop after N experiments without a gain of 1 %% (default: ${DEFAULT-VALUE}).")
    int patience = StopRules.DEFAULT.patience();

    protected abstract String goal();

    protected abstract String name();

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (budget < 1) {
            err.println("athanor " + name() + ": --budget must be at least 1, was " + budget);
            return ExitCodes.USAGE;
        }
        if (pace != null && !(pace >= ScaledClock.MIN_PACE && pace <= ScaledClock.MAX_PACE)) {
            err.println("athanor " + name() + ": --pace must be " + ScaledClock.MIN_PACE + " to " + (long) ScaledClock.MAX_PACE
                    + " simulated seconds per wall second, was " + pace);
            return ExitCodes.USAGE;
        }
        if (batch != null && batch < 1) {
            err.println("athanor " + name() + ": --batch must be at least 1 experiment, was " + batch);
            return ExitCodes.USAGE;
        }
        if (!strategy.matches("bo|random|grid")) {
            err.println("athanor " + name() + ": --strategy must be bo, random or grid, was '" + strategy + "'");
            return ExitCodes.USAGE;
        }
        if (!(targetFraction > 0 && targetFraction <= 1)) {
            err.println("athanor " + name() + ": --target-fraction must be in (0, 1], was " + targetFraction);
            return ExitCodes.USAGE;
        }
        if (patience < 1) {
            err.println("athanor " + name() + ": --patience must be at least 1, was " + patience);
            return ExitCodes.USAGE;
        }
        Path dir = JournalSettings.dataDirectory(data);
        String id = runId != null ? runId : "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        StopRules base = StopRules.DEFAULT.withBudget(budget).withTargetFraction(targetFraction);
        StopRules rules = new StopRules(base.budget(), base.targetFraction(), patience, base.minImprovement());
        long started = System.nanoTime();
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.resolve(dir))) {
            if (!journal.events(id).isEmpty()) {
                err.println("athanor " + name() + ": run '" + id + "' already exists in " + journal.settings().describe()
                        + "; use 'athanor resume " + id + "' or another --run-id");
                return ExitCodes.USAGE;
            }
            err.println("athanor " + name() + ": run " + id + ", data in " + dir);
            var runner = new CampaignRunner(Planners.offline(), PhaseLibraries.forSimulatedLab(), journal);
            CampaignReport report;
            try (var notice = new InterruptNotice(name(), id, err)) {
                report = runner.run(new CampaignRunner.Settings(goal(), seed, rules, strategy, pace, dir, id, batch),
                        line -> err.println("  " + line),
                        e -> err.println("  " + ReportPrinter.progressLine(e)));
            }
            out.println(json ? ReportPrinter.json(report) : ReportPrinter.text(report));
            err.printf(java.util.Locale.ROOT, "athanor %s: finished in %.1f s of wall time%n", name(), (System.nanoTime() - started) / 1e9);
            return "aborted".equals(report.stopReason()) ? ExitCodes.REJECTED : ExitCodes.OK;
        } catch (CampaignRunner.PlanRefusedException e) {
            err.println("athanor " + name() + ": the goal was not planned: " + e.getMessage());
            e.plan().violations().forEach(v -> err.println("  - " + v.describe()));
            return ExitCodes.REJECTED;
        } catch (JournalException e) {
            err.println("athanor " + name() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (Exception e) {
            err.println("athanor " + name() + ": the campaign stopped: " + describe(e));
            return ExitCodes.REJECTED;
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
