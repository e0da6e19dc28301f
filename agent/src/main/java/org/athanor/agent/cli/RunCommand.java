package org.athanor.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code athanor run GOAL}: a closed-loop campaign for any goal. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a closed-loop campaign for GOAL (plan, vet, run, analyse, decide) and print the report.")
public class RunCommand extends CampaignCommand {

    @Parameters(arity = "1..*", paramLabel = "GOAL",
            description = "The design goal in plain words, quoted or not (e.g. make 2 g of BaTiO3, confirm by XRD).")
    java.util.List<String> words;

    @Option(names = "--dry-run", description = "Run on the simulated lab (the only lab configured in this version).")
    boolean dryRun;

    @Override
    protected String goal() {
        return String.join(" ", words);
    }

    @Override
    protected String name() {
        return "run";
    }

    @Override
    public Integer call() {
        if (goal().isBlank()) {
            System.err.println("athanor run: no goal given; e.g. athanor run --dry-run \"make 2 g of BaTiO3, confirm by XRD\"");
            return ExitCodes.USAGE;
        }
        if (!dryRun) {
            System.err.println("athanor run: no hardware lab is configured; add --dry-run to run on the simulated lab");
            return ExitCodes.USAGE;
        }
        return super.call();
    }
}
