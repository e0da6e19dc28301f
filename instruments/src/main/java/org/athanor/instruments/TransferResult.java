package org.athanor.instruments;

public record TransferResult(String commandId, String sample, String from, String to, boolean completed, boolean duplicate) {
}
