package org.athanor.agent.lab;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.athanor.engine.InstrumentFault;
import org.athanor.engine.StepContext;
import org.athanor.engine.StepHandler;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.Instrument;
import org.athanor.instruments.lab.LabDrivers;
import org.athanor.instruments.InstrumentException;

/**
 * The common part of every handler that sends a step to an instrument driver: find the driver the step names,
 * attach the gate's approval token, wait for the result within a bound, and turn driver failures into the engine's
 * faults (which pause the run with the reason instead of failing the campaign).
 */
abstract class DriverHandler<D extends Instrument> implements StepHandler {

    private final LabDrivers drivers;
    private final Class<D> capability;
    private final ApprovalBook approvals;
    protected final DriverOptions options;

    DriverHandler(LabDrivers drivers, Class<D> capability, ApprovalBook approvals, DriverOptions options) {
        this.drivers = drivers;
        this.capability = capability;
        this.approvals = approvals;
        this.options = options;
    }

    /** Sends the approved step with {@code send} and waits at most the wall time of {@code labDuration} plus margin. */
    protected <T> T call(StepContext context, java.util.function.BiFunction<D, ApprovedStep, CompletableFuture<T>> send,
                         Duration labDuration) throws InstrumentFault, InterruptedException {
        return await(context, send.apply(driver(context), approved(context)), options.wallTimeoutFor(labDuration));
    }

    protected D driver(StepContext context) throws InstrumentFault {
        String id = context.step().instrument();
        Instrument instrument = drivers.all().stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
        if (!capability.isInstance(instrument)) {
            throw new InstrumentFault(InstrumentFault.Kind.REJECTED, id,
                    "no " + capability.getSimpleName() + " named '" + id + "' in this lab");
        }
        return capability.cast(instrument);
    }

    protected ApprovedStep approved(StepContext context) throws InstrumentFault {
        String workflowId = context.workflow().id();
        String token = approvals.token(workflowId, context.step().id()).orElseThrow(() -> new InstrumentFault(
                InstrumentFault.Kind.REJECTED, context.step().instrument(),
                "step " + context.step().id() + " has no approval from the safety gate"));
        return new ApprovedStep(workflowId, context.step(), token);
    }

    /**
     * Waits for a driver future; {@code wallTimeout} bounds the wait in wall time, not counting the time the lab clock
     * stood still meanwhile (the instrument's time did not pass either).
     */
    protected <T> T await(StepContext context, CompletableFuture<T> future, Duration wallTimeout)
            throws InstrumentFault, InterruptedException {
        String id = context.step().instrument();
        long started = System.nanoTime();
        long stoppedAtStart = options.clock().stoppedWallNanos();
        try {
            while (true) {
                long left = options.remainingNanos(wallTimeout, stoppedAtStart, System.nanoTime() - started);
                try {
                    return future.get(Math.max(1, left), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (options.remainingNanos(wallTimeout, stoppedAtStart, System.nanoTime() - started) == 0) {
                        throw e;
                    }
                }
            }
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new InstrumentFault(InstrumentFault.Kind.TIMEOUT, id, "no answer within " + wallTimeout.toSeconds() + " s (wall time)");
        } catch (ExecutionException e) {
            throw fault(id, e.getCause());
        } catch (CommandRejectedException | InstrumentException e) {
            throw fault(id, e);
        }
    }

    static InstrumentFault fault(String id, Throwable cause) {
        if (cause instanceof CommandRejectedException r) {
            return new InstrumentFault(InstrumentFault.Kind.REJECTED, id, r.getMessage());
        }
        if (cause instanceof InstrumentException i) {
            String m = i.getMessage() == null ? "" : i.getMessage();
            InstrumentFault.Kind kind = m.contains("offline") || m.contains("not connected") ? InstrumentFault.Kind.OFFLINE
                    : m.contains("timed out") || m.contains("timeout") ? InstrumentFault.Kind.TIMEOUT
                    : m.contains("interlock") || m.contains("door") ? InstrumentFault.Kind.INTERLOCK_OPEN
                    : InstrumentFault.Kind.ERROR_CODE;
            return new InstrumentFault(kind, id, m);
        }
        return new InstrumentFault(InstrumentFault.Kind.ERROR_CODE, id, cause == null ? "unknown failure" : String.valueOf(cause.getMessage()));
    }
}
