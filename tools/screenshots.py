"""Render every main screen to PNG: `python -m tools.screenshots OUTDIR` (a development tool: not in the package).

Runs the real GUI on a demo ledger (the embedded one in a scratch directory, or the server
given by `--database-url`, which must be an empty database), stages a believable cage day
through the terminal services, then drives the windows and grabs them. Works offscreen
(`QT_QPA_PLATFORM=offscreen`) or under Xvfb.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

SCREEN = (1366, 768)  # the usual cage PC: every main window is shot at this size
SCREENS = ["login", "cashier", "deposit", "confirm_large", "receipt", "open_shift", "close_shift",
           "credit_queue", "supervisor", "offline", "exchange", "exchange_receipt", "markers", "cage_settings", "fx_rates",
           "deposit_notes", "drawers", "id_on_file", "credit_history", "handover", "bank_fill", "accountability"]


def _stage(services) -> None:
    """A morning at the cage, through the same services the counter uses (before Qt starts)."""
    from cashier_desktop.domain.commands import PostingCommand
    from cashier_desktop.domain.kinds import Kind
    from cashier_desktop.domain.money import Money
    from cashier_desktop.terminal import credit, session, shifts
    from cashier_desktop.terminal.counter import submit

    def money(a: str) -> Money:
        return Money(a, services.currency.code)
    other = session.login(services, "C100", "1111", terminal_id="CAGE-02")
    shifts.open_shift(services, other, counts={"500": 20})
    for pid, amount in (("103", "7500"), ("104", "12000")):
        submit(services, other.staff, PostingCommand(kind=Kind.DEPOSIT, player_id=pid, amount=money(amount),
                                                     staff_id="C100", terminal_id="CAGE-02"))
    shifts.close_shift(services, other, {"2000": 10, "500": 8})
    here = session.login(services, "C100", "1111")
    shifts.open_shift(services, here, counts={"2000": 5, "500": 20, "100": 10})
    submit(services, here.staff, PostingCommand(kind=Kind.DEPOSIT, player_id="179", amount=money("10000"),
                                                staff_id="C100", terminal_id=here.terminal_id))
    submit(services, here.staff, PostingCommand(kind=Kind.WITHDRAWAL, player_id="179", amount=money("2500"),
                                                staff_id="C100", terminal_id=here.terminal_id))
    credit.request_credit(services, here, "179", money("50000"), "regular, pays markers on time")
    credit.request_credit(services, here, "101", money("25000"), "first request")
    # Issue 17: the supervisor's rates, a limit, a temporary line and a marker against it.
    from cashier_desktop.terminal import authority, credit_lines, fx
    from cashier_desktop.terminal.verbs import Credentials
    sup = session.login(services, "S300", "3333")
    fx.set_rate(services, sup.staff, "USD", "83.123456", "84.981234")
    fx.set_rate(services, sup.staff, "EUR", "89.5", "91.25")
    authority.set_limit(services, sup.staff, "C100", "exchange", money("200000"), "standard cashier limit")
    credit_lines.grant_temporary(services, here.staff, "104", money("40000"), credit_lines.expiry_in(3),
                                 "tournament week", Credentials("F200", "2222"))
    submit(services, here.staff, PostingCommand(kind=Kind.MARKER_ISSUE, player_id="104", amount=money("15000"),
                                                staff_id="C100", terminal_id=here.terminal_id))
    # the main bank funded from the count room, a fill to this window, a passport on file
    from datetime import date
    from cashier_desktop.terminal import bank, id_documents
    bank.move_bank_cash(services, sup, "fund", money("500000"), Credentials("F200", "2222"), "count room")
    bank.fill(services, here, money("50000"), Credentials("F200", "2222"))
    id_documents.add_id_document(services, here.staff, "179", "Passport", "Z1234567",
                                 date(date.today().year + 5, 5, 31))
    session.logout(services, sup)


class Shooter:
    """Drives the real windows and saves them; waits by running the event loop, never sleeping."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []

    def wait(self, condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
        from PySide6.QtCore import QEventLoop, QTimer
        deadline = time.monotonic() + timeout
        loop = QEventLoop()
        poll = QTimer(interval=20)
        poll.timeout.connect(lambda: loop.quit() if condition() or time.monotonic() > deadline else None)
        poll.start()
        if not condition():
            loop.exec()
        poll.stop()
        if not condition():
            raise RuntimeError(f"screenshots: timed out waiting for {what}")

    def settle(self, ms: int = 150) -> None:
        from PySide6.QtCore import QEventLoop, QTimer
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(self, widget, name: str) -> None:
        self.settle()
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        self.saved.append(path)
        print(path)


def _type(widget, text: str) -> None:
    widget.setFocus()
    widget.setText(text)
    widget.textEdited.emit(text)


def _shoot_exchange(shot: Shooter, tab):
    """The exchange dialog with a quote, and an exchange's receipt. The demo's embedded ledger
    is reached by its owner login, at which the database refuses exchanges (they are taken
    at a terminal login): the receipt shows the quoted exchange as the database would post it."""
    import uuid
    from datetime import datetime, timezone
    from cashier_desktop.domain.fx import local_amount
    from cashier_desktop.domain.money import Money
    from cashier_desktop.ledger.exchange import Exchange
    tab.exchange()
    shot.wait(lambda: tab.dialog is not None and tab.dialog.currency.findData("USD") >= 0, "exchange rates")
    dialog = tab.dialog
    dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))
    _type(dialog.amount.edit, "500")
    shot.shoot(dialog, "exchange")
    rate = dialog.rate()
    dialog.reject()
    foreign = Money("500", "USD")
    done = Exchange(uuid.uuid4(), "buy", foreign, Money(local_amount("buy", foreign.amount, rate.buy), "INR"),
                    rate.buy, rate.id, tab.ctx.shift_id or 0, "179", False, datetime.now(timezone.utc),
                    tab.staff.id, None, tab.ctx.terminal_id)
    tab._on_exchanged(done)
    shot.wait(lambda: tab.receipt_dialog is not None, "exchange receipt")
    shot.shoot(tab.receipt_dialog, "exchange_receipt")
    tab.receipt_dialog.accept()
    return done


def _shoot_counter_dialogs(shot: Shooter, window) -> None:
    """Issue 17's counter dialogs: the player's ID on file (Ctrl+D), the credit history
    (Ctrl+H, its line changes and markers), the handover's first count (Ctrl+Shift+H) and a
    fill from the main bank (Shift menu), each shown filled in and closed unposted."""
    tab = window.cashier
    tab.show_id_documents()
    ids = tab.dialog
    shot.wait(lambda: ids.documents, "documents on file")
    ids.listing.setCurrentRow(0)
    shot.shoot(ids, "id_on_file")
    ids.reject()
    tab.search.search("104")  # the player with a temporary line and a marker on it
    shot.wait(lambda: any(b.player_id == "104" for b in tab.search.rows), "player 104 found")
    tab.search._pick(next(i for i, b in enumerate(tab.search.rows) if b.player_id == "104"))
    shot.wait(lambda: tab.panel.balance is not None and tab.panel.balance.player_id == "104", "player 104 loaded")
    tab.show_history()
    history = tab.dialog
    history.resize(1100, 640)
    history.tabs.setCurrentWidget(history.credit_lines)
    view = history.credit_lines
    shot.wait(lambda: view.changes.rowCount() >= 1 and view.markers.rowCount() >= 1, "credit history")
    shot.shoot(history, "credit_history")
    history.reject()
    window.hand_over()
    handover = window.dialog
    handover.grid.set_pieces({"2000": 5, "500": 120, "100": 10})
    shot.wait(lambda: "USD" in handover.foreign.edits, "the foreign cash lines")
    handover.foreign.edits["USD"].setText("100x3, 20x3, 10x1")  # the dollars go with the drawer (0032)
    shot.shoot(handover, "handover")
    handover.reject()
    window.bank("fill")
    fill = window.dialog
    _type(fill.amount.edit, "50000")
    fill.bank_id.setText("F200")
    fill.bank_pin.setText("2222")
    fill.amount.edit.setFocus()
    shot.shoot(fill, "bank_fill")
    fill.reject()


def shoot_all(services, out: Path, language: str = "en") -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from cashier_desktop.domain.kinds import Kind
    from cashier_desktop.ui.app import Terminal, apply_style, open_feed_bridge
    from cashier_desktop.ui.shift_dialogs import CloseShiftDialog, OpenShiftDialog

    from cashier_desktop.ui.pyside_refcount import keep_none_alive
    keep_none_alive()  # PySide6 6.12.0 on Python 3.11 (see the module)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from cashier_desktop.ui import gui_thread_gc
    gui_thread_gc.install(app)
    apply_style(app)
    from cashier_desktop.ui.i18n import set_language
    set_language(language)  # the windows below are made in this language
    shot = Shooter(out)
    terminal = Terminal(services, feed=open_feed_bridge(services))
    try:
        login = terminal.login
        login.resize(520, 380)
        login.show()
        shot.wait(lambda: terminal.ctx.status.live, "feed connected")
        login.staff_id.setText("C100")
        login.pin.setText("1111")
        shot.shoot(login, "login")
        login.submit()
        shot.wait(lambda: bool(terminal.windows), "cashier logged in")
        window = terminal.windows[-1]
        window.resize(*SCREEN)
        tab = window.cashier
        tab.search.search("179")
        shot.wait(lambda: bool(tab.search.rows), "search results")
        tab.search._pick(0)
        shot.wait(lambda: tab.recent.rowCount() >= 2, "player loaded")
        shot.shoot(window, "cashier")

        dialog = tab.start(Kind.DEPOSIT)
        _type(dialog.amount.edit, "25000.5")
        shot.shoot(dialog, "deposit")
        dialog.advance()
        shot.wait(lambda: tab.receipt_dialog is not None, "receipt")
        shot.shoot(tab.receipt_dialog, "receipt")
        tab.receipt_dialog.accept()

        # the notes line (issue 17): the amount split into the preferred notes, then edited
        noted = tab.start(Kind.DEPOSIT)
        _type(noted.amount.edit, "2300")
        _type(noted.notes_line.edit, "500x3, 200x2, 100x4")
        noted.notes_line.edit.setFocus()
        shot.shoot(noted, "deposit_notes")
        noted.advance()
        shot.wait(lambda: tab.receipt_dialog is not None or noted.problem.is_refusal(),
                  "receipt of the deposit with notes")
        if tab.receipt_dialog is None:
            raise RuntimeError(f"screenshots: the deposit with notes was refused: {noted.problem.text()}")
        shot.shoot(tab.receipt_dialog, "receipt_notes")  # its Notes block
        tab.receipt_dialog.accept()

        big = tab.start(Kind.DEPOSIT)
        _type(big.amount.edit, "250000")
        big.advance()
        shot.wait(lambda: big.confirm_box.isVisible(), "confirmation")
        shot.shoot(big, "confirm_large")
        big.reject()

        opening = OpenShiftDialog(terminal.ctx, window.session, window)
        opening.grid.set_pieces({"2000": 5, "500": 20, "100": 10, "10": 15})
        shot.shoot(opening, "open_shift")
        opening.reject()
        closing = CloseShiftDialog(terminal.ctx, window.session, window)
        closing.grid.set_pieces({"2000": 10, "500": 19})
        shot.shoot(closing, "close_shift")
        closing.reject()

        _shoot_exchange(shot, tab)
        _shoot_counter_dialogs(shot, window)

        terminal.ctx.status.set_online(False, "demo")
        terminal.ctx.status.set_pending(2)
        terminal.ctx.status.set_feed_state("reconnecting")
        shot.shoot(window, "offline")
        terminal.ctx.status.set_online(True)
        terminal.ctx.status.set_pending(0)
        terminal.ctx.status.set_feed_state("connected")

        login.staff_id.setText("F200")
        login.pin.setText("2222")
        login.submit()
        shot.wait(lambda: len(terminal.windows) == 2, "floor manager logged in")
        fm = terminal.windows[-1]
        fm.resize(*SCREEN)
        fm.tabs.setCurrentWidget(fm.credit_queue)
        shot.wait(lambda: len(fm.credit_queue.requests) >= 2, "credit queue")
        fm.credit_queue.table.selectRow(0)
        fm.credit_queue.reason.setText("")
        shot.shoot(fm, "credit_queue")
        fm.tabs.setCurrentWidget(fm.markers)
        fm.markers.due_days.setValue(31)  # the staged marker falls due in 30 days
        shot.wait(lambda: fm.markers.due.rowCount() >= 1 and fm.markers.aging.rowCount() >= 1, "markers")
        shot.shoot(fm, "markers")

        login.staff_id.setText("S300")
        login.pin.setText("3333")
        login.submit()
        shot.wait(lambda: len(terminal.windows) == 3, "supervisor logged in")
        sup = terminal.windows[-1]
        sup.resize(*SCREEN)
        desk = sup.supervisor
        sup.tabs.setCurrentWidget(desk)
        shot.wait(lambda: bool(desk.shifts), "shifts")
        closed = next(i for i, s in enumerate(desk.shifts) if s.terminal_id == "CAGE-02")
        desk.shift_table.selectRow(closed)
        shot.wait(lambda: desk.report is not None, "shift report")
        checked: list = []
        desk.integrity_done.connect(checked.append)  # whatever the language of its sentence
        desk.run_integrity()
        shot.wait(lambda: bool(checked), "integrity")
        shot.shoot(sup, "supervisor")
        sup.tabs.setCurrentWidget(sup.cage_settings)
        shot.wait(lambda: sup.cage_settings.grid.rowCount() >= 3, "cage settings")
        shot.shoot(sup, "cage_settings")
        sup.cage_settings.pages.setCurrentIndex(1)
        shot.shoot(sup, "fx_rates")
        settings = sup.cage_settings
        settings.pages.setCurrentIndex(2)  # the drawers, by denomination
        shot.wait(lambda: any(s.terminal_id == "CAGE-01" for s in settings.open_shifts), "open drawers")
        row = next(i for i, s in enumerate(settings.open_shifts) if s.terminal_id == "CAGE-01")
        settings.drawers.setCurrentCell(row, 0)
        shot.wait(lambda: settings.holding.rowCount() >= 3, "drawer holding")
        shot.shoot(sup, "drawers")
        sup.tabs.setCurrentWidget(desk)
        desk.show_accountability()  # Ctrl+Shift+T: every drawer, the bank, the markers
        totals = desk.accountability_window
        shot.wait(lambda: bool(totals.lines), "accountability")
        totals.resize(1100, 520)
        shot.shoot(totals, "accountability")
        totals.close()
    finally:
        terminal.close()
    return shot.saved


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--database-url", help="an empty database to stage the demo in (default: embedded)")
    ap.add_argument("--language", choices=["en", "hi"], default="en", help="the windows' language (default en)")
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from cashier_desktop.config import load_config
    from cashier_desktop.terminal.services import open_services
    scratch = tempfile.mkdtemp(prefix="cashier-screens-")
    env = {"CASHIER_TERMINAL_ID": "CAGE-01", "CASHIER_TERMINAL_DATA_DIR": scratch,
           "CASHIER_CONFIG": str(Path(scratch) / "none.toml")}
    Path(env["CASHIER_CONFIG"]).write_text("")
    if args.database_url:
        env["CASHIER_DATABASE_URL"] = args.database_url
    config = load_config(env=env)
    services = open_services(config, migrate_schema=True, seed=True)
    try:
        _stage(services)
        shoot_all(services, args.outdir, args.language)
    finally:
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
