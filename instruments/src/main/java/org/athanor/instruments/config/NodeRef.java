package org.athanor.instruments.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where an OPC UA capability lives on a server: a node id ({@code ns=2;s=furnace/Temp}, {@code nsu=urn:x;i=1001}) or
 * a browse path from the Objects folder ({@code /Objects/2:Furnace/2:Temperature}; segments without a prefix are in
 * the instrument's namespace URI). For a method, {@code object} names the object it is called on; without it the
 * object is the method's parent on the browse path.
 */
public record NodeRef(String node, String object) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public NodeRef(@JsonProperty(value = "node", required = true) String node, @JsonProperty("object") String object) {
        this.node = node;
        this.object = object;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static NodeRef of(String node) {
        return new NodeRef(node, null);
    }

    public boolean isBrowsePath() {
        return node.startsWith("/");
    }
}
