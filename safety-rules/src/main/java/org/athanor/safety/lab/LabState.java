package org.athanor.safety.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the gate knows about the lab at plan time: its instruments and their envelopes, the crucible table, the
 * inventory, and the samples the lab already holds (sample id → where it is: an instrument id or a rack), made by
 * earlier workflows. A plain value, so the agent can map its own lab configuration onto it.
 */
public record LabState(String name, List<Instrument> instruments, List<CrucibleSpec> crucibles, Set<String> inventory,
                       Map<String, String> samples) {

    public LabState {
        instruments = List.copyOf(instruments);
        crucibles = List.copyOf(crucibles);
        inventory = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(inventory));
        samples = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(samples == null ? Map.of() : samples));
    }

    /** A lab that holds no samples yet. */
    public LabState(String name, List<Instrument> instruments, List<CrucibleSpec> crucibles, Set<String> inventory) {
        this(name, instruments, crucibles, inventory, Map.of());
    }

    private static final class Default {
        static final LabState LAB = LabConfigReader.readResource("/org/athanor/safety/data/default-lab.yaml");
    }

    /** The default simulated lab of RULES.md §1 (resource {@code data/default-lab.yaml} with {@code data/crucibles.csv}). */
    public static LabState defaultSimulatedLab() {
        return Default.LAB;
    }

    /** A lab configuration file in the same YAML form; crucibles default to the standard table unless listed. */
    public static LabState read(Path file) {
        return LabConfigReader.readFile(file);
    }

    public Optional<Instrument> instrument(String id) {
        for (Instrument i : instruments) {
            if (i.id().equals(id)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public Optional<CrucibleSpec> crucible(String material) {
        for (CrucibleSpec c : crucibles) {
            if (c.material().equals(material)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Where the lab holds {@code sample}, if it holds it. */
    public Optional<String> sampleLocation(String sample) {
        return Optional.ofNullable(samples.get(sample));
    }

    public LabState withInstrument(Instrument replacement) {
        List<Instrument> copy = new java.util.ArrayList<>(instruments);
        copy.removeIf(i -> i.id().equals(replacement.id()));
        copy.add(replacement);
        return new LabState(name, copy, crucibles, inventory, samples);
    }

    public LabState withInventory(Set<String> newInventory) {
        return new LabState(name, instruments, crucibles, newInventory, samples);
    }

    /** The same lab holding exactly {@code heldSamples} (sample id → location). */
    public LabState withSamples(Map<String, String> heldSamples) {
        return new LabState(name, instruments, crucibles, inventory, heldSamples);
    }
}
