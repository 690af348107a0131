"""Flatten a table set's rules into rows an accountant can review (``yjs spec``)."""

from __future__ import annotations

from yujuesuan.spec.model import CellIdentity, RowsMatch, Rule, TableSet, rule_tables


def rule_rows(table_set: TableSet) -> list[dict[str, str]]:
    return [_row(rule) for rule in table_set.all_rules()]


def _row(rule: Rule) -> dict[str, str]:
    relation = getattr(rule, "relation", "=")
    condition = rule.condition.text if isinstance(rule, (CellIdentity, RowsMatch)) and rule.condition else ""
    return {
        "id": rule.id,
        "kind": rule.kind,
        "strength": rule.strength.value,
        "relation": relation,
        "tables": " ".join(rule_tables(rule)),
        "basis": rule.basis,
        "condition": condition,
    }
