package org.athanor.simulators;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A simulated lab's turn to choose free ports and listen on them. The operating system hands out a port as free until
 * something listens on it, so two labs starting in the same instant (two campaigns, in one process or two) could be
 * given the same port: one lab's broker then failed to bind, or one lab's OPC UA client reached the other lab's server.
 * The turn is a lock within the process and a file lock in the temporary directory across processes; the system drops
 * a file lock when its process ends, however it ends.
 */
final class PortTurn implements AutoCloseable {

    private static final ReentrantLock IN_PROCESS = new ReentrantLock();
    /** One per user: a file another user made could not be opened for writing. */
    private static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"),
            "athanor-simulated-lab-ports-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_") + ".lock");

    private final FileChannel channel;
    private final FileLock lock;

    private PortTurn(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the turn. */
    static PortTurn take() throws IOException {
        IN_PROCESS.lock();
        try {
            FileChannel channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new PortTurn(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            IN_PROCESS.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
