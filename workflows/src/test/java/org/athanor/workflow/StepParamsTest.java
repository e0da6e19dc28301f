package org.athanor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed accessors give exactly what Jackson gives for the same parameter, whatever its form. */
class StepParamsTest {

    private static final List<Object> VALUES = Arrays.asList(
            Map.of("value", 1200.5, "unit", "°C"),
            Map.of("value", 3, "unit", "g"),
            Map.of("value", 12345678901L, "unit", "mg"),
            Map.of("value", "7.5", "unit", "h"),
            Map.of("value", 2.0, "unit", " "),
            Map.of("value", 2.0),
            Map.of("unit", "g"),
            Map.of("value", 2.0, "unit", "g", "note", "extra"),
            Map.of("value", 2.0, "unit", 5),
            Map.of("value", true, "unit", "g"),
            Map.of("value", List.of(1), "unit", "g"),
            "2 g",
            17,
            List.of(Map.of("value", 1, "unit", "g")));

    @Test
    void readsEveryQuantityFormAsJacksonDoes() {
        for (Object v : VALUES) {
            Step step = new Step("s", Action.DISPENSE, null, null, null, Map.of("mass", v));
            assertSameOutcome(() -> step.quantity("mass"),
                    () -> Optional.of(WorkflowJson.mapper().convertValue(v, new TypeReference<Quantity>() {})), v);
        }
    }

    @Test
    void readsEveryProfileFormAsJacksonDoes() {
        for (Object t : VALUES) {
            for (Object r : Arrays.asList(null, Map.of("value", 5, "unit", "°C/min"), "fast")) {
                Map<String, Object> segment = new HashMap<>();
                segment.put("temperature", t);
                if (r != null) {
                    segment.put("rampRate", r);
                }
                segment.put("hold", Map.of("value", 4, "unit", "h"));
                for (Object profile : Arrays.asList(List.of(segment), List.of(segment, Map.of()), List.of("x"), segment)) {
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("profile", profile);
                    Step step = new Step("h", Action.HEAT, null, null, null, params);
                    assertSameOutcome(step::profile,
                            () -> WorkflowJson.mapper().convertValue(profile, new TypeReference<List<HeatSegment>>() {}), profile);
                }
            }
        }
    }

    @Test
    void readsEveryAtmosphereFormAsJacksonDoes() {
        List<Object> gases = Arrays.asList(null, "air", "H2/Ar", 3);
        List<Object> h2s = Arrays.asList(null, 5, 4.5, "5", 7L);
        for (Object gas : gases) {
            for (Object h2 : h2s) {
                for (Object flow : VALUES) {
                    Map<String, Object> atmosphere = new HashMap<>();
                    if (gas != null) {
                        atmosphere.put("gas", gas);
                    }
                    atmosphere.put("h2Percent", h2);
                    atmosphere.put("flow", flow);
                    Step step = new Step("h", Action.HEAT, null, null, null, Map.of("atmosphere", atmosphere));
                    assertSameOutcome(() -> step.atmosphere(),
                            () -> Optional.of(WorkflowJson.mapper().convertValue(atmosphere, Atmosphere.class)), atmosphere);
                }
            }
        }
    }

    private static void assertSameOutcome(java.util.function.Supplier<Object> actual,
                                          java.util.function.Supplier<Object> jackson, Object input) {
        Throwable expectedError = catchThrowable(jackson::get);
        if (expectedError == null) {
            assertThat(actual.get()).as("for %s", input).isEqualTo(jackson.get());
        } else {
            assertThat(catchThrowable(actual::get)).as("for %s", input).isInstanceOf(WorkflowException.class);
        }
    }
}
