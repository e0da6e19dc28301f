package org.athanor.simulators.world;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.athanor.workflow.Atmosphere;

/**
 * The simulated lab's chemistry: an inventory of precursor powders and crucibles, and every sample's hidden state.
 * Instruments act on it (dispense, mix, move, heat); the XRD and Raman devices read {@link #snapshot}.
 * Thread-safe: every public method locks the world.
 */
public final class SynthesisWorld {

    /** Mixing quality of powders poured together without grinding. */
    static final double UNMIXED_QUALITY = 0.2;
    /** Grain growth: D³ − D0³ = K·t, K = 8.4·10⁵ nm³/h at 1100 °C, Q = 250 kJ/mol (typical oxide ceramics). */
    static final Kinetics GRAIN_GROWTH = new Kinetics(250, 1100, 1.0);
    static final double GRAIN_GROWTH_NM3_PER_HOUR = 8.4e5;
    /** Batch-to-batch scatter of reaction rates: log-normal, σ = 0.15. */
    static final double RATE_SCATTER = 0.15;

    private final Map<String, Double> inventoryGrams;
    private final Map<String, Integer> freeCrucibles;
    private final Map<String, Sample> samples = new LinkedHashMap<>();
    private final List<ChemistryModel> models = Chemistries.all();
    private final long seed;

    public SynthesisWorld(Map<String, Double> inventoryGrams, Map<String, Integer> crucibles, long seed) {
        this.inventoryGrams = new TreeMap<>(inventoryGrams);
        this.freeCrucibles = new TreeMap<>(crucibles);
        this.seed = seed;
    }

    /**
     * Generous amounts of common precursors; a rack of 60 alumina, 4 platinum, 8 quartz and 8 zirconia crucibles.
     * A fired sample keeps its crucible (it is archived with it), so the rack bounds how many samples a dry run can
     * make: 60 covers 50 concurrent campaigns' first experiments or one long campaign.
     */
    /** What a chemistry the world knows makes, and its name ("BaTiO3 from BaCO3 + TiO2 via Ba2TiO4"). */
    public record Chemistry(String name, String product) {
    }

    /**
     * The chemistry a sample of these precursors follows (as {@link #dispense} would choose it), or empty when the world
     * knows none for them: such a sample stays an inert mixture however it is fired.
     */
    public static java.util.Optional<Chemistry> chemistryFor(java.util.Set<String> precursors) {
        return Chemistries.all().stream().filter(m -> m.accepts(precursors)).findFirst().map(m -> new Chemistry(m.name(), m.product()));
    }

    /** The products of every chemistry the world knows, most specific chemistry first. */
    public static List<String> products() {
        return Chemistries.all().stream().map(ChemistryModel::product).distinct().toList();
    }

    public static SynthesisWorld withDefaults(long seed) {
        return new SynthesisWorld(defaultInventory(), defaultCrucibles(), seed);
    }

    public static Map<String, Double> defaultInventory() {
        Map<String, Double> g = new TreeMap<>();
        // The second line: alternatives the lab's configuration stocks for the same cations (default-lab.yaml).
        for (String f : List.of("BaCO3", "TiO2", "MgO", "Al2O3", "Li2CO3", "FeC2O4", "NH4H2PO4", "CaCO3", "ZnO",
                "MnO2", "SrCO3", "Fe2O3", "ZrO2", "La2O3",
                "LiOH·H2O", "MnCO3", "Mn2O3", "Al(OH)3", "FeC2O4·2H2O", "(NH4)2HPO4", "MgCO3", "Mg(OH)2")) {
            g.put(f, 500.0);
        }
        return g;
    }

    public static Map<String, Integer> defaultCrucibles() {
        return Map.of("alumina", 60, "platinum", 4, "quartz", 8, "zirconia", 8);
    }

    public synchronized Map<String, Double> inventoryGrams() {
        return Map.copyOf(inventoryGrams);
    }

    public synchronized boolean hasSample(String sampleId) {
        return samples.containsKey(sampleId);
    }

    /** Takes a free crucible of {@code material} for a new sample; a sample dispensed into without one gets alumina. */
    public synchronized void newSample(String sampleId, String crucibleMaterial) {
        if (samples.containsKey(sampleId)) {
            throw new WorldException("sample '" + sampleId + "' already exists");
        }
        int free = freeCrucibles.getOrDefault(crucibleMaterial, 0);
        if (free <= 0) {
            throw new WorldException("no free " + crucibleMaterial + " crucible for sample '" + sampleId + "'");
        }
        freeCrucibles.put(crucibleMaterial, free - 1);
        Random random = new Random(seed * 31 + sampleId.hashCode());
        samples.put(sampleId, new Sample(sampleId, crucibleMaterial, Math.exp(RATE_SCATTER * random.nextGaussian())));
    }

    /**
     * Doses {@code requestedMg} of {@code material} into a sample and returns the actual mass: the doser scatters by
     * ±0.3 % + 0.1 mg (1σ), typical of gravimetric powder dosers (e.g. Quantos QB1 repeatability).
     */
    public synchronized double dispense(String sampleId, String material, double requestedMg, Random doser) {
        Double stock = inventoryGrams.get(material);
        if (stock == null) {
            throw new WorldException("'" + material + "' is not in the lab's inventory");
        }
        if (!(requestedMg > 0)) {
            throw new WorldException("dose must be a positive mass, was " + requestedMg + " mg");
        }
        double actual = Math.max(0, requestedMg + doser.nextGaussian() * (0.003 * requestedMg + 0.1));
        if (actual / 1000 > stock) {
            throw new WorldException("only " + stock + " g of " + material + " left, " + requestedMg + " mg requested");
        }
        if (!samples.containsKey(sampleId)) {
            newSample(sampleId, "alumina");
        }
        inventoryGrams.put(material, stock - actual / 1000);
        Sample s = samples.get(sampleId);
        s.dispensedMg.merge(material, actual, Double::sum);
        s.model = chooseModel(s);
        return actual;
    }

    /**
     * Mixing raises mixing quality towards 1: q ← 1 − (1 − q)·exp(−t/τ), τ = 20 min for a mortar, 8 min for a ball
     * mill, 30 min for a shaker (order of magnitude from common lab practice; a ball mill homogenises fastest).
     */
    public synchronized void mix(String sampleId, double durationS, String method) {
        Sample s = sample(sampleId);
        double tauMin = switch (method == null ? "ball-mill" : method) {
            case "mortar" -> 20;
            case "shaker" -> 30;
            default -> 8;
        };
        s.mixingQuality = 1 - (1 - s.mixingQuality) * Math.exp(-durationS / 60 / tauMin);
    }

    public synchronized void move(String sampleId, String location) {
        sample(sampleId).location = location;
    }

    public synchronized String location(String sampleId) {
        return sample(sampleId).location;
    }

    /** Holds a sample at {@code temperatureC} for {@code hours} (the furnace calls this in small steps). */
    public synchronized void expose(String sampleId, double temperatureC, Atmosphere atmosphere, double hours) {
        Sample s = sample(sampleId);
        if (hours <= 0) {
            return;
        }
        if (s.model != null) {
            s.model.expose(s, temperatureC, atmosphere, hours);
        }
        s.hottestC = Math.max(s.hottestC, temperatureC);
        s.growthReducedTime += GRAIN_GROWTH.ratePerHour(temperatureC) * hours;
        for (Map.Entry<String, Double> e : solidMoles(s).entrySet()) {
            if (e.getValue() > 0) {
                s.growthAtAppearance.putIfAbsent(e.getKey(), s.growthReducedTime);
            }
        }
    }

    public synchronized void recordHeat(String sampleId, HeatRecord record) {
        sample(sampleId).heatHistory.add(record);
    }

    public synchronized SampleSnapshot snapshot(String sampleId) {
        Sample s = sample(sampleId);
        Map<String, Double> moles = solidMoles(s);
        Map<String, Double> grams = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : moles.entrySet()) {
            double g = Math.max(0, e.getValue()) * FormulaMass.of(e.getKey());
            if (g > 1e-12) {
                grams.put(e.getKey(), g);
                total += g;
            }
        }
        Map<String, Double> fractions = new LinkedHashMap<>();
        Map<String, Double> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : grams.entrySet()) {
            fractions.put(e.getKey(), e.getValue() / total);
            sizes.put(e.getKey(), crystalliteNm(s, e.getKey()));
        }
        return new SampleSnapshot(s.id, s.crucible, s.location, s.dispensedMg, s.mixingQuality, s.heatHistory,
                fractions, sizes, total * 1000);
    }

    /** The name of the hidden chemistry a sample follows, or "inert mixture". */
    public synchronized String chemistryOf(String sampleId) {
        Sample s = sample(sampleId);
        return s.model == null ? "inert mixture" : s.model.name();
    }

    private double crystalliteNm(Sample s, String phase) {
        double d0 = s.model == null ? 120 : s.model.initialCrystalliteNm(phase);
        double since = s.growthReducedTime - s.growthAtAppearance.getOrDefault(phase, s.growthReducedTime);
        return Math.min(2000, Math.cbrt(d0 * d0 * d0 + GRAIN_GROWTH_NM3_PER_HOUR * since));
    }

    private Map<String, Double> solidMoles(Sample s) {
        Map<String, Double> moles = new LinkedHashMap<>();
        if (s.model != null) {
            moles.putAll(s.model.phaseMoles(s));
        }
        for (String precursor : s.dispensedMg.keySet()) {
            if (s.model == null || !s.model.precursors().contains(precursor)) {
                moles.merge(precursor, s.moles(precursor), Double::sum);
            }
        }
        return moles;
    }

    private ChemistryModel chooseModel(Sample s) {
        return models.stream().filter(m -> m.accepts(s.dispensedMg.keySet())).findFirst().orElse(null);
    }

    private Sample sample(String sampleId) {
        Sample s = samples.get(sampleId);
        if (s == null) {
            throw new WorldException("unknown sample '" + sampleId + "'");
        }
        return s;
    }
}
