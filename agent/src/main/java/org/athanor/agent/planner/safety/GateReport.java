package org.athanor.agent.planner.safety;

import java.util.List;

/** The gate's verdict on one workflow: approved exactly when no finding is an error. */
public record GateReport(boolean approved, List<Finding> findings) {

    public GateReport {
        findings = List.copyOf(findings);
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    public List<String> errorRules() {
        return findings.stream().filter(Finding::isError).map(Finding::rule).distinct().toList();
    }
}
