#!/usr/bin/python3
"""Synthetic powder patterns of known mixtures, for testing Athanor's phase identification.

Run with Debian's pymatgen (python3-pymatgen 2022.11.7):  /usr/bin/python3 generate_mixtures.py
It writes one <name>.xy per mixture and mixtures.json with the truth (phases, weight fractions, strains, sizes,
zero shift). pymatgen gives only peak lists (m|F|^2 LP, no Debye-Waller); the broadening, Ka2, background and
counting noise are added here:

* positions: each phase's cell is strained isotropically by its own strain; the instrument zero shift is added.
* intensities: Rietveld scale S_p = w_p / (M_cell,p * V_p) (Hill & Howard, J. Appl. Cryst. 20, 467 (1987)),
  with pymatgen's unscaled intensities m|F|^2 LP per cell; no microabsorption.
* profile: pseudo-Voigt (eta 0.5) of FWHM^2 = U tan^2 th + V tan th + W (Caglioti) plus a Scherrer term
  K lambda / (L cos th), K = 0.9, per-phase crystallite size L.
* Cu Ka1 (1.540562 A) and Ka2 (1.544390 A) at intensity ratio 0.5.
* background: smooth decaying curve plus a broad amorphous hump; Poisson counting noise.
"""
import json
import math
import os

import numpy as np
from pymatgen.analysis.diffraction.xrd import XRDCalculator
from pymatgen.core import Structure

HERE = os.path.dirname(os.path.abspath(__file__))
LIBRARY = os.path.join(HERE, "..", "library-synthetic")
KA1, KA2, KA2_RATIO = 1.540562, 1.544390, 0.5
U, V, W = 0.004, -0.002, 0.003  # deg^2, a typical lab Bragg-Brentano instrument
TT0, TT1, STEP = 10.0, 90.0, 0.02

# name -> (seed, zero shift deg, peak counts of the strongest line, [(cif stem, weight fraction, strain, size nm)])
# "tune" mixtures were used while developing; "holdout" ones only for the final accuracy check.
MIXTURES = {
    "tune_rutile_corundum": ("tune", 11, 0.03, 12000, [
        ("TiO2_sg136_Rutile", 0.6, 0.004, 80), ("Al2O3_sg167_Corundum", 0.4, -0.003, 120)]),
    "tune_anatase_zincite_periclase": ("tune", 12, -0.04, 15000, [
        ("TiO2_sg141_Anatase", 0.5, 0.008, 40), ("ZnO_sg186_ZincOxide", 0.3, -0.006, 90),
        ("MgO_sg225_Periclase", 0.2, 0.002, 150)]),
    "tune_ceria_quartz": ("tune", 13, 0.0, 9000, [
        ("CeO2_sg225_CeriumOxide", 0.85, -0.01, 30), ("SiO2-alpha_sg154_AlphaQuartz", 0.15, 0.005, 200)]),
    "holdout_spinel_corundum_rutile": ("holdout", 21, 0.05, 10000, [
        ("Spinel", 0.5, 0.012, 60), ("Al2O3_sg167_Corundum", 0.3, -0.008, 100),
        ("TiO2_sg136_Rutile", 0.2, 0.0, 70)]),
    "holdout_silicon_lif_nacl": ("holdout", 22, -0.02, 20000, [
        ("Si_sg227", 0.4, -0.005, 150), ("LiF_sg225_LithiumFlouride", 0.35, 0.01, 80),
        ("NaCl_sg225_SodiumChloride", 0.25, -0.012, 100)]),
    "holdout_hematite_magnetite": ("holdout", 23, 0.02, 8000, [
        ("Fe2O3_hematite_Blake1966", 0.7, 0.006, 50), ("Magnetite", 0.3, -0.004, 60)]),
    "holdout_anatase_rutile_minor": ("holdout", 24, -0.03, 12000, [
        ("TiO2_sg141_Anatase", 0.9, -0.007, 35), ("TiO2_sg136_Rutile", 0.1, 0.003, 90)]),
    "holdout_y2o3_cu2o_calcite": ("holdout", 25, 0.01, 10000, [
        ("Y2O3_sg206_Yttrium_Oxide", 0.45, 0.009, 70), ("Cu2O_sg224_Cuprite", 0.35, -0.01, 50),
        ("Calcite", 0.2, 0.004, 120)]),
}


def pseudo_voigt(x, centre, fwhm, eta=0.5):
    u = (x - centre) / (fwhm / 2)
    return eta / (1 + u * u) + (1 - eta) * np.exp(-math.log(2) * u * u)


def fwhm_deg(two_theta, size_nm, wavelength):
    th = math.radians(two_theta / 2)
    caglioti = max(U * math.tan(th) ** 2 + V * math.tan(th) + W, 1e-6)
    scherrer = math.degrees(0.9 * wavelength / (size_nm * 10 * math.cos(th)))
    return math.sqrt(caglioti + scherrer ** 2)


def phase_profile(structure, strain, size_nm, zero, x):
    s = structure.copy()
    s.apply_strain(strain)
    pattern = XRDCalculator(wavelength=KA1).get_pattern(s, scaled=False, two_theta_range=(TT0 - 3, TT1 + 3))
    y = np.zeros_like(x)
    for two_theta, intensity, d in zip(pattern.x, pattern.y, pattern.d_hkls):
        for wavelength, weight in ((KA1, 1.0), (KA2, KA2_RATIO)):
            arg = wavelength / (2 * d)
            if arg >= 1:
                continue
            tt = math.degrees(2 * math.asin(arg)) + zero
            width = fwhm_deg(tt, size_nm, wavelength)
            window = np.abs(x - tt) < 30 * width
            y[window] += weight * intensity * pseudo_voigt(x[window], tt, width) / width
    return y


def main():
    x = np.round(np.arange(TT0, TT1 + STEP / 2, STEP), 4)
    truth = {}
    for name, (role, seed, zero, counts, phases) in MIXTURES.items():
        rng = np.random.default_rng(seed)
        total = np.zeros_like(x)
        for stem, weight, strain, size in phases:
            structure = Structure.from_file(os.path.join(LIBRARY, stem + ".cif"))
            scale = weight / (structure.composition.weight * structure.volume)
            total += scale * phase_profile(structure, strain, size, zero, x)
        total *= counts / total.max()
        background = 150 + 250 * np.exp(-(x - TT0) / 12) + 60 * np.exp(-0.5 * ((x - 24) / 6) ** 2)
        observed = rng.poisson(total + background).astype(float)
        with open(os.path.join(HERE, name + ".xy"), "w") as f:
            f.write("# synthetic Cu Ka1/Ka2 pattern made by generate_mixtures.py; truth in mixtures.json\n")
            for a, b in zip(x, observed):
                f.write(f"{a:.2f} {b:.0f}\n")
        truth[name] = {"role": role, "zeroShiftDeg": zero, "radiation": "CuKa",
                       "phases": [{"id": stem, "weightFraction": w, "strain": e, "crystalliteSizeNm": L}
                                  for stem, w, e, L in phases]}
    with open(os.path.join(HERE, "mixtures.json"), "w") as f:
        json.dump(truth, f, indent=1)


if __name__ == "__main__":
    main()
