#!/usr/bin/python3
"""Builds the CIFs of phases the simulated world needs but no redistributable source provides.

Run from the repository root with Debian's python3-pymatgen (2022.11.7):
    /usr/bin/python3 simulators/scripts/make_constructed_cifs.py
Writes into workflows/src/main/resources/org/athanor/crystal/library/constructed_from_published_parameters/.
Every structure, its parameters and their sources are described in README-simulated-world.md there.
"""
from pathlib import Path

from pymatgen.core import Lattice, Structure
from pymatgen.io.cif import CifWriter

LIB = Path("workflows/src/main/resources/org/athanor/crystal/library")
OUT = LIB / "constructed_from_published_parameters"


def write(structure, name, comment):
    text = CifWriter(structure, symprec=1e-3).__str__()
    (OUT / name).write_text("# " + comment.replace("\n", "\n# ") + "\n" + text)
    print(name, structure.composition.reduced_formula, structure.get_space_group_info())


# BaTiO3, tetragonal P4mm. Cell: a = 3.9925, c = 4.0365 A (room temperature; Kwei, Lawson, Billinge & Cheong,
# J. Phys. Chem. 97 (1993) 2368). Atomic displacements: half of the PBE values in pymatgen's BaTiO3_polar_POSCAR,
# giving a Ti off-centring of ~0.1 A against the O4 plane, the experimental magnitude.
ti = 0.5 + (0.538852 - 0.020273 - 0.5) / 2
o_eq = 0.5 + (0.492022 - 0.020273 - 0.5) / 2
o_ap = (0.970829 - 0.020273 - 1.0) / 2 % 1.0
bto = Structure(Lattice.tetragonal(3.9925, 4.0365), ["Ba", "Ti", "O", "O", "O"],
                [[0, 0, 0], [0.5, 0.5, ti], [0, 0.5, o_eq], [0.5, 0, o_eq], [0.5, 0.5, o_ap]])
write(bto, "BaTiO3_tetragonal_P4mm.cif",
      "BaTiO3 tetragonal (P4mm), constructed for Athanor's simulated world.\n"
      "Cell a=3.9925 c=4.0365 A (Kwei et al., J. Phys. Chem. 97 (1993) 2368); displacements = half of the PBE\n"
      "values of pymatgen's BaTiO3_polar_POSCAR (MIT). An approximation, not a refinement.")

# BaCO3 witherite, Pnma (aragonite type). Cell from de Villiers, Am. Mineral. 56 (1971) 758: Pmcn a=5.3126,
# b=8.8958, c=6.4284 A, i.e. Pnma a=6.4284, b=5.3126, c=8.8958. Fractional coordinates: those of aragonite
# (AMCSD 0006300 via NCrystal, Antao & Hassan 2009) with Ca -> Ba (isotypic substitution).
arag = Structure.from_file(str(LIB / "ncrystal_converted/CaCO3_sg62_Aragonite.cif"))
arag.replace_species({"Ca": "Ba"})
wit = Structure(Lattice.orthorhombic(6.4284, 5.3126, 8.8958), arag.species_and_occu, arag.frac_coords)
write(wit, "BaCO3_witherite_Pnma.cif",
      "BaCO3 witherite (Pnma), constructed for Athanor's simulated world: cell of de Villiers, Am. Mineral. 56 (1971)\n"
      "758 (Pmcn a=5.3126 b=8.8958 c=6.4284 A, transformed to Pnma); coordinates of isotypic aragonite (AMCSD 0006300).")

# Ba2TiO4 is deliberately absent: no redistributable structure was found, and a beta-K2SO4-type model built from
# remembered coordinates failed a bond-length check (Ba-Ti 0.46 A). The world keeps it as an XRD-amorphous phase.

# ZnAl2O4 gahnite, Fd-3m: the spinel MgAl2O4 structure (AMCSD 0004465, Nestola et al. 2007) with Mg -> Zn and
# a = 8.0848 A (gahnite, ICDD 05-0669).
sp = Structure.from_file(str(LIB / "amcsd_via_mineral-lib-jekyll/Spinel.cif"))
sp.replace_species({"Mg": "Zn"})
gah = Structure(Lattice.cubic(8.0848), sp.species_and_occu, sp.frac_coords)
write(gah, "ZnAl2O4_gahnite_Fd-3m.cif",
      "ZnAl2O4 gahnite (Fd-3m), constructed for Athanor's simulated world: spinel MgAl2O4 (AMCSD 0004465) with\n"
      "Mg->Zn, a=8.0848 A (ICDD 05-0669).")
