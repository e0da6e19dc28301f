package org.athanor.simulators.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.WorkflowJson;

/** Reads schema quantities ({"value","unit"}) from command params, converting to the unit the device works in. */
final class Params {

    private Params() {
    }

    static double quantity(JsonNode params, String name, String unit, double fallback) {
        JsonNode node = params.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        Quantity q = WorkflowJson.mapper().convertValue(node, Quantity.class);
        if (q.unit().equals(unit)) {
            return q.value();
        }
        return q.in(unit);
    }
}
