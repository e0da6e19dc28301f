package org.athanor.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Limits stated in the goal; every step must respect them. All fields are optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Constraints(
        Quantity maxTemperature,
        Quantity maxRampRate,
        Atmosphere atmosphere,
        List<String> characterization,
        Double targetPhaseFraction) {

    public static final Constraints NONE = new Constraints(null, null, null, null, null);

    public Constraints {
        characterization = characterization == null ? null : List.copyOf(characterization);
    }
}
