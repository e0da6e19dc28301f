package org.athanor.workflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.athanor.workflow.Action;
import org.athanor.workflow.Step;
import org.athanor.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;

class CanonicalStepWriterTest {

    /** Characters where JSON writers differ: every control character, quote, backslash, DEL, two- and three-byte UTF-8. */
    private static final String AWKWARD = buildAwkward();

    private static String buildAwkward() {
        StringBuilder b = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            b.append(c);
        }
        return b.append("\"\\/'\u007f\u0080é°τ\u2028\u2029€\ufffe\uffff").toString();
    }

    private static final double[] AWKWARD_DOUBLES = {0.0, -0.0, 1e-7, 1e-3, 1e7, 1e21, 1e22, 123456789.125, -5e-324,
            Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 0.1 + 0.2, 1473.15, 2.0 / 3, 9999999.0, -9999999.0,
            9999999.5, 1e7 + 1, 900.0, -1.0, 1.0, 4503599627370496.0};

    @Test
    void writesRandomPlainStepsToTheBytesJacksonWrites() throws Exception {
        Random random = new Random(20261127L);
        int written = 0;
        for (int i = 0; i < 1500; i++) {
            Step step = randomStep(random, i);
            byte[] direct = CanonicalStepWriter.write(step);
            byte[] reference = ApprovalTokens.referenceBytes(step);
            if (direct != null) {
                written++;
                assertThat(new String(direct, StandardCharsets.UTF_8)).as("step %d", i)
                        .isEqualTo(new String(reference, StandardCharsets.UTF_8));
                assertThat(direct).isEqualTo(reference);
            }
            assertThat(ApprovalTokens.canonicalBytes(step)).isEqualTo(reference);
        }
        // Most random steps are plain; the writer must actually cover them, not hand everything to Jackson.
        assertThat(written).isGreaterThan(1000);
    }

    @Test
    void writesStepsReadFromJsonToTheBytesJacksonWrites() throws Exception {
        Random random = new Random(77);
        for (int i = 0; i < 500; i++) {
            Step step = randomStep(random, i);
            Step parsed = WorkflowJson.mapper().readValue(WorkflowJson.mapper().writeValueAsBytes(step), Step.class);
            byte[] direct = CanonicalStepWriter.write(parsed);
            if (direct != null) {
                assertThat(direct).isEqualTo(ApprovalTokens.referenceBytes(parsed));
            }
        }
    }

    @Test
    void writesWholeNumbersAsDoubleToStringDoes() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 5000; i++) {
            double d = i < 2000 ? i - 1000 : (double) (random.nextInt(40_000_001) - 20_000_000);
            Step step = new Step("s", Action.HEAT, null, null, null, Map.of("t", d));
            assertThat(new String(CanonicalStepWriter.write(step), StandardCharsets.UTF_8))
                    .isEqualTo("{\"action\":\"heat\",\"id\":\"s\",\"params\":{\"t\":" + Double.toString(d) + "}}");
        }
    }

    @Test
    void leavesNullsSurrogatesNonFiniteNumbersAndOtherTypesToJackson() throws Exception {
        List<Object> outside = Arrays.asList(null, "a\ud83d\ude00b", "lone \ud800", Double.NaN, Double.POSITIVE_INFINITY,
                3.5f, (short) 2, new java.math.BigDecimal("1.10"), new java.util.TreeMap<>(Map.of("b", 1, "a", 2)),
                Map.of(1, "integer key"));
        for (Object value : outside) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("value", value);
            Step step = new Step("s", Action.MIX, "mill", "s1", null, params);
            assertThat(CanonicalStepWriter.write(step)).as("%s", value).isNull();
        }
    }

    @Test
    void issuesTheSameTokenFromCanonicalBytesAsFromTheStep() throws Exception {
        ApprovalTokens tokens = new ApprovalTokens("test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            Step step = randomStep(random, i);
            ApprovalTokens.CanonicalStep canonical = ApprovalTokens.canonical(step);
            assertThat(tokens.issue("run-" + i, canonical)).isEqualTo(tokens.issue("run-" + i, step));
            assertThat(tokens.verify("run-" + i, step, tokens.issue("run-" + i, canonical))).isTrue();
            MessageDigest a = MessageDigest.getInstance("SHA-256");
            canonical.update(a);
            MessageDigest b = MessageDigest.getInstance("SHA-256");
            b.update(ApprovalTokens.referenceBytes(step));
            assertThat(HexFormat.of().formatHex(a.digest())).isEqualTo(HexFormat.of().formatHex(b.digest()));
        }
    }

    private static Step randomStep(Random random, int i) {
        Action action = random.nextInt(8) == 0 ? null : Action.values()[random.nextInt(Action.values().length)];
        List<String> after = random.nextBoolean() ? null : List.of(randomText(random), randomText(random));
        return new Step(random.nextInt(20) == 0 ? null : "step-" + i + randomText(random), action,
                random.nextBoolean() ? randomText(random) : null, random.nextBoolean() ? "s" + random.nextInt(3) : null,
                after, randomMap(random, 0));
    }

    private static Map<String, Object> randomMap(Random random, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = random.nextInt(6);
        for (int k = 0; k < n; k++) {
            m.put(random.nextInt(4) == 0 ? randomText(random) : randomKey(random), randomValue(random, depth + 1));
        }
        return m;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 7 : 9);
        return switch (kind) {
            case 0 -> random.nextInt();
            case 1 -> random.nextBoolean() ? random.nextLong() : (random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE);
            case 2 -> random.nextBoolean() ? (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20)
                    : (double) (random.nextInt(30_000_001) - 15_000_000);
            case 3 -> random.nextBoolean() ? AWKWARD_DOUBLES[random.nextInt(AWKWARD_DOUBLES.length)]
                    : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            case 4, 5 -> randomText(random);
            case 6 -> random.nextBoolean();
            case 7 -> randomMap(random, depth);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        for (int k = random.nextInt(8); k > 0; k--) {
            b.append(random.nextInt(3) == 0 ? AWKWARD.charAt(random.nextInt(AWKWARD.length()))
                    : (char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static String randomKey(Random random) {
        String letters = "zAaBb_1é°";
        StringBuilder b = new StringBuilder();
        for (int k = 1 + random.nextInt(4); k > 0; k--) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }
}
