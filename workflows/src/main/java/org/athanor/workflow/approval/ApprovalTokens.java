package org.athanor.workflow.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
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
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(runId, step));
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
            // Through a map first so that record components are sorted too, not only map keys.
            canonical = CANONICAL_WRITER.writeValueAsBytes(CANONICAL.convertValue(step, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot compute approval token", e);
        }
        // Serialised before the Mac is touched, so a failure never leaves a half-fed Mac behind.
        Mac mac = macs.get();
        mac.update((runId == null ? "" : runId).getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(canonical);
        return mac.doFinal();
    }
}
