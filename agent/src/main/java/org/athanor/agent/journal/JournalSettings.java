package org.athanor.agent.journal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the journal lives. By default an embedded H2 file database in the data directory; a PostgreSQL (or other)
 * database when {@code ATHANOR_JOURNAL_URL} (or the system property {@code athanor.journal.url}) is set, with
 * {@code ATHANOR_JOURNAL_USER} / {@code ATHANOR_JOURNAL_PASSWORD}.
 */
public record JournalSettings(String url, String user, String password) {

    /** The data directory: {@code --data}, else {@code $ATHANOR_DATA}, else {@code ~/.local/share/athanor}. */
    public static Path dataDirectory(Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv("ATHANOR_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "athanor");
    }

    /** The configured database, or the H2 file in {@code dataDirectory}. */
    public static JournalSettings resolve(Path dataDirectory) {
        String url = setting("ATHANOR_JOURNAL_URL", "athanor.journal.url");
        if (url != null) {
            return new JournalSettings(url, setting("ATHANOR_JOURNAL_USER", "athanor.journal.user"),
                    setting("ATHANOR_JOURNAL_PASSWORD", "athanor.journal.password"));
        }
        return h2(dataDirectory);
    }

    /**
     * An H2 file database {@code journal.mv.db} in {@code dir}. WRITE_DELAY=0 writes each commit to the file at once
     * (H2's default delays up to 500 ms, which a kill -9 would lose); AUTO_SERVER lets {@code athanor journal} read
     * while a run holds the file.
     */
    public static JournalSettings h2(Path dir) {
        String path = dir.toAbsolutePath().resolve("journal").toString();
        return new JournalSettings("jdbc:h2:file:" + path + ";WRITE_DELAY=0;AUTO_SERVER=TRUE", "sa", "");
    }

    /** The migration folder for this database ({@code h2}, {@code postgresql}). */
    public String vendor() {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new IllegalArgumentException("journal database '" + url + "' is not supported (H2 or PostgreSQL)");
    }

    /** The URL without credentials or options, for messages. */
    public String describe() {
        int semi = url.indexOf(';');
        int q = url.indexOf('?');
        int cut = semi < 0 ? q : q < 0 ? semi : Math.min(semi, q);
        return cut < 0 ? url : url.substring(0, cut);
    }

    private static String setting(String env, String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v;
    }
}
