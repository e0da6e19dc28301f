package org.athanor.agent.journal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the journal lives. By default an embedded H2 file database in the data directory; a PostgreSQL (or other)
 * database when {@code ATHANOR_JOURNAL_URL} (or the system property {@code athanor.journal.url}) is set, with
 * {@code ATHANOR_JOURNAL_USER} / {@code ATHANOR_JOURNAL_PASSWORD}.
 */
public record JournalSettings(String url, String user, String password) {

    private static final String H2_FILE = "jdbc:h2:file:";

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
        return new JournalSettings(H2_FILE + path + ";WRITE_DELAY=0;AUTO_SERVER=TRUE", "sa", "");
    }

    /** The directory of an H2 file database (by default the data directory); empty for a database on a server. */
    public Optional<Path> fileDirectory() {
        if (!url.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        int semi = url.indexOf(';');
        try {
            return Optional.ofNullable(Path.of(url.substring(H2_FILE.length(), semi < 0 ? url.length() : semi)).toAbsolutePath().getParent());
        } catch (InvalidPathException e) {
            return Optional.empty(); // H2 will say what is wrong with the URL
        }
    }

    /**
     * Creates {@code dir} if need be and checks a file can be written in it; empty when it can, else why not, naming the
     * path. H2 is not to be the one to find out: where it cannot create its database it cannot write its trace file
     * either, and then prints that error and its stack trace to the console (TraceSystem.logWritingError) before
     * throwing. Writing is tried, not inferred from permissions, which do not stop root (and /proc refuses anyway).
     */
    public static Optional<String> unusableDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return Optional.of("the data directory " + dir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            Path existing = dir.toAbsolutePath().getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            String why = existing != null && !Files.isDirectory(existing)
                    ? existing + " is a file, not a directory"
                    : (e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "") + reason(e);
            return Optional.of("the data directory " + dir + " cannot be created: " + why);
        }
        try {
            Files.delete(Files.createTempFile(dir, ".journal-", ".probe"));
        } catch (IOException e) {
            return Optional.of("the data directory " + dir + " is not writable: " + reason(e));
        }
        return Optional.empty();
    }

    /** The operating system's reason alone (the JDK puts only the path in some exceptions' messages). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
