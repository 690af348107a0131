"""Where user editions live: never in the package; $YUJUESUAN_DATA, %APPDATA% or ~/.local/share."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from catalog_tools import Run, user_data, yjs  # noqa: F401 (fixtures)
from yujuesuan import reference
from yujuesuan.reference.user import DATA_ENV, catalog_file, data_folder

Yjs = Callable[..., Run]


def test_environment_variable_overrides_the_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "mine"))
    assert data_folder() == tmp_path / "mine"
    assert (
        catalog_file("function", 2025) == tmp_path / "mine" / "catalogs" / "function" / "2025.csv"
    )


def test_windows_uses_appdata(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert data_folder() == tmp_path / "Roaming" / "yujuesuan"


def test_linux_uses_the_xdg_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_folder() == tmp_path / ".local" / "share" / "yujuesuan"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_folder() == tmp_path / "xdg" / "yujuesuan"


def test_the_folder_is_outside_the_package(user_data: Path) -> None:
    package = Path(reference.__file__).resolve().parent.parent
    assert not data_folder().resolve().is_relative_to(package)


def test_cli_diff_and_show_use_chinese_and_exit_2_on_bad_input(user_data: Path, yjs: Yjs) -> None:
    run = yjs("catalog", "diff", "2023", "2024", "--kind", "function")
    assert run.code == 0 and "停用 234" in run.out
    assert yjs("catalog", "show", "2019999", "--year", "2021").code == 2
    unknown_year = yjs("catalog", "diff", "2019", "2021")
    assert unknown_year.code == 2 and "未收录2019年" in unknown_year.err
    bad_kind = yjs("catalog", "show", "201", "--year", "2021", "--kind", "预算")
    assert bad_kind.code == 2 and "科目类别" in bad_kind.err


def test_a_damaged_user_file_is_reported_with_its_path(user_data: Path, yjs: Yjs) -> None:
    path = catalog_file("function", 2022)
    path.parent.mkdir(parents=True)
    path.write_text("code,name,aliases\n20a,坏行,\n", encoding="utf-8")
    run = yjs("catalog", "show", "201", "--year", "2022", "--kind", "function")
    assert run.code == 2 and str(path) in run.err and "重新" in run.err
