package org.athanor.agent.lab;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.athanor.instruments.formats.RamanSpectrum;
import org.athanor.instruments.formats.XrdPattern;

/**
 * The patterns and spectra measured in each workflow, by workflow id and sample, so that the analyse step (and the
 * campaign's report) reads what the measure step produced. The journal keeps the durable copy.
 */
public final class MeasurementStore {

    private final Map<String, XrdPattern> patterns = new ConcurrentHashMap<>();
    private final Map<String, RamanSpectrum> spectra = new ConcurrentHashMap<>();

    private static String key(String workflowId, String sample) {
        return workflowId + "\u0000" + sample;
    }

    void putPattern(String workflowId, String sample, XrdPattern pattern) {
        patterns.put(key(workflowId, sample), pattern);
    }

    void putSpectrum(String workflowId, String sample, RamanSpectrum spectrum) {
        spectra.put(key(workflowId, sample), spectrum);
    }

    public Optional<XrdPattern> pattern(String workflowId, String sample) {
        return Optional.ofNullable(patterns.get(key(workflowId, sample)));
    }

    public Optional<RamanSpectrum> spectrum(String workflowId, String sample) {
        return Optional.ofNullable(spectra.get(key(workflowId, sample)));
    }

    public void forget(String workflowId) {
        patterns.keySet().removeIf(k -> k.startsWith(workflowId + "\u0000"));
        spectra.keySet().removeIf(k -> k.startsWith(workflowId + "\u0000"));
    }
}
