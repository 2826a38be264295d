"""The soak's attacks: which faults exist, injecting one, healing it, the attack loop.

A mixin of `Soak` (tests/e2e/soak.py), kept apart so each file says one thing. Every fault
that needs healing schedules its heal (`_later`); the loop runs due heals, restarts
anything that died by itself (a finding), and injects the next fault from a shuffled bag
of every kind, so each kind comes round before any repeats.
"""

from __future__ import annotations

import time


FAILOVER = "primary killed, standby promoted (old primary rejoins)"
CAGE_KILL = "cage window SIGKILL"


class Attacks:
    """Fault injection for `Soak`; relies on its servers, children, rng, faults and note()."""

    # -- faults ---------------------------------------------------------------------------
    def fault_kinds(self) -> list[str]:
        kinds = ["terminal SIGKILL", "PostgreSQL stop/start", "PostgreSQL crash/start",
                 "proxy cuts connections", "proxy refuses connections"]
        if getattr(self, "cluster", None) is not None:
            kinds = ["terminal SIGKILL", FAILOVER]
        if self.features["realtime"]:
            kinds += ["soketi killed", "relay killed"]
        kinds += ["portal SIGKILL"]
        if getattr(self, "cage", None) is not None:
            kinds += [CAGE_KILL]
        if self.settings.kinds == ("none",):
            return []
        if self.settings.kinds:
            kinds = [k for k in kinds if any(w in k for w in self.settings.kinds)]
        return kinds

    def _later(self, delay: float, what: str, fn) -> None:
        window = self.windows[-1] if self.windows else None

        def heal() -> None:
            fn()
            if window is not None:
                window[1] = time.time()
        self.scheduled.append((time.monotonic() + delay, what, heal))

    def _run_due(self, everything: bool = False) -> None:
        now = time.monotonic()
        due = [x for x in self.scheduled if everything or x[0] <= now]
        self.scheduled = [x for x in self.scheduled if x not in due]
        for _, what, fn in sorted(due, key=lambda x: x[0]):
            fn()
            self.note(f"  healed: {what}")

    def _pg_busy(self) -> bool:
        return any(w.startswith(("PostgreSQL", "proxy")) for _, w, _ in self.scheduled)

    def inject(self, kind: str) -> bool:
        """Inject one fault; False if it cannot be injected right now (try another)."""
        self.windows.append([time.time(), time.time()])
        if not self._inject(kind):
            self.windows.pop()
            return False
        self.windows[-1][1] = max(self.windows[-1][1], time.time())
        self.faults[kind] = self.faults.get(kind, 0) + 1
        self.note(f"FAULT {kind}")
        return True

    def _inject(self, kind: str) -> bool:
        r = self.rng
        if kind == "terminal SIGKILL":
            tid = r.choice(sorted(self.terminals))
            if any(w == f"restart {tid}" for _, w, _ in self.scheduled):
                return False
            self.terminals[tid].kill()
            self._later(r.uniform(0.0, 1.5), f"restart {tid}", self.terminals[tid].start)
        elif kind == CAGE_KILL:
            if any(w == f"restart {self.cage.name}" for _, w, _ in self.scheduled):
                return False
            self.cage.kill()  # mid-operation, often: its resend after the restart must be exactly-once
            self._later(r.uniform(0.0, 1.5), f"restart {self.cage.name}", self.cage.start)
        elif kind.startswith("PostgreSQL"):
            if self._pg_busy():
                return False
            self.pg.stop("immediate" if "crash" in kind else "fast")
            self._later(r.uniform(1.0, 3.0), "PostgreSQL start", self.pg.start)
        elif kind == FAILOVER:
            if any(w.startswith("rejoin") for _, w, _ in self.scheduled):
                return False
            old = self.cluster.kill_primary()  # its postmaster and keeper: the machine died

            def rejoin() -> None:
                new = self.cluster.wait_promoted(old)
                self.note(f"  {new.name} promoted; {old.name} rejoining")
                self.cluster.rejoin(old)
            self._later(r.uniform(1.0, 3.0), f"rejoin {old.name} as standby", rejoin)
        elif kind == "proxy cuts connections":
            self.proxy.cut()  # every live connection reset; new ones accepted as usual
        elif kind == "proxy refuses connections":
            if self._pg_busy():
                return False
            self.proxy.refuse()  # reset, and refuse new connections until accepted again
            self._later(r.uniform(1.0, 3.0), "proxy accept", self.proxy.accept)
        elif kind == "soketi killed":
            if any(w == "soketi start" for _, w, _ in self.scheduled):
                return False
            self.soketi.kill()
            self._later(r.uniform(0.5, 2.0), "soketi start", self.soketi.start)
        elif kind == "relay killed":
            relay = r.choice(self.relays)
            if any(w == f"restart {relay.name}" for _, w, _ in self.scheduled):
                return False
            relay.kill()
            self._later(r.uniform(0.0, 1.5), f"restart {relay.name}", relay.start)
        elif kind == "portal SIGKILL":
            if any(w == "restart portal" for _, w, _ in self.scheduled):
                return False
            self.portal.kill()
            self._later(r.uniform(0.0, 1.5), "restart portal", self.portal.start)
        else:
            raise ValueError(kind)
        return True

    def _watch_children(self) -> None:
        """A child that died by itself (not killed by us) is a finding, and is restarted."""
        restarting = {w for _, w, _ in self.scheduled}
        for child in [*self.terminals.values(), self.cage, self.portal, *self.relays]:
            if child is None or child.alive() or f"restart {child.name}" in restarting \
                    or f"{child.name} start" in restarting:
                continue
            code = child.proc.returncode if child.proc else None
            self.faults.setdefault("(unplanned exits)", 0)
            self.faults["(unplanned exits)"] += 1
            self.note(f"!! {child.name} exited by itself with {code}; restarting")
            child.start()
        for sub in self.subscribers:
            if not sub.alive():
                self.note(f"!! subscriber {sub.name} exited by itself; restarting")
                sub.crashes += 1
                sub.start()

    def attack(self) -> None:
        kinds = self.fault_kinds()
        bag: list[str] = []
        end = time.monotonic() + self.settings.duration
        next_fault = time.monotonic() + self.rng.uniform(*self.settings.fault_gap)
        next_beat = time.monotonic() + 60
        while time.monotonic() < end:
            if time.monotonic() >= next_beat:  # a long soak says how it is going once a minute
                next_beat += 60
                self.note(f"... {sum(self.faults.values())} faults so far, "
                          f"{int(end - time.monotonic())} s to go")
            self._run_due()
            self._watch_children()
            if time.monotonic() >= next_fault and kinds:
                if not bag:
                    bag = kinds[:]
                    self.rng.shuffle(bag)
                for k in list(bag):
                    if self.inject(k):
                        bag.remove(k)
                        break
                next_fault = time.monotonic() + self.rng.uniform(*self.settings.fault_gap)
            time.sleep(0.05)

