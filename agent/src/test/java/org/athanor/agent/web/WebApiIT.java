package org.athanor.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.athanor.agent.campaign.AthanorProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code athanor serve} as a process on a real port, driven over HTTP: it plans, starts dry-run campaigns as processes
 * of their own, streams their journals as Server-Sent Events, pauses, resumes (a live run, and one whose process was
 * killed) and aborts them (a starting run, and one whose process was killed), removes a run that failed before it
 * journaled anything, and answers bad requests with a JSON error in words.
 */
class WebApiIT {

    private static final String SLOW_GOAL = "Make 2 g of MgAl2O4 spinel below 1300 °C, confirm by XRD";
    private static final long WAIT_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final AthanorProcesses processes = new AthanorProcesses(() -> dir);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    private record Answer(int status, Object body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }
    }

    @Test
    void theServerPlansStartsFollowsAndControlsCampaigns() throws Exception {
        Path data = dir.resolve("data");
        Process serve = processes.start("serve", "serve", "--data", data.toString(), "--port", "0");
        base = awaitValue(() -> url(serve), "the server's address on its first line");
        assertThat(get("/api/lab").map()).containsEntry("runs", 0).containsEntry("canStartRuns", true).containsEntry("paused", false);

        // Bad requests: a JSON error in words, never a stack trace.
        Answer notJson = post("/api/plan", "{goal: make BaTiO3");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat((String) notJson.map().get("error")).startsWith("the request body is not JSON").contains("line 1, column 2");
        assertThat(post("/api/plan", "{\"goal\": \"  \"}").map().get("error")).asString().contains("no goal given");
        assertThat(post("/api/runs", "{\"goal\": \"make MgO\", \"budget\": 0}").map().get("error")).asString().contains("budget must be 1 to 200");
        assertThat(get("/api/runs/nope").status()).isEqualTo(404);
        assertThat(get("/api/runs/nope").map().get("error")).asString().contains("no run 'nope'");
        assertThat(get("/api/no/such/route").status()).isEqualTo(404);
        HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(URI.create(base + "api/lab/pause"))
                .header("Origin", "https://elsewhere.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).as("a page of another site cannot pause the lab").isEqualTo(403);
        assertThat(get("/api/lab").map()).containsEntry("paused", false);

        Answer plan = post("/api/plan", "{\"goal\": \"Make 1 g of ZnAl2O4 from ZnO and Al2O3, confirm by XRD, stay at or below 1200 °C\"}");
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.map()).containsEntry("verdict", "approved");
        assertThat(JSON.writeValueAsString(plan.map().get("workflow"))).contains("\"action\":\"heat\"").contains("ZnO").contains("Al2O3");
        Answer refused = post("/api/plan", "{\"goal\": \"make 2 g of NH4NO3\"}");
        assertThat(refused.map()).containsEntry("verdict", "refused");
        assertThat((String) refused.map().get("reason")).contains("NH4NO3");

        // Two campaigns at once: one to its end as fast as it goes, one slow enough to be controlled.
        Answer fast = post("/api/runs", "{\"goal\": \"Make 1 g of ZnAl2O4, confirm by XRD\", \"budget\": 1, \"runId\": \"fast\"}");
        assertThat(fast.status()).as("%s", fast.body()).isEqualTo(202);
        // The cap keeps the knowledge table's recipe out of reach, so the campaign outlives its first experiments.
        Answer slow = post("/api/runs", "{\"goal\": \"" + SLOW_GOAL + "\", \"budget\": 6, \"pace\": 3000, \"seed\": 4}");
        assertThat(slow.status()).as("%s", slow.body()).isEqualTo(202);
        String slowId = (String) slow.map().get("id");
        assertThat(slowId).startsWith("web-");
        assertThat(post("/api/runs", "{\"goal\": \"make MgO\", \"runId\": \"fast\"}").map().get("error")).asString().contains("already exists");
        assertThat(get("/api/runs/" + slowId).map()).as("what was asked, before the campaign journals it")
                .containsEntry("goal", SLOW_GOAL).containsEntry("budget", 6);

        // The fast run, followed from the start to its end over Server-Sent Events.
        List<Sse> stream = sse("/api/runs/fast/stream", null);
        assertThat(stream.get(stream.size() - 1).event()).isEqualTo("end");
        assertThat(stream).as("the stream of run fast: %s; its page: %s", stream, get("/api/runs/fast").body())
                .anyMatch(e -> e.event().equals("journal"));
        List<Sse> journaled = stream.stream().filter(s -> s.event().equals("journal")).toList();
        List<Map<String, Object>> events = get("/api/runs/fast/events").list();
        assertThat(journaled).extracting(Sse::id).containsExactlyElementsOf(events.stream().map(e -> String.valueOf(e.get("seq"))).toList());
        assertThat(events).extracting(e -> e.get("type")).contains("run.started", "step.dispatched", "measurement", "analysis", "decision");
        Map<String, Object> measurement = events.stream().filter(e -> "measurement".equals(e.get("type"))).findFirst().orElseThrow();
        assertThat(measurement).doesNotContainKeys("twoTheta", "intensity");
        assertThat((Integer) measurement.get("points")).isGreaterThan(1000);
        assertThat(stream.stream().filter(s -> s.event().equals("status")).map(s -> s.data().get("status")))
                .as("the statuses the stream announced").contains("finished");
        Map<String, Object> fastPage = get("/api/runs/fast").map();
        @SuppressWarnings("unchecked")
        Map<String, Object> planned = (Map<String, Object>) ((Map<String, Object>) post("/api/plan", "{\"goal\": \"Make 1 g of ZnAl2O4, confirm by XRD\"}")
                .map().get("workflow")).get("target");
        assertThat(fastPage).containsEntry("status", "finished").containsEntry("target", planned.get("formula")).containsEntry("experiments", 1);
        assertThat(fastPage.get("stopReason")).isIn("budget-exhausted", "target-reached");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = ((List<Map<String, Object>>) fastPage.get("results")).get(0);
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(base + ((String) result.get("plot")).substring(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(new String(png.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        // Reconnecting with Last-Event-ID resumes after that event.
        String middle = journaled.get(journaled.size() / 2).id();
        List<Sse> rest = sse("/api/runs/fast/stream", middle);
        assertThat(rest.stream().filter(s -> s.event().equals("journal")).findFirst().orElseThrow().id())
                .isEqualTo(journaled.get(journaled.size() / 2 + 1).id());
        Answer finishedResume = post("/api/runs/fast/resume", "{}");
        assertThat(finishedResume.status()).as("a finished run cannot be resumed").isEqualTo(409);
        assertThat(finishedResume.map().get("error")).isEqualTo("run fast has finished: nothing to resume");

        // The slow run: pause, resume, then its process dies and the web resumes it, then an abort.
        awaitStatus(slowId, "running");
        Answer paused = post("/api/runs/" + slowId + "/pause", "{\"reason\": \"checking the exhaust\"}");
        assertThat(paused.status()).as("%s", paused.body()).isEqualTo(200);
        Map<String, Object> page = get("/api/runs/" + slowId).map();
        assertThat(page).containsEntry("status", "paused");
        assertThat((String) page.get("statusReason")).contains("checking the exhaust").contains("via web");
        assertThat(post("/api/runs/" + slowId + "/resume", "{}").status()).isEqualTo(200);
        assertThat(status(slowId)).isEqualTo("running");
        assertThat(post("/api/runs/" + slowId + "/resume", "{}").status()).as("resuming a run that is not paused").isEqualTo(409);

        kill(serve, slowId);
        awaitStatus(slowId, "interrupted");
        assertThat(post("/api/runs/" + slowId + "/pause", "{}").status()).as("pausing a run no process drives").isEqualTo(409);
        assertThat(delete("/api/runs/" + slowId).status()).as("removing an interrupted run").isEqualTo(409);
        assertThat(post("/api/runs/" + slowId + "/resume", "{\"reason\": \"power back\"}").status()).isEqualTo(202);
        awaitStatus(slowId, "running");
        Map<String, Object> takenUp = events(slowId).stream().filter(e -> "campaign-resumed".equals(e.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no campaign-resumed event in " + slowId + "'s journal"));
        assertThat(takenUp).containsEntry("reason", "power back");
        assertThat((String) takenUp.get("by")).contains("via web from");
        @SuppressWarnings("unchecked")
        Map<String, Object> resumedOnPage = (Map<String, Object>) get("/api/runs/" + slowId).map().get("resumed");
        assertThat(resumedOnPage).containsEntry("reason", "power back").containsEntry("by", takenUp.get("by"));

        // Killed again with an experiment in the lab, the interrupted run is aborted from the web.
        awaitValue(() -> inFlight(events(slowId)).isEmpty() ? null : true, "an experiment of " + slowId + " in the lab after the resume");
        kill(serve, slowId);
        awaitStatus(slowId, "interrupted");
        List<Map<String, Object>> atKill = events(slowId);
        List<String> inFlight = inFlight(atKill);
        assertThat(inFlight).as("experiments in the lab at the kill").isNotEmpty();
        Answer aborted = post("/api/runs/" + slowId + "/abort", "{\"reason\": \"end of shift\"}");
        assertThat(aborted.status()).as("%s", aborted.body()).isEqualTo(202);
        assertThat((String) aborted.map().get("message")).contains("nothing new is dispatched");
        awaitStatus(slowId, "aborted");
        Map<String, Object> abortedPage = get("/api/runs/" + slowId).map();
        assertThat((String) abortedPage.get("stopExplanation")).contains("end of shift").contains("via web from");
        List<Map<String, Object>> all = events(slowId);
        List<Map<String, Object>> afterKill = all.subList(atKill.size(), all.size());
        assertThat(afterKill).as("nothing dispatched or started after the kill")
                .noneMatch(e -> "step.dispatched".equals(e.get("type")) || "run.started".equals(e.get("type")));
        for (String x : inFlight) {
            assertThat(afterKill).as("%s ended by the operator's abort", x).anyMatch(e -> "run.finished".equals(e.get("type"))
                    && x.equals(e.get("experiment")) && "aborted".equals(e.get("status")) && String.valueOf(e.get("reason")).contains("end of shift"));
            assertThat(afterKill).as("%s's sample marked", x).anyMatch(e -> "sample.marked".equals(e.get("type")) && x.equals(e.get("experiment")));
        }
        Answer resumeAborted = post("/api/runs/" + slowId + "/resume", "{}");
        assertThat(resumeAborted.status()).as("an aborted run cannot be resumed").isEqualTo(409);
        assertThat(resumeAborted.map().get("error")).isEqualTo("run " + slowId + " has been aborted: nothing to resume");

        // An abort asked while a run is still starting is queued and applied once its lab is up: no step is dispatched.
        assertThat(post("/api/runs", "{\"goal\": \"Make 2 g of BaTiO3, confirm by XRD\", \"runId\": \"early\", \"pace\": 3000}").status()).isEqualTo(202);
        assertThat(status("early")).isEqualTo("starting");
        Answer early = post("/api/runs/early/abort", "{\"reason\": \"wrong goal\"}");
        assertThat(early.status()).as("%s", early.body()).isEqualTo(202);
        awaitStatus("early", "aborted");
        assertThat(get("/api/runs/early/events").list()).noneMatch(e -> "step.dispatched".equals(e.get("type")));

        // A run that failed before it journaled anything (the simulated lab stocks no cobalt oxide) can be removed;
        // a journaled one cannot, and a removal never leaves the runs directory.
        assertThat(post("/api/runs", "{\"goal\": \"make 2 g of CoAl2O4, confirm by XRD\", \"runId\": \"doomed\", \"budget\": 2}").status())
                .isEqualTo(202);
        awaitStatus("doomed", "failed");
        assertThat((String) get("/api/runs/doomed").map().get("consoleTail")).contains("does not stock");
        for (String id : List.of("fast", slowId, "early")) {
            Answer kept = delete("/api/runs/" + id);
            assertThat(kept.status()).as("removing %s", id).isEqualTo(409);
            assertThat((String) kept.map().get("error")).contains("only a failed run").contains("the journal keeps every other");
        }
        for (String escape : List.of("..%2F..%2Fdata", "%2E%2E", "..%5C..", "fast%2F..%2F..")) {
            assertThat(delete("/api/runs/" + escape).status()).as("DELETE /api/runs/%s", escape).isIn(400, 404);
        }
        HttpResponse<String> crossSiteDelete = http.send(HttpRequest.newBuilder(URI.create(base + "api/runs/doomed"))
                .header("Origin", "https://elsewhere.example").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSiteDelete.statusCode()).as("a page of another site cannot remove a run").isEqualTo(403);
        Answer removed = delete("/api/runs/doomed");
        assertThat(removed.status()).as("%s", removed.body()).isEqualTo(200);
        assertThat(get("/api/runs/doomed").status()).isEqualTo(404);
        assertThat(data.resolve("runs/doomed")).doesNotExist();
        assertThat(delete("/api/runs/doomed").status()).isEqualTo(404);
        assertThat(data.resolve("runs/fast")).isDirectory();
        assertThat(data.resolve("journal.mv.db")).exists();

        List<Map<String, Object>> runs = get("/api/runs").list();
        assertThat(runs).extracting(r -> r.get("id")).containsExactlyInAnyOrder("early", slowId, "fast");
        assertThat(runs.get(0)).as("newest first").containsEntry("id", "early");
        assertThat(processes.log("serve")).as("the server's stderr").doesNotContain("Exception");
    }

    /** Kills (SIGKILL) the process the server started that drives the run now. */
    private static void kill(Process serve, String id) {
        ProcessHandle campaign = serve.descendants().filter(h -> h.info().arguments().map(a -> List.of(a).contains(id)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no campaign process for " + id));
        campaign.destroyForcibly();
        campaign.onExit().join();
    }

    private List<Map<String, Object>> events(String id) throws Exception {
        return get("/api/runs/" + id + "/events").list();
    }

    /** The experiments the events show started and not finished. */
    private static List<String> inFlight(List<Map<String, Object>> events) {
        List<String> started = new ArrayList<>();
        for (Map<String, Object> e : events) {
            if ("run.started".equals(e.get("type"))) {
                started.add((String) e.get("experiment"));
            } else if ("run.finished".equals(e.get("type"))) {
                started.remove(e.get("experiment"));
            }
        }
        return started;
    }

    /** Waits for the run's status; the run's page (with what its process printed) in the failure. */
    private void awaitStatus(String id, String status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (status.equals(status(id))) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new AssertionError("waited " + WAIT_SECONDS + " s for run " + id + " to be " + status + "; its page: " + get("/api/runs/" + id).body());
    }

    private String status(String id) throws Exception {
        return (String) get("/api/runs/" + id).map().get("status");
    }

    private String url(Process serve) throws Exception {
        assertThat(serve.isAlive()).as("athanor serve is running; its log: %s", processes.log("serve")).isTrue();
        Path out = dir.resolve("serve.out");
        if (!Files.exists(out)) {
            return null;
        }
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            int at = line.indexOf("http://");
            if (at >= 0) {
                return line.substring(at, line.indexOf('/', at + 7) + 1);
            }
        }
        return null;
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T awaitValue(Probe<T> probe, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what);
    }

    private Answer get(String path) throws Exception {
        return answer(http.send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private Answer delete(String path) throws Exception {
        return answer(http.send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).DELETE().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private Answer post(String path, String body) throws Exception {
        return answer(http.send(HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type")).as("content type of %s", r.uri()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return new Answer(r.statusCode(), JSON.readValue(r.body(), Object.class));
    }

    private record Sse(String event, String id, Map<String, Object> data) {
    }

    /** Reads a Server-Sent Events stream until the server ends it. */
    private List<Sse> sse(String path, String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path.substring(1))).timeout(Duration.ofSeconds(WAIT_SECONDS));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<Sse> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    out.add(new Sse(event, id, JSON.readValue(line.substring(6), new TypeReference<LinkedHashMap<String, Object>>() {})));
                    event = null;
                    id = null;
                }
            }
        }
        return out;
    }
}
