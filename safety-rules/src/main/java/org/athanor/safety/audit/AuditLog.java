package org.athanor.safety.audit;

/** Where every gate decision goes. Implementations append; nothing is ever rewritten. */
public interface AuditLog {

    void append(AuditEntry entry);
}
