package org.athanor.instruments.analysis.xrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.athanor.instruments.formats.PatternReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two- and three-phase mixtures made with pymatgen (synthetic/generate_mixtures.py: strained cells, zero shift,
 * Scherrer broadening, Kα2, background, Poisson noise), identified against a 22-phase library. The truth is in
 * synthetic/mixtures.json; "holdout" mixtures were not looked at while the method was developed.
 */
class SyntheticMixtureTest {

    /** Largest absolute weight-fraction error accepted per phase. */
    private static final double WEIGHT_TOLERANCE = 0.05;

    private static PhaseIdentifier identifier;

    @BeforeAll
    static void loadLibrary() {
        identifier = new PhaseIdentifier(PhaseLibrary.fromDirectory(MeasuredPatternTest.resource("library-synthetic")));
    }

    static Stream<Arguments> mixtures() throws IOException {
        try (InputStream in = SyntheticMixtureTest.class.getResourceAsStream("/org/athanor/instruments/analysis/xrd/synthetic/mixtures.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Stream.Builder<Arguments> out = Stream.builder();
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                out.add(Arguments.of(root.get(name).get("role").asText(), name, root.get(name)));
            }
            return out.build();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("mixtures")
    void findsExactlyTheMixedPhasesWithTheirWeightFractions(String role, String name, JsonNode truth) {
        PhaseIdentification result = identifier.identify(PatternReader.read(MeasuredPatternTest.resource("synthetic/" + name + ".xy")));

        Map<String, Double> expected = new HashMap<>();
        truth.get("phases").forEach(p -> expected.put(p.get("id").asText(), p.get("weightFraction").asDouble()));
        assertThat(result.phases()).as(result.toString()).filteredOn(p -> p.weightFraction() > 0.05)
                .extracting(IdentifiedPhase::id).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (IdentifiedPhase phase : result.phases()) {
            if (expected.containsKey(phase.id())) {
                assertThat(phase.weightFraction()).as(phase.id() + " in " + name).isCloseTo(expected.get(phase.id()), within(WEIGHT_TOLERANCE));
            }
        }
        truth.get("phases").forEach(p -> {
            IdentifiedPhase found = result.phases().stream().filter(f -> f.id().equals(p.get("id").asText())).findFirst().orElseThrow();
            assertThat(found.strain()).as("strain of " + found.id()).isCloseTo(p.get("strain").asDouble(), within(0.003));
        });
        System.out.printf(java.util.Locale.ROOT, "%s %s: Rwp %.2f %%%s%n", role, name, result.rwp(),
                result.phases().stream().map(f -> String.format(java.util.Locale.ROOT, " %s %.3f (true %.3f, conf %.2f)", f.id(), f.weightFraction(),
                        expected.getOrDefault(f.id(), 0.0), f.confidence())).reduce("", String::concat));
    }
}
