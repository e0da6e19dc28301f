package org.athanor.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The product a workflow makes: reduced formula, optional name, composition per formula unit and product mass. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(String formula, String name, Map<String, Double> composition, Quantity mass) {

    public Target {
        composition = composition == null ? null : Map.copyOf(composition);
    }
}
