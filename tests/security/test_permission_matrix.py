"""The permission matrix has one source (domain/roles.py); the database's copy must agree."""

from __future__ import annotations

from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.roles import PERMISSIONS, action_for
from cashier_desktop.ledger.api_tables import rights_in_database
from sqlalchemy import text


def test_the_rights_the_database_enforces_are_the_python_matrix(secure):
    with secure.admin.connect() as conn:
        assert rights_in_database(conn) == {r.value: {a.value for a in acts} for r, acts in PERMISSIONS.items()}
        kinds = dict(conn.execute(text("SELECT kind, action FROM cage.kind_actions")).all())
    assert kinds == {k.value: action_for(k).value for k in Kind}
