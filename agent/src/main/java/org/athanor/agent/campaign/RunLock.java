package org.athanor.agent.campaign;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process drives a campaign run at a time. Without this, {@code athanor resume} started while the run's own
 * process is still going would settle that process's live experiments as interrupted and both would dispatch the
 * next experiment's steps under the same command ids.
 *
 * <p>The lock is an operating-system file lock on {@code runs/ID/campaign.lock} in the data directory: the system
 * drops it when its process ends in any way, so a process killed with -9 leaves no stale lock behind. The file holds
 * the owner's pid, for the message.
 */
public final class RunLock implements AutoCloseable {

    /** Another process (or another campaign in this one) holds the run. */
    public static final class RunBusyException extends Exception {
        RunBusyException(String message) {
            super(message);
        }
    }

    /** The lock's file in the run's directory. */
    public static final String FILE = "campaign.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the run's lock at once, or says who holds it. */
    public static RunLock acquire(Path dataDirectory, String runId) throws RunBusyException, IOException {
        Path file = Files.createDirectories(dataDirectory.resolve("runs").resolve(runId)).resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new RunBusyException("run " + runId + " is already being run by another process"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")") + ": wait for it to end, or stop it, first");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new RunLock(channel, lock);
    }

    /**
     * Whether a live process holds the run now (for operator requests, which need one to act on them). It takes and
     * at once releases the lock when nobody holds it, so a process starting that run in the same instant may be told
     * it is busy: ask again.
     */
    public static boolean isHeld(Path dataDirectory, String runId) throws IOException {
        Path file = dataDirectory.resolve("runs").resolve(runId).resolve(FILE);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very process runs it
        }
    }

    /**
     * Whether the process whose pid the lock file names is alive: a look that never touches the lock, for a reader
     * that asks often (the web server), where {@link #isHeld}'s brief lock could make a campaign starting that instant
     * find its run busy. It can err only after the holder died and the system gave its pid to another Java process.
     */
    public static boolean holderAlive(Path dataDirectory, String runId) {
        Path file = dataDirectory.resolve("runs").resolve(runId).resolve(FILE);
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return !pid.isEmpty() && ProcessHandle.of(Long.parseLong(pid))
                    .filter(ProcessHandle::isAlive)
                    .flatMap(h -> h.info().command())
                    .map(c -> c.endsWith("java"))
                    .orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** When the run's lock was last taken (its holder writes its pid then); empty when it never was. */
    public static java.util.Optional<java.time.Instant> takenAt(Path dataDirectory, String runId) {
        try {
            return java.util.Optional.of(Files.getLastModifiedTime(dataDirectory.resolve("runs").resolve(runId).resolve(FILE)).toInstant());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        channel.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
