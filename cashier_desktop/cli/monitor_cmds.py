"""Monitoring commands: watch, monitor, report health, alerts list|show|adopt|revert|dismiss."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from datetime import datetime

from ..domain.errors import ConfigError, InvalidInput
from . import EXIT_FINDINGS, open_from_args, print_json
from .prompts import read_pin

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    w = sub.add_parser("watch", help="integrity watch: check every balance change against the ledger, "
                                     "raise alerts, run the scheduled full check")
    w.add_argument("--metrics-port", type=int, help="Prometheus /metrics port on 127.0.0.1 "
                                                    "(default monitor.metrics_port; 0 = off)")
    w.add_argument("--full-check-now", action="store_true", help="run the full check at once, then watch")
    w.add_argument("--once", action="store_true", help="check what is in the outbox now and exit")
    w.set_defaults(func=cmd_watch)

    m = sub.add_parser("monitor", help="the dashboard's figures")
    m.add_argument("--json", action="store_true")
    m.set_defaults(func=cmd_monitor)

    _register_report(sub)

    a = sub.add_parser("alerts", help="integrity alerts and their supervised correction")
    asub = a.add_subparsers(dest="alerts_command", required=True)
    al = asub.add_parser("list", help="alerts (open ones by default)")
    al.add_argument("--all", action="store_true", help="every status")
    al.add_argument("--json", action="store_true")
    al.set_defaults(func=cmd_alerts_list)
    sh = asub.add_parser("show", help="one alert with its evidence")
    sh.add_argument("id", type=int)
    sh.set_defaults(func=cmd_alerts_show)
    for verb, text in (("adopt", "record the outside change in the ledger (balances stay as shown)"),
                       ("revert", "restore the player's columns from the ledger"),
                       ("dismiss", "close an alert that no longer holds")):
        c = asub.add_parser(verb, help=text + " (supervisor PIN from CASHIER_PIN or prompt)")
        c.add_argument("id", type=int)
        c.add_argument("--staff", required=True, help="supervisor's staff id")
        c.add_argument("--reason", required=True)
        c.add_argument("--json", action="store_true")
        c.set_defaults(func=cmd_alerts_correct, verb=verb)


def _register_report(sub: argparse._SubParsersAction) -> None:
    """`report health` beside the large-cash `report mtl|ctr` another module registers."""
    existing = sub.choices.get("report")
    if existing is None:
        rep = sub.add_parser("report", help="reports")
        rep.add_argument("which", choices=["health"])
        rep.set_defaults(func=cmd_report_health)
    else:
        rep = existing
        which = next(a for a in rep._actions if a.dest == "which")
        which.choices = list(which.choices) + ["health"]
        for action in rep._actions:
            if action.dest == "gaming_day":
                action.required = False
                action.help = (action.help or "") + " (mtl, ctr)"
        other = rep.get_default("func")

        def dispatch(args: argparse.Namespace) -> int:
            if args.which == "health":
                return cmd_report_health(args)
            if getattr(args, "gaming_day", None) is None:
                raise InvalidInput(f"report {args.which} needs --gaming-day YYYY-MM-DD.")
            return other(args)
        rep.set_defaults(func=dispatch)
    rep.add_argument("--period", choices=["day", "week", "month"], default="day", help="health: the period")
    rep.add_argument("--until", help="health: end of the period (ISO date/time; default now)")
    rep.add_argument("--pdf", help="health: also write the report as a PDF file")
    rep.add_argument("--json", action="store_true", help="health: JSON instead of Markdown")


def cmd_watch(args) -> int:
    from ..monitoring.announce import announcer_from_config
    from ..monitoring.metrics import MonitorMetrics
    from ..monitoring.watch import Schedule, Watch
    services = open_from_args(args, application_name="cashier-desktop watch", journal=False)
    try:
        cfg = services.config
        try:
            schedule = Schedule.from_config(cfg)
        except ValueError:
            raise ConfigError(f"“monitor.full_check_time” must be HH:MM, not {cfg.get('monitor.full_check_time')!r}.") from None
        port = args.metrics_port if args.metrics_port is not None else cfg.get("monitor.metrics_port", 0)
        metrics = MonitorMetrics(services.engine)
        if port:
            print(f"metrics on http://127.0.0.1:{metrics.serve(port)}/metrics", file=sys.stderr, flush=True)
        announcer = announcer_from_config(cfg)
        if announcer is not None:
            services.on_close(announcer.close)
        from ..monitoring.anchor import Anchorer
        watch = Watch(services.engine, publish=announcer, schedule=None if args.once else schedule, metrics=metrics,
                      anchor=Anchorer.from_config(services.config))
        if args.full_check_now:
            run = watch.full_check("manual")
            print(f"full check: {run.players_failing} of {run.players_total} players failing", file=sys.stderr)
        if args.once:
            n = watch.step()
            watch.close()
            print(f"checked {n} outbox rows", file=sys.stderr)
            return 0
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        print("watching the outbox (Ctrl-C to stop)", file=sys.stderr, flush=True)
        watch.run(stop)
        metrics.close()
    finally:
        services.close()
    return 0


def cmd_monitor(args) -> int:
    from ..terminal.monitoring import dashboard
    services = open_from_args(args, journal=False)
    try:
        d = dashboard(services)
    finally:
        services.close()
    if args.json:
        print_json(d.to_json())
    else:
        print("\n".join(d.lines()))
    return EXIT_FINDINGS if d.open_alerts else 0


def _until(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"“{value}” is not a date or time (YYYY-MM-DD[THH:MM]).") from None
    return when if when.tzinfo else when.astimezone()


def cmd_report_health(args) -> int:
    from ..ui.markdown_pdf import write_pdf
    from ..terminal.monitoring import health_report
    services = open_from_args(args, journal=False)
    try:
        report = health_report(services, args.period, until=_until(args.until))
    finally:
        services.close()
    md = report.to_markdown()
    if args.json:
        print_json(report.to_json())
    else:
        sys.stdout.write(md)
    if args.pdf:
        write_pdf(md, args.pdf)
        print(f"wrote {args.pdf}", file=sys.stderr)
    return 0


def cmd_alerts_list(args) -> int:
    from ..terminal.monitoring import alerts
    services = open_from_args(args, journal=False)
    try:
        found = alerts(services, status=None if args.all else "open")
    finally:
        services.close()
    if args.json:
        print_json([a.to_json() for a in found])
    else:
        for a in found:
            print(f"{a.id:>6} {a.status:<9} {a.raised_at:%Y-%m-%d %H:%M:%S} {a.summary()}")
        if not found:
            print("no open alerts" if not args.all else "no alerts")
    return 0


def cmd_alerts_show(args) -> int:
    from ..terminal.monitoring import alert
    services = open_from_args(args, journal=False)
    try:
        a = alert(services, args.id)
    finally:
        services.close()
    if a is None:
        raise InvalidInput(f"There is no alert {args.id}.")
    print_json(a.to_json())
    return 0


def cmd_alerts_correct(args) -> int:
    from ..terminal import monitoring
    fn = {"adopt": monitoring.adopt_alert, "revert": monitoring.revert_alert,
          "dismiss": monitoring.dismiss_alert}[args.verb]
    services = open_from_args(args, journal=False)
    try:
        pin = read_pin("CASHIER_PIN", f"PIN for {args.staff}: ")
        done = fn(services, args.id, staff_id=args.staff, pin=pin, reason=args.reason)
    finally:
        services.close()
    if args.json:
        print_json(done.to_json())
    else:
        print(done.sentence())
    return 0
