"""The `formulas` engine (the headless recalculation) agrees with every promised value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from render_support import render_case


def test_formulas_package_calculates_hongshan_to_the_expected_values(golden_dir: Path, tmp_path: Path) -> None:
    import formulas

    _, _, result, path = render_case(golden_dir, "hongshan-2021", tmp_path / "rendered.xlsx")
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    upper = {(s.upper(), a): (s, a) for s, a in result.expected}
    calculated = {}
    for ref, value in solution.items():
        sheet, _, cell = str(ref).rpartition("!")
        key = upper.get((sheet.split("]", 1)[-1].strip("'").upper(), cell))
        if key is not None:
            raw = value.value[0][0] if hasattr(value, "value") else value
            calculated[key] = raw.item() if hasattr(raw, "item") else raw
    assert set(calculated) == set(result.expected)
    for key, expected in result.expected.items():
        got = calculated[key]
        if isinstance(expected, str):
            assert got == expected, key
        else:
            assert abs(Decimal(repr(float(got))) - expected) < Decimal("0.005"), (key, got, expected)
