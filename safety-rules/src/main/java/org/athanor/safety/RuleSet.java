package org.athanor.safety;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.athanor.safety.fact.Classification;
import org.athanor.safety.fact.Material;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.conf.ConstraintJittingThresholdOption;
import org.kie.internal.utils.KieHelper;

/**
 * The safety rules, compiled once: DRL files and CSV decision tables from the classpath, in three knowledge bases
 * (classification of precursors, plan-time verdicts, dispatch-time verdicts). Sessions are cheap and made per vet call. The version names the rule set and a hash of
 * every rule and table resource, so an audit entry says exactly which rules decided.
 */
public final class RuleSet {

    /** Bump when the rules change meaning; the hash changes with any edit anyway. */
    public static final String RELEASE = "1.0.0";

    private static final String BASE = "/org/athanor/safety/";
    static final List<String> CLASSIFICATION_RULES = List.of("rules/classification.drl");
    static final List<String> PLAN_RULES = List.of(
            "rules/samples.drl",
            "rules/envelope.drl",
            "rules/crucibles.drl",
            "rules/atmosphere.drl",
            "rules/reactivity.drl",
            "rules/quantities.drl",
            "rules/integrity.drl",
            "rules/goal.drl",
            "rules/reactive-compatibility.csv",
            "rules/crucible-attack.csv");
    static final List<String> DISPATCH_RULES = List.of("rules/interlocks.drl");
    /** Data the rules read that ships with them; part of the version hash. */
    static final List<String> RULE_DATA = List.of("data/materials-hazards.csv", "data/crucibles.csv");

    private final KieBase classification;
    private final KieBase plan;
    private final KieBase dispatch;
    private final KieSessionsPool classificationSessions;
    private final KieSessionsPool planSessions;
    private final KieSessionsPool dispatchSessions;
    private final String version;

    private RuleSet(KieBase classification, KieBase plan, KieBase dispatch, String version) {
        this.classification = classification;
        this.plan = plan;
        this.dispatch = dispatch;
        // Pooled sessions are reset on dispose and keep their node memories, which a fresh session would have to
        // allocate again for every vet (most of the cost of a small session on a large rule base).
        this.classificationSessions = classification.newKieSessionsPool(POOL_SIZE);
        this.planSessions = plan.newKieSessionsPool(POOL_SIZE);
        this.dispatchSessions = dispatch.newKieSessionsPool(POOL_SIZE);
        this.version = version;
    }

    /** Sessions kept per knowledge base; the pool grows when more callers vet at once. */
    private static final int POOL_SIZE = 4;

    private static final class Standard {
        static final RuleSet RULES = load();
    }

    /** The standard rule set, built on first use and shared (a KieBase is thread-safe; sessions are not shared). */
    public static RuleSet standard() {
        return Standard.RULES;
    }

    static RuleSet load() {
        MessageDigest digest = sha256();
        KieBase classification = build(CLASSIFICATION_RULES, digest);
        KieBase plan = build(PLAN_RULES, digest);
        KieBase dispatch = build(DISPATCH_RULES, digest);
        for (String data : RULE_DATA) {
            digest.update(data.getBytes(StandardCharsets.UTF_8));
            digest.update(read(data));
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        return new RuleSet(classification, plan, dispatch, "athanor-safety " + RELEASE + "+sha256:" + hash.substring(0, 16));
    }

    /** "athanor-safety 1.0.0+sha256:…": release and the hash of the rule and table resources. */
    public String version() {
        return version;
    }

    /** Names of every rule, for documentation and tests. */
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        for (KieBase kb : List.of(classification, plan, dispatch)) {
            kb.getKiePackages().forEach(p -> p.getRules().forEach(r -> names.add(r.getName())));
        }
        return names;
    }

    /** The groups a precursor belongs to, by the classification rules alone (no verdicts there). */
    List<Classification> classify(Material material) {
        return evaluate(classificationSessions, List.of(material), Classification.class);
    }

    List<Violation> evaluatePlan(Collection<?> facts) {
        return evaluate(planSessions, facts, Violation.class);
    }

    List<Violation> evaluateDispatch(Collection<?> facts) {
        return evaluate(dispatchSessions, facts, Violation.class);
    }

    /**
     * Sessions without the engine's internal locking. A session is used by one vet on one thread (the pool hands it to
     * one caller until dispose), so the locks only cost: about a tenth of a plan-time vet.
     */
    private static final KieSessionConfiguration SINGLE_THREADED = singleThreaded();

    private static KieSessionConfiguration singleThreaded() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }

    private static <T> List<T> evaluate(KieSessionsPool pool, Collection<?> facts, Class<T> result) {
        KieSession session = pool.newKieSession(SINGLE_THREADED);
        try {
            for (Object f : facts) {
                session.insert(f);
            }
            session.fireAllRules();
            List<T> out = new ArrayList<>();
            for (Object v : session.getObjects(new ClassObjectFilter(result))) {
                out.add(result.cast(v));
            }
            return out;
        } finally {
            session.dispose();
        }
    }

    private static KieBase build(List<String> resources, MessageDigest digest) {
        // Facts are immutable and never modified, so property reactivity buys nothing; class reactivity avoids it.
        KieHelper helper = new KieHelper(PropertySpecificOption.ALLOWED);
        for (String resource : resources) {
            byte[] bytes = read(resource);
            digest.update(resource.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            String drl = resource.endsWith(".csv")
                    ? new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.CSV)
                    : new String(bytes, StandardCharsets.UTF_8);
            helper.addContent(drl, "src/main/resources/org/athanor/safety/" + resource.replace(".csv", ".csv.drl"));
        }
        try {
            // Constraints compiled to bytecode at their first evaluation, in the calling thread, instead of interpreted
            // by MVEL for their first 20 and then compiled on a background thread: the same results, but a busy machine
            // no longer starves that thread and leaves the gate slow for its first minute.
            return helper.build(ConstraintJittingThresholdOption.get(0));
        } catch (RuntimeException e) {
            throw new IllegalStateException("safety rules do not compile: " + e.getMessage(), e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = RuleSet.class.getResourceAsStream(BASE + resource)) {
            if (in == null) {
                throw new IllegalStateException("rule resource " + BASE + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
