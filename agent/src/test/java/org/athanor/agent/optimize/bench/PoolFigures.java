package org.athanor.agent.optimize.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.athanor.agent.optimize.BayesianOptimisation;
import org.athanor.agent.optimize.Pool;
import org.athanor.agent.optimize.PoolBenchmark;
import org.athanor.agent.optimize.RandomStrategy;

/**
 * The pool figures of the report: mean experiments to the best candidate, BO vs random search's expectation
 * (N+1)/(t+1), on the optimiser fixtures. Run: {@code ./bench agent} classpath, main class this one; args: repeats seed.
 */
public final class PoolFigures {

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        String[][] pools = {
            {"olympus/suzuki/data.csv", null},
            {"olympus/crossed_barrel/data.csv", null},
            {"pvlab/AgNP_dataset.csv", "min"},
        };
        for (String[] p : pools) {
            Path file = Path.of(PoolFigures.class.getResource("/optimizer/" + p[0]).toURI());
            Pool pool = Pool.load(file, null, null, p[1] == null ? null : Boolean.FALSE);
            long t0 = System.nanoTime();
            PoolBenchmark.Result bo = PoolBenchmark.run(pool, s -> new BayesianOptimisation(pool.space(), s), repeats, seed);
            double seconds = (System.nanoTime() - t0) / 1e9;
            PoolBenchmark.Result random = PoolBenchmark.run(pool, s -> new RandomStrategy(pool.space(), s), repeats, seed);
            System.out.printf(Locale.ROOT, "%-32s N=%4d t=%d  BO mean %.1f %s  random mean %.1f  expectation %.1f  BO/expectation %.2f  (BO %.1f s)%n",
                    p[0], pool.candidates().size(), pool.ties(), bo.meanExperimentsToBest(), bo.experimentsToBest(),
                    random.meanExperimentsToBest(), pool.randomExpectationToBest(), bo.ratioToRandom(), seconds);
        }
    }
}
