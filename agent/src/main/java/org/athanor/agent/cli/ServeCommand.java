package org.athanor.agent.cli;

import io.quarkus.runtime.Quarkus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.agent.web.WebServer;
import org.athanor.engine.JournalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code athanor serve}: the web UI and HTTP API over the lab's data directory, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the web UI and HTTP API: plan and vet a goal, start dry-run campaigns, follow them live, "
                + "pause, resume and abort them. Campaigns run in processes of their own and go on when the server stops.")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $ATHANOR_DATA or ~/.local/share/athanor).")
    Path data;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; "
            + "0.0.0.0 opens it to the network, and the server has no logins).")
    String host = "127.0.0.1";

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            System.err.println("athanor serve: --port must be 0 to 65535, was " + port);
            return ExitCodes.USAGE;
        }
        Path dir = JournalSettings.dataDirectory(data);
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.resolve(dir));
             WebServer server = WebServer.start(dir, journal, host, port)) {
            System.out.println("athanor serve: " + server.url() + " (data in " + dir + ")");
            System.out.println("athanor serve: Ctrl-C stops the server; campaigns it started go on, and a server started "
                    + "again on the same data shows them");
            System.out.flush();
            Quarkus.waitForExit();
            return ExitCodes.OK;
        } catch (JournalException e) {
            System.err.println("athanor serve: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (WebServer.CannotListenException e) {
            System.err.println("athanor serve: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
