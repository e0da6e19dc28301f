package org.athanor.agent.web;

import static org.athanor.agent.web.WebApi.error;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * What every request must pass before the API looks at it, for a lab server without logins: addressed to this
 * machine when it listens only here, a change asked from this server's own pages (or a program), a run id that is a
 * name and not a path.
 */
final class RequestGuards {

    private static final Pattern LOOPBACK_HOST = Pattern.compile("(?i)(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d{1,5})?");

    private final boolean loopbackOnly;

    RequestGuards(boolean loopbackOnly) {
        this.loopbackOnly = loopbackOnly;
    }

    /** Puts the guards first on {@code r}'s routes. */
    void install(Router r) {
        r.route().handler(this::addressedToThisMachine);
        r.route("/api/*").handler(RequestGuards::sameSiteOnly);
        r.route("/api/runs/:id").handler(RequestGuards::plausibleRunId);
        r.route("/api/runs/:id/*").handler(RequestGuards::plausibleRunId);
    }

    /**
     * A request that changes something (POST, DELETE) must come from this server's own pages or from a program, never
     * from a page of another site the operator has open: the server has no logins, and a browser sends such a request
     * with the other site's Origin. Browsers send Origin on every cross-site POST; programs (curl, scripts) send none.
     */
    private static void sameSiteOnly(RoutingContext ctx) {
        var method = ctx.request().method();
        if (method == HttpMethod.POST || method == HttpMethod.DELETE) {
            String origin = ctx.request().getHeader("Origin");
            String host = authority(ctx);
            String authority = null;
            try {
                authority = origin == null || origin.equals("null") ? null : URI.create(origin).getAuthority();
            } catch (IllegalArgumentException e) {
                authority = "";
            }
            if ((origin != null && (authority == null || !authority.equalsIgnoreCase(host)))
                    || "cross-site".equals(ctx.request().getHeader("Sec-Fetch-Site"))) {
                error(ctx, 403, "refused: the request came from a page of another site (Origin " + origin + "); "
                        + "control this lab from its own pages at " + host);
                return;
            }
        }
        ctx.next();
    }

    /**
     * A server listening on this machine only answers requests addressed to this machine: a page of another site can
     * otherwise reach it under its own name (DNS rebinding) and its Origin check passes.
     */
    private void addressedToThisMachine(RoutingContext ctx) {
        String host = authority(ctx);
        if (loopbackOnly && (host == null || !LOOPBACK_HOST.matcher(host).matches())) {
            error(ctx, 403, "refused: this server answers requests addressed to this machine (localhost, 127.0.0.1), not to '"
                    + host + "'; start it with --host to serve others");
            return;
        }
        ctx.next();
    }

    /** The host (and port) the request was addressed to: the Host header, or HTTP/2's :authority. */
    private static String authority(RoutingContext ctx) {
        var a = ctx.request().authority();
        if (a != null) {
            String h = a.host();
            return (h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h) + (a.port() > 0 ? ":" + a.port() : "");
        }
        return ctx.request().getHeader("Host");
    }


    /** A run id names a directory of the data directory's runs: never a path out of it. */
    private static void plausibleRunId(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || id.isBlank() || id.equals(".") || id.equals("..") || id.chars().anyMatch(c -> c == '/' || c == '\\' || c < 32)) {
            error(ctx, 404, "no run '" + id + "': a run id is a name, not a path");
            return;
        }
        ctx.next();
    }
}
