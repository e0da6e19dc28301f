package org.athanor.agent.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.athanor.agent.journal.EventJson;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalFiles;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.JournalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code athanor journal ID}: the run's events in the order they happened. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Print a run's journaled events (one JSON line each with --json).")
public class JournalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The run id.")
    String runId;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $ATHANOR_DATA or ~/.local/share/athanor).")
    Path data;

    @Option(names = "--json", description = "One JSON object per line: {\"type\",\"time\",\"experiment\",\"step\",\"commandId\",...}.")
    boolean json;

    @Override
    public Integer call() {
        Path dir = JournalSettings.dataDirectory(data);
        List<EngineEvent> events;
        try (JdbcJournal journal = JournalFiles.openExisting(dir)) {
            events = journal.events(runId);
            if (events.isEmpty()) {
                System.err.println("athanor journal: no run '" + runId + "' in " + journal.settings().describe()
                        + (journal.runs().isEmpty() ? "" : "; runs: " + String.join(", ", journal.runs())));
                return ExitCodes.USAGE;
            }
        } catch (JournalException e) {
            System.err.println("athanor journal: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        for (EngineEvent e : events) {
            System.out.println(json ? EventJson.line(e) : text(e));
        }
        return ExitCodes.OK;
    }

    private static String text(EngineEvent e) {
        StringBuilder b = new StringBuilder();
        b.append(e.time()).append("  ").append(String.format(Locale.ROOT, "%-22s", e.type().json()));
        if (e.experiment() != null) {
            b.append(" experiment ").append(e.experiment());
        }
        if (e.stepId() != null) {
            b.append(" step ").append(e.stepId());
        }
        String kind = e.text("kind");
        if (kind != null) {
            b.append(" (").append(kind).append(')');
        }
        // What a reader looks for first: why (a pause, a failure, an end), what was decided, how it stopped.
        for (String key : List.of("reason", "decision", "explanation")) {
            String value = e.text(key);
            if (value != null) {
                b.append(": ").append(value);
                break;
            }
        }
        return b.toString();
    }
}
