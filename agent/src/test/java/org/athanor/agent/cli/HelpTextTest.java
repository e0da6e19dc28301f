package org.athanor.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders cleanly: picocli warns on stderr about a '%' it cannot format, and users see that. */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutPicocliWarnings() {
        List<String> rendered = new ArrayList<>();
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            walk(new CommandLine(new AthanorCommand()), rendered);
        } finally {
            System.setErr(original);
        }
        assertThat(rendered).as("the commands walked").contains("athanor", "athanor stoich", "athanor formula normalize", "athanor run");
        assertThat(err.toString(StandardCharsets.UTF_8)).as("what picocli printed while rendering the help").doesNotContain("WARN");
    }

    private static void walk(CommandLine command, List<String> rendered) {
        String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(usage).as(command.getCommandName()).contains("Usage:");
        rendered.add(command.getCommandSpec().qualifiedName());
        command.getSubcommands().values().forEach(sub -> walk(sub, rendered));
    }
}
