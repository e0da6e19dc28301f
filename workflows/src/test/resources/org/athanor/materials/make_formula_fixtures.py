#!/usr/bin/env python3
"""Writes formula_fixtures.csv: compositions and molar masses computed by pymatgen (an independent implementation
with its own atomic weights), used by FormulaFixturesTest. Run: /usr/bin/python3 make_formula_fixtures.py > formula_fixtures.csv
Each row: our spelling;pymatgen spelling;element amounts (El:n,...);molar mass g/mol."""
from pymatgen.core import Composition

CASES = [
    ("BaTiO3", "BaTiO3"), ("SrTiO3", "SrTiO3"), ("Ca3(PO4)2", "Ca3(PO4)2"), ("LiFePO4", "LiFePO4"),
    ("LiNi0.8Co0.15Al0.05O2", "LiNi0.8Co0.15Al0.05O2"), ("CuSO4·5H2O", "CuSO4(H2O)5"), ("MgCl2.6H2O", "MgCl2(H2O)6"),
    ("Fe₂O₃", "Fe2O3"), ("La0.6Sr0.4CoO3-δ", "La0.6Sr0.4CoO3"), ("YBa2Cu3O7-x", "YBa2Cu3O7"),
    ("Li7La3Zr2O12", "Li7La3Zr2O12"), ("K4[Fe(CN)6]", "K4Fe(CN)6"), ("Ni(NO3)2·6H2O", "Ni(NO3)2(H2O)6"),
    ("(NH4)6Mo7O24·4H2O", "(NH4)6Mo7O24(H2O)4"), ("Ti(OCH(CH3)2)4", "Ti(OCH(CH3)2)4"), ("Bi4Ti3O12", "Bi4Ti3O12"),
    ("Pb(Zr0.52Ti0.48)O3", "PbZr0.52Ti0.48O3"), ("Al2(SO4)3·18H2O", "Al2(SO4)3(H2O)18"), ("Ca5(PO4)3OH", "Ca5(PO4)3OH"),
    ("Mg2Al4Si5O18", "Mg2Al4Si5O18"), ("Li10GeP2S12", "Li10GeP2S12"), ("Cs2CO3", "Cs2CO3"), ("Gd3Ga5O12", "Gd3Ga5O12"),
    ("Hf0.5Zr0.5O2", "Hf0.5Zr0.5O2"), ("Y3Al5O12", "Y3Al5O12"), ("Na3V2(PO4)3", "Na3V2(PO4)3"), ("WO3", "WO3"),
    ("Ba0.5Sr0.5Co0.8Fe0.2O3-δ", "Ba0.5Sr0.5Co0.8Fe0.2O3"), ("Cu2ZnSnS4", "Cu2ZnSnS4"), ("CH3NH3PbI3", "CH3NH3PbI3"),
    ("Na2B4O7·10H2O", "Na2B4O7(H2O)10"), ("Ca6Al2(SO4)3(OH)12·26H2O", "Ca6Al2(SO4)3(OH)12(H2O)26"),
    ("Er2O3", "Er2O3"), ("Yb2O3", "Yb2O3"), ("Lu2O3", "Lu2O3"), ("Tm2O3", "Tm2O3"), ("Ho2O3", "Ho2O3"),
    ("Ag2O", "Ag2O"), ("PtCl4", "PtCl4"), ("Au2O3", "Au2O3"), ("HgS", "HgS"), ("Tl2O3", "Tl2O3"), ("UO2", "UO2"),
    ("ThO2", "ThO2"), ("Sc2O3", "Sc2O3"), ("In2O3", "In2O3"), ("Sb2O3", "Sb2O3"), ("TeO2", "TeO2"), ("SeO2", "SeO2"),
    ("Rb2CO3", "Rb2CO3"), ("BeO", "BeO"), ("GeO2", "GeO2"), ("As2O3", "As2O3"), ("KBr", "KBr"), ("CsI", "CsI"),
    ("RuO2", "RuO2"), ("IrO2", "IrO2"), ("Rh2O3", "Rh2O3"), ("PdO", "PdO"), ("OsO4", "OsO4"), ("ReO3", "ReO3"),
    ("Nb2O5", "Nb2O5"), ("Ta2O5", "Ta2O5"), ("MoS2", "MoS2"), ("Pr6O11", "Pr6O11"), ("Tb4O7", "Tb4O7"),
    ("Dy2O3", "Dy2O3"), ("Eu2O3", "Eu2O3"), ("Sm2O3", "Sm2O3"), ("Nd2O3", "Nd2O3"), ("CeO2", "CeO2"),
]

for ours, theirs in CASES:
    c = Composition(theirs)
    amounts = ",".join(f"{el.symbol}:{amt:g}" for el, amt in c.items())
    print(f"{ours};{theirs};{amounts};{float(c.weight):.5f}")
