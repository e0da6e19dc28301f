package org.athanor.simulators.opcua;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.athanor.simulators.lab.Dispenser;
import org.athanor.simulators.lab.Furnace;
import org.athanor.simulators.lab.Mixer;
import org.athanor.simulators.lab.SynthesisInstrument;
import org.athanor.simulators.lab.TransferRobot;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilters;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * The address space of instruments/PROTOCOL.md: one LADS-like folder per instrument under Objects, string node ids
 * {@code <instrumentId>/<path>}. Variable values are computed from the instruments when read, so they follow the
 * lab clock without a per-tick thread; subscriptions sample them through Milo's {@link SubscriptionModel}.
 */
final class LabNamespace extends ManagedNamespaceWithLifecycle {

    static final String URI = "urn:athanor:lab";

    private final SubscriptionModel subscriptionModel;
    private final List<SynthesisInstrument> instruments;

    LabNamespace(OpcUaServer server, List<SynthesisInstrument> instruments) {
        super(server, URI);
        this.instruments = List.copyOf(instruments);
        this.subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
        getLifecycleManager().addStartupTask(this::addInstruments);
    }

    private void addInstruments() {
        for (SynthesisInstrument instrument : instruments) {
            addInstrument(instrument);
        }
    }

    private void addInstrument(SynthesisInstrument it) {
        String id = it.id();
        UaFolderNode root = folder(id, id);
        root.addReference(new Reference(root.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));

        UaFolderNode identification = child(root, id + "/Identification", "Identification");
        variable(identification, id + "/Identification/Model", NodeIds.String, it::model);
        variable(identification, id + "/Identification/SerialNumber", NodeIds.String, it::serialNumber);
        variable(root, id + "/Heartbeat", NodeIds.DateTime, () -> new DateTime(it.heartbeat()));
        variable(root, id + "/ErrorCode", NodeIds.Int32, it::errorCode);
        variable(root, id + "/ErrorMessage", NodeIds.String, it::errorMessage);

        UaFolderNode unit = child(root, id + "/FunctionalUnit", "FunctionalUnit");
        UaFolderNode stateMachine = child(unit, id + "/FunctionalUnit/StateMachine", "StateMachine");
        variable(stateMachine, id + "/FunctionalUnit/StateMachine/CurrentState", NodeIds.String, it::state);
        variable(unit, id + "/FunctionalUnit/LastCommandId", NodeIds.String, it::lastCommandId);
        variable(unit, id + "/FunctionalUnit/Result", NodeIds.String, it::result);
        Argument[] commandOnly = {CommandMethod.string("commandId")};
        method(unit, it, "Start", commandOnly, in -> it.start(CommandMethod.text(in[0])));
        method(unit, it, "Stop", commandOnly, in -> it.stop(CommandMethod.text(in[0])));
        method(unit, it, "Abort", commandOnly, in -> it.abort(CommandMethod.text(in[0])));
        method(unit, it, "Clear", commandOnly, in -> it.clear(CommandMethod.text(in[0])));

        UaFolderNode sensors = child(root, id + "/Sensors", "Sensors");
        variable(sensors, id + "/Sensors/Door", NodeIds.Boolean, it::doorOpen);
        variable(sensors, id + "/Sensors/Occupancy", NodeIds.Int32, it::occupancy);
        variable(sensors, id + "/Sensors/Occupants", NodeIds.String, it::occupantsJson);

        if (it instanceof Dispenser d) {
            variable(root, id + "/Inventory", NodeIds.String, d::inventoryJson);
            method(unit, it, "Dispense", args("sampleId", "material", "massMg"),
                    in -> d.dispense(text(in, 0), text(in, 1), text(in, 2), text(in, 3), CommandMethod.number(in[4])));
        } else if (it instanceof Mixer m) {
            method(unit, it, "Mix", new Argument[] {CommandMethod.string("commandId"), CommandMethod.string("approvalToken"),
                            CommandMethod.string("sampleId"), CommandMethod.number("durationS"), CommandMethod.string("method")},
                    in -> m.mix(text(in, 0), text(in, 1), text(in, 2), CommandMethod.number(in[3]), text(in, 4)));
        } else if (it instanceof TransferRobot r) {
            method(unit, it, "Transfer", new Argument[] {CommandMethod.string("commandId"), CommandMethod.string("approvalToken"),
                            CommandMethod.string("sampleId"), CommandMethod.string("from"), CommandMethod.string("to")},
                    in -> r.transfer(text(in, 0), text(in, 1), text(in, 2), text(in, 3), text(in, 4)));
        } else if (it instanceof Furnace f) {
            addFurnace(f, unit, root);
        }
    }

    private void addFurnace(Furnace f, UaFolderNode unit, UaFolderNode root) {
        String id = f.id();
        UaFolderNode temperature = child(unit, id + "/FunctionalUnit/Temperature", "Temperature");
        variable(temperature, id + "/FunctionalUnit/Temperature/CurrentValue", NodeIds.Double, f::temperatureC);
        variable(temperature, id + "/FunctionalUnit/Temperature/TargetValue", NodeIds.Double, f::setpointC);
        UaFolderNode gas = child(unit, id + "/FunctionalUnit/GasFlow", "GasFlow");
        variable(gas, id + "/FunctionalUnit/GasFlow/CurrentValue", NodeIds.Double, f::gasFlow);
        variable(gas, id + "/FunctionalUnit/GasFlow/TargetValue", NodeIds.Double, f::gasFlowTarget);
        variable(unit, id + "/FunctionalUnit/Atmosphere", NodeIds.String, f::atmosphereGas);
        method(unit, f, "SetDoor", new Argument[] {CommandMethod.string("commandId"), CommandMethod.string("approvalToken"),
                        CommandMethod.bool("open")},
                in -> f.setDoor(text(in, 0), text(in, 1), CommandMethod.bool(in[2])));
        method(unit, f, "StartProgram", new Argument[] {CommandMethod.string("commandId"), CommandMethod.string("approvalToken"),
                        CommandMethod.string("programJson")},
                in -> f.startProgram(text(in, 0), text(in, 1), text(in, 2)));
        UaFolderNode limits = child(root, id + "/Limits", "Limits");
        variable(limits, id + "/Limits/MaxTemperature", NodeIds.Double, () -> f.spec().maxTemperatureC());
        variable(limits, id + "/Limits/MaxRamp", NodeIds.Double, () -> f.spec().maxRampCPerMin());
        variable(limits, id + "/Limits/Slots", NodeIds.Int32, () -> f.spec().slots());
        variable(limits, id + "/Limits/Gases", NodeIds.String, () -> String.join(",", f.spec().gases()));
    }

    private static Argument[] args(String sample, String material, String mass) {
        return new Argument[] {CommandMethod.string("commandId"), CommandMethod.string("approvalToken"),
                CommandMethod.string(sample), CommandMethod.string(material), CommandMethod.number(mass)};
    }

    private static String text(Variant[] in, int i) {
        return CommandMethod.text(in[i]);
    }

    private UaFolderNode folder(String path, String name) {
        UaFolderNode node = new UaFolderNode(getNodeContext(), newNodeId(path), newQualifiedName(name), LocalizedText.english(name));
        getNodeManager().addNode(node);
        return node;
    }

    private UaFolderNode child(UaFolderNode parent, String path, String name) {
        UaFolderNode node = folder(path, name);
        parent.addOrganizes(node);
        return node;
    }

    private void variable(UaFolderNode parent, String path, NodeId type, Supplier<Object> value) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        UaVariableNode node = UaVariableNode.builder(getNodeContext())
                .setNodeId(newNodeId(path))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(type)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .setAccessLevel(AccessLevel.READ_ONLY)
                .setUserAccessLevel(AccessLevel.READ_ONLY)
                .build();
        node.getFilterChain().addLast(AttributeFilters.getValue(ctx -> new DataValue(new Variant(value.get()))));
        getNodeManager().addNode(node);
        parent.addReference(new Reference(parent.getNodeId(), NodeIds.HasComponent, node.getNodeId().expanded(), true));
    }

    private void method(UaFolderNode parent, SynthesisInstrument instrument, String name, Argument[] inputs,
                        Function<Variant[], String> call) {
        String path = instrument.id() + "/FunctionalUnit/" + name;
        UaMethodNode node = UaMethodNode.builder(getNodeContext())
                .setNodeId(newNodeId(path))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .build();
        CommandMethod handler = new CommandMethod(node, instrument, inputs, call);
        node.setInputArguments(handler.getInputArguments());
        node.setOutputArguments(handler.getOutputArguments());
        node.setInvocationHandler(handler);
        getNodeManager().addNode(node);
        parent.addReference(new Reference(parent.getNodeId(), NodeIds.HasComponent, node.getNodeId().expanded(), true));
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptionModel.onMonitoringModeChanged(monitoredItems);
    }

}
