"""When the full integrity check runs: nightly at a local time, or every N minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time as dtime, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Schedule:
    """When the full check runs: daily at `at` (local to `tz`), or every `every`."""

    at: dtime = dtime(4, 0)
    tz: str = "Asia/Kolkata"
    every: timedelta | None = None

    @classmethod
    def from_config(cls, config) -> "Schedule":
        hh, _, mm = str(config.get("monitor.full_check_time", "04:00")).partition(":")
        minutes = int(config.get("monitor.full_check_every_minutes", 0) or 0)
        return cls(at=dtime(int(hh), int(mm or 0)), tz=config.get("policy.timezone", "Asia/Kolkata"),
                   every=timedelta(minutes=minutes) if minutes > 0 else None)

    def last_due(self, now: datetime) -> datetime:
        """The newest scheduled instant at or before `now` (daily schedules)."""
        local = now.astimezone(ZoneInfo(self.tz))
        slot = local.replace(hour=self.at.hour, minute=self.at.minute, second=0, microsecond=0)
        if slot > local:
            slot -= timedelta(days=1)
        return slot

    def due(self, now: datetime, last_run: datetime | None) -> bool:
        if last_run is None:
            return True
        if self.every is not None:
            return now - last_run >= self.every
        return last_run < self.last_due(now)

    def next_due(self, now: datetime, last_run: datetime | None) -> datetime:
        if self.due(now, last_run):
            return now
        if self.every is not None:
            return last_run + self.every
        return self.last_due(now) + timedelta(days=1)
