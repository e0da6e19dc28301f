package org.athanor.instruments.testlab;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.athanor.workflow.WorkflowJson;

/**
 * The behaviour behind one test instrument: idempotent commands (a repeated command id answers "duplicate" and does
 * nothing), Running then Stopped after a short delay with a JSON result carrying the command id, door and abort.
 * Every command as received is recorded so tests can check exactly what the driver sent.
 */
public final class TestSynthesisDevice {

    public enum Kind { DISPENSER, MIXER, TRANSFER, FURNACE }

    /** One method call as the device received it. */
    public record Received(String method, String commandId, String approvalToken, List<Object> args) {
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-device-timer");
        t.setDaemon(true);
        return t;
    });

    final String id;
    final Kind kind;
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile long completionDelayMs = 30;
    volatile BiConsumer<String, Object> output = (k, v) -> { };
    volatile String state = "Stopped";
    volatile String lastCommandId = "";
    volatile String result = "";
    volatile boolean door;
    volatile double temperature = 25;
    volatile int errorCode;

    public TestSynthesisDevice(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** How many times a command was actually executed (duplicates excluded). */
    public long executed(String method) {
        synchronized (received) {
            return received.stream().filter(r -> r.method().equals(method) && "accepted".equals(answered.get(r.commandId()))).map(Received::commandId).distinct().count();
        }
    }

    public void setCompletionDelayMs(long ms) {
        completionDelayMs = ms;
    }

    public boolean doorOpen() {
        return door;
    }

    /** Opens or closes the door on the device itself (an operator at the furnace). */
    public void setDoorLocally(boolean open) {
        door = open;
        output.accept("Sensors/Door", open);
    }

    synchronized String command(String method, String commandId, String token, List<Object> args, Map<String, Object> resultFields,
                                long runMs) {
        received.add(new Received(method, commandId, token, args));
        if (commandId == null || commandId.isBlank()) {
            return "rejected: commandId is required";
        }
        if (answered.containsKey(commandId)) {
            return "duplicate";
        }
        if (!state.equals("Stopped")) {
            answered.put(commandId, "rejected: busy");
            return "rejected: " + id + " is " + state;
        }
        answered.put(commandId, "accepted");
        lastCommandId = commandId;
        state = "Running";
        output.accept("FunctionalUnit/LastCommandId", commandId);
        output.accept("FunctionalUnit/StateMachine/CurrentState", state);
        TIMER.schedule(() -> finish(commandId, resultFields), Math.max(runMs, completionDelayMs), TimeUnit.MILLISECONDS);
        return "accepted";
    }

    private synchronized void finish(String commandId, Map<String, Object> fields) {
        if (!state.equals("Running") || !commandId.equals(lastCommandId)) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", commandId);
        body.put("completed", true);
        body.putAll(fields);
        publishResult(body);
        state = "Stopped";
        output.accept("FunctionalUnit/StateMachine/CurrentState", state);
    }

    synchronized String setDoor(String commandId, String token, boolean open) {
        received.add(new Received("setDoor", commandId, token, List.of(open)));
        if (answered.putIfAbsent(commandId, "accepted") != null) {
            return "duplicate";
        }
        setDoorLocally(open);
        return "accepted";
    }

    synchronized String abort(String commandId) {
        received.add(new Received("abort", commandId, null, List.of()));
        if (answered.putIfAbsent(commandId, "accepted") != null) {
            return "duplicate";
        }
        if (state.equals("Running")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("commandId", lastCommandId);
            body.put("completed", false);
            body.put("aborted", true);
            publishResult(body);
        }
        state = "Aborted";
        output.accept("FunctionalUnit/StateMachine/CurrentState", state);
        return "accepted";
    }

    private void publishResult(Map<String, Object> body) {
        try {
            result = WorkflowJson.mapper().writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        output.accept("FunctionalUnit/Result", result);
    }

    static Map<String, Object> json(String text) {
        try {
            return WorkflowJson.mapper().readValue(text, new TypeReference<>() {});
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
    }
}
