"""Times pymatgen's XRDCalculator on the CIFs of PowderPatternBenchmark, on this machine.

    /usr/bin/python3 workflows/scripts/crystal/time_pymatgen.py

Reports the best-of-5 mean time per get_pattern call (Cu Ka, 2theta 10-90), structure read once beforehand, as the JMH
benchmark does.
"""
import timeit
import warnings

from pymatgen.analysis.diffraction.xrd import XRDCalculator
from pymatgen.core import Structure

warnings.filterwarnings("ignore")
LIB = "workflows/src/main/resources/org/athanor/crystal/library/"
for cif in ["pymatgen_test_files/LiFePO4.cif", "xrd_autoanalyzer_pdf_references/Li7La3Zr2O12_142.cif",
            "xrd_autoanalyzer_pdf_references/Li7La3Zr2O12_230.cif"]:
    s = Structure.from_file(LIB + cif)
    calc = XRDCalculator("CuKa")
    number = 3 if len(s) > 100 else 10
    best = min(timeit.repeat(lambda: calc.get_pattern(s, two_theta_range=(10, 90)), number=number, repeat=5)) / number
    print(f"{cif:60s} sites={len(s):4d}  pymatgen get_pattern: {best * 1000:9.1f} ms")
