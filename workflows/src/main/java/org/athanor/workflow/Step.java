package org.athanor.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a workflow. {@code params} keeps the step's parameters exactly as in the interchange form
 * (so unknown extension properties survive a round trip); the typed accessors read them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(String id, Action action, String instrument, String sample, List<String> after, Map<String, Object> params) {

    public Step {
        after = after == null ? null : List.copyOf(after);
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A copy with one parameter set (used by planners when revising a step). */
    public Step withParam(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(name, WorkflowJson.mapper().convertValue(value, Object.class));
        return new Step(id, action, instrument, sample, after, copy);
    }

    public Step withInstrument(String newInstrument) {
        return new Step(id, action, newInstrument, sample, after, params);
    }

    @JsonIgnore
    public Optional<Quantity> quantity(String name) {
        Quantity plain = plainQuantity(params.get(name));
        return plain != null ? Optional.of(plain) : param(name, new TypeReference<Quantity>() {});
    }

    @JsonIgnore
    public Optional<String> text(String name) {
        Object v = params.get(name);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /** dispense: the precursor formula. */
    @JsonIgnore
    public Optional<String> material() {
        return text("material");
    }

    /** heat: the furnace program, empty when absent. */
    @JsonIgnore
    public List<HeatSegment> profile() {
        List<HeatSegment> plain = plainProfile(params.get("profile"));
        if (plain != null) {
            return plain;
        }
        return param("profile", new TypeReference<List<HeatSegment>>() {}).orElse(List.of());
    }

    /** heat: the atmosphere. */
    @JsonIgnore
    public Optional<Atmosphere> atmosphere() {
        Atmosphere plain = plainAtmosphere(params.get("atmosphere"));
        if (plain != null) {
            return Optional.of(plain);
        }
        return param("atmosphere", new TypeReference<Atmosphere>() {});
    }

    /** heat: the crucible material (alumina, quartz, platinum, zirconia, magnesia, graphite, boron-nitride). */
    @JsonIgnore
    public Optional<String> crucible() {
        return text("crucible");
    }

    private <T> Optional<T> param(String name, TypeReference<T> type) {
        Object v = params.get(name);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(WorkflowJson.mapper().convertValue(v, type));
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("step '" + id + "': parameter '" + name + "' is malformed: " + rootMessage(e), e);
        }
    }

    /*
     * The safety gate reads every quantity of every step it vets; Jackson's convertValue is most of that cost. A value
     * in the usual form JSON reading gives ({"value": number, "unit": "text"}) is built directly into the same record
     * Jackson would build; anything else (absent parts, text numbers, other types, malformed values) returns null and
     * goes through Jackson, which keeps its coercions and its error messages.
     */
    private static Quantity plainQuantity(Object v) {
        if (v instanceof Map<?, ?> m && m.get("unit") instanceof String unit && !unit.isBlank()) {
            Object value = m.get("value");
            if (value instanceof Double || value instanceof Integer || value instanceof Long) {
                return new Quantity(((Number) value).doubleValue(), unit);
            }
        }
        return null;
    }

    /** The profile built directly when every segment is plain (see {@link #plainQuantity}); null otherwise. */
    private static List<HeatSegment> plainProfile(Object v) {
        if (!(v instanceof List<?> segments)) {
            return null;
        }
        List<HeatSegment> out = new java.util.ArrayList<>(segments.size());
        for (Object o : segments) {
            if (!(o instanceof Map<?, ?> m)) {
                return null;
            }
            Object t = m.get("temperature");
            Object r = m.get("rampRate");
            Object h = m.get("hold");
            Quantity temperature = plainQuantity(t);
            Quantity rampRate = plainQuantity(r);
            Quantity hold = plainQuantity(h);
            if ((t != null && temperature == null) || (r != null && rampRate == null) || (h != null && hold == null)) {
                return null;
            }
            out.add(new HeatSegment(temperature, rampRate, hold));
        }
        return out;
    }

    /** The atmosphere built directly when every part present is plain (see {@link #plainQuantity}); null otherwise. */
    private static Atmosphere plainAtmosphere(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return null;
        }
        Object gas = m.get("gas");
        Object h2 = m.get("h2Percent");
        Object f = m.get("flow");
        Quantity flow = plainQuantity(f);
        if ((gas != null && !(gas instanceof String)) || (f != null && flow == null)
                || (h2 != null && !(h2 instanceof Double || h2 instanceof Integer))) {
            return null;
        }
        return new Atmosphere((String) gas, h2 == null ? null : ((Number) h2).doubleValue(), flow);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
