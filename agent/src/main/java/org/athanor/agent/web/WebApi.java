package org.athanor.agent.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athanor.agent.campaign.OperatorControl;
import org.athanor.agent.campaign.OperatorControl.Action;
import org.athanor.agent.campaign.OperatorRequests;
import org.athanor.agent.journal.EventJson;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.planner.Planner;
import org.athanor.workflow.WorkflowJson;
import org.jboss.logging.Logger;

/**
 * The HTTP API and the web UI's files. JSON in and out; an error is {@code {"error": "..."}} in words with 400 (bad
 * input), 404 (no such run), 409 (the run is not in a state for the request) or 503 (a request a run did not
 * acknowledge). The routes are listed in the README ("Web UI and HTTP API"). Work that reads the journal, the data
 * directory or the planner runs off the event loop.
 */
final class WebApi {

    private static final Logger LOG = Logger.getLogger(WebApi.class);
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final Path dataDirectory;
    private final JdbcJournal journal;
    private final RunBoard board;
    private final CampaignLauncher launcher;
    private final Planner planner;
    private final ObjectMapper json = WorkflowJson.mapper();
    private final boolean loopbackOnly;

    WebApi(Vertx vertx, Path dataDirectory, JdbcJournal journal, CampaignLauncher launcher, Planner planner, boolean loopbackOnly) {
        this.vertx = vertx;
        this.loopbackOnly = loopbackOnly;
        this.dataDirectory = dataDirectory;
        this.journal = journal;
        this.launcher = launcher;
        this.planner = planner;
        this.board = new RunBoard(dataDirectory, journal, launcher);
    }

    Router router() {
        Router r = Router.router(vertx);
        new RequestGuards(loopbackOnly).install(r);
        r.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
        r.get("/api/lab").blockingHandler(this::lab, false);
        r.post("/api/lab/:action").blockingHandler(this::labRequest, false);
        r.get("/api/runs").blockingHandler(ctx -> send(ctx, 200, board.summaries()), false);
        r.post("/api/runs").blockingHandler(this::startRun, false);
        r.get("/api/runs/:id").blockingHandler(ctx -> board.detail(ctx.pathParam("id"))
                .ifPresentOrElse(d -> send(ctx, 200, d), () -> noRun(ctx)), false);
        r.delete("/api/runs/:id").blockingHandler(this::removeRun, false);
        r.get("/api/runs/:id/events").blockingHandler(this::events, false);
        r.get("/api/runs/:id/stream").handler(ctx -> new RunStream(vertx, ctx, ctx.pathParam("id"), board, journal).start());
        r.get("/api/runs/:id/plots/:index").blockingHandler(this::plot, false);
        r.post("/api/runs/:id/:action").blockingHandler(this::runRequest, false);
        r.post("/api/plan").blockingHandler(this::plan, false);
        r.route("/api/*").handler(ctx -> error(ctx, 404, "no such API route: " + ctx.request().method() + " " + ctx.request().path()));
        r.route("/*").handler(StaticHandler.create("web").setCachingEnabled(false).setIndexPage("index.html"));
        r.route().failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                error(ctx, 413, "the request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
                return;
            }
            Throwable t = ctx.failure();
            if (t != null) {
                LOG.errorf(t, "%s %s failed", ctx.request().method(), ctx.request().path());
            }
            error(ctx, ctx.statusCode() > 0 && ctx.statusCode() != 500 ? ctx.statusCode() : 500,
                    "the server could not answer " + ctx.request().path() + (t == null || t.getMessage() == null ? "" : ": " + t.getMessage()));
        });
        return r;
    }

    private void lab(RoutingContext ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataDirectory", dataDirectory.toAbsolutePath().toString());
        Optional<OperatorControl.Request> last;
        try {
            last = OperatorControl.read(OperatorControl.labFile(dataDirectory));
        } catch (IOException e) {
            last = Optional.empty();
            m.put("problem", e.getMessage());
        }
        boolean paused = last.map(r -> r.action() == Action.PAUSE).orElse(false);
        m.put("paused", paused);
        m.put("pauseReason", paused ? last.get().reason() : null);
        m.put("runs", board.summaries().size());
        m.put("canStartRuns", launcher.canStart());
        send(ctx, 200, m);
    }

    /** An operator's request as the route and body give it: pause, resume or abort, and why. */
    private record Ask(Action action, String reason) {
    }

    /** The request; empty after answering 404 or 400 when the route or body is not one. */
    private Optional<Ask> ask(RoutingContext ctx) {
        return action(ctx).flatMap(a -> body(ctx, true).map(b -> new Ask(a, text(b, "reason", ""))));
    }

    private void labRequest(RoutingContext ctx) {
        ask(ctx).ifPresent(a -> answer(ctx, new OperatorRequests(dataDirectory).toLab(a.action(), a.reason(), operator(ctx))));
    }

    private void runRequest(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Optional<Ask> ask = ask(ctx);
        if (ask.isEmpty()) {
            return;
        }
        if (!board.exists(id)) {
            noRun(ctx);
            return;
        }
        Action action = ask.get().action();
        String now = board.summary(id).map(s -> String.valueOf(s.get("status"))).orElse("");
        if (now.equals("starting")) {
            OperatorRequests.Outcome queued = new OperatorRequests(dataDirectory).queue(id, action, ask.get().reason(), operator(ctx));
            if (queued.done()) {
                send(ctx, 202, Map.of("id", id, "message", queued.message()));
            } else {
                answer(ctx, queued);
            }
            return;
        }
        if (now.equals("finished") || now.equals("aborted") || now.equals("failed")) {
            error(ctx, 409, "run " + id + " has " + (now.equals("failed") ? "failed" : now.equals("aborted") ? "been aborted" : "finished")
                    + ": nothing to " + action.json());
            return;
        }
        if (now.equals("interrupted")) {
            takeUp(ctx, id, ask.get());
            return;
        }
        answer(ctx, new OperatorRequests(dataDirectory).toRun(id, action, ask.get().reason(), operator(ctx)));
    }

    /** A resume or abort of a run no process drives: a new process takes it up from the journal. */
    private void takeUp(RoutingContext ctx, String id, Ask ask) {
        if (ask.action() == Action.PAUSE) {
            error(ctx, 409, "run " + id + " is interrupted: no process drives it, so there is nothing to pause; "
                    + "Resume continues it from the journal, Abort ends it there");
            return;
        }
        try {
            launcher.takeUp(id, ask.action(), ask.reason(), operator(ctx));
            send(ctx, 202, Map.of("id", id, "message", ask.action() == Action.RESUME
                    ? "run " + id + ": continuing it from the journal in a new process"
                    : "run " + id + " was interrupted: a new process takes it up from the journal to abort it: steps that were "
                    + "in flight are reconciled with the lab and their instruments made safe, samples with unfinished steps "
                    + "are marked, nothing new is dispatched"));
        } catch (CampaignLauncher.BadLaunchException e) {
            error(ctx, 409, e.getMessage());
        } catch (IOException e) {
            error(ctx, 500, "cannot start the process that takes up run " + id + ": " + e.getMessage());
        }
    }

    /** Removes a failed run's directory: 409 for any other run, which the journal keeps. */
    private void removeRun(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!board.exists(id)) {
            noRun(ctx);
            return;
        }
        try {
            board.remove(id);
            send(ctx, 200, Map.of("id", id, "message", "run " + id + " removed"));
        } catch (RunBoard.RunKeptException e) {
            error(ctx, 409, e.getMessage());
        } catch (IOException e) {
            error(ctx, 500, "cannot remove run " + id + ": " + e.getMessage());
        }
    }

    private void answer(RoutingContext ctx, OperatorRequests.Outcome o) {
        int status = switch (o.result()) {
            case DONE -> 200;
            case UNKNOWN_RUN -> 404;
            case NOT_RUNNING, NOT_PAUSED -> 409;
            case NOT_ACKNOWLEDGED -> 503;
            case FAILED -> 500;
        };
        if (status != 200) {
            error(ctx, status, o.message());
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", o.message());
        m.put("details", o.details());
        m.put("runs", o.runs());
        send(ctx, 200, m);
    }

    private void startRun(RoutingContext ctx) {
        Optional<JsonNode> body = body(ctx, false);
        if (body.isEmpty()) {
            return;
        }
        JsonNode b = body.get();
        try {
            var launch = new CampaignLauncher.Launch(text(b, "goal", ""), (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, whole(b, "budget", 12))), text(b, "strategy", "bo"),
                    whole(b, "seed", 7), b.hasNonNull("pace") ? number(b, "pace") : null, text(b, "runId", null));
            String id = launcher.start(launch, run -> journal.runs().contains(run));
            send(ctx, 202, Map.of("id", id, "status", "starting"));
        } catch (CampaignLauncher.BadLaunchException e) {
            error(ctx, 400, e.getMessage());
        } catch (IOException e) {
            error(ctx, 500, "cannot start the campaign's process: " + e.getMessage());
        }
    }

    private void plan(RoutingContext ctx) {
        Optional<JsonNode> body = body(ctx, false);
        if (body.isEmpty()) {
            return;
        }
        String goal = text(body.get(), "goal", "").strip();
        if (goal.isEmpty()) {
            error(ctx, 400, "no goal given: say what to make, e.g. \"make 2 g of BaTiO3, confirm by XRD\"");
            return;
        }
        if (goal.length() > 2000) {
            error(ctx, 400, "the goal is " + goal.length() + " characters long; at most 2000");
            return;
        }
        Object result;
        synchronized (planner) {
            result = planner.plan(goal);
        }
        send(ctx, 200, result);
    }

    private void events(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!board.exists(id)) {
            noRun(ctx);
            return;
        }
        long after;
        try {
            after = Long.parseLong(Optional.ofNullable(ctx.request().getParam("after")).orElse("0"));
        } catch (NumberFormatException e) {
            error(ctx, 400, "after must be an event's seq (a whole number), was '" + ctx.request().getParam("after") + "'");
            return;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        journal.eventsAfter(id, after).forEach(s -> out.add(eventFields(s)));
        send(ctx, 200, out);
    }

    private void plot(RoutingContext ctx) {
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            error(ctx, 400, "an experiment's index is a whole number, was '" + ctx.pathParam("index") + "'");
            return;
        }
        Optional<Path> file = board.plot(ctx.pathParam("id"), index);
        if (file.isEmpty()) {
            error(ctx, 404, "run " + ctx.pathParam("id") + " has no XRD plot for experiment " + index);
            return;
        }
        ctx.response().putHeader("Content-Type", "image/png").sendFile(file.get().toString());
    }

    /**
     * An event as the web shows it: {@code journal --json}'s fields and its {@code seq}; a measurement's data arrays
     * (thousands of numbers) are left out and their length given as {@code points}.
     */
    static Map<String, Object> eventFields(JdbcJournal.Stored s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", s.seq());
        EventJson.fields(s.event()).forEach((k, v) -> {
            if (v instanceof List<?> l && l.size() > 32 && l.get(0) instanceof Number) {
                m.merge("points", l.size(), (a, b) -> Math.max((Integer) a, (Integer) b));
            } else {
                m.put(k, v);
            }
        });
        return m;
    }

    private Optional<Action> action(RoutingContext ctx) {
        String a = ctx.pathParam("action");
        return switch (a) {
            case "pause" -> Optional.of(Action.PAUSE);
            case "resume" -> Optional.of(Action.RESUME);
            case "abort" -> Optional.of(Action.ABORT);
            default -> {
                error(ctx, 404, "no such request '" + a + "': pause, resume or abort");
                yield Optional.empty();
            }
        };
    }

    /** The request's JSON object; empty after answering 400 when it is not one. An empty body is {} where allowed. */
    private Optional<JsonNode> body(RoutingContext ctx, boolean emptyAllowed) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            if (emptyAllowed) {
                return Optional.of(json.createObjectNode());
            }
            error(ctx, 400, "the request needs a JSON object body");
            return Optional.empty();
        }
        try {
            JsonNode n = json.readTree(text);
            if (n == null || !n.isObject()) {
                error(ctx, 400, "the request body must be a JSON object");
                return Optional.empty();
            }
            return Optional.of(n);
        } catch (JsonProcessingException e) {
            error(ctx, 400, "the request body is not JSON " + org.athanor.workflow.JsonErrors.describe(e));
            return Optional.empty();
        }
    }

    private static String text(JsonNode b, String field, String fallback) {
        JsonNode n = b.get(field);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    private static long whole(JsonNode b, String field, long fallback) throws CampaignLauncher.BadLaunchException {
        JsonNode n = b.get(field);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            return fallback;
        }
        String text = n.asText().strip();
        if ((n.isIntegralNumber() && n.canConvertToLong()) || (n.isTextual() && text.matches("-?\\d{1,18}"))) {
            return n.isTextual() ? Long.parseLong(text) : n.longValue();
        }
        throw new CampaignLauncher.BadLaunchException(field + " must be a whole number, was " + n);
    }

    private static double number(JsonNode b, String field) throws CampaignLauncher.BadLaunchException {
        JsonNode n = b.get(field);
        if (n.isNumber()) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            throw new CampaignLauncher.BadLaunchException(field + " must be a number, was " + n);
        }
    }

    /** Who asked: the server's user, and where the request came from (the web has no logins). */
    private static String operator(RoutingContext ctx) {
        return OperatorRequests.operator() + " via web from " + ctx.request().remoteAddress().host();
    }

    private void noRun(RoutingContext ctx) {
        error(ctx, 404, "no run '" + ctx.pathParam("id") + "' in " + dataDirectory);
    }

    private void send(RoutingContext ctx, int status, Object body) {
        try {
            String text = json.writeValueAsString(body);
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(text);
        } catch (JsonProcessingException e) {
            error(ctx, 500, "cannot write the answer as JSON: " + e.getOriginalMessage());
        }
    }

    static void error(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended()) {
            return;
        }
        String text;
        try {
            text = new ObjectMapper().writeValueAsString(Map.of("error", message));
        } catch (JsonProcessingException e) {
            text = "{\"error\":\"the server could not describe the error\"}";
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(text);
    }
}
