package org.athanor.safety.audit;

import java.util.ArrayList;
import java.util.List;

/** An audit log held in memory, for tests and for callers that forward entries elsewhere. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(AuditEntry entry) {
        entries.add(entry);
    }

    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
