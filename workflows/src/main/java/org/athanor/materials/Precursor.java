package org.athanor.materials;

import java.util.List;
import java.util.Set;

/**
 * A reagent a synthesis starts from, with what the safety layer and the stoichiometry need to know about it.
 *
 * @param formula              as chemists write it ("Ni(NO3)2·6H2O")
 * @param composition          per formula unit, water of crystallisation included
 * @param name                 common name ("nickel(II) nitrate hexahydrate")
 * @param elements             the elements it is used to supply, primary first ("Li", "P" for LiH2PO4)
 * @param releasesOnHeating    volatile species given off on heating in air: CO2, CO, H2O, NO2, O2, NH3, SO3, HCl, HF, H2
 * @param decompositionOnsetC  approximate onset of decomposition or dehydration in °C, null if stable to ~1200 °C
 * @param meltingPointC        melting point in °C where relevant, null otherwise
 * @param hazardClasses        summarised hazards (see {@link HazardClass})
 * @param ghsCodes             GHS hazard statements ("H272", "H350i")
 * @param source               where the numbers and classifications come from
 */
public record Precursor(
        String formula,
        Composition composition,
        String name,
        List<String> elements,
        List<String> releasesOnHeating,
        Double decompositionOnsetC,
        Double meltingPointC,
        Set<HazardClass> hazardClasses,
        List<String> ghsCodes,
        String source) {

    public Precursor {
        elements = List.copyOf(elements);
        releasesOnHeating = List.copyOf(releasesOnHeating);
        hazardClasses = hazardClasses.isEmpty() ? Set.of() : Set.copyOf(hazardClasses);
        ghsCodes = List.copyOf(ghsCodes);
    }

    public boolean is(HazardClass hazard) {
        return hazardClasses.contains(hazard);
    }

    /** True if it gives off this species on heating ("CO2", "NO2"; "NOx" matches NO2). */
    public boolean releases(String species) {
        String s = species.equalsIgnoreCase("NOx") ? "NO2" : species;
        return releasesOnHeating.contains(s);
    }

    /** The element this reagent is chiefly used for. */
    public String primaryElement() {
        return elements.get(0);
    }
}
