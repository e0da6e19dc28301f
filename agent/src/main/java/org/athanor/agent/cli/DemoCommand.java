package org.athanor.agent.cli;

import picocli.CommandLine.Command;

/** {@code athanor demo}: a closed-loop dry run of the default goal on the simulated lab. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Closed-loop dry run on the simulated lab: plan BaTiO3, vet, run on simulated instruments over OPC UA",
                "and MQTT, analyse XRD, and let Bayesian optimisation choose the next experiment until the target is met."})
public class DemoCommand extends CampaignCommand {

    static final String GOAL = "Make 2 g of phase-pure BaTiO3 from BaCO3 and TiO2, confirm by XRD, stay below 1250 °C";

    @Override
    protected String goal() {
        return GOAL;
    }

    @Override
    protected String name() {
        return "demo";
    }
}
