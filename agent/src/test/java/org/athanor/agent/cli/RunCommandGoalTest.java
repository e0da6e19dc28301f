package org.athanor.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The goal of `athanor run` may be typed without quotes, as `athanor plan` takes it. */
class RunCommandGoalTest {

    private static String goalOf(String... args) {
        RunCommand command = new RunCommand();
        new CommandLine(command).parseArgs(args);
        return command.goal();
    }

    @Test
    void wordsOfAnUnquotedGoalAreJoinedAsOneGoal() {
        assertThat(goalOf("--dry-run", "--budget", "3", "make", "1", "g", "of", "ZnAl2O4,", "stay", "below", "1200", "°C"))
                .isEqualTo("make 1 g of ZnAl2O4, stay below 1200 °C");
    }

    @Test
    void aQuotedGoalAndOneAfterTheEndOfOptionsAreTakenAsWritten() {
        assertThat(goalOf("--dry-run", "make 2 g of BaTiO3")).isEqualTo("make 2 g of BaTiO3");
        assertThat(goalOf("--dry-run", "--", "-make MgAl2O4")).isEqualTo("-make MgAl2O4");
    }

    @org.junit.jupiter.api.extension.RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void aBlankGoalIsAnsweredInOneLineBeforeAnythingStarts() {
        int code = new CommandLine(new RunCommand()).execute("--dry-run", "--data", "/nonexistent/never-created", "  ");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(console.out()).isEmpty();
        assertThat(console.err()).startsWith("athanor run: no goal given;").hasLineCount(1);
        assertThat(java.nio.file.Path.of("/nonexistent/never-created")).doesNotExist();
    }
}
