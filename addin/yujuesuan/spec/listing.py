"""Flatten a table set's rules into rows an accountant can review (``yjs spec``)."""

from __future__ import annotations

from yujuesuan.spec.forms import FormRule, FormTotal
from yujuesuan.spec.model import CellIdentity, RowsMatch, Rule, TableSet, rule_tables


def rule_rows(table_set: TableSet) -> list[dict[str, str]]:
    forms = [_form_row(rule) for form in table_set.forms for rule in form.rules]
    return [_row(rule) for rule in table_set.all_rules()] + forms


def _form_row(rule: FormRule) -> dict[str, str]:
    """A rule of a repeated form (表12-n): checked on every instance, always binding."""
    tables = (rule.form, rule.against.table) if isinstance(rule, FormTotal) else (rule.form,)
    return {
        "id": rule.id,
        "kind": "form",
        "strength": "H",
        "relation": getattr(rule, "relation", "="),
        "tables": " ".join(tables),
        "basis": rule.basis,
        "condition": "",
    }


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
