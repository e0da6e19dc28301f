package org.athanor.workflow.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private final SecretKeySpec key;

    public ApprovalTokens(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("approval secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((runId == null ? "" : runId).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(CANONICAL.writeValueAsBytes(CANONICAL.convertValue(step, Object.class)));
            return mac.doFinal();
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot compute approval token", e);
        }
    }
}
