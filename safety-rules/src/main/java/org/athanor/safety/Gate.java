package org.athanor.safety;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.athanor.safety.audit.AuditEntry;
import org.athanor.safety.audit.AuditLog;
import org.athanor.safety.hazard.MaterialHazardTable;
import org.athanor.safety.lab.LabState;
import org.athanor.safety.lab.LiveState;
import org.athanor.workflow.Step;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.approval.ApprovalTokens;

/**
 * The safety gate. {@link #vet} judges a whole workflow before anything moves; {@link #vetStep} re-judges one step
 * against the live lab just before it is sent. Both are deterministic (same inputs, same rule set: same verdict),
 * explain every refusal, and append every decision to the audit log. An approved workflow carries one approval token
 * per step, bound to the step's exact parameters; drivers refuse commands without one.
 * <p>
 * Nothing in a workflow can switch a rule off: the gate reads only the workflow's named parts and its
 * {@code approvals} property (operator approvals for named toxic materials, which satisfy exactly one rule each).
 * Goal text and every other property are ignored. Thread-safe: the rules are compiled once and each call gets its own
 * session.
 */
public final class Gate {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    private final RuleSet rules;
    private final ApprovalTokens tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final WorkflowFacts workflowFacts;
    private volatile LabHash lastLab = new LabHash(null, "");

    private record LabHash(LabState lab, String hash) {
    }

    public Gate(RuleSet rules, ApprovalTokens tokens, AuditLog audit, Clock clock) {
        this.rules = Objects.requireNonNull(rules);
        this.tokens = Objects.requireNonNull(tokens);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.workflowFacts = new WorkflowFacts(MaterialHazardTable.standard(), rules);
    }

    /** The standard rule set with the system clock. */
    public static Gate standard(ApprovalTokens tokens, AuditLog audit) {
        return new Gate(RuleSet.standard(), tokens, audit, Clock.systemUTC());
    }

    public String ruleSetVersion() {
        return rules.version();
    }

    /**
     * Plan time: every rule family over the whole workflow. The run id of the tokens is the workflow id. Each step is
     * written to its canonical bytes once; the inputs hash and the approval tokens both use them.
     */
    public Verdict vet(Workflow workflow, LabState lab) {
        List<Violation> violations = settle(rules.evaluatePlan(workflowFacts.facts(workflow, lab)));
        Verdict.Decision decision = Verdict.decide(violations);
        List<Step> steps = workflow.steps();
        List<ApprovalTokens.CanonicalStep> canonical = new ArrayList<>(steps.size());
        for (Step step : steps) {
            canonical.add(ApprovalTokens.canonical(step));
        }
        Map<String, String> issued = new LinkedHashMap<>();
        if (decision == Verdict.Decision.APPROVED) {
            for (ApprovalTokens.CanonicalStep step : canonical) {
                issued.put(step.step().id(), tokens.issue(workflow.id(), step));
            }
        }
        String hash = planHash(workflow, canonical, labHash(lab));
        Verdict verdict = new Verdict(decision, violations, rules.version(), hash, issued);
        audit.append(new AuditEntry(clock.instant(), "plan", workflow.id(), null, rules.version(), hash, decision, violations));
        return verdict;
    }

    /**
     * Dispatch time: the step against live state (heartbeats, claims, doors and interlocks, temperatures). A transient
     * condition makes the verdict {@code wait}, a silent or faulty instrument {@code pause}; only {@code approved}
     * may be sent, and then the verdict carries the step's token.
     */
    public Verdict vetStep(Workflow workflow, Step step, LiveState live) {
        boolean inWorkflow = workflow.step(step.id()).map(step::equals).orElse(false);
        List<Violation> violations = settle(rules.evaluateDispatch(DispatchFacts.facts(workflow.id(), step, inWorkflow, live)));
        Verdict.Decision decision = Verdict.decide(violations);
        ApprovalTokens.CanonicalStep canonical = ApprovalTokens.canonical(step);
        Map<String, String> issued = decision == Verdict.Decision.APPROVED
                ? Map.of(step.id(), tokens.issue(workflow.id(), canonical)) : Map.of();
        String hash = dispatchHash(workflow.id(), canonical, labHash(live.lab()), liveDigest(live));
        Verdict verdict = new Verdict(decision, violations, rules.version(), hash, issued);
        audit.append(new AuditEntry(clock.instant(), "dispatch", workflow.id(), step.id(), rules.version(), hash, decision, violations));
        return verdict;
    }

    /** Duplicates (the same rule, step and reason reached twice) removed, in a fixed order. */
    private static List<Violation> settle(List<Violation> raw) {
        List<Violation> sorted = new ArrayList<>(new LinkedHashSet<>(raw));
        sorted.sort(Violation.ORDER);
        return sorted;
    }

    private String labHash(LabState lab) {
        LabHash last = lastLab;
        if (last.lab() == lab) {
            return last.hash();
        }
        String h = hash(canonical(lab));
        lastLab = new LabHash(lab, h);
        return h;
    }

    /** The live readings in a fixed order (instruments and samples sorted). */
    private static String liveDigest(LiveState live) {
        StringBuilder b = new StringBuilder(live.now().toString());
        new java.util.TreeMap<>(live.instruments()).forEach((id, r) -> b.append('|').append(id).append(',')
                .append(r.lastHeartbeat()).append(',').append(r.claimedBy()).append(',').append(r.doorClosed()).append(',')
                .append(r.interlockClosed()).append(',').append(r.temperatureC()));
        new java.util.TreeMap<>(live.crucibleTemperaturesC()).forEach((s, t) -> b.append('|').append(s).append('=').append(t));
        return b.toString();
    }

    private static String canonical(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise gate input: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * SHA-256 over the workflow without its steps (canonical JSON), each step's canonical bytes (those its approval
     * token is bound to) and the lab's hash, each part followed by a zero byte (which UTF-8 JSON never contains).
     */
    private static String planHash(Workflow workflow, List<ApprovalTokens.CanonicalStep> steps, String labHash) {
        MessageDigest d = digest();
        part(d, canonical(workflow.withSteps(List.of())));
        for (ApprovalTokens.CanonicalStep step : steps) {
            step.update(d);
            d.update((byte) 0);
        }
        part(d, labHash);
        return hex(d);
    }

    /** SHA-256 over the run id, the step's canonical bytes, the lab's hash and the live readings, zero-separated. */
    private static String dispatchHash(String runId, ApprovalTokens.CanonicalStep step, String labHash, String live) {
        MessageDigest d = digest();
        part(d, runId == null ? "" : runId);
        step.update(d);
        d.update((byte) 0);
        part(d, labHash);
        part(d, live);
        return hex(d);
    }

    private static String hash(String... parts) {
        MessageDigest d = digest();
        for (String p : parts) {
            part(d, p);
        }
        return hex(d);
    }

    private static void part(MessageDigest d, String p) {
        d.update(p.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
    }

    private static String hex(MessageDigest d) {
        return "sha256:" + HexFormat.of().formatHex(d.digest());
    }

    /** One digest per thread, reset by {@code digest()}: looking up the provider costs more than hashing a step. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static MessageDigest digest() {
        MessageDigest d = SHA256.get();
        d.reset();
        return d;
    }
}
