package org.athanor.agent.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.instruments.analysis.xrd.PhaseIdentification;

/**
 * What one analyse step reported of a sample: the XRD phases (with weight fraction and confidence), the fit's Rwp and
 * the identifier's notes ({@code hasXrd} false when no pattern was analysed: a Raman-only follow-up), the share of the
 * pattern's scattering in a broad amorphous hump (null when not read), and, when a Raman spectrum was taken, the
 * phases its bands match and the strong bands themselves with the phases each is assigned to (an empty list: a band
 * no reference explains).
 */
record PhaseEvidence(boolean hasXrd, List<CampaignReport.Phase> phases, Double rwp, List<String> notes,
                     Double amorphousShare, List<String> ramanFormulas, List<RamanBand> ramanBands) {

    /** A strong Raman band: offset-corrected position (cm⁻¹), net height, and the formulas of the phases it belongs to. */
    record RamanBand(double shift, double height, List<String> formulas) {
        RamanBand {
            formulas = List.copyOf(formulas);
        }
    }

    PhaseEvidence {
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
        ramanFormulas = ramanFormulas == null ? null : List.copyOf(ramanFormulas);
        ramanBands = ramanBands == null ? null : List.copyOf(ramanBands);
    }

    boolean hasRaman() {
        return ramanFormulas != null;
    }

    /** Whether the pattern shows enough X-ray amorphous scattering that its weight fractions overstate the phases. */
    boolean amorphousNoted() {
        return amorphousShare != null && amorphousShare > PhaseIdentification.AMORPHOUS_NOTED_ABOVE;
    }

    /** The phases an analyze step reported (its {@code phases} output). */
    static List<CampaignReport.Phase> phasesOf(Map<String, Object> outputs) {
        List<CampaignReport.Phase> phases = new ArrayList<>();
        if (outputs.get("phases") instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> m = (Map<?, ?>) o;
                phases.add(new CampaignReport.Phase(String.valueOf(m.get("formula")), String.valueOf(m.get("id")),
                        ((Number) m.get("weightFraction")).doubleValue(), ((Number) m.get("confidence")).doubleValue()));
            }
        }
        return phases;
    }

    /** Reads the outputs of the analyse step (see {@code CharacterisationHandlers.Analyze}). */
    static PhaseEvidence fromAnalysis(Map<String, Object> outputs) {
        List<CampaignReport.Phase> phases = phasesOf(outputs);
        List<String> notes = new ArrayList<>();
        if (outputs.get("notes") instanceof List<?> l) {
            l.forEach(n -> notes.add(String.valueOf(n)));
        }
        Double rwp = outputs.get("rwp") instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
        Double amorphous = outputs.get("amorphousShare") instanceof Number a && Double.isFinite(a.doubleValue()) ? a.doubleValue() : null;
        List<String> ramanFormulas = null;
        if (outputs.get("ramanPhases") instanceof List<?> raman) {
            ramanFormulas = new ArrayList<>();
            for (Object o : raman) {
                ramanFormulas.add(String.valueOf(((Map<?, ?>) o).get("formula")));
            }
        }
        List<RamanBand> bands = null;
        if (outputs.get("ramanBands") instanceof List<?> raw) {
            bands = new ArrayList<>();
            for (Object o : raw) {
                Map<?, ?> m = (Map<?, ?>) o;
                List<String> owners = new ArrayList<>();
                if (m.get("formulas") instanceof List<?> f) {
                    f.forEach(x -> owners.add(String.valueOf(x)));
                }
                bands.add(new RamanBand(((Number) m.get("shift")).doubleValue(), ((Number) m.get("height")).doubleValue(), owners));
            }
        }
        return new PhaseEvidence(outputs.containsKey("phases"), phases, rwp, notes, amorphous, ramanFormulas, bands);
    }
}
