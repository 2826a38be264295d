"""The refusal recorder's background thread never keeps the process alive (issue 20: the
suite hung at interpreter exit on the `refusal-log` worker of a ThreadPoolExecutor)."""

from __future__ import annotations

import subprocess
import sys
import threading

from cashier_desktop.monitoring.refusals import BackgroundWriter

# A record stuck for ever (as on a ledger that stopped answering), then the end of the program.
_STUCK_AT_EXIT = """
import threading
from cashier_desktop.monitoring.refusals import BackgroundWriter
started = threading.Event()
writer = BackgroundWriter("refusal-log")  # as a terminal's refusal log holds it, never closed here
writer.submit(lambda: (started.set(), threading.Event().wait()))
started.wait()
print("leaving", flush=True)
"""


def test_a_record_stuck_on_a_dead_ledger_does_not_keep_the_process_from_ending():
    done = subprocess.run([sys.executable, "-c", _STUCK_AT_EXIT], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "leaving"


def test_the_writer_runs_calls_in_order_and_hands_back_results_and_errors():
    writer = BackgroundWriter("refusal-log-test")
    seen: list[int] = []
    futures = [writer.submit(seen.append, i) for i in range(5)]
    failing = writer.submit(lambda: 1 / 0)
    assert [f.result(timeout=10) for f in futures] == [None] * 5
    assert seen == [0, 1, 2, 3, 4]
    assert isinstance(failing.exception(timeout=10), ZeroDivisionError)
    assert writer.close(timeout=10)


def test_close_waits_for_queued_records_and_then_refuses_new_ones():
    writer = BackgroundWriter("refusal-log-test")
    gate = threading.Event()
    seen: list[str] = []
    writer.submit(gate.wait)
    queued = writer.submit(seen.append, "queued before close")
    assert not writer.close(timeout=0.05), "a blocked record is not waited for beyond the timeout"
    gate.set()
    queued.result(timeout=10)
    assert seen == ["queued before close"]
    assert writer.submit(seen.append, "after close").cancelled()


def test_the_writers_thread_is_a_daemon():
    writer = BackgroundWriter("refusal-log-test")
    writer.submit(lambda: None).result(timeout=10)
    names = {t.name: t.daemon for t in threading.enumerate()}
    assert names.get("refusal-log-test") is True
    writer.close(timeout=10)
