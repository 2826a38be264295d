"""A refusal's sentence is written once: where two raise sites need the same sentence, the
error class owns it (`PlayerNotFound.of`, `InvalidAmount.not_positive`, …) and both call
that. Two copies drift apart, and the GUI's translations match one wording only.

Read from the source: every construction of a `CounterError` subclass with a literal
sentence (f-string placeholders compared as `{}`), plus the sentences the classes
themselves build (`cls(...)` in domain/errors.py). No sentence shape may occur twice.
"""

from __future__ import annotations

import ast
import inspect
from collections import defaultdict
from pathlib import Path

from cashier_desktop.domain import errors

PACKAGE = Path(__file__).resolve().parents[2] / "cashier_desktop"
ERROR_CLASSES = {name for name, c in vars(errors).items()
                 if inspect.isclass(c) and issubclass(c, errors.CounterError)}


def _shape(arg: ast.expr) -> str | None:
    """The sentence with each `{…}` as `{}`; None when it is not written in place."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in arg.values)
    return None


def sentence_sites(paths, root: Path = PACKAGE.parent) -> dict[str, list[str]]:
    """sentence shape -> where it is written (file:line)."""
    sites: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        makers = ERROR_CLASSES | ({"cls"} if path.name == "errors.py" and path.parent.name == "domain" else set())
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
            sentence = _shape(node.args[0]) if name in makers else None
            if sentence:
                sites[sentence].append(f"{path.relative_to(root)}:{node.lineno}")
    return sites


def test_no_refusal_sentence_is_written_at_two_raise_sites():
    paths = [p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts]
    twice = {s: where for s, where in sentence_sites(paths).items() if len(where) > 1}
    assert twice == {}, f"give the class the sentence and call it from both sites: {twice}"


def test_the_scan_sees_a_sentence_copied_next_to_its_class_method(tmp_path):
    domain = tmp_path / "domain"
    domain.mkdir()
    (domain / "errors.py").write_text("class PlayerNotFound(Exception):\n"
                                      "    @classmethod\n"
                                      "    def of(cls, pid):\n"
                                      "        return cls(f'There is no player {pid}.')\n")
    (tmp_path / "posting.py").write_text("def refuse(cmd):\n"
                                         "    return E.PlayerNotFound(f'There is no player {cmd.player_id}.')\n")
    sites = sentence_sites(sorted(tmp_path.rglob("*.py")), tmp_path)
    assert len(sites["There is no player {}."]) == 2

