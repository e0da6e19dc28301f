package org.athanor.workflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.athanor.workflow.Action;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.Quantity;
import org.athanor.workflow.Step;
import org.athanor.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;

class ApprovalTokensTest {

    private final ApprovalTokens tokens = new ApprovalTokens("test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @Test
    void writesParsedStepsToTheSameCanonicalBytesAsTheMapRoute() throws Exception {
        Random random = new Random(20261127);
        for (int i = 0; i < 500; i++) {
            Step step = randomStep(random, i);
            // The step as a workflow file would give it: parameters are what JSON reading makes.
            Step parsed = WorkflowJson.mapper().readValue(WorkflowJson.mapper().writeValueAsBytes(step), Step.class);
            assertThat(new String(ApprovalTokens.canonicalBytes(parsed), StandardCharsets.UTF_8))
                    .isEqualTo(new String(ApprovalTokens.referenceBytes(parsed), StandardCharsets.UTF_8));
        }
    }

    @Test
    void writesStepsHoldingTypedValuesToTheSameCanonicalBytesAsTheMapRoute() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("profile", List.of(HeatSegment.celsius(1200, 5, 4)));
        params.put("mass", Quantity.of(2.5, "g"));
        params.put("count", 3.5f);
        Step step = new Step("fire", Action.HEAT, "furnace-1", "s1", null, params);
        assertThat(ApprovalTokens.canonicalBytes(step)).isEqualTo(ApprovalTokens.referenceBytes(step));
        assertThat(new String(ApprovalTokens.canonicalBytes(step), StandardCharsets.UTF_8))
                .startsWith("{\"action\":\"heat\",\"id\":\"fire\",\"instrument\":\"furnace-1\",\"params\":{\"count\":3.5,");
    }

    @Test
    void sortsKeysAtEveryLevel() throws Exception {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", List.of(Map.of("y", true), "x"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("zeta", inner);
        params.put("alpha", 2.25);
        Step step = new Step("s", Action.MIX, null, "s1", List.of("a", "b"), params);
        assertThat(new String(ApprovalTokens.canonicalBytes(step), StandardCharsets.UTF_8)).isEqualTo(
                "{\"action\":\"mix\",\"after\":[\"a\",\"b\"],\"id\":\"s\",\"params\":{\"alpha\":2.25,"
                        + "\"zeta\":{\"a\":[{\"y\":true},\"x\"],\"z\":1}},\"sample\":\"s1\"}");
    }

    @Test
    void verifiesItsOwnTokenAndRefusesAChangedStepRunOrKey() {
        Step step = new Step("d1", Action.DISPENSE, "doser", "s1", null,
                Map.of("material", "BaCO3", "mass", Map.of("value", 1.5, "unit", "g")));
        String token = tokens.issue("run-1", step);
        assertThat(tokens.verify("run-1", step, token)).isTrue();
        assertThat(tokens.issue("run-1", step)).isEqualTo(token);
        assertThat(tokens.verify("run-2", step, token)).isFalse();
        assertThat(tokens.verify("run-1", step.withParam("mass", Map.of("value", 1.6, "unit", "g")), token)).isFalse();
        assertThat(new ApprovalTokens("another-secret-0123456789".getBytes(StandardCharsets.UTF_8))
                .verify("run-1", step, token)).isFalse();
    }

    @Test
    void issuesTheSameTokensFromManyThreads() throws Exception {
        List<Step> steps = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            steps.add(randomStep(random, i));
        }
        List<String> expected = steps.stream().map(s -> tokens.issue("run", s)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> steps.stream().map(s -> tokens.issue("run", s)).toList()));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Step randomStep(Random random, int i) {
        Action action = Action.values()[random.nextInt(Action.values().length)];
        List<String> after = random.nextBoolean() ? null : List.of("p" + random.nextInt(5), "q" + random.nextInt(5));
        return new Step("step-" + i, random.nextInt(10) == 0 ? null : action,
                random.nextBoolean() ? "inst-" + random.nextInt(3) : null,
                random.nextBoolean() ? "s" + random.nextInt(3) : null, after, randomMap(random, 0));
    }

    private static Map<String, Object> randomMap(Random random, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = random.nextInt(5);
        for (int k = 0; k < n; k++) {
            m.put(randomKey(random), randomValue(random, depth + 1));
        }
        return m;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> random.nextInt(2000) - 1000;
            case 1 -> random.nextLong();
            case 2 -> random.nextDouble() * 1e4 - 5e3;
            case 3 -> "τ-" + random.nextInt(100) + (random.nextBoolean() ? "\"\\\n" : "°C");
            case 4 -> random.nextBoolean();
            case 5 -> random.nextInt(4) == 0 ? null : 1e-7 * random.nextInt(100);
            case 6 -> randomMap(random, depth);
            default -> java.util.Arrays.asList(randomValue(random, depth + 1), randomValue(random, depth + 1));
        };
    }

    private static String randomKey(Random random) {
        String letters = "zAaBb_1é";
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }
}
