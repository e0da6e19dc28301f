"""Converts pymatgen's space-group data (MIT licence) into Athanor's space-group resource.

Run with Debian's python3-pymatgen 2022.11.7:
    /usr/bin/python3 workflows/scripts/crystal/make_space_group_table.py > \
        workflows/src/main/resources/org/athanor/crystal/spacegroups/space-groups.tsv

Output lines (tab separated):
    S  number  universal_h_m  hermann_mauguin  hall  op;op;...     one setting (pymatgen symm_ops.json, from COD)
    A  compact-symbol  setting-index                                 how pymatgen's SpaceGroup(symbol) resolves a symbol
    N  number  setting-index                                         how SpaceGroup.from_int_number(n) resolves a number
Setting indices count S lines from 0.
"""
import json
import os
import re

import numpy as np
import pymatgen.symmetry as symmetry
from pymatgen.core.operations import SymmOp
from pymatgen.symmetry.groups import SpaceGroup

base = os.path.dirname(symmetry.__file__)
settings = json.load(open(os.path.join(base, "symm_ops.json")))
symm_data = json.load(open(os.path.join(base, "symm_data.json")))


def key(ops):
    out = set()
    for op in ops:
        m = op.affine_matrix
        t = np.round((m[:3, 3] % 1.0) * 24).astype(int) % 24
        out.add((tuple(np.round(m[:3, :3]).astype(int).ravel()), tuple(t)))
    return frozenset(out)


setting_keys = [key([SymmOp.from_xyz_string(s) for s in e["symops"]]) for e in settings]


def find(ops, number):
    k = key(ops)
    for i, e in enumerate(settings):
        if e["number"] == number and setting_keys[i] == k:
            return i
    raise SystemExit(f"no setting matches group {number}")


for e in settings:
    print("\t".join(["S", str(e["number"]), e["universal_h_m"], e["hermann_mauguin"], e["hall"].strip(),
                     ";".join(s.replace(" ", "") for s in e["symops"])]))

sub = lambda s: re.sub(r"[\s_]", "", s)
for symbol in symm_data["space_group_encoding"]:
    sg = SpaceGroup(symbol)
    print("\t".join(["A", sub(symbol), str(find(sg.symmetry_ops, sg.int_number))]))
for n in range(1, 231):
    sg = SpaceGroup.from_int_number(n)
    print("\t".join(["N", str(n), str(find(sg.symmetry_ops, n))]))
