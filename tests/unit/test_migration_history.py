"""The migration history has one head, and every migration after the merge point is linear."""

from alembic.script import ScriptDirectory

from cashier_desktop.ledger import migrate


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrate.alembic_config())


def test_the_migration_history_has_exactly_one_head():
    assert len(_script().get_heads()) == 1


def test_every_migration_after_the_merge_point_has_a_single_parent():
    script = _script()
    after_merge = [rev for rev in script.walk_revisions() if rev.revision > "0008"]
    for rev in after_merge:
        assert isinstance(rev.down_revision, str), f"{rev.revision} branches or merges again"
