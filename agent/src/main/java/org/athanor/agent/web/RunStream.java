package org.athanor.agent.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.agent.journal.JdbcJournal;

/**
 * One reader following a run as Server-Sent Events: every journaled event after the one the reader last saw ({@code
 * Last-Event-ID} on reconnection) as {@code event: journal}, the run's summary as {@code event: status} at the start and
 * whenever it changes, and {@code event: end} once the run has finished, been aborted or failed and everything was sent.
 * The journal is read twice a second off the event loop; a comment line every 15 s keeps proxies from closing an idle
 * stream.
 */
final class RunStream {

    static final long POLL_MS = 500;
    private static final long KEEP_ALIVE_MS = 15_000;
    private static final Set<String> ENDED = Set.of("finished", "aborted", "failed");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final RoutingContext ctx;
    private final String runId;
    private final RunBoard board;
    private final JdbcJournal journal;
    private long lastSeq;
    private String lastStatus = "";
    private long lastWrite = System.currentTimeMillis();
    private boolean polling;
    private boolean closed;
    private long timer = -1;

    RunStream(Vertx vertx, RoutingContext ctx, String runId, RunBoard board, JdbcJournal journal) {
        this.vertx = vertx;
        this.ctx = ctx;
        this.runId = runId;
        this.board = board;
        this.journal = journal;
    }

    void start() {
        String from = ctx.request().getHeader("Last-Event-ID");
        if (from == null) {
            from = ctx.request().getParam("after");
        }
        try {
            lastSeq = from == null ? 0 : Long.parseLong(from.trim());
        } catch (NumberFormatException e) {
            WebApi.error(ctx, 400, "Last-Event-ID (or after) must be an event's seq, was '" + from + "'");
            return;
        }
        vertx.<Boolean>executeBlocking(() -> board.exists(runId), false).onComplete(known -> {
            if (known.failed() || !known.result()) {
                WebApi.error(ctx, 404, known.failed() ? "cannot read run " + runId + ": " + known.cause().getMessage()
                        : "no run '" + runId + "'");
                return;
            }
            HttpServerResponse r = ctx.response();
            r.setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader("X-Accel-Buffering", "no");
            r.write("retry: 2000\n\n");
            r.closeHandler(v -> stop());
            timer = vertx.setPeriodic(0, POLL_MS, id -> poll());
        });
    }

    private record Batch(List<JdbcJournal.Stored> events, Map<String, Object> summary) {
    }

    private void poll() {
        if (polling || closed) {
            return;
        }
        polling = true;
        long after = lastSeq;
        vertx.<Batch>executeBlocking(() -> new Batch(journal.eventsAfter(runId, after),
                board.summary(runId).orElse(Map.of())), false).onComplete(done -> {
            polling = false;
            if (closed) {
                return;
            }
            if (done.failed()) {
                send("problem", Map.of("error", "cannot read the journal: " + done.cause().getMessage()), null);
                return;
            }
            Batch b = done.result();
            for (JdbcJournal.Stored s : b.events()) {
                send("journal", WebApi.eventFields(s), s.seq());
                lastSeq = s.seq();
            }
            String status = write(b.summary());
            if (!status.equals(lastStatus)) {
                lastStatus = status;
                sendRaw("status", status, null);
            }
            if (b.events().isEmpty() && ENDED.contains(String.valueOf(b.summary().get("status")))) {
                sendRaw("end", "{}", null);
                stop();
                ctx.response().end();
            } else if (System.currentTimeMillis() - lastWrite > KEEP_ALIVE_MS) {
                ctx.response().write(": keep-alive\n\n");
                lastWrite = System.currentTimeMillis();
            }
        });
    }

    private void send(String event, Object data, Long id) {
        sendRaw(event, write(data), id);
    }

    private void sendRaw(String event, String data, Long id) {
        StringBuilder b = new StringBuilder();
        if (id != null) {
            b.append("id: ").append(id).append('\n');
        }
        b.append("event: ").append(event).append('\n');
        b.append("data: ").append(data).append("\n\n");
        ctx.response().write(b.toString());
        lastWrite = System.currentTimeMillis();
    }

    private static String write(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return "{\"error\":\"cannot write as JSON\"}";
        }
    }

    private void stop() {
        closed = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
