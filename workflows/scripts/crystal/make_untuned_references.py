"""Reference peak lists and cell contents from pymatgen for structures the Java code was NOT tuned on.

Run with Debian's python3-pymatgen 2022.11.7 from the repository root:
    /usr/bin/python3 workflows/scripts/crystal/make_untuned_references.py

Writes into workflows/src/test/resources/org/athanor/crystal/pymatgen-untuned/:
  <name>.peaks.csv      XRDCalculator("CuKa" or "CuKa1"), 2theta 10-90, same CSV format as ../shared/data/xrd-reference
  <name>.cif            for structures generated here (triclinic distortions), written with pymatgen's CifWriter
  cells.json            for EVERY library CIF: number of sites, composition per cell, density, cell parameters
"""
import json
import os
import warnings

from pymatgen.analysis.diffraction.xrd import XRDCalculator
from pymatgen.core import Lattice, Structure
from pymatgen.io.cif import CifParser, CifWriter

warnings.filterwarnings("ignore")
LIB = "workflows/src/main/resources/org/athanor/crystal/library"
OUT = "workflows/src/test/resources/org/athanor/crystal/pymatgen-untuned"

# (output name, library path or None for generated, radiation)
UNTUNED = [
    ("Ilmenite", "amcsd_via_mineral-lib-jekyll/Ilmenite.cif", "CuKa"),            # trigonal R-3
    ("Magnesite", "amcsd_via_mineral-lib-jekyll/Magnesite.cif", "CuKa"),          # trigonal R-3c
    ("Brucite", "amcsd_via_mineral-lib-jekyll/Brucite.cif", "CuKa1"),             # trigonal P-3m1
    ("Hematite_15kbar", "cod_via_github/COD_9015065_hematite_15.4kbar.cif", "CuKa"),
    ("Li2O2_194", "xrd_autoanalyzer_pdf_references/Li2O2_194.cif", "CuKa"),       # hexagonal P63/mmc
    ("ZrO_189", "xrd_autoanalyzer_pdf_references/ZrO_189.cif", "CuKa"),           # hexagonal P-62m
    ("TiMnO3_161", "xrd_autoanalyzer_references/TiMnO3_161.cif", "CuKa"),         # rhombohedral R3c
    ("LiLaO2_14", "xrd_autoanalyzer_pdf_references/LiLaO2_14.cif", "CuKa"),       # monoclinic P21/c
    ("Li2TiO3_15", "xrd_autoanalyzer_references/Li2TiO3_15.cif", "CuKa1"),        # monoclinic C2/c
    ("Aragonite", "amcsd_via_mineral-lib-jekyll/Aragonite.cif", "CuKa"),          # orthorhombic Pmcn
    ("Perovskite_CaTiO3", "amcsd_via_mineral-lib-jekyll/Perovskite.cif", "CuKa"), # orthorhombic Pbnm
    ("Fayalite", "amcsd_via_mineral-lib-jekyll/Fayalite.cif", "CuKa"),            # orthorhombic Pbnm
    ("Li4TiO4_63", "xrd_autoanalyzer_references/Li4TiO4_63.cif", "CuKa"),         # orthorhombic Cmcm
    ("Li7La3Zr2O12_230", "xrd_autoanalyzer_pdf_references/Li7La3Zr2O12_230.cif", "CuKa"),  # cubic Ia-3d, 192 atoms
    ("Y2O3", "ncrystal_converted/Y2O3_sg206_Yttrium_Oxide.cif", "CuKa"),          # cubic Ia-3, 80 atoms
    ("La2Zr2O7_227", "xrd_autoanalyzer_pdf_references/La2Zr2O7_227.cif", "CuKa"), # cubic Fd-3m pyrochlore
    ("Li7La3Zr2O12_142", "xrd_autoanalyzer_pdf_references/Li7La3Zr2O12_142.cif", "CuKa"),  # tetragonal
    ("Wustite", "amcsd_via_mineral-lib-jekyll/Wustite.cif", "CuKa"),              # partial occupancy
    ("TiO2_Rutile_partial", "dans_diffraction/TiO2_Rutile.cif", "CuKa1"),         # Ti occupancy 0.992
    ("Li2MnO3_triclinic", None, "CuKa"),                                          # generated triclinic cell
]


def peaks_csv(structure, radiation):
    pattern = XRDCalculator(radiation).get_pattern(structure, two_theta_range=(10, 90))
    lines = ["two_theta_deg,intensity,d_spacing_A,hkl"]
    for x, y, hkls, d in zip(pattern.x, pattern.y, pattern.hkls, pattern.d_hkls):
        label = ";".join("".join(str(i) for i in h["hkl"]) for h in hkls)
        lines.append(f"{x:.4f},{y:.3f},{d:.5f},{label}")
    return "\n".join(lines) + "\n"


def triclinic():
    base = Structure.from_file(os.path.join(LIB, "xrd_autoanalyzer_references/Li2MnO3_12.cif"))
    prim = base.get_primitive_structure()
    a, b, c = prim.lattice.abc
    al, be, ga = prim.lattice.angles
    lattice = Lattice.from_parameters(a * 1.01, b * 0.98, c * 1.02, al + 3.0, be - 2.0, ga + 4.0)
    return Structure(lattice, prim.species, prim.frac_coords)


index = []
for name, path, radiation in UNTUNED:
    if path is None:
        s = triclinic()
        CifWriter(s).write_file(os.path.join(OUT, name + ".cif"))
        cif = name + ".cif"
    else:
        s = Structure.from_file(os.path.join(LIB, path))
        cif = "library/" + path
    with open(os.path.join(OUT, name + ".peaks.csv"), "w") as f:
        f.write(peaks_csv(s, radiation))
    index.append({"name": name, "cif": cif, "radiation": radiation, "sites": len(s),
                  "space_group": s.get_space_group_info()[0]})
with open(os.path.join(OUT, "index.json"), "w") as f:
    json.dump(index, f, indent=1)

cells = {}
for root, _, files in os.walk(LIB):
    for fn in sorted(files):
        if not fn.endswith(".cif"):
            continue
        path = os.path.join(root, fn)
        s = CifParser(path).get_structures(primitive=False)[0]
        comp = s.composition.element_composition
        cells[os.path.relpath(path, LIB)] = {
            "sites": len(s),
            "composition": {str(el): round(amt, 6) for el, amt in comp.items()},
            "density": round(s.density, 5),
            "abc": [round(v, 6) for v in s.lattice.abc],
            "angles": [round(v, 6) for v in s.lattice.angles],
        }
with open(os.path.join(OUT, "cells.json"), "w") as f:
    json.dump(cells, f, indent=1, sort_keys=True)
