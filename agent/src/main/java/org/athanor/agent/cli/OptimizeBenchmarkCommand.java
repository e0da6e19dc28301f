package org.athanor.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import org.athanor.agent.optimize.Pool;
import org.athanor.agent.optimize.PoolBenchmark;
import org.athanor.agent.optimize.Strategies;
import org.athanor.agent.optimize.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code athanor optimize benchmark}: judge a strategy on a table of past experiments. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Benchmark a strategy on a table of past experiments: repeated settings are averaged into one candidate, "
                + "columns of mostly text are categorical; counts experiments until the best candidate (and the top 5 %%) is found.")
public class OptimizeBenchmarkCommand implements Callable<Integer> {

    @Option(names = "--pool", required = true, description = "A table with a header row (comma-, semicolon- or tab-separated; "
            + "with ; or tabs a decimal comma is read), or an Olympus data.csv with config.json beside it.")
    Path pool;

    @Option(names = "--params", split = ",", description = "Parameter columns (default: every column but the objective).")
    List<String> params;

    @Option(names = "--objective", description = "Objective column (default: the Olympus measurement, else the last column).")
    String objective;

    @Option(names = "--maximize", description = "Larger objective is better.")
    boolean maximize;

    @Option(names = "--minimize", description = "Smaller objective is better.")
    boolean minimize;

    @Option(names = "--strategy", defaultValue = "bo", description = "bo, random or grid (default ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--repeats", defaultValue = "10", description = "Independent repeats (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first repeat (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try {
            return benchmark();
        } catch (Exception e) {
            // Bad tables are reported by the checks in benchmark(); anything else is a defect, but the user still gets
            // one line, not a stack trace.
            String m = e.getMessage();
            System.err.println("athanor optimize benchmark: " + pool + ": the benchmark failed: " + e.getClass().getSimpleName()
                    + (m == null || m.isBlank() ? "" : ": " + m));
            return ExitCodes.REJECTED;
        }
    }

    int benchmark() throws Exception {
        if (maximize && minimize) {
            System.err.println("athanor optimize benchmark: give --maximize or --minimize, not both");
            return ExitCodes.USAGE;
        }
        if (repeats < 1) {
            System.err.println("athanor optimize benchmark: --repeats must be at least 1, was " + repeats);
            return ExitCodes.USAGE;
        }
        Pool table;
        try {
            table = Pool.load(pool, params, objective, maximize ? Boolean.TRUE : minimize ? Boolean.FALSE : null);
        } catch (Pool.PoolException e) {
            System.err.println("athanor optimize benchmark: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        LongFunction<Strategy> factory = s -> Strategies.create(strategy, table.space(), s);
        try {
            factory.apply(seed);
        } catch (IllegalArgumentException e) {
            System.err.println("athanor optimize benchmark: unknown --strategy '" + strategy + "' (bo, random or grid)");
            return ExitCodes.USAGE;
        }
        PoolBenchmark.Result r = PoolBenchmark.run(table, factory, repeats, seed);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("strategy", r.strategy());
            out.put("candidates", r.candidates());
            out.put("experimentsToBest", r.experimentsToBest());
            out.put("experimentsToTop5pct", r.experimentsToTop5pct());
            out.put("objective", table.objective());
            out.put("goal", table.maximize() ? "maximize" : "minimize");
            out.put("tiesForBest", r.ties());
            out.put("meanExperimentsToBest", r.meanExperimentsToBest());
            out.put("randomExpectationToBest", r.randomExpectationToBest());
            out.put("ratioToRandom", r.ratioToRandom());
            System.out.println(new ObjectMapper().writeValueAsString(out));
        } else {
            System.out.printf(Locale.ROOT, "%s on %s: %d candidates (%s %s, %d tie for best)%n", r.strategy(), pool, r.candidates(),
                    table.maximize() ? "maximize" : "minimize", table.objective(), r.ties());
            System.out.printf(Locale.ROOT, "experiments to the best:   %s (mean %.1f; random search expects %.1f; ratio %.2f)%n",
                    r.experimentsToBest(), r.meanExperimentsToBest(), r.randomExpectationToBest(), r.ratioToRandom());
            System.out.printf(Locale.ROOT, "experiments to the top 5%%: %s (mean %.1f)%n", r.experimentsToTop5pct(), r.meanExperimentsToTop5pct());
        }
        return ExitCodes.OK;
    }
}
