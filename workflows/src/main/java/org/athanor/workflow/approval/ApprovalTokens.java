package org.athanor.workflow.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.athanor.workflow.Step;
import org.athanor.workflow.WorkflowJson;

/**
 * Approval tokens bind the safety gate's "approved" to a step's exact parameters: an HMAC-SHA256 over the step's
 * canonical JSON (keys sorted). The gate issues them; drivers verify them and refuse a command without a valid one,
 * so a step changed after vetting cannot reach hardware.
 */
public final class ApprovalTokens {

    private static final ObjectMapper CANONICAL = WorkflowJson.mapper().copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** Prepared once: a writer resolves its configuration at creation, not at every call. */
    private static final ObjectWriter CANONICAL_WRITER = CANONICAL.writer();
    /**
     * Writes a step straight to the same bytes as {@link #CANONICAL} does after converting it to a map (record
     * components and map keys sorted), without building the map. Used only when every parameter is plain JSON
     * (maps with text keys, lists, text, booleans and the number types JSON reading makes), where the two agree
     * byte for byte; anything else takes the map route.
     */
    private static final ObjectWriter DIRECT_WRITER = WorkflowJson.mapper().copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST, false)
            .writer();

    private final SecretKeySpec key;
    /**
     * One initialised Mac per thread: {@code Mac.getInstance} and {@code init} (provider lookup, key schedule) cost more
     * than the HMAC of a step. A Mac is not thread-safe, so it is never shared; {@code doFinal} resets it for reuse.
     */
    private final ThreadLocal<Mac> macs;

    public ApprovalTokens(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("approval secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        Mac prototype = newMac(key);
        this.macs = ThreadLocal.withInitial(() -> copyOf(prototype, key));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute approval token", e);
        }
    }

    /** A clone of the initialised prototype (cheap), or a fresh one where the provider cannot clone. */
    private static Mac copyOf(Mac prototype, SecretKeySpec key) {
        synchronized (prototype) {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                return newMac(key);
            }
        }
    }

    /** A token for this exact step within this run. */
    public String issue(String runId, Step step) {
        return encode(mac(runId, step));
    }

    /** A token for a step whose canonical bytes were already written (the same token as {@link #issue(String, Step)}). */
    public String issue(String runId, CanonicalStep step) {
        return encode(mac(runId, step.bytes));
    }

    /**
     * A step and its canonical bytes, written once: a caller that both records a hash of the step and issues its token
     * (the safety gate) serialises it once. The bytes stay inside; {@link #update} feeds them to a digest.
     */
    public static final class CanonicalStep {
        private final Step step;
        private final byte[] bytes;

        private CanonicalStep(Step step, byte[] bytes) {
            this.step = step;
            this.bytes = bytes;
        }

        public Step step() {
            return step;
        }

        /** Feeds the canonical bytes to {@code digest}. */
        public void update(MessageDigest digest) {
            digest.update(bytes);
        }
    }

    /** The step with its canonical bytes (keys sorted at every level), the bytes a token is bound to. */
    public static CanonicalStep canonical(Step step) {
        try {
            return new CanonicalStep(step, canonicalBytes(step));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot compute approval token", e);
        }
    }

    private static String encode(byte[] mac) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** True only when {@code token} was issued for exactly this step and run. */
    public boolean verify(String runId, Step step, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(runId, step));
    }

    private byte[] mac(String runId, Step step) {
        byte[] canonical;
        try {
            canonical = canonicalBytes(step);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot compute approval token", e);
        }
        return mac(runId, canonical);
    }

    private byte[] mac(String runId, byte[] canonical) {
        // Serialised before the Mac is touched, so a failure never leaves a half-fed Mac behind.
        Mac mac = macs.get();
        mac.update((runId == null ? "" : runId).getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(canonical);
        return mac.doFinal();
    }

    /** The step's canonical JSON (keys sorted at every level), the bytes a token is bound to. */
    static byte[] canonicalBytes(Step step) throws JsonProcessingException {
        byte[] direct = CanonicalStepWriter.write(step);
        if (direct != null) {
            return direct;
        }
        if (isPlainJson(step.params())) {
            return DIRECT_WRITER.writeValueAsBytes(step);
        }
        return referenceBytes(step);
    }

    /** The definition: through a map first so that record components are sorted too, not only map keys. */
    static byte[] referenceBytes(Step step) throws JsonProcessingException {
        return CANONICAL_WRITER.writeValueAsBytes(CANONICAL.convertValue(step, Object.class));
    }

    private static boolean isPlainJson(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !isPlainJson(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (!isPlainJson(o)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
