package org.athanor.instruments.testlab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** The address space of {@link TestOpcUaServer}: PROTOCOL.md's layout for each device, values driven by the device. */
final class TestLabNamespace extends ManagedNamespaceWithLifecycle {

    private final SubscriptionModel subscriptionModel;
    private final UnaryOperator<String> naming;
    private final List<TestSynthesisDevice> devices;
    private final Map<String, UaVariableNode> variables = new HashMap<>();
    private ScheduledExecutorService heartbeat;

    TestLabNamespace(OpcUaServer server, String uri, UnaryOperator<String> naming, List<TestSynthesisDevice> devices) {
        super(server, uri);
        this.naming = naming;
        this.devices = devices;
        this.subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
        getLifecycleManager().addStartupTask(this::build);
        getLifecycleManager().addShutdownTask(() -> {
            if (heartbeat != null) {
                heartbeat.shutdownNow();
            }
            devices.forEach(d -> d.output = (k, v) -> { });
        });
    }

    private NodeId node(String canonical) {
        return newNodeId(naming.apply(canonical));
    }

    private void build() {
        for (TestSynthesisDevice d : devices) {
            buildDevice(d);
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-opcua-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> devices.forEach(d -> set(d.id + "/Heartbeat", DateTime.now())), 0, 200, TimeUnit.MILLISECONDS);
    }

    private void buildDevice(TestSynthesisDevice d) {
        String id = d.id;
        UaFolderNode root = folder(null, id, id);
        UaFolderNode ident = folder(root, id + "/Identification", "Identification");
        UaFolderNode fu = folder(root, id + "/FunctionalUnit", "FunctionalUnit");
        UaFolderNode sm = folder(fu, id + "/FunctionalUnit/StateMachine", "StateMachine");
        UaFolderNode sensors = folder(root, id + "/Sensors", "Sensors");
        variable(ident, id + "/Identification/Model", NodeIds.String, "test " + d.kind.name().toLowerCase());
        variable(ident, id + "/Identification/SerialNumber", NodeIds.String, "TEST-" + id);
        variable(root, id + "/Heartbeat", NodeIds.DateTime, DateTime.now());
        variable(root, id + "/ErrorCode", NodeIds.Int32, 0);
        variable(root, id + "/ErrorMessage", NodeIds.String, "");
        variable(sm, id + "/FunctionalUnit/StateMachine/CurrentState", NodeIds.String, d.state);
        variable(fu, id + "/FunctionalUnit/LastCommandId", NodeIds.String, d.lastCommandId);
        variable(fu, id + "/FunctionalUnit/Result", NodeIds.String, d.result);
        variable(sensors, id + "/Sensors/Door", NodeIds.Boolean, d.door);
        variable(sensors, id + "/Sensors/Occupancy", NodeIds.Int32, 0);
        variable(sensors, id + "/Sensors/Occupants", NodeIds.String, "[]");
        d.output = (path, value) -> set(id + "/" + path, value);
        method(fu, id, "Abort", List.of("commandId"), a -> d.abort(s(a[0])));
        switch (d.kind) {
            case DISPENSER -> {
                variable(root, id + "/Inventory", NodeIds.String, "{\"BaCO3\":500,\"TiO2\":500}");
                method(fu, id, "Dispense", List.of("commandId", "approvalToken", "sampleId", "material", "massMg:Double"), a ->
                        d.command("dispense", s(a[0]), s(a[1]), Arrays.asList(a[2], a[3], a[4]),
                                Map.of("sample", s(a[2]), "material", s(a[3]), "requestedMg", a[4],
                                        "dispensedMg", ((Double) a[4]) * 1.002), 0));
            }
            case MIXER -> method(fu, id, "Mix", List.of("commandId", "approvalToken", "sampleId", "durationS:Double", "method"), a ->
                    d.command("mix", s(a[0]), s(a[1]), Arrays.asList(a[2], a[3], a[4]), Map.of("sample", s(a[2])), 0));
            case TRANSFER -> method(fu, id, "Transfer", List.of("commandId", "approvalToken", "sampleId", "from", "to"), a ->
                    d.command("transfer", s(a[0]), s(a[1]), Arrays.asList(a[2], a[3], a[4]),
                            Map.of("sample", s(a[2]), "from", s(a[3]), "to", s(a[4])), 0));
            case FURNACE -> {
                UaFolderNode temp = folder(fu, id + "/FunctionalUnit/Temperature", "Temperature");
                variable(temp, id + "/FunctionalUnit/Temperature/CurrentValue", NodeIds.Double, 25.0);
                variable(fu, id + "/FunctionalUnit/Atmosphere", NodeIds.String, "air");
                method(fu, id, "SetDoor", List.of("commandId", "approvalToken", "open:Boolean"), a -> d.setDoor(s(a[0]), s(a[1]), (Boolean) a[2]));
                method(fu, id, "StartProgram", List.of("commandId", "approvalToken", "programJson"), a -> {
                    Map<String, Object> program = TestSynthesisDevice.json(s(a[2]));
                    double max = 25;
                    for (Object seg : (List<?>) program.get("profile")) {
                        Object t = ((Map<?, ?>) ((Map<?, ?>) seg).get("temperature")).get("value");
                        max = Math.max(max, ((Number) t).doubleValue());
                    }
                    return d.command("startProgram", s(a[0]), s(a[1]), List.of(s(a[2])),
                            Map.of("maxTemperatureC", max, "endTime", "2026-01-01T12:00:00Z"), 0);
                });
            }
        }
    }

    private static String s(Object o) {
        return o == null ? null : o.toString();
    }

    private UaFolderNode folder(UaFolderNode parent, String canonical, String name) {
        UaFolderNode f = new UaFolderNode(getNodeContext(), node(canonical), newQualifiedName(name), LocalizedText.english(name));
        getNodeManager().addNode(f);
        if (parent == null) {
            f.addReference(new Reference(f.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
        } else {
            parent.addOrganizes(f);
        }
        return f;
    }

    private void variable(UaFolderNode parent, String canonical, NodeId type, Object value) {
        String name = canonical.substring(canonical.lastIndexOf('/') + 1);
        UaVariableNode v = UaVariableNode.builder(getNodeContext())
                .setNodeId(node(canonical))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(type)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .build();
        v.setValue(new DataValue(new Variant(value)));
        getNodeManager().addNode(v);
        parent.addOrganizes(v);
        variables.put(canonical, v);
    }

    private void set(String canonical, Object value) {
        UaVariableNode v = variables.get(canonical);
        if (v != null) {
            v.setValue(new DataValue(new Variant(value)));
        }
    }

    /** A method whose inputs are Strings unless written {@code name:Double} or {@code name:Boolean}; output {@code status}. */
    private void method(UaFolderNode parent, String id, String name, List<String> inputs, Function<Object[], String> body) {
        UaMethodNode m = UaMethodNode.builder(getNodeContext())
                .setNodeId(node(id + "/FunctionalUnit/" + name))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .build();
        List<Argument> in = new ArrayList<>();
        for (String i : inputs) {
            String[] p = i.split(":");
            NodeId type = p.length == 1 ? NodeIds.String : p[1].equals("Double") ? NodeIds.Double : NodeIds.Boolean;
            in.add(new Argument(p[0], type, -1, null, LocalizedText.english(p[0])));
        }
        Argument[] inArgs = in.toArray(Argument[]::new);
        Argument[] outArgs = {new Argument("status", NodeIds.String, -1, null, LocalizedText.english("status"))};
        AbstractMethodInvocationHandler handler = new AbstractMethodInvocationHandler(m) {
            @Override
            public Argument[] getInputArguments() {
                return inArgs;
            }

            @Override
            public Argument[] getOutputArguments() {
                return outArgs;
            }

            @Override
            protected Variant[] invoke(InvocationContext context, Variant[] values) {
                Object[] args = Arrays.stream(values).map(Variant::getValue).toArray();
                return new Variant[] {new Variant(body.apply(args))};
            }
        };
        m.setInputArguments(inArgs);
        m.setOutputArguments(outArgs);
        m.setInvocationHandler(handler);
        getNodeManager().addNode(m);
        parent.addReference(new Reference(parent.getNodeId(), NodeIds.HasComponent, m.getNodeId().expanded(), true));
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        subscriptionModel.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        subscriptionModel.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        subscriptionModel.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        subscriptionModel.onMonitoringModeChanged(items);
    }
}
