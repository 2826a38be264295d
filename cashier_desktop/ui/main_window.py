"""The window a logged-in staff member works in: one tab per part of the job their role allows.

Cashier tab for everyone (floor managers and supervisors hold every cashier right);
Credit queue for floor managers and supervisors; Shifts & integrity and the ledger-health
Monitor (ui/monitor_view.py) for supervisors.
The offline banner sits above the tabs; the status bar below. Closing waits for work in
progress (a posting is never abandoned half-way by closing a window).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from ..domain.roles import Action, can
from . import messages
from .cashier_tab import CashierTab
from .display import money_text, role_text
from .status import OfflineBanner, StatusBar


class MainWindow(QMainWindow):
    """One staff member's session on this terminal. Emits `logged_out` when they leave."""

    logged_out = Signal()

    def __init__(self, ctx: Any, session: Any) -> None:
        super().__init__()
        self.ctx, self.session = ctx, session
        self.staff = staff = session.staff
        ctx.set_shift(session.shift)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("%1 — %2 (%3) — terminal %4").replace("%1", messages.APP_TITLE)
                            .replace("%2", staff.name).replace("%3", role_text(staff.role))
                            .replace("%4", ctx.terminal_id))
        self.banner = OfflineBanner(ctx.status, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.cashier = CashierTab(ctx, session, self)
        self.tabs.addTab(self.cashier, self.tr("&Counter"))
        self.credit_queue = None
        self.markers = None
        self.cage_settings = None
        self.supervisor = None
        self.monitor = None
        if can(staff.role, Action.APPROVE_CREDIT):
            from .credit_queue import CreditQueueTab
            self.credit_queue = CreditQueueTab(ctx, session, self)
            self.tabs.addTab(self.credit_queue, self.tr("Credit &queue"))
            from .markers_tab import MarkersTab
            self.markers = MarkersTab(ctx, session, self)
            self.tabs.addTab(self.markers, self.tr("Mar&kers"))
        if can(staff.role, Action.SIGN_OFF_SHIFT):
            from .supervisor import SupervisorTab
            self.supervisor = SupervisorTab(ctx, session, self)
            self.tabs.addTab(self.supervisor, self.tr("S&hifts && integrity"))
            from .monitor_view import MonitorView
            self.monitor = MonitorView(ctx, session, self)
            self.tabs.addTab(self.monitor, self.tr("&Monitor"))
            from .cage_settings import CageSettingsTab
            self.cage_settings = CageSettingsTab(ctx, session, self)
            self.tabs.addTab(self.cage_settings, self.tr("Cage se&ttings"))
        central = QWidget(self)
        box = QVBoxLayout(central)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.banner)
        if self.monitor is not None:
            # The integrity-alert banner belongs to the whole supervisor window, not only the
            # Monitor tab: an alert must be seen whichever tab is open.
            box.addWidget(self.monitor.banner)
            self.monitor.banner.review.connect(lambda: self.tabs.setCurrentWidget(self.monitor))
        box.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status_bar = StatusBar(ctx.status, self)
        self.setStatusBar(self.status_bar)
        self.status_bar.set_staff(f"{staff.id} {staff.name}")  # the role is in the title
        self._build_menu()
        ctx.shift_changed.connect(self._on_shift)
        self._opening = False
        self._on_shift(ctx.shift)
        self._closing = False
        self.dialog: QWidget | None = None
        self.leaving_note = ""  # said on the login window when this window leaves (a handover)
        self.resize(1100, 700)

    def _build_menu(self) -> None:
        shift_menu = self.menuBar().addMenu(self.tr("&Shift"))
        self.open_shift_action = QAction(self.tr("&Open shift…"), self, shortcut=QKeySequence("Ctrl+O"),
                                         triggered=self.open_shift)
        self.close_shift_action = QAction(self.tr("&Close shift (blind count)…"), self,
                                          shortcut=QKeySequence("Ctrl+L"), triggered=self.close_shift)
        self.handover_action = QAction(self.tr("&Hand over to the next cashier…"), self,
                                       shortcut=QKeySequence("Ctrl+Shift+H"), triggered=self.hand_over)
        shift_menu.addAction(self.open_shift_action)
        shift_menu.addAction(self.close_shift_action)
        shift_menu.addAction(self.handover_action)
        self.fill_action = QAction(self.tr("&Fill from the main bank…"), self, triggered=lambda: self.bank("fill"))
        self.credit_action = QAction(self.tr("C&redit to the main bank…"), self, triggered=lambda: self.bank("credit"))
        shift_menu.addSeparator()
        shift_menu.addAction(self.fill_action)
        shift_menu.addAction(self.credit_action)
        session = self.menuBar().addMenu(self.tr("S&ession"))
        self.logout_action = QAction(self.tr("&Log out"), self, shortcut=QKeySequence("Ctrl+Shift+Q"),
                                     triggered=self.logout)
        session.addAction(self.logout_action)
        find = QAction(self.tr("&Find player"), self, shortcut=QKeySequence("F2"), triggered=self._find)
        self.addAction(find)
        from .keys import EXCHANGE_KEY
        exchange = QAction(self.tr("Currency exchange"), self, shortcut=QKeySequence(EXCHANGE_KEY),
                           triggered=self._exchange)
        self.addAction(exchange)

    def _exchange(self) -> None:
        self.tabs.setCurrentWidget(self.cashier)
        self.cashier.exchange()

    def _find(self) -> None:
        self.tabs.setCurrentWidget(self.cashier)
        self.cashier.focus_search()

    # -- shift --------------------------------------------------------------------------
    def open_shift(self) -> None:
        from .shift_dialogs import OpenShiftDialog
        self._opening = True
        self._keep(OpenShiftDialog(self.ctx, self.session, self))

    def close_shift(self) -> None:
        from .shift_dialogs import CloseShiftDialog
        if self.ctx.shift is None:
            self.show_message(messages.NO_SHIFT, error=True)
            return
        self._keep(CloseShiftDialog(self.ctx, self.session, self))

    def hand_over(self) -> None:
        from .handover_dialog import HandoverDialog
        if self.ctx.shift is None:
            self.show_message(messages.NO_SHIFT, error=True)
            return
        dialog = HandoverDialog(self.ctx, self.session, self)
        dialog.handed_over.connect(self._handed_over)
        self._keep(dialog)

    def bank(self, kind: str) -> None:
        """A fill or credit with the main bank for this window's drawer."""
        from .bank_dialog import BankTransferDialog
        if (refusal := self.cashier.shift_refusal()) is not None:  # the window's side is its cashier's
            self.show_message(refusal, error=True)
            return
        self._keep(BankTransferDialog(self.ctx, self.session, kind, self.show_message, self))

    def _handed_over(self, done: Any) -> None:
        """The outgoing session ended with the handover: back to the login, for the incoming cashier."""
        self.leaving_note = messages.HANDED_OVER.format(old=done.closed.id, new=done.opened.id,
                                                        staff=done.opened.staff_id)
        self._leave()

    def _keep(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WA_DeleteOnClose, True)
        self.dialog = dialog

        def closed(_result: int = 0) -> None:
            if self.dialog is dialog:
                self.dialog = None
            self.activateWindow()
        dialog.finished.connect(closed)
        dialog.open()

    def _on_shift(self, shift: Any) -> None:
        if shift is None:
            self.status_bar.set_shift(self.tr("none open"))
        else:
            self.status_bar.set_shift(f"#{shift.id} ({shift.staff_id})")  # the float: Shift menu, report
            if self.cashier.message.text() == messages.NO_SHIFT or self._opening:
                # The refusal's cause is gone: say what is true now (the confirmation of the open).
                self.cashier.show_message(messages.SHIFT_OPENED.format(
                    id=shift.id, float=money_text(shift.opening_float, self.ctx.profile)))
            self._opening = False
            if shift.staff_id != self.staff.id:  # say at once what to do, not at the first refusal
                self.cashier.show_message(self.cashier.shift_refusal() or "", error=True)
        self.open_shift_action.setEnabled(shift is None)
        self.close_shift_action.setEnabled(shift is not None)
        self.handover_action.setEnabled(shift is not None)
        self.fill_action.setEnabled(shift is not None)
        self.credit_action.setEnabled(shift is not None)

    # -- messages, logout, close ------------------------------------------------------------
    def show_message(self, text: str, error: bool = False) -> None:
        self.tabs.setCurrentWidget(self.cashier) if self.tabs.currentWidget() is None else None
        # The counter's message line shows it whole; the status bar's message area is too
        # narrow beside the permanent facts and would cut it ("Shift #1 closed; co").
        self.cashier.show_message(text, error=error)

    def logout(self) -> None:
        from ..terminal import session
        from .ops import Op
        current = self.session
        Op(parent=self, work=lambda s: session.logout(s, current)) \
            .success(lambda _r: self._leave()).failure(lambda _e: self._leave()).run()

    def _leave(self) -> None:
        self.logged_out.emit()
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt
        runner = self.ctx.runner
        if runner.in_flight:
            # Wait for work in progress: a posting half-way must finish and be shown.
            event.ignore()
            self.status_bar.showMessage(messages.CLOSE_WAITING)
            self.cashier.show_message(messages.CLOSE_WAITING)  # whole, where the counter reads
            if not self._closing:
                self._closing = True
                runner.in_flight_changed.connect(self._close_when_idle)
            return
        if self.ctx.feed is not None:
            self.ctx.feed.watch_only(self.cashier, [])
        super().closeEvent(event)

    def _close_when_idle(self, count: int) -> None:
        if count == 0:
            QTimer.singleShot(0, self.close)
