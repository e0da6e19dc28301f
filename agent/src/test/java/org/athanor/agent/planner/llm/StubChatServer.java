package org.athanor.agent.planner.llm;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A local OpenAI-compatible endpoint that replays recorded chat-completion responses in order and keeps every request
 * body, so tests can check what the planner fed back to the model.
 */
final class StubChatServer implements AutoCloseable {

    private final HttpServer server;
    private final Deque<String> replies = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();

    StubChatServer(String... recordings) throws IOException {
        for (String r : recordings) {
            try (InputStream in = StubChatServer.class.getResourceAsStream("/planner/llm/" + r)) {
                if (in == null) {
                    throw new IllegalArgumentException("no recording " + r);
                }
                replies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String reply;
            int status;
            synchronized (this) {
                requests.add(body);
                reply = replies.poll();
            }
            status = reply == null ? 500 : 200;
            byte[] out = (reply == null ? "{\"error\":{\"message\":\"no more recorded responses\"}}" : reply).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
