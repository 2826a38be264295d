"""The supervisor's cage settings: the exchange rates and the authority limits per staff member.

Rates: every currency the cage exchanges with the rate in force; a new buy and sell rate is
in force at once (`cage.set_fx_rate`, which waits for any exchange half-way). Authority:
staff × transaction type (every posting kind, the exchange, a temporary line, each transfer
with the main bank), the largest amount each may post without a second person's PIN;
pick a cell, type the limit (or tick "no limit") and the reason, Enter saves
(`cage.set_authority_limit`: never one's own). One page each (Ctrl+Tab); Ctrl+F5 reloads both.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from .tables import read_only_table
from ..domain.kinds import Kind
from ..domain.money import Money
from .amount_edit import AmountField
from .display import money_text, role_text, time_text
from .currency_names import currency_label
from .exchange_receipt import rate_figure
from .feedback import NOTE, MessageLabel
from .i18n import kind_name
from .keys import REFRESH_KEY
from .ops import Op, sentence_for

EXCHANGE_TYPE = QT_TRANSLATE_NOOP("CageSettings", "Exchange")
# The types that are not posting kinds (whose names are kind_name's): migration 0029.
OTHER_TYPES = {"exchange": EXCHANGE_TYPE,
               "temporary_credit": QT_TRANSLATE_NOOP("CageSettings", "Temporary line"),
               "fill": QT_TRANSLATE_NOOP("CageSettings", "Fill"),
               "credit": QT_TRANSLATE_NOOP("CageSettings", "Credit to the bank"),
               "fund": QT_TRANSLATE_NOOP("CageSettings", "Funding the bank"),
               "remit": QT_TRANSLATE_NOOP("CageSettings", "Remittance")}


def type_label(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication
    if kind in OTHER_TYPES:
        return QCoreApplication.translate("CageSettings", OTHER_TYPES[kind])
    return kind_name(Kind(kind))


def _table(columns: list[str], name: str, accessible: str, parent: QWidget) -> QTableWidget:
    return read_only_table(columns, name, accessible, parent, select_rows=False)  # cells are picked here


def _scrolling(page: QWidget) -> QScrollArea:
    """A page that scrolls rather than make the window taller than the screen (the supervisor's
    window carries the alert and offline banners above its tabs)."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.NoFrame)
    return area


class CageSettingsTab(QWidget):
    """Rates and authority limits; every read and write goes through the worker."""

    loaded = Signal()  # both tables filled (tests)

    RATE_COLUMNS = [QT_TRANSLATE_NOOP("CageSettingsTab", "Currency"), QT_TRANSLATE_NOOP("CageSettingsTab", "Buy"),
                    QT_TRANSLATE_NOOP("CageSettingsTab", "Sell"), QT_TRANSLATE_NOOP("CageSettingsTab", "In force since"),
                    QT_TRANSLATE_NOOP("CageSettingsTab", "Set by")]

    DRAWER_COLUMNS = [QT_TRANSLATE_NOOP("CageSettingsTab", "Shift"), QT_TRANSLATE_NOOP("CageSettingsTab", "Terminal"),
                      QT_TRANSLATE_NOOP("CageSettingsTab", "Cashier"), QT_TRANSLATE_NOOP("CageSettingsTab", "Opened"),
                      QT_TRANSLATE_NOOP("CageSettingsTab", "Status")]
    EXCHANGE_COLUMNS = [QT_TRANSLATE_NOOP("CageSettingsTab", "Time"), QT_TRANSLATE_NOOP("CageSettingsTab", "Exchange"),
                        QT_TRANSLATE_NOOP("CageSettingsTab", "Foreign"), QT_TRANSLATE_NOOP("CageSettingsTab", "Local"),
                        QT_TRANSLATE_NOOP("CageSettingsTab", "Rate"), QT_TRANSLATE_NOOP("CageSettingsTab", "Player"),
                        QT_TRANSLATE_NOOP("CageSettingsTab", "Staff")]
    HOLDING_COLUMNS = [QT_TRANSLATE_NOOP("CageSettingsTab", "Denomination"),
                       QT_TRANSLATE_NOOP("CageSettingsTab", "Pieces"), QT_TRANSLATE_NOOP("CageSettingsTab", "Amount")]

    def __init__(self, ctx: Any, session: Any, parent: QWidget | None = None) -> None:
        from ..terminal.authority import TYPES
        super().__init__(parent)
        self.ctx, self.session, self.staff = ctx, session, session.staff
        self.setObjectName("cageSettingsTab")
        self.types = list(TYPES)
        self.staff_rows: list[tuple[str, str, str]] = []
        self.limits: dict[tuple[str, str], Any] = {}
        # -- rates
        self.rates = _table([self.tr(c) for c in self.RATE_COLUMNS], "fxRates", self.tr("Exchange rates"), self)
        self.rates.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.rates.setSelectionMode(QAbstractItemView.SingleSelection)
        self.rates.currentCellChanged.connect(lambda row, *_: self._pick_rate(row))
        self.rate_currency = QComboBox()
        self.rate_currency.setAccessibleName(self.tr("Currency of the new rate"))
        self.buy = QLineEdit()
        self.buy.setAccessibleName(self.tr("Buy rate"))
        self.buy.setPlaceholderText(self.tr("the cage pays per unit, e.g. 83.25"))
        self.sell = QLineEdit()
        self.sell.setAccessibleName(self.tr("Sell rate"))
        self.sell.setPlaceholderText(self.tr("the cage is paid per unit, e.g. 84.75"))
        self.save_rate_button = QPushButton(self.tr("Save &rate (Enter)"))
        self.save_rate_button.clicked.connect(self.save_rate)
        for w in (self.buy, self.sell):
            w.returnPressed.connect(self.save_rate)
        rform = QFormLayout()
        rform.addRow(self.tr("C&urrency"), self.rate_currency)
        rform.addRow(self.tr("&Buy"), self.buy)
        rform.addRow(self.tr("S&ell"), self.sell)
        rform.addRow("", self.save_rate_button)
        rates_box = QGroupBox(self.tr("Exchange rates"))
        rbox = QHBoxLayout(rates_box)
        rbox.addWidget(self.rates, 3)
        rbox.addLayout(rform, 2)
        # -- authority limits
        self.grid = _table([self.tr("Staff")] + [type_label(t) for t in self.types], "authorityLimits",
                           self.tr("Authority limits"), self)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.grid.setSelectionMode(QAbstractItemView.SingleSelection)
        self.grid.currentCellChanged.connect(lambda row, col, *_: self._pick_cell(row, col))
        self.member = QComboBox()
        self.member.setAccessibleName(self.tr("Staff member"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Transaction type"))
        for t in self.types:
            self.kind.addItem(type_label(t), t)
        self.limit = AmountField(ctx.profile, self, allow_zero=True)
        self.limit.edit.setAccessibleName(self.tr("Authority limit"))
        self.no_limit = QCheckBox(self.tr("&No limit (remove it)"))
        self.no_limit.toggled.connect(lambda on: self.limit.setEnabled(not on))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for the change"))
        self.reason.setPlaceholderText(self.tr("why (kept with the change)"))
        self.reason.returnPressed.connect(self.save_limit)
        self.limit.edit.returnPressed.connect(self.save_limit)
        self.save_limit_button = QPushButton(self.tr("Save &limit (Enter)"))
        self.save_limit_button.clicked.connect(self.save_limit)
        aform = QFormLayout()
        aform.addRow(self.tr("Sta&ff member"), self.member)
        aform.addRow(self.tr("T&ype"), self.kind)
        aform.addRow(self.tr("L&imit"), self.limit)
        aform.addRow("", self.no_limit)
        aform.addRow(self.tr("Reas&on"), self.reason)
        aform.addRow("", self.save_limit_button)
        limits_box = QGroupBox(self.tr("Authority limits: the most each may post without a second PIN"))
        abox = QVBoxLayout(limits_box)  # the grid the whole width: a column per type
        abox.addWidget(self.grid, 1)
        abox.addLayout(aform)
        # -- drawers: each open shift's expected holding by denomination (never the cashier's)
        # Open drawers, and closed ones still to be signed off (their figures explain a variance).
        self.drawers = _table([self.tr(c) for c in self.DRAWER_COLUMNS], "openDrawers", self.tr("Drawers"), self)
        self.drawers.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.drawers.setSelectionMode(QAbstractItemView.SingleSelection)
        self.drawers.currentCellChanged.connect(lambda row, *_: self.load_holding(row))
        self.holding = _table([self.tr(c) for c in self.HOLDING_COLUMNS], "drawerHolding",
                              self.tr("Expected holding by denomination"), self)
        self.holding_total = QLabel("")
        self.holding_total.setObjectName("drawerExpected")
        self.holding_total.setWordWrap(True)
        self.exchanges = _table([self.tr(c) for c in self.EXCHANGE_COLUMNS], "drawerExchanges",
                                self.tr("The shift's exchanges"), self)
        drawers_page = QWidget(self)
        dbox = QHBoxLayout(drawers_page)
        dbox.addWidget(self.drawers, 1)
        hbox = QVBoxLayout()
        hbox.addWidget(self.holding, 1)
        hbox.addWidget(self.holding_total)
        hbox.addWidget(self.exchanges, 1)
        dbox.addLayout(hbox, 2)
        self.open_shifts: list[Any] = []
        self.message = MessageLabel(self.tr("Message"), self, default_tone=NOTE, object_name="settingsMessage")
        # One page each (Ctrl+Tab): stacked, the two forms would not fit a 1366×768 screen's
        # height, and side by side the staff × type grid would not fit its width.
        self.pages = QTabWidget(self)
        self.pages.setObjectName("cageSettingsPages")
        self.pages.addTab(_scrolling(limits_box), self.tr("&Authority limits"))
        self.pages.addTab(_scrolling(rates_box), self.tr("E&xchange rates"))
        self.pages.addTab(_scrolling(drawers_page), self.tr("&Drawers by denomination"))
        box = QVBoxLayout(self)
        box.addWidget(self.pages, 1)
        box.addWidget(self.message)
        QShortcut(QKeySequence(REFRESH_KEY), self, activated=self.refresh, context=Qt.WidgetWithChildrenShortcut)
        self.setTabOrder(self.rate_currency, self.buy)
        self.setTabOrder(self.buy, self.sell)
        self.setTabOrder(self.sell, self.save_rate_button)
        self.setTabOrder(self.member, self.kind)
        self.setTabOrder(self.kind, self.limit.edit)
        self.setTabOrder(self.limit.edit, self.no_limit)
        self.setTabOrder(self.no_limit, self.reason)
        self.refresh()

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        from ..terminal import authority, fx
        staff = self.staff
        from ..terminal.shifts import list_shifts
        Op(parent=self, work=lambda s: (fx.rates(s), authority.staff_rows(s), authority.limits(s, staff),
                                        list_shifts(s, status="open") + list_shifts(s, status="closed", limit=50))) \
            .success(self._loaded).failure(lambda exc: self.message.show_refusal(sentence_for(exc))).run()

    def _loaded(self, loaded: tuple[list, list, list, list]) -> None:
        rates, staff_rows, limits, open_shifts = loaded
        self._show_drawers(open_shifts)
        prof = self.ctx.profile
        chosen = self.rate_currency.currentData()
        self.rate_rows = rates
        self.rates.setRowCount(len(rates))
        self.rate_currency.clear()
        for i, r in enumerate(rates):
            values = [currency_label(r.currency, r.name)]
            if r.rate is None:
                values += [self.tr("no rate set"), "—", "—", "—"]
            else:
                values += [rate_figure(r.rate.buy, prof), rate_figure(r.rate.sell, prof),
                           time_text(r.rate.valid_from), r.rate.set_by]
            for j, text in enumerate(values):
                self.rates.setItem(i, j, QTableWidgetItem(text))
            self.rate_currency.addItem(currency_label(r.currency, r.name), r.currency)
        if chosen is not None and self.rate_currency.findData(chosen) >= 0:
            self.rate_currency.setCurrentIndex(self.rate_currency.findData(chosen))
        self.staff_rows = staff_rows
        self.limits = {(a.staff_id, a.kind): a for a in limits}
        member = self.member.currentData()
        self.member.clear()
        self.grid.setRowCount(len(staff_rows))
        for i, (sid, name, role) in enumerate(staff_rows):
            self.member.addItem(f"{sid} {name} ({role_text(role)})", sid)
            self.grid.setItem(i, 0, QTableWidgetItem(f"{sid} {name}"))
            for j, t in enumerate(self.types, start=1):
                limit = self.limits.get((sid, t))
                item = QTableWidgetItem(money_text(limit.max_amount, prof) if limit else "—")
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                item.setToolTip(self.tr("no limit"))
                if limit:
                    item.setToolTip(self.tr("Set by %1 on %2: %3").replace("%1", limit.set_by)
                                    .replace("%2", time_text(limit.set_at)).replace("%3", limit.reason))
                self.grid.setItem(i, j, item)
        if member is not None and self.member.findData(member) >= 0:
            self.member.setCurrentIndex(self.member.findData(member))
        self.loaded.emit()

    def _show_drawers(self, open_shifts: list) -> None:
        chosen = self.open_shifts[self.drawers.currentRow()].id if 0 <= self.drawers.currentRow() < len(
            self.open_shifts) else None
        self.open_shifts = list(open_shifts)
        self.drawers.setRowCount(len(open_shifts))
        for i, sh in enumerate(open_shifts):
            status = self.tr("open") if sh.status == "open" else self.tr("closed")
            for j, text in enumerate((f"#{sh.id}", sh.terminal_id, sh.staff_id, time_text(sh.opened_at), status)):
                self.drawers.setItem(i, j, QTableWidgetItem(text))
        ids = [sh.id for sh in open_shifts]
        if chosen in ids:
            self.drawers.setCurrentCell(ids.index(chosen), 0)
            self.load_holding(ids.index(chosen))

    def load_holding(self, row: int) -> None:
        """The selected drawer's expected holding (a supervisor's read; the cashier's stays blind)."""
        from ..terminal import drawer
        if not 0 <= row < len(self.open_shifts):
            return
        shift_id, staff = self.open_shifts[row].id, self.staff
        Op(parent=self, work=lambda s: (drawer.holding(s, staff, shift_id), drawer.foreign_holding(s, staff, shift_id),
                                        drawer.exchanges(s, staff, shift_id))) \
            .success(lambda loaded: self._show_holding(shift_id, *loaded)) \
            .failure(lambda exc: self.message.show_refusal(sentence_for(exc))).run()

    def _show_holding(self, shift_id: int, rows: list, foreign: list | None = None,
                      exchanges: list | None = None) -> None:
        from ..domain.currency import profile_for
        from ..domain.formatting import format_money
        from .exchange_receipt import direction_text
        prof = self.ctx.profile
        exchanges = exchanges or []
        self.exchanges.setRowCount(len(exchanges))
        for i, x in enumerate(exchanges):
            values = [time_text(x.created_at), direction_text(x.direction, x.foreign.currency, prof.code),
                      format_money(x.foreign, profile_for(x.foreign.currency)), money_text(x.local.amount, prof),
                      rate_figure(x.rate, prof), x.player_id or "—",
                      x.staff_id + (f" / {x.approver_id}" if x.approver_id else "")]
            for j, text in enumerate(values):
                item = QTableWidgetItem(text)
                if j in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.exchanges.setItem(i, j, item)
        foreign = foreign or []
        self.holding.setRowCount(len(rows) + len(foreign))
        by_note = {f.currency for f in foreign if f.denomination is not None}
        for i, f in enumerate(foreign, start=len(rows)):  # by note (0031), then what moved without notes
            code = f.currency
            if f.denomination is not None:
                values = (format_money(Money(f.denomination, code), profile_for(code)), str(f.pieces))
            else:
                values = ((self.tr("%1 without notes").replace("%1", code) if code in by_note
                           else currency_label(code)), "—")
            for j, text in enumerate(values + (format_money(Money(f.amount, code), profile_for(code)),)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.holding.setItem(i, j, item)
        for i, h in enumerate(rows):
            values = ([money_text(h.denomination, prof), str(h.pieces)] if h.denomination is not None
                      else [self.tr("without notes"), "—"]) + [money_text(h.amount, prof)]
            for j, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.holding.setItem(i, j, item)
        # The local cash by denomination; foreign cash from exchanges on rows of its own.
        self.holding_total.setText(self.tr("Shift #%1 should hold %2.").replace("%1", str(shift_id))
                                   .replace("%2", money_text(sum((h.amount for h in rows), start=0), prof)))

    def _pick_rate(self, row: int) -> None:
        if 0 <= row < len(getattr(self, "rate_rows", [])):
            r = self.rate_rows[row]
            self.rate_currency.setCurrentIndex(self.rate_currency.findData(r.currency))
            if r.rate is not None:
                self.buy.setText(str(r.rate.buy.normalize()))
                self.sell.setText(str(r.rate.sell.normalize()))

    def _pick_cell(self, row: int, col: int) -> None:
        """A cell of the grid fills the form with its staff member, type and limit."""
        if not (0 <= row < len(self.staff_rows)):
            return
        sid = self.staff_rows[row][0]
        self.member.setCurrentIndex(self.member.findData(sid))
        if col >= 1:
            kind = self.types[col - 1]
            self.kind.setCurrentIndex(self.kind.findData(kind))
            limit = self.limits.get((sid, kind))
            self.no_limit.setChecked(False)
            self.limit.edit.setText(str(limit.max_amount) if limit else "")

    # -- saving --------------------------------------------------------------------------
    def save_rate(self) -> None:
        from ..terminal import fx
        currency, buy, sell, staff = self.rate_currency.currentData(), self.buy.text(), self.sell.text(), self.staff
        if currency is None:
            return
        Op(parent=self, lane="posting", work=lambda s: fx.set_rate(s, staff, currency, buy, sell)) \
            .success(lambda rate_id: self._saved(self.tr("The %1 rate is in force (rate %2).")
                                                 .replace("%1", currency).replace("%2", str(rate_id)))) \
            .failure(lambda exc: self.message.show_refusal(sentence_for(exc))) \
            .disabling(self.save_rate_button).run()

    def save_limit(self) -> None:
        from ..terminal import authority
        member, kind, staff, reason = self.member.currentData(), self.kind.currentData(), self.staff, self.reason.text()
        if member is None:
            return
        limit = None
        if not self.no_limit.isChecked():
            limit = self.limit.money()
            if limit is None:
                self.limit.show_refusal(self.limit.error() or self.tr("Enter the limit, or tick “No limit”."))
                self.limit.setFocus()
                return
        shown = self.tr("no limit") if limit is None else money_text(limit.amount, self.ctx.profile)
        Op(parent=self, lane="posting", work=lambda s: authority.set_limit(s, staff, member, kind, limit, reason)) \
            .success(lambda _id: self._saved(self.tr("%1's %2 limit is now %3.").replace("%1", member)
                                             .replace("%2", type_label(kind)).replace("%3", shown))) \
            .failure(lambda exc: self.message.show_refusal(sentence_for(exc))) \
            .disabling(self.save_limit_button).run()

    def _saved(self, sentence: str) -> None:
        self.message.show_note(sentence)
        self.reason.clear()
        self.refresh()
