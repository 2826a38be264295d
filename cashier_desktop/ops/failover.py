"""Which ledger server is primary, and how far its standbys lag.

Terminals, the relay and the watch name every node in one multi-host URL, in libpq's form
(`postgresql://cashier@/cashier?host=db1,db2&port=5432,5432&target_session_attrs=read-write`,
which psycopg used directly reads as well as SQLAlchemy) (libpq tries the hosts in order and keeps the one that
accepts writes), so after pg_auto_failover promotes the standby they follow it by
reconnecting. This module answers the operator's questions for `cluster status`,
`selfcheck` and the dashboard: which node is primary, is the standby synchronous (a
posting told "posted" is on both), and the replication lag.

The lag columns of pg_stat_replication are visible only to superusers and members of
`pg_read_all_stats` (or `pg_monitor`); for other roles they read as unknown.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy.engine import Connection, make_url

# Past either figure a standby's lag is drawn as an alert: a supervisor should know before a
# failover that the standby it would promote is that far behind (a synchronous standby has
# every commit flushed, but not yet replayed: promotion waits for the replay).
LAG_ALERT_SECONDS = 5.0
LAG_ALERT_BYTES = 16 * 1024 * 1024

REPLICATION_SQL = """
SELECT application_name, state, sync_state,
       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint AS lag_bytes,
       extract(epoch FROM replay_lag)::float8 AS lag_seconds
FROM pg_stat_replication ORDER BY application_name
"""


@dataclass
class Standby:
    name: str
    state: str | None
    sync_state: str | None
    lag_bytes: int | None
    lag_seconds: float | None

    def line(self) -> str:
        lag = "lag unknown (role lacks pg_read_all_stats)" if self.lag_bytes is None else \
            f"lag {self.lag_bytes} bytes" + (f", {self.lag_seconds * 1000:.0f} ms" if self.lag_seconds is not None else "")
        over = ", OVER the alert threshold" if lag_over_threshold(asdict(self)) else ""
        return f"standby {self.name}: {self.state or '?'}, {self.sync_state or '?'}, {lag}{over}"


@dataclass
class NodeStatus:
    address: str
    role: str  # "primary", "standby" or "unreachable"
    detail: str = ""


@dataclass
class ClusterStatus:
    nodes: list[NodeStatus]
    standbys: list[Standby] = field(default_factory=list)
    synchronous_standby_names: str = ""

    @property
    def primary(self) -> str | None:
        primaries = [n.address for n in self.nodes if n.role == "primary"]
        return primaries[0] if len(primaries) == 1 else None

    @property
    def synchronous(self) -> bool:
        return bool(self.synchronous_standby_names) and any(
            s.sync_state in ("sync", "quorum") and s.state == "streaming" for s in self.standbys)

    @property
    def healthy(self) -> bool:
        """One primary; with more than one node named, at least one standby streaming."""
        if self.primary is None:
            return False
        return len(self.nodes) == 1 or any(s.state == "streaming" for s in self.standbys)

    def lines(self) -> list[str]:
        out = [f"{n.address}: {n.role}" + (f" ({n.detail})" if n.detail else "") for n in self.nodes]
        out += [s.line() for s in self.standbys]
        if len(self.nodes) > 1:
            out.append("replication: " + ("synchronous" if self.synchronous else
                                          "NOT synchronous: a primary failure may lose postings told 'posted'"))
        out.append("cluster: " + ("healthy" if self.healthy else "NOT healthy"))
        return out

    def to_json(self) -> dict:
        return {"primary": self.primary, "healthy": self.healthy, "synchronous": self.synchronous,
                "nodes": [asdict(n) for n in self.nodes], "standbys": [asdict(s) for s in self.standbys],
                "synchronous_standby_names": self.synchronous_standby_names}


def lag_over_threshold(standby: dict) -> bool:
    """Whether a standby (a `Standby` as a dict) lags past LAG_ALERT_SECONDS or LAG_ALERT_BYTES;
    an unknown lag is not over (the figure says it is unknown)."""
    seconds, size = standby.get("lag_seconds"), standby.get("lag_bytes")
    return (seconds is not None and seconds > LAG_ALERT_SECONDS) or (size is not None and size > LAG_ALERT_BYTES)


def hosts(url: str) -> list[tuple[str, int]]:
    """The (host, port) pairs a URL names, in order. Multi-host URLs in libpq's form
    (`?host=a,b&port=5432,5433`, which raw libpq clients read too) or SQLAlchemy's
    (`?host=a:5432&host=b:5433`)."""
    u = make_url(url)
    named = u.query.get("host")
    if not named:
        return [(u.host or "localhost", u.port or 5432)]
    named = [named] if isinstance(named, str) else list(named)
    ports = u.query.get("port")
    ports = ports.split(",") if isinstance(ports, str) else list(ports or [])
    out = []
    for h in (one for item in named for one in item.split(",")):
        host, sep, port = h.rpartition(":")
        if not sep:
            host, port = h, ""
        out.append((host, int(port) if port else 0))
    default = u.port or 5432
    for i, (host, port) in enumerate(out):
        if not port:
            given = ports[i] if i < len(ports) else (ports[0] if len(ports) == 1 else "")
            out[i] = (host, int(given) if given else default)
    return out


def standbys(conn: Connection) -> tuple[list[Standby], str]:
    """The standbys a primary streams to, and its synchronous_standby_names."""
    rows = conn.exec_driver_sql(REPLICATION_SQL).all()
    names = conn.exec_driver_sql("SELECT current_setting('synchronous_standby_names')").scalar_one()
    return [Standby(*r) for r in rows], names


def replication_summary(conn: Connection) -> dict:
    """For the dashboard: the server this connection reached and its standbys' lag, each
    standby marked `over_threshold` past the alert figures (given as `lag_alert`)."""
    where, in_recovery = conn.exec_driver_sql(
        "SELECT coalesce(host(inet_server_addr()), 'local') || ':' || current_setting('port'), "
        "pg_is_in_recovery()").one()
    found, names = ([], "") if in_recovery else standbys(conn)
    listed = [asdict(s) for s in found]
    for s in listed:
        s["over_threshold"] = lag_over_threshold(s)
    return {"server": where, "role": "standby" if in_recovery else "primary",
            "synchronous": bool(names) and any(s.sync_state in ("sync", "quorum") for s in found),
            "standbys": listed, "lag_alert": {"seconds": LAG_ALERT_SECONDS, "bytes": LAG_ALERT_BYTES}}


def cluster_status(url: str, *, timeout: int = 3) -> ClusterStatus:
    """Ask every node the URL names whether it is in recovery; the primary for its standbys."""
    import psycopg

    u = make_url(url)
    nodes, found, names = [], [], ""
    for host, port in hosts(url):
        address = f"{host}:{port}"
        try:
            with psycopg.connect(host=host, port=port, dbname=u.database or "postgres", user=u.username,
                                 password=u.password, connect_timeout=timeout, autocommit=True,
                                 application_name="cashier-desktop cluster status") as conn:
                in_recovery = conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]
                if in_recovery:
                    delay = conn.execute("SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())"
                                         "::float8").fetchone()[0]
                    nodes.append(NodeStatus(address, "standby", "" if delay is None else
                                            f"last replayed transaction {delay:.1f} s old"))
                else:
                    nodes.append(NodeStatus(address, "primary"))
                    found = [Standby(*r) for r in conn.execute(REPLICATION_SQL).fetchall()]
                    names = conn.execute("SELECT current_setting('synchronous_standby_names')").fetchone()[0]
        except psycopg.OperationalError as exc:
            nodes.append(NodeStatus(address, "unreachable", (str(exc).strip().splitlines() or [""])[-1][:160]))
    return ClusterStatus(nodes, found, names)
