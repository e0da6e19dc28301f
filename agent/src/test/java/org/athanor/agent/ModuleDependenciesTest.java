package org.athanor.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point inward: workflows depends on no other module, nothing depends on agent, and the simulated lab
 * is only reached by the agent (drivers cannot tell it from hardware). Maven enforces the module graph; this keeps
 * the package graph honest too.
 */
@AnalyzeClasses(packages = "org.athanor", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependenciesTest {

    private static final String[] WORKFLOWS = {
        "org.athanor.workflow..", "org.athanor.units..", "org.athanor.clock..",
        "org.athanor.materials..", "org.athanor.crystal..", "org.athanor.engine.."
    };

    @ArchTest
    static final ArchRule workflowsDependsOnNoOtherModule = noClasses()
            .that().resideInAnyPackage(WORKFLOWS)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.athanor.safety..", "org.athanor.instruments..", "org.athanor.simulators..", "org.athanor.agent..");

    @ArchTest
    static final ArchRule safetyRulesDependOnlyOnWorkflows = noClasses()
            .that().resideInAPackage("org.athanor.safety..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.athanor.instruments..", "org.athanor.simulators..", "org.athanor.agent..");

    @ArchTest
    static final ArchRule instrumentsDoNotKnowTheSimulatorsOrTheAgent = noClasses()
            .that().resideInAPackage("org.athanor.instruments..")
            .should().dependOnClassesThat().resideInAnyPackage("org.athanor.simulators..", "org.athanor.agent..", "org.athanor.safety..");

    @ArchTest
    static final ArchRule nothingDependsOnTheAgent = noClasses()
            .that().resideOutsideOfPackage("org.athanor.agent..")
            .should().dependOnClassesThat().resideInAPackage("org.athanor.agent..");
}
