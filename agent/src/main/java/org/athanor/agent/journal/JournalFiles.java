package org.athanor.agent.journal;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opening a run's journal for the commands that read an existing one (they must not create an empty database). */
public final class JournalFiles {

    private JournalFiles() {
    }

    /** Opens the configured journal; for the default H2 file, only if it exists in {@code dataDirectory}. */
    public static JdbcJournal openExisting(Path dataDirectory) {
        JournalSettings settings = JournalSettings.resolve(dataDirectory);
        if (settings.vendor().equals("h2") && settings.url().startsWith("jdbc:h2:file:")
                && !Files.exists(dataDirectory.resolve("journal.mv.db"))) {
            throw new org.athanor.engine.JournalException("no journal in " + dataDirectory + " (give --data DIR, or set ATHANOR_DATA)", null);
        }
        return JdbcJournal.open(settings);
    }
}
