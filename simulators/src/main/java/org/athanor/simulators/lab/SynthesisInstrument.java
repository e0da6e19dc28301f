package org.athanor.simulators.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.athanor.workflow.WorkflowJson;

/**
 * One synthesis instrument as the OPC UA server exposes it (instruments/PROTOCOL.md): a LADS-like functional unit with
 * state machine (Stopped, Running, Stopping, Aborting, Aborted, Clearing), idempotent commands, a JSON result, a
 * heartbeat and an error code. Subclasses add their methods and physics. All state changes happen under the
 * instance lock; nothing here blocks.
 */
public abstract class SynthesisInstrument {

    public static final String STOPPED = "Stopped";
    public static final String RUNNING = "Running";
    public static final String STOPPING = "Stopping";
    public static final String ABORTED = "Aborted";
    public static final String CLEARING = "Clearing";

    protected final String id;
    protected final LabContext lab;
    private final Map<String, String> answered = new LinkedHashMap<>();
    private String state = STOPPED;
    private int errorCode;
    private String errorMessage = "";
    private String lastCommandId = "";
    private String result = "";
    private String runningCommandId = "";
    private Instant busyUntil;
    private Supplier<Map<String, Object>> completion;
    private Instant offlineSince;
    private Instant lastAdvance;

    protected SynthesisInstrument(String id, LabContext lab) {
        this.id = id;
        this.lab = lab;
        this.lastAdvance = lab.clock().now();
    }

    public String id() {
        return id;
    }

    public abstract String model();

    public String serialNumber() {
        return "SIM-" + Integer.toHexString(id.hashCode()).toUpperCase();
    }

    public synchronized String state() {
        advance();
        return state;
    }

    public synchronized int errorCode() {
        advance();
        return errorCode;
    }

    public synchronized String errorMessage() {
        return errorMessage;
    }

    public synchronized String lastCommandId() {
        return lastCommandId;
    }

    public synchronized String result() {
        advance();
        return result;
    }

    /** Lab time of the last heartbeat: now, unless the instrument is disconnected (then it stays stale). */
    public synchronized Instant heartbeat() {
        return offlineSince != null ? offlineSince : lab.clock().now();
    }

    public synchronized boolean online() {
        return offlineSince == null;
    }

    public synchronized void setOnline(boolean online) {
        if (!online && offlineSince == null) {
            offlineSince = lab.clock().now();
        } else if (online) {
            offlineSince = null;
        }
    }

    public boolean doorOpen() {
        return false;
    }

    public int occupancy() {
        return 0;
    }

    public String occupantsJson() {
        return "[]";
    }

    /** Runs a command once: a repeated {@code commandId} returns "duplicate" and does nothing. */
    protected synchronized String command(String commandId, String approvalToken, boolean allowedInFault, Supplier<String> action) {
        advance();
        if (commandId == null || commandId.isBlank()) {
            return "rejected: commandId is required";
        }
        if (answered.containsKey(commandId)) {
            return "duplicate";
        }
        String status = decide(commandId, approvalToken, allowedInFault, action);
        answered.put(commandId, status);
        if (status.equals("accepted")) {
            lastCommandId = commandId;
        }
        return status;
    }

    private String decide(String commandId, String approvalToken, boolean allowedInFault, Supplier<String> action) {
        if (approvalToken != null) {
            Optional<String> refusal = lab.approvals().refusal(id, commandId, approvalToken);
            if (refusal.isPresent()) {
                return "rejected: " + refusal.get();
            }
        }
        if (errorCode != 0 && !allowedInFault) {
            return "rejected: " + id + " has fault " + errorCode + " (" + errorMessage + "); Clear it first";
        }
        try {
            return action.get();
        } catch (RuntimeException e) {
            return "rejected: " + e.getMessage();
        }
    }

    /** Marks the instrument Running until {@code duration} of lab time has passed, then stores {@code onDone}'s result. */
    protected void runFor(String commandId, Duration duration, Supplier<Map<String, Object>> onDone) {
        state = RUNNING;
        runningCommandId = commandId;
        busyUntil = lab.clock().now().plus(duration);
        completion = onDone;
    }

    protected void beginRunning(String commandId) {
        state = RUNNING;
        runningCommandId = commandId;
        busyUntil = null;
        completion = null;
    }

    protected void finish(Map<String, Object> fields, String newState) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", runningCommandId);
        body.putAll(fields);
        body.putIfAbsent("endTime", lab.clock().now().toString());
        result = json(body);
        state = newState;
        busyUntil = null;
        completion = null;
    }

    protected boolean isBusy() {
        return !state.equals(STOPPED);
    }

    protected String runningCommandId() {
        return runningCommandId;
    }

    protected String currentState() {
        return state;
    }

    protected void setState(String newState) {
        state = newState;
    }

    /** Brings the instrument's physics up to the lab clock. */
    public final synchronized void advance() {
        Instant now = lab.clock().now();
        double seconds = Duration.between(lastAdvance, now).toNanos() / 1e9;
        if (seconds > 0) {
            lastAdvance = now;
            advancePhysics(seconds);
        }
        if (state.equals(RUNNING) && busyUntil != null && !now.isBefore(busyUntil)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("completed", true);
            fields.putAll(completion.get());
            finish(fields, STOPPED);
        }
        if (state.equals(CLEARING)) {
            state = STOPPED;
        }
    }

    /** Subclasses integrate their physics over {@code seconds} of lab time. */
    protected void advancePhysics(double seconds) {
    }

    public String start(String commandId) {
        return command(commandId, null, false, () -> "rejected: " + id + " has no default program; use its specific method");
    }

    public String stop(String commandId) {
        return command(commandId, null, true, () -> {
            if (!state.equals(RUNNING)) {
                return "rejected: " + id + " is " + state + ", not Running";
            }
            onStop();
            return "accepted";
        });
    }

    public String abort(String commandId) {
        return command(commandId, null, true, () -> {
            onAbort();
            finish(Map.of("completed", false, "aborted", true), ABORTED);
            return "accepted";
        });
    }

    public String clear(String commandId) {
        return command(commandId, null, true, () -> {
            if (!state.equals(ABORTED) && errorCode == 0) {
                return "rejected: nothing to clear, " + id + " is " + state;
            }
            errorCode = 0;
            errorMessage = "";
            state = CLEARING;
            return "accepted";
        });
    }

    /** Stop: by default the action ends now, incomplete. */
    protected void onStop() {
        finish(Map.of("completed", false), STOPPED);
    }

    protected void onAbort() {
    }

    /** Injects a device fault: error code and message, state Aborted. */
    public synchronized void fault(int code, String message) {
        advance();
        errorCode = code;
        errorMessage = message;
        if (state.equals(RUNNING) || state.equals(STOPPING)) {
            onAbort();
            finish(Map.of("completed", false, "errorCode", code), ABORTED);
        } else {
            state = ABORTED;
        }
        lab.events().emit(new LabEvents.LabEvent(id, "fault", lab.clock().now(), message));
    }

    protected static String json(Object value) {
        try {
            return WorkflowJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
