package org.athanor.agent.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.athanor.agent.campaign.OperatorControl.Action;
import org.athanor.io.AtomicFiles;

/**
 * Starts campaigns for the web as {@code athanor run}, {@code resume} and {@code abort} processes of their own, the same
 * program the command line runs: a campaign survives the web server's restart, and pause, resume, abort and the journal
 * reach it exactly as they reach one started from a terminal. Each process writes what it prints to the run's {@code
 * console.log}. Started in a session of its own (setsid, where there is one) so that Ctrl-C on the server's terminal
 * does not reach the campaigns.
 */
final class CampaignLauncher {

    /** A campaign to start: the {@code athanor run} options the web offers. */
    record Launch(String goal, int budget, String strategy, long seed, Double pace, String runId) {
    }

    /** What the caller got wrong, in words. */
    static final class BadLaunchException extends Exception {
        BadLaunchException(String message) {
            super(message);
        }
    }

    static final int MAX_BUDGET = 200;
    /** The range {@code athanor run --pace} takes (CampaignCommand). */
    static final double MIN_PACE = org.athanor.clock.ScaledClock.MIN_PACE;
    static final double MAX_PACE = org.athanor.clock.ScaledClock.MAX_PACE;
    private static final int MAX_GOAL_CHARS = 2000;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String CONSOLE = "console.log";
    private static final String LAUNCH = "launch.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDirectory;
    private final Optional<List<String>> command;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();

    /**
     * @param command how to start {@code athanor} (java, its options and the application); empty when this process
     *                cannot tell, in which case the web can follow campaigns but not start them
     */
    CampaignLauncher(Path dataDirectory, Optional<List<String>> command) {
        this.dataDirectory = dataDirectory;
        this.command = command;
    }

    /**
     * {@code java -jar quarkus-run.jar}, as this process was started: the packaged application is the one entry on the
     * class path. Empty when it is not (a test or development mode).
     */
    static Optional<List<String>> thisApplication() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> c = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            c.add("/usr/bin/setsid");
        }
        c.addAll(List.of(java, "-jar", Path.of(classPath).toAbsolutePath().toString()));
        return Optional.of(c);
    }

    /** Whether this server can start campaigns (it knows how to start {@code athanor}). */
    boolean canStart() {
        return command.isPresent();
    }

    /** Checks the options, picks the run id and starts {@code athanor run --dry-run}; the run id. */
    synchronized String start(Launch launch, java.util.function.Predicate<String> journaled) throws BadLaunchException, IOException {
        List<String> base = command.orElseThrow(() -> new BadLaunchException(
                "this server cannot start campaigns: it was not started as the packaged application (./athanor serve)"));
        String goal = launch.goal() == null ? "" : launch.goal().strip();
        if (goal.isEmpty()) {
            throw new BadLaunchException("no goal given: say what to make, e.g. \"make 2 g of BaTiO3, confirm by XRD\"");
        }
        if (goal.length() > MAX_GOAL_CHARS) {
            throw new BadLaunchException("the goal is " + goal.length() + " characters long; at most " + MAX_GOAL_CHARS);
        }
        if (launch.budget() < 1 || launch.budget() > MAX_BUDGET) {
            throw new BadLaunchException("budget must be 1 to " + MAX_BUDGET + " experiments, was " + launch.budget());
        }
        if (!launch.strategy().matches("bo|random|grid")) {
            throw new BadLaunchException("strategy must be bo, random or grid, was '" + launch.strategy() + "'");
        }
        if (launch.pace() != null && !(launch.pace() >= MIN_PACE && launch.pace() <= MAX_PACE)) {
            throw new BadLaunchException("pace must be " + MIN_PACE + " to " + (long) MAX_PACE
                    + " simulated seconds per wall second (empty: as fast as practical), was " + launch.pace());
        }
        String id = launch.runId() == null || launch.runId().isBlank() ? newId(journaled) : launch.runId().strip();
        if (!RUN_ID.matcher(id).matches()) {
            throw new BadLaunchException("run id '" + id + "' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (journaled.test(id)) {
            throw new BadLaunchException("run '" + id + "' already exists; choose another run id");
        }
        Files.createDirectories(runDirectory(id).getParent());
        try {
            Files.createDirectory(runDirectory(id)); // taken once: two requests for one run id cannot both start it
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new BadLaunchException("run '" + id + "' already exists; choose another run id");
        }
        List<String> c = new ArrayList<>(base);
        c.addAll(List.of("run", "--dry-run", "--data", dataDirectory.toAbsolutePath().toString(), "--run-id", id,
                "--budget", String.valueOf(launch.budget()), "--strategy", launch.strategy(), "--seed", String.valueOf(launch.seed())));
        if (launch.pace() != null) {
            c.addAll(List.of("--pace", String.valueOf(launch.pace())));
        }
        c.add("--"); // the goal is never read as an option, whatever it starts with
        c.add(goal);
        // What was asked, for the run's page until the campaign journals it (and if it fails before it can).
        AtomicFiles.writeString(runDirectory(id).resolve(LAUNCH), JSON.writeValueAsString(
                new Launch(goal, launch.budget(), launch.strategy(), launch.seed(), launch.pace(), id)) + "\n");
        spawn(id, c);
        return id;
    }

    /** When the web was asked to start this run; empty for a run started elsewhere. */
    Optional<java.time.Instant> launchedAt(String runId) {
        try {
            return Optional.of(Files.getLastModifiedTime(runDirectory(runId).resolve(LAUNCH)).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What the web was asked to start as this run; empty for a run started elsewhere. */
    Optional<Launch> launched(String runId) {
        try {
            return Optional.of(JSON.readValue(runDirectory(runId).resolve(LAUNCH).toFile(), Launch.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts {@code athanor resume ID} or {@code athanor abort ID} for a run that no process drives: the new process
     * takes the run up from its journal and journals who asked ({@code operator}) and why.
     */
    void takeUp(String runId, Action action, String reason, String operator) throws BadLaunchException, IOException {
        List<String> c = new ArrayList<>(command.orElseThrow(() -> new BadLaunchException(
                "this server cannot " + action.json() + " campaigns: it was not started as the packaged application "
                        + "(./athanor serve); run 'athanor " + action.json() + " " + runId + "'")));
        // name=value: a reason that starts with '-' or '@' is never read as an option or an argument file
        c.addAll(List.of(action.json(), "--data", dataDirectory.toAbsolutePath().toString(), "--reason=" + reason,
                "--operator=" + operator, "--", runId));
        spawn(runId, c);
    }

    private void spawn(String runId, List<String> c) throws IOException {
        Path dir = runDirectory(runId);
        Files.createDirectories(dir);
        File console = dir.resolve(CONSOLE).toFile();
        Process p = new ProcessBuilder(c)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        processes.put(runId, p);
    }

    /** Whether a process this server started for the run is still going (it may not yet have taken the run). */
    boolean launching(String runId) {
        Process p = processes.get(runId);
        return p != null && p.isAlive();
    }

    /** The processes this server started that are still going. */
    List<ProcessHandle> running() {
        return processes.values().stream().filter(Process::isAlive).map(Process::toHandle).toList();
    }

    /** The last lines the run's process printed, when the web started it. */
    Optional<String> consoleTail(String runId) {
        Path file = runDirectory(runId).resolve(CONSOLE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int n = (int) Math.min(length, 4000);
            byte[] tail = new byte[n];
            f.seek(length - n);
            f.readFully(tail);
            String text = new String(tail, StandardCharsets.UTF_8);
            List<String> lines = List.of(text.split("\n"));
            return Optional.of(String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path runDirectory(String runId) {
        return dataDirectory.resolve("runs").resolve(runId);
    }

    private String newId(java.util.function.Predicate<String> journaled) {
        String stem = "web-" + LocalDateTime.now().format(STAMP);
        String id = stem;
        for (int i = 2; Files.exists(runDirectory(id)) || journaled.test(id); i++) {
            id = stem + "-" + i;
        }
        return id;
    }
}
