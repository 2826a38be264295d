"""Only the shift's cashier posts into it (issue 17; migration 0021), as the attack: a second
cashier logs in at the terminal whose drawer is someone else's (their own staff session, the
right PIN) and tries each way cash enters or leaves a drawer through the posting API. The
database refuses, CA001 with one sentence that names the handover; nothing moves. Corrections
by a supervisor stay possible (REGULATORY.md), and an offline entry taken before a handover
posts into the shift it was taken in, or nowhere."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import NotAuthorized
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from cashier_desktop.ledger import transfers
from cashier_desktop.ledger.handover import hand_over
from cashier_desktop.ledger.staff import add_staff
from tests.security.conftest import session
from tests.security.test_cage_credit_lines import permanent_line
from tests.security.test_cage_drawer_notes import post_with_notes
from tests.security.test_posting_api_attacks import api_post, open_shift
from tests.support.factories import make_player

_REPLAY = """SELECT (r.posting).shift_id, (r.posting).staff_id FROM cage.replay_offline(:id, 'h', :k, :p, :a, 'INR',
    :staff, p_shift => :shift) r"""


def inr(amount: str) -> Money:
    return Money(Decimal(amount), "INR")


def _refused_as_not_theirs(call, owner: str) -> str:
    """Run `call`, which must be refused as another cashier's drawer; the sentence."""
    with pytest.raises(Exception) as info:
        call()
    orig = getattr(info.value, "orig", info.value)
    state = getattr(orig, "sqlstate", None) or ("CA001" if isinstance(orig, NotAuthorized) else None)
    assert state == "CA001", orig
    sentence = str(orig).splitlines()[0]
    assert f"is {owner}'s drawer" in sentence and "handover" in sentence, sentence
    return sentence


def _ledger_rows(secure, player: str) -> int:
    with secure.admin.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = :p"),
                            {"p": player}).scalar_one()


@pytest.fixture
def counter(secure):
    """C100's drawer (float ₹50,000) on a terminal allowed to replay offline entries, a player
    with cash and a credit line, and a second cashier logged in at the same terminal."""
    terminal = secure.login("terminal", terminal_id="T-SEC-OWN", offline_limit=Decimal("100000"),
                            offline_total=Decimal("100000"))
    second = f"C{uuid.uuid4().hex[:6]}"
    add_staff(secure.admin, second, "Second Cashier", "cashier", "5555")
    owner = session(terminal, "C100", "1111")
    shift = open_shift(terminal, owner, "50000")
    player = make_player(secure.admin)
    permanent_line(secure, player, "100000")
    api_post(terminal, "deposit", player, "10000", session_id=owner)
    api_post(terminal, "marker_issue", player, "1000", session_id=owner)
    return {"terminal": terminal, "owner": owner, "shift": shift, "player": player, "second_id": second,
            "second": session(terminal, second, "5555")}


@pytest.mark.parametrize("kind, amount", [("deposit", "500"), ("withdrawal", "500"), ("marker_issue", "500"),
                                          ("marker_redeem", "500")])
def test_a_second_cashier_cannot_post_into_a_shift_opened_by_someone_else(secure, counter, kind, amount):
    t, player = counter["terminal"], counter["player"]
    before = _ledger_rows(secure, player)
    _refused_as_not_theirs(lambda: api_post(t, kind, player, amount, session_id=counter["second"]), "C100")
    # nor by naming the shift, nor with the drawer's notes
    _refused_as_not_theirs(lambda: api_post(t, kind, player, amount, session_id=counter["second"],
                                            shift=counter["shift"]), "C100")
    if kind in ("deposit", "withdrawal"):
        notes = {"500": 1}
        _refused_as_not_theirs(lambda: post_with_notes(t, kind, player, amount, counter["second"],
                                                       notes_in=notes if kind == "deposit" else None,
                                                       notes_out=notes if kind == "withdrawal" else None), "C100")
    assert _ledger_rows(secure, player) == before
    # the drawer's own cashier still can
    assert api_post(t, kind, player, amount, session_id=counter["owner"]).shift_id == counter["shift"]


def test_a_floor_manager_or_supervisor_cannot_take_cash_in_a_cashiers_drawer_either(secure, counter):
    t, player = counter["terminal"], counter["player"]
    for staff_id, pin in (("F200", "2222"), ("S300", "3333")):
        _refused_as_not_theirs(lambda: api_post(t, "deposit", player, "100", session_id=session(t, staff_id, pin)),
                               "C100")


def test_an_offline_entry_attesting_another_cashier_is_refused_on_replay(secure, counter):
    t, player = counter["terminal"], counter["player"]

    def replay(staff: str):
        with t.begin() as conn:
            return conn.execute(text(_REPLAY), {"id": uuid.uuid4(), "k": "deposit", "p": player,
                                                "a": Decimal("300"), "staff": staff, "shift": counter["shift"]}).one()
    _refused_as_not_theirs(lambda: replay(counter["second_id"]), "C100")
    assert tuple(replay("C100")) == (counter["shift"], "C100")


def test_a_second_cashier_cannot_exchange_currency_in_someone_elses_drawer(secure, counter):
    t = counter["terminal"]
    rate = fx.set_rate(t, session(t, "S300", "3333"), "USD", Decimal("83"), Decimal("85"))
    _refused_as_not_theirs(lambda: fx.exchange(t, session=counter["second"], direction="buy",
                                               foreign=Money(Decimal("10"), "USD"), quoted_rate=rate), "C100")
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM fx_exchanges")).scalar_one() == 0
    assert fx.exchange(t, session=counter["owner"], direction="buy", foreign=Money(Decimal("10"), "USD"),
                       quoted_rate=rate).shift_id == counter["shift"]


def test_a_second_cashier_cannot_sign_a_fill_or_credit_for_someone_elses_window(secure, counter):
    t = counter["terminal"]
    floor, supervisor = session(t, "F200", "2222"), session(t, "S300", "3333")
    transfers.transfer(t, kind="fund", amount=inr("100000"), sender_session=supervisor, receiver_session=floor,
                       reason="opening bank from the count room")
    with pytest.raises(NotAuthorized, match="whose drawer it is"):
        transfers.transfer(t, kind="fill", amount=inr("1000"), sender_session=floor,
                           receiver_session=counter["second"])
    with pytest.raises(NotAuthorized, match="whose drawer it is"):
        transfers.transfer(t, kind="credit", amount=inr("1000"), sender_session=counter["second"],
                           receiver_session=floor)
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM bank_transfers WHERE kind IN ('fill', 'credit')")
                            ).scalar_one() == 0


def test_a_supervisor_still_reverses_a_posting_in_a_cashiers_shift(secure, counter):
    """A correction is a supervisor's by design (REGULATORY.md): keyed in at the terminal, it
    lands in the drawer whose cash it corrects."""
    t, player = counter["terminal"], counter["player"]
    with t.begin() as conn:
        original = conn.execute(text("SELECT (r.posting).id FROM cage.post(:id, 'h', 'deposit', :p, 700, 'INR', "
                                     "p_session => :s) r"),
                                {"id": uuid.uuid4(), "p": player, "s": counter["owner"]}).scalar_one()
        reversal = conn.execute(text("""SELECT (r.posting).shift_id, (r.posting).staff_id, (r.posting).drawer_delta
            FROM cage.post(:id, 'h', 'reversal', :p, 700, 'INR', p_session => :s, p_reverses => :o,
                           p_reason => 'keyed twice') r"""),
                                {"id": uuid.uuid4(), "p": player, "s": session(t, "S300", "3333"),
                                 "o": original}).one()
    assert tuple(reversal) == (counter["shift"], "S300", Decimal("-700.00"))


def test_after_a_handover_the_incoming_cashier_posts_and_the_outgoing_one_no_longer_can(secure, counter):
    t, player = counter["terminal"], counter["player"]
    _closed, opened = hand_over(t, shift_id=counter["shift"], outgoing_session=counter["owner"],
                                incoming_session=counter["second"], outgoing_counted=Decimal("60000"),
                                outgoing_count=None, incoming_counted=Decimal("60000"), incoming_count=None)
    assert api_post(t, "deposit", player, "100", session_id=counter["second"]).shift_id == opened.id
    _refused_as_not_theirs(lambda: api_post(t, "deposit", player, "100", session_id=session(t, "C100", "1111")),
                           counter["second_id"])


def test_offline_entries_taken_before_a_handover_post_into_the_outgoing_shift_or_nowhere(secure, counter):
    """Replayed before the handover they land in the shift they were taken in (the terminal
    refuses a handover while any waits); one replayed after it is refused, never moved into
    the incoming cashier's drawer."""
    t, player = counter["terminal"], counter["player"]

    def replay(entry: uuid.UUID):
        with t.begin() as conn:
            return conn.execute(text(_REPLAY), {"id": entry, "k": "deposit", "p": player, "a": Decimal("250"),
                                                "staff": "C100", "shift": counter["shift"]}).one()
    assert tuple(replay(uuid.uuid4())) == (counter["shift"], "C100")
    _closed, opened = hand_over(t, shift_id=counter["shift"], outgoing_session=counter["owner"],
                                incoming_session=counter["second"], outgoing_counted=Decimal("60250"),
                                outgoing_count=None, incoming_counted=Decimal("60250"), incoming_count=None)
    assert _closed.variance == inr("0.00")  # the replayed entry is in the outgoing drawer's expected cash
    late = uuid.uuid4()
    with pytest.raises(Exception) as info:
        replay(late)
    assert getattr(info.value.orig, "sqlstate", None) == "CA002", info.value
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE id = :i OR shift_id = :s"),
                            {"i": late, "s": opened.id}).scalar_one() == 0
