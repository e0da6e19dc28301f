package org.athanor.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.athanor.safety.Gate;
import org.athanor.safety.Verdict;
import org.athanor.safety.Violation;
import org.athanor.safety.audit.AuditLog;
import org.athanor.safety.audit.JsonLinesAuditLog;
import org.athanor.safety.lab.LabConfigException;
import org.athanor.safety.lab.LabState;
import org.athanor.workflow.Workflow;
import org.athanor.workflow.WorkflowException;
import org.athanor.workflow.WorkflowJson;
import org.athanor.workflow.approval.ApprovalTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "vet", mixinStandardHelpOptions = true,
        description = "Vet workflow files with the safety rules: approved, or rejected with every broken rule and its reason. "
                + "Exit 0 if all are approved, 1 if any is rejected, 2 if a file cannot be read.")
public class VetCommand implements Callable<Integer> {

    @Option(names = "--json", description = "One JSON line per file: {file, verdict, violations: [{rule, severity, step, message}]}.")
    boolean json;

    @Option(names = "--lab", paramLabel = "FILE", description = "Lab configuration (YAML) to vet against; default: the simulated lab.")
    Path labFile;

    @Option(names = "--audit", paramLabel = "FILE", description = "Append every decision to this JSON-lines audit log.")
    Path auditFile;

    @Parameters(arity = "1..*", paramLabel = "WORKFLOW.json", description = "Workflow files (schema urn:athanor:workflow:1).")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LabState lab;
        try {
            lab = labFile == null ? LabState.defaultSimulatedLab() : LabState.read(labFile);
        } catch (LabConfigException e) {
            err.println("athanor vet: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        AuditLog audit = auditFile == null ? entry -> { } : new JsonLinesAuditLog(auditFile);
        // Tokens issued here are never sent to an instrument; a fresh secret keeps them from being reusable.
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Gate gate = Gate.standard(new ApprovalTokens(secret), audit);
        boolean invalid = false;
        boolean rejected = false;
        for (Path file : files) {
            Workflow workflow;
            try {
                workflow = WorkflowJson.read(file);
            } catch (WorkflowException e) {
                invalid = true;
                err.println("athanor vet: " + e.getMessage());
                if (json) {
                    print(out, Map.of("file", file.toString(), "verdict", "invalid", "error", e.getMessage()));
                }
                continue;
            }
            Verdict verdict = gate.vet(workflow, lab);
            rejected |= !verdict.approved();
            if (json) {
                print(out, jsonLine(file, verdict));
            } else {
                out.print(readable(file, verdict));
            }
            out.flush();
        }
        return invalid ? ExitCodes.USAGE : rejected ? ExitCodes.REJECTED : ExitCodes.OK;
    }

    private static Map<String, Object> jsonLine(Path file, Verdict verdict) {
        List<Map<String, Object>> violations = new ArrayList<>();
        for (Violation v : verdict.violations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", v.rule());
            m.put("severity", v.severity().json());
            m.put("step", v.step());
            m.put("message", v.message());
            violations.add(m);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        line.put("verdict", verdict.decision().json());
        line.put("violations", violations);
        return line;
    }

    static String readable(Path file, Verdict verdict) {
        StringBuilder b = new StringBuilder();
        b.append(file).append(": ").append(verdict.decision().json().toUpperCase(java.util.Locale.ROOT));
        int errors = verdict.errors().size();
        int warnings = verdict.warnings().size();
        if (errors + warnings > 0) {
            b.append(" (").append(errors).append(errors == 1 ? " error" : " errors").append(", ")
                    .append(warnings).append(warnings == 1 ? " warning" : " warnings").append(')');
        }
        b.append('\n');
        for (Violation v : verdict.violations()) {
            b.append("  ").append(v.severity().json()).append(v.step() == null ? "" : " in step " + v.step()).append(": ")
                    .append(v.rule()).append('\n');
            b.append("    ").append(v.message()).append('\n');
            b.append("    source: ").append(v.source()).append('\n');
        }
        b.append("  rule set ").append(verdict.ruleSetVersion()).append('\n');
        return b.toString();
    }

    private void print(PrintWriter out, Map<String, Object> line) {
        try {
            out.println(WorkflowJson.mapper().writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON line: " + e.getOriginalMessage(), e);
        }
    }
}
