package org.athanor.agent.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.athanor.agent.journal.JdbcJournal;
import org.athanor.agent.planner.Planners;

/** The web UI and HTTP API on one address, over one data directory and its journal ({@link WebApi}). */
public final class WebServer implements AutoCloseable {

    /** The address cannot be listened on: in use, not this machine's, not allowed. */
    public static final class CannotListenException extends Exception {
        CannotListenException(String message) {
            super(message);
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final String host;

    private WebServer(Vertx vertx, HttpServer server, String host) {
        this.vertx = vertx;
        this.server = server;
        this.host = host;
    }

    /** Listens on {@code host:port} (port 0: any free one) and serves until {@link #close}. */
    public static WebServer start(Path dataDirectory, JdbcJournal journal, String host, int port) throws CannotListenException {
        Vertx vertx = Vertx.vertx();
        var launcher = new CampaignLauncher(dataDirectory, CampaignLauncher.thisApplication());
        boolean loopbackOnly = isLoopback(host);
        var api = new WebApi(vertx, dataDirectory, journal, launcher, Planners.offline(), loopbackOnly);
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(api.router()).listen(port, host)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new WebServer(vertx, server, host);
        } catch (ExecutionException e) {
            vertx.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CannotListenException("cannot listen on " + host + ":" + port + ": " + cause.getMessage()
                    + (port != 0 ? "; give another --port" : ""));
        } catch (TimeoutException e) {
            vertx.close();
            throw new CannotListenException("cannot listen on " + host + ":" + port + ": no answer within 30 s");
        } catch (InterruptedException e) {
            vertx.close();
            Thread.currentThread().interrupt();
            throw new CannotListenException("interrupted while starting to listen on " + host + ":" + port);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false; // listening fails with its own message
        }
    }

    /** Where a browser reaches it. */
    public String url() {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + server.actualPort() + "/";
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // stopping: the process ends anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            vertx.close();
        }
    }
}
