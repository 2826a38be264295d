"""Large-cash reports for a gaming day: the MTL (log) and the CTR (over the threshold).

`report mtl` first completes the day's log from the ledger (postings that reached the
ledger by journal replay, or whose log write failed), so the log never misses a posting.
`report ctr` covers the aggregation period containing the gaming day (that day, or its
calendar month under the Indian profile).
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from datetime import date

from ..domain.errors import InvalidInput
from ..domain.policy import gaming_day_bounds, period_of_day
from ..ledger.cash_reports import CtrRow, MtlRow
from ..ledger.db import warn_if_gui_thread
from .auth import policy_of


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InvalidInput(f"“{text}” is not a date; write it as YYYY-MM-DD.") from None


def mtl_report(services, day: date) -> list[MtlRow]:
    warn_if_gui_thread("mtl_report")
    policy = policy_of(services)
    start, end = gaming_day_bounds(day, policy.gaming_day_start_hour, policy.timezone)

    # At a bound terminal login the posting API wrote each entry with its posting (offline
    # replays included), and the login may only read the log; elsewhere (the owner's tools,
    # postings written before the API) the day is filled in first. Idempotent by posting.
    return services.ledger.mtl_rows(day, start=start, end=end, tz=policy.timezone,
                                    start_hour=policy.gaming_day_start_hour, threshold=policy.mtl_threshold,
                                    fill_in=not services.database_decides)


def ctr_report(services, day: date) -> list[CtrRow]:
    warn_if_gui_thread("ctr_report")
    policy = policy_of(services)
    period = period_of_day(day, policy)
    return services.ledger.ctr_rows(start=period.start, end=period.end, threshold=policy.ctr_threshold,
                                    label=period.label)


def to_csv(rows: list, columns: list[str]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        d = asdict(row)
        w.writerow(["" if d[c] is None else (d[c].isoformat() if hasattr(d[c], "isoformat") else d[c])
                    for c in columns])
    return out.getvalue()


MTL_COLUMNS = list(MtlRow.__dataclass_fields__)
CTR_COLUMNS = list(CtrRow.__dataclass_fields__)
