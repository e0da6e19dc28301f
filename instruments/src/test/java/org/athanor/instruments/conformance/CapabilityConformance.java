package org.athanor.instruments.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.Instrument;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.approval.ApprovalTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every capability conformance suite shares: a run id, approval of steps with the lab's tokens, bounded waits,
 * and the live-state checks every instrument must pass. A concrete suite supplies the driver (connected to a real
 * server or broker: the drivers' test lab, or the simulated lab) and the tokens that lab trusts.
 */
public abstract class CapabilityConformance {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    protected final String runId = "run-" + UUID.randomUUID().toString().substring(0, 8);

    /** The approval tokens of the gate the lab trusts. */
    protected abstract ApprovalTokens approvals();

    /** The driver under test. */
    protected abstract Instrument instrument();

    /** A sample that is where this instrument can act on it (the simulated lab may need to dispense and move it). */
    protected String sampleFor(String instrumentId) {
        return "S-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Called after a refused command: a fixture that can see the device asserts nothing with this id reached it. */
    protected void assertNeverReachedDevice(String commandId) {
    }

    protected ApprovedStep approve(Step step) {
        return new ApprovedStep(runId, step, approvals().issue(runId, step));
    }

    protected static Step step(String id, Action action, String instrument, String sample, Map<String, Object> params) {
        Step s = new Step(id, action, instrument, sample, null, Map.of());
        for (Map.Entry<String, Object> e : params.entrySet()) {
            s = s.withParam(e.getKey(), e.getValue());
        }
        return s;
    }

    protected static String newStepId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    protected static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    /** Polls {@code condition} until it holds or {@code limit} passes; no fixed sleeps. */
    protected static boolean eventually(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** Starts the fixture (servers can take many seconds on a loaded machine) before any bounded wait begins. */
    @BeforeEach
    void connectBeforeTiming() {
        assertThat(instrument()).isNotNull();
    }

    @Test
    void reportsItselfOnlineWithACurrentHeartbeat() {
        assertThat(eventually(() -> instrument().isOnline() && instrument().state().heartbeat() != null, WAIT))
                .as("%s online with a heartbeat: %s", instrument().id(), instrument().state()).isTrue();
        assertThat(instrument().state().id()).isEqualTo(instrument().id());
        assertThat(instrument().state().errorCode()).isZero();
    }
}
