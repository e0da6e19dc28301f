package org.athanor.instruments.opcua;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.athanor.instruments.Command;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.Instrument;
import org.athanor.instruments.InstrumentException;
import org.athanor.instruments.InstrumentState;
import org.athanor.instruments.StepGuard;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.workflow.WorkflowJson;
import org.athanor.workflow.approval.ApprovalTokens;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;

/**
 * The OPC UA side every synthesis driver shares: one Milo session, a subscription to the instrument's live values,
 * method calls with timeouts, and the wait for a command's JSON result (PROTOCOL.md: {@code FunctionalUnit/Result}
 * carries the {@code commandId}).
 *
 * <p>Threading: Milo callbacks only hand work to this driver's single-thread executor; every exchange and every state
 * change runs there, so commands reach the device in the order they were given and no Milo thread ever blocks.
 *
 * <p>Freshness: after the session drops, is re-established, or a subscription transfer fails, the driver marks its
 * view stale and re-reads every live value before it sends anything again: a command is never judged against state
 * from before an outage. Milo re-establishes lost sessions itself, with increasing delays; the first connection is
 * retried here with exponential backoff until {@link DriverOptions#connectTimeout()}.
 */
public abstract class OpcUaInstrument implements Instrument {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    protected final InstrumentConfig config;
    protected final StepGuard guard;
    protected final DriverOptions options;
    private final ExecutorService executor;
    private final OpcUaClient client;
    private final OpcUaNodes nodes;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Map<String, Object>>> waiters = new ConcurrentHashMap<>();
    private final List<Consumer<InstrumentState>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stale = new AtomicBoolean(true);
    private final AtomicInteger resyncs = new AtomicInteger();
    private volatile boolean sessionActive;
    private volatile boolean closed;
    private volatile Instant receivedAt;
    private volatile InstrumentState state;
    private OpcUaSubscription subscription;

    protected OpcUaInstrument(InstrumentConfig config, ApprovalTokens approvals, DriverOptions options) {
        this.config = config;
        this.guard = new StepGuard(approvals, config);
        this.options = options;
        this.state = InstrumentState.unknown(config.id());
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "opcua-driver-" + config.id());
            t.setDaemon(true);
            return t;
        });
        this.client = OpcUaClients.connectWithBackoff(config, options.connectTimeout());
        this.sessionActive = true;
        this.nodes = new OpcUaNodes(config, client);
        try {
            onExecutor(() -> {
                subscribe();
                resync();
                return null;
            }).get(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            close();
            throw new InstrumentException(config.id(), "cannot subscribe to live values: " + rootMessage(e), e);
        }
        client.addSessionActivityListener(new SessionActivityListener() {
            @Override
            public void onSessionActive(UaSession session) {
                sessionActive = true;
                later(OpcUaInstrument.this::resyncQuietly);
            }

            @Override
            public void onSessionInactive(UaSession session) {
                sessionActive = false;
                stale.set(true);
                later(OpcUaInstrument.this::publish);
            }
        });
    }

    /** The logical nodes (see {@link OpcUaNodes#DEFAULT_PATHS}) this kind subscribes to. */
    protected abstract List<String> liveNodes();

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public InstrumentState state() {
        return state;
    }

    @Override
    public void onStateChange(Consumer<InstrumentState> listener) {
        listeners.add(listener);
    }

    /** How many times the live view has been re-read from the device (initial read included). */
    public int resyncCount() {
        return resyncs.get();
    }

    private void subscribe() throws Exception {
        double intervalMs = options.monitoringInterval().toNanos() / 1e6;
        OpcUaSubscription s = new OpcUaSubscription(client, intervalMs);
        s.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onTransferFailed(OpcUaSubscription sub, StatusCode status) {
                stale.set(true);
                later(OpcUaInstrument.this::resubscribe);
            }
        });
        s.create();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (String name : liveNodes()) {
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(nodes.variable(name));
            item.setSamplingInterval(intervalMs);
            item.setDataValueListener((it, value) -> later(() -> apply(name, value)));
            items.add(item);
        }
        s.addMonitoredItems(items);
        s.createMonitoredItems();
        for (int i = 0; i < items.size(); i++) {
            StatusCode created = items.get(i).getCreateResult().orElse(StatusCode.GOOD);
            String name = liveNodes().get(i);
            if (created.isBad() && (name.equals("state") || name.equals("result"))) {
                throw new InstrumentException(config.id(), "cannot monitor '" + name + "' (" + nodes.variable(name) + "): " + created);
            }
        }
        subscription = s;
    }

    private void resubscribe() {
        try {
            if (subscription != null) {
                try {
                    subscription.delete();
                } catch (Exception ignored) {
                    // the server has already dropped it: that is why we are here
                }
            }
            subscribe();
            resync();
        } catch (Exception e) {
            stale.set(true);
            publish();
        }
    }

    private void resyncQuietly() {
        try {
            resync();
        } catch (Exception e) {
            stale.set(true);
            publish();
        }
    }

    /** Reads every live value afresh. Runs on the executor. */
    private void resync() throws Exception {
        List<String> names = liveNodes();
        List<NodeId> ids = new ArrayList<>();
        for (String n : names) {
            ids.add(nodes.variable(n));
        }
        List<DataValue> read = client.readValuesAsync(0.0, TimestampsToReturn.Both, ids)
                .get(config.opcua().requestTimeout(), TimeUnit.MILLISECONDS);
        for (int i = 0; i < names.size(); i++) {
            if (read.get(i).getStatusCode() == null || read.get(i).getStatusCode().isGood()) {
                put(names.get(i), OpcUaLiveState.toJava(read.get(i)));
            }
        }
        resyncs.incrementAndGet();
        stale.set(false);
        publish();
        checkResult();
    }

    private void apply(String name, DataValue value) {
        if (value.getStatusCode() != null && value.getStatusCode().isBad()) {
            return;
        }
        put(name, OpcUaLiveState.toJava(value));
        receivedAt = Instant.now();
        publish();
        if (name.equals("result")) {
            checkResult();
        }
    }

    private void put(String name, Object value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    private void checkResult() {
        Object raw = values.get("result");
        if (!(raw instanceof String json) || json.isBlank()) {
            return;
        }
        try {
            Map<String, Object> result = WorkflowJson.mapper().readValue(json, JSON_OBJECT);
            Object commandId = result.get("commandId");
            CompletableFuture<Map<String, Object>> waiter = commandId == null ? null : waiters.remove(commandId.toString());
            if (waiter != null) {
                waiter.complete(result);
            }
        } catch (Exception e) {
            // A result that is not JSON answers no waiter; the waiter's timeout reports it.
        }
    }

    private void publish() {
        state = OpcUaLiveState.snapshot(config.id(), values, sessionActive && !stale.get() && !closed, receivedAt);
        for (Consumer<InstrumentState> l : listeners) {
            try {
                l.accept(state);
            } catch (RuntimeException e) {
                // one bad listener must not stop the others or the driver
            }
        }
    }

    /**
     * Sends {@code method}(commandId, approvalToken, args...) and returns a future of the command's result JSON,
     * completed when the device publishes it (or at once for a duplicate whose result is still there).
     */
    protected CompletableFuture<Map<String, Object>> send(String method, Command command, Duration timeout, Object... args) {
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        boolean queued = later(() -> {
            try {
                ensureFresh(command);
                waiters.put(command.commandId(), result);
                Object[] all = new Object[args.length + 2];
                all[0] = command.commandId();
                all[1] = command.approvalToken() == null ? "" : command.approvalToken();
                System.arraycopy(args, 0, all, 2, args.length);
                String status = call(method, all);
                if (status.startsWith("rejected")) {
                    waiters.remove(command.commandId());
                    result.completeExceptionally(new CommandRejectedException(config.id(), command.commandId(),
                            status.replaceFirst("^rejected:?\\s*", "")));
                } else if (status.equals("duplicate")) {
                    handleDuplicate(command.commandId(), result);
                } else if (!status.equals("accepted")) {
                    waiters.remove(command.commandId());
                    result.completeExceptionally(new InstrumentException(config.id(), method + " answered '" + status + "'"));
                } else {
                    checkResult();
                }
            } catch (RuntimeException e) {
                waiters.remove(command.commandId());
                result.completeExceptionally(e);
            }
        });
        if (!queued) {
            result.completeExceptionally(new InstrumentException(config.id(), "driver closed"));
        }
        return options.orTimeout(result, timeout).whenComplete((r, e) -> {
            if (e != null) {
                waiters.remove(command.commandId());
            }
        }).exceptionally(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof TimeoutException) {
                throw new InstrumentException(config.id(), "no result for " + command.commandId() + " within " + timeout
                        + " (wall time); re-sending the same command is safe", cause);
            }
            throw cause instanceof RuntimeException re ? re : new InstrumentException(config.id(), rootMessage(cause), cause);
        });
    }

    /** A repeated command: its first result if the device still shows it, else wait if it still runs, else report it done. */
    private void handleDuplicate(String commandId, CompletableFuture<Map<String, Object>> result) {
        checkResult();
        if (result.isDone()) {
            return;
        }
        boolean stillRunning = commandId.equals(OpcUaLiveState.str(values.get("lastCommandId"))) && "Running".equals(OpcUaLiveState.str(values.get("state")));
        if (!stillRunning) {
            waiters.remove(commandId);
            Map<String, Object> unknown = new HashMap<>();
            unknown.put("commandId", commandId);
            unknown.put("completed", true);
            unknown.put("resultUnavailable", true);
            result.complete(unknown);
        }
    }

    /** A method without result wait (door, abort): status must be accepted or duplicate. */
    protected CompletableFuture<Void> sendSimple(String method, Object... args) {
        return onExecutor(() -> {
            ensureFresh(null);
            String status = call(method, args);
            if (status.startsWith("rejected")) {
                throw new CommandRejectedException(config.id(), args.length > 0 ? String.valueOf(args[0]) : null,
                        status.replaceFirst("^rejected:?\\s*", ""));
            }
            return null;
        });
    }

    /** Re-reads the device before sending if anything happened since the last fresh view. Runs on the executor. */
    private void ensureFresh(Command command) {
        if (closed) {
            throw new InstrumentException(config.id(), "driver is closed");
        }
        if (!sessionActive) {
            throw new InstrumentException(config.id(), "offline (no OPC UA session to " + config.endpoint() + ")"
                    + (command == null ? "" : "; " + command.commandId() + " was not sent"));
        }
        if (stale.get()) {
            try {
                resync();
            } catch (Exception e) {
                throw new InstrumentException(config.id(), "cannot re-read device state before sending: " + rootMessage(e), e);
            }
        }
    }

    private String call(String method, Object... args) {
        try {
            OpcUaNodes.MethodRef ref = nodes.method(method);
            Variant[] inputs = new Variant[args.length];
            for (int i = 0; i < args.length; i++) {
                inputs[i] = new Variant(args[i]);
            }
            CallMethodResult r = client.callAsync(List.of(new CallMethodRequest(ref.object(), ref.method(), inputs)))
                    .get(config.opcua().requestTimeout(), TimeUnit.MILLISECONDS).getResults()[0];
            if (r.getStatusCode().isBad()) {
                throw new InstrumentException(config.id(), method + " failed: " + r.getStatusCode());
            }
            Variant[] out = r.getOutputArguments();
            return out == null || out.length == 0 ? "accepted" : String.valueOf(out[0].getValue());
        } catch (InstrumentException e) {
            throw e;
        } catch (TimeoutException e) {
            throw new InstrumentException(config.id(), method + " timed out after " + config.opcua().requestTimeout() + " ms", e);
        } catch (Exception e) {
            throw new InstrumentException(config.id(), method + " failed: " + rootMessage(e), e);
        }
    }

    protected interface Work<T> {
        T run() throws Exception;
    }

    protected <T> CompletableFuture<T> onExecutor(Work<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (!later(() -> {
            try {
                f.complete(work.run());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        })) {
            f.completeExceptionally(new InstrumentException(config.id(), "driver closed"));
        }
        return options.orTimeout(f, options.commandTimeout());
    }

    /**
     * Runs {@code task} on the driver's thread; false once the driver is closed. Milo calls its listeners (live
     * values, session and subscription events) on its own threads until the client is gone, so some arrive after
     * {@link #close()}: they are dropped instead of failing on the shut-down executor.
     */
    private boolean later(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException closedAlready) {
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        waiters.values().forEach(w -> w.completeExceptionally(new InstrumentException(config.id(), "driver closed")));
        waiters.clear();
        executor.shutdownNow();
        if (client != null) {
            try {
                client.disconnectAsync().get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        publish();
    }

    protected static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
