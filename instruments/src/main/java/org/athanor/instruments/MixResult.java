package org.athanor.instruments;

public record MixResult(String commandId, String sample, boolean completed, boolean duplicate) {
}
