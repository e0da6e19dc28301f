package org.athanor.agent.web.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.journal.JournalSettings;
import org.athanor.agent.web.WebServer;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;

/**
 * What {@code athanor serve} costs over a lab's journal: the runs table, a run's page and its events, cold (the first
 * read, which parses every journaled event) and warm (only new events are read), and how long a journaled event takes
 * to reach a reader of the run's live stream. The journal holds RUNS finished campaigns of EXPERIMENTS experiments,
 * each with the events a real campaign journals (steps, an XRD measurement of 6,501 points, analysis, decisions).
 *
 * <p>{@code ./bench agent --main org.athanor.agent.web.bench.WebFigures [RUNS] [EXPERIMENTS]} (default 50 12).
 */
public final class WebFigures {

    private static final String PLAN = "{\"schemaVersion\":1,\"id\":\"plan-1\",\"goal\":\"Make 2 g of BaTiO3\","
            + "\"target\":{\"formula\":\"BaTiO3\",\"mass\":{\"value\":2.0,\"unit\":\"g\"}},\"steps\":[]}";
    private static final List<String> STEPS = List.of("S1-dispense-1", "S1-dispense-2", "S1-mix", "S1-load", "S1-heat", "S1-to-xrd", "S1-xrd", "S1-analyze");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int experiments = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Path data = Files.createTempDirectory("athanor-web-figures-");
        HttpClient http = HttpClient.newHttpClient();
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.h2(data))) {
            long t0 = System.nanoTime();
            int events = 0;
            for (int r = 1; r <= runs; r++) {
                events += journalCampaign(journal, "run-" + r, experiments);
            }
            System.out.printf(Locale.ROOT, "journal: %d runs, %d events, %.0f MB, written in %.1f s%n", runs, events,
                    Files.size(data.resolve("journal.mv.db")) / 1e6, (System.nanoTime() - t0) / 1e9);
            try (WebServer server = WebServer.start(data, journal, "127.0.0.1", 0)) {
                String base = server.url();
                report("GET /api/runs, cold (every event parsed once)", time(http, base + "api/runs", 1));
                report("GET /api/runs, warm", time(http, base + "api/runs", 50));
                report("GET /api/runs/run-7, warm", time(http, base + "api/runs/run-7", 50));
                report("GET /api/runs/run-8/events (every event of a run)", time(http, base + "api/runs/run-8/events", 10));
                HttpResponse<String> ev = http.send(HttpRequest.newBuilder(URI.create(base + "api/runs/run-8/events")).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.printf(Locale.ROOT, "  one run's events as the web sends them: %.0f kB%n", ev.body().length() / 1e3);
                streamLatency(http, base, journal);
            }
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int journalCampaign(JdbcJournal journal, String run, int experiments) {
        List<EngineEvent> batch = new ArrayList<>();
        Instant t = Instant.parse("2026-01-05T08:00:00Z");
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("kind", "campaign-started");
        started.put("goal", "Make 2 g of BaTiO3, confirm by XRD");
        started.put("strategy", "bo");
        started.put("budget", experiments);
        started.put("targetFraction", 0.95);
        started.put("plan", PLAN);
        batch.add(event(run, null, null, Type.DECISION, t, started));
        double[] twoTheta = IntStream.range(0, 6501).mapToDouble(i -> 10 + i * 0.01).toArray();
        for (int i = 1; i <= experiments; i++) {
            String e = "e" + i;
            Map<String, Object> parameters = Map.of("temperatureC", 900.0 + 25 * i, "holdH", 4.0, "rampCPerMin", 5.0, "atmosphere", "air");
            batch.add(event(run, e, null, Type.DECISION, t, Map.of("kind", "proposed", "index", i, "parameters", parameters)));
            batch.add(event(run, e, null, Type.RUN_STARTED, t, Map.of("dryRun", true)));
            for (String step : STEPS) {
                t = t.plusSeconds(1800);
                batch.add(event(run, e, step, Type.STEP_DISPATCHED, t, Map.of("action", step.replaceAll("S1-|-\\d", ""))));
                batch.add(event(run, e, step, Type.STEP_COMPLETED, t, Map.of()));
            }
            List<Double> x = Arrays.stream(twoTheta).boxed().toList();
            List<Double> y = Arrays.stream(twoTheta).map(v -> 100 + 1000 * Math.exp(-Math.pow(v - 31.5, 2))).boxed().toList();
            batch.add(event(run, e, "S1-xrd", Type.MEASUREMENT, t, Map.of("kind", "xrd", "sample", "S1-" + e, "twoTheta", x, "intensity", y)));
            batch.add(event(run, e, null, Type.RUN_FINISHED, t, Map.of("status", "completed")));
            batch.add(event(run, e, null, Type.ANALYSIS, t, Map.of("kind", "experiment", "index", i, "parameters", parameters,
                    "verdict", "approved", "phases", List.of(Map.of("formula", "BaTiO3", "weightFraction", 0.5 + 0.04 * i)),
                    "targetFraction", Math.min(1.0, 0.5 + 0.04 * i), "rwp", 9.1)));
            batch.add(event(run, e, null, Type.DECISION, t, Map.of("kind", "next", "decision", "continue")));
        }
        batch.add(event(run, null, null, Type.DECISION, t, Map.of("kind", "campaign-stopped", "stopReason", "budget-exhausted", "explanation", "spent")));
        journal.appendAll(batch);
        return batch.size();
    }

    private static EngineEvent event(String run, String experiment, String step, Type type, Instant t, Map<String, Object> data) {
        return new EngineEvent(UUID.randomUUID().toString(), type, t, run, experiment, step, null, data);
    }

    private static double[] time(HttpClient http, String url, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            }
        }
        return ms;
    }

    /** Appends events to a finished run's journal one at a time and times each until a stream reader has it. */
    private static void streamLatency(HttpClient http, String base, JdbcJournal journal) throws Exception {
        journal.append(event("live", null, null, Type.DECISION, Instant.parse("2026-01-05T08:00:00Z"),
                Map.of("kind", "campaign-started", "goal", "live", "plan", PLAN)));
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/runs/live/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(1000);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event: journal")) {
                        arrivals.add(System.nanoTime());
                    }
                }
            } catch (Exception e) {
                // the stream ends when the benchmark does
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        arrivals.poll(10, TimeUnit.SECONDS); // the campaign-started event
        int n = 20;
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long sent = System.nanoTime();
            journal.append(event("live", "e1", "S1-heat", Type.STEP_DISPATCHED, Instant.parse("2026-01-05T09:00:00Z"), Map.of()));
            Long got = arrivals.poll(10, TimeUnit.SECONDS);
            if (got == null) {
                throw new IllegalStateException("the stream did not deliver event " + (i + 1) + " within 10 s");
            }
            ms[i] = (got - sent) / 1e6;
            Thread.sleep(137 * (i % 5)); // appends at different points of the stream's poll
        }
        report("journaled event → live stream reader (poll every 500 ms)", ms);
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-55s n=%-3d median %8.1f ms  p95 %8.1f ms  max %8.1f ms%n", what, s.length,
                s[s.length / 2], s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)], s[s.length - 1]);
    }
}
