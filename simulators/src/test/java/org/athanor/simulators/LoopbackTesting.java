package org.athanor.simulators;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.athanor.instruments.testlab.Eventually;

/** What the ITs that start a broker process need: a free loopback port, a port probe and a bounded wait. */
final class LoopbackTesting {

    private LoopbackTesting() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls {@code condition} until it holds or {@code limit} passes: the instruments' shared bounded poll. */
    static boolean eventually(BooleanSupplier condition, Duration limit) {
        return Eventually.within(limit, condition);
    }
}
