package org.athanor.instruments.opcua;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.instruments.config.NodeRef;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePath;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePathResult;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePath;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePathElement;

/**
 * Finds each capability's node on the server. Defaults follow instruments/PROTOCOL.md ({@code nsu=<namespace>;s=<id>/
 * <path>}); the lab configuration may name any node instead, by node id or by browse path, so a vendor server with
 * another address space is connected by configuration. Methods are called on their object: configured, or the
 * method's parent ({@code <id>/FunctionalUnit} by default, the parent segment of a browse path otherwise).
 */
final class OpcUaNodes {

    /** A method and the object it is called on. */
    record MethodRef(NodeId object, NodeId method) {
    }

    static final Map<String, String> DEFAULT_PATHS = Map.ofEntries(
            Map.entry("model", "Identification/Model"),
            Map.entry("serialNumber", "Identification/SerialNumber"),
            Map.entry("heartbeat", "Heartbeat"),
            Map.entry("errorCode", "ErrorCode"),
            Map.entry("errorMessage", "ErrorMessage"),
            Map.entry("state", "FunctionalUnit/StateMachine/CurrentState"),
            Map.entry("lastCommandId", "FunctionalUnit/LastCommandId"),
            Map.entry("result", "FunctionalUnit/Result"),
            Map.entry("door", "Sensors/Door"),
            Map.entry("occupancy", "Sensors/Occupancy"),
            Map.entry("occupants", "Sensors/Occupants"),
            Map.entry("temperature", "FunctionalUnit/Temperature/CurrentValue"),
            Map.entry("temperatureTarget", "FunctionalUnit/Temperature/TargetValue"),
            Map.entry("gasFlow", "FunctionalUnit/GasFlow/CurrentValue"),
            Map.entry("gasFlowTarget", "FunctionalUnit/GasFlow/TargetValue"),
            Map.entry("atmosphere", "FunctionalUnit/Atmosphere"),
            Map.entry("inventory", "Inventory"),
            Map.entry("start", "FunctionalUnit/Start"),
            Map.entry("stop", "FunctionalUnit/Stop"),
            Map.entry("abort", "FunctionalUnit/Abort"),
            Map.entry("clear", "FunctionalUnit/Clear"),
            Map.entry("dispense", "FunctionalUnit/Dispense"),
            Map.entry("mix", "FunctionalUnit/Mix"),
            Map.entry("transfer", "FunctionalUnit/Transfer"),
            Map.entry("setDoor", "FunctionalUnit/SetDoor"),
            Map.entry("startProgram", "FunctionalUnit/StartProgram"));

    private final InstrumentConfig config;
    private final OpcUaClient client;
    private final Map<String, NodeId> resolved = new HashMap<>();

    OpcUaNodes(InstrumentConfig config, OpcUaClient client) {
        this.config = config;
        this.client = client;
    }

    synchronized NodeId variable(String name) throws UaException {
        NodeId cached = resolved.get(name);
        if (cached != null) {
            return cached;
        }
        NodeRef ref = config.nodes().get(name);
        NodeId id = ref == null ? defaultNode(DEFAULT_PATHS.get(name)) : resolve(ref.node());
        resolved.put(name, id);
        return id;
    }

    synchronized MethodRef method(String name) throws UaException {
        NodeId method = variable(name);
        NodeRef ref = config.nodes().get(name);
        NodeId object;
        if (ref == null) {
            String path = DEFAULT_PATHS.get(name);
            object = defaultNode(path.substring(0, path.lastIndexOf('/')));
        } else if (ref.object() != null) {
            object = resolve(ref.object());
        } else if (ref.isBrowsePath()) {
            object = resolve(ref.node().substring(0, ref.node().lastIndexOf('/')));
        } else {
            throw new UaException(org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_ConfigurationError,
                    "method node '" + name + "' of " + config.id() + " is a node id; give its object as nodes." + name + ".object");
        }
        return new MethodRef(object, method);
    }

    private NodeId defaultNode(String path) throws UaException {
        if (path == null) {
            throw new UaException(org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_ConfigurationError, "no default node");
        }
        return resolve("nsu=" + config.opcua().namespace() + ";s=" + config.id() + "/" + path);
    }

    private NodeId resolve(String text) throws UaException {
        if (text.startsWith("/")) {
            return browse(text);
        }
        if (text.startsWith("nsu=")) {
            return ExpandedNodeId.parse(text).toNodeIdOrThrow(client.getNamespaceTable());
        }
        return NodeId.parse(text);
    }

    /** {@code /Objects/2:Kiln/Temp}: segments after Objects, prefixed by a namespace index or in the instrument's namespace. */
    private NodeId browse(String path) throws UaException {
        String[] segments = path.substring(1).split("/");
        int start = segments.length > 0 && segments[0].equals("Objects") ? 1 : 0;
        int defaultNs = namespaceIndex();
        List<RelativePathElement> elements = new ArrayList<>();
        for (int i = start; i < segments.length; i++) {
            String s = segments[i];
            int colon = s.indexOf(':');
            QualifiedName name = colon > 0 && s.substring(0, colon).chars().allMatch(Character::isDigit)
                    ? new QualifiedName(Integer.parseInt(s.substring(0, colon)), s.substring(colon + 1))
                    : new QualifiedName(defaultNs, s);
            elements.add(new RelativePathElement(NodeIds.HierarchicalReferences, false, true, name));
        }
        BrowsePath browsePath = new BrowsePath(NodeIds.ObjectsFolder, new RelativePath(elements.toArray(RelativePathElement[]::new)));
        BrowsePathResult result = client.translateBrowsePaths(List.of(browsePath)).getResults()[0];
        if (!result.getStatusCode().isGood() || result.getTargets() == null || result.getTargets().length == 0) {
            throw new UaException(result.getStatusCode(), "browse path " + path + " of " + config.id() + " not found on the server");
        }
        return result.getTargets()[0].getTargetId().toNodeIdOrThrow(client.getNamespaceTable());
    }

    private int namespaceIndex() throws UaException {
        var index = client.getNamespaceTable().getIndex(config.opcua().namespace());
        if (index == null) {
            throw new UaException(org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_ConfigurationError,
                    "server has no namespace " + config.opcua().namespace());
        }
        return index.intValue();
    }

    synchronized void forget() {
        resolved.clear();
    }
}
