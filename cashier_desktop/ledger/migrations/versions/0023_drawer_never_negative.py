"""A drawer never pays out cash it does not hold (issue 17).

Until now `cage.exchange` could pay out more INR than its drawer should hold, sell USD/EUR
the drawer never took in, and a withdrawal or a reversal could take a drawer below zero; only
a credit to the main bank was checked, by a sum over the shift's rows. A real cage refuses
such a payout: the cashier asks for a fill.

- `public.drawer_cash`: one row per shift and currency with what its drawer should hold
  (opening float + everything posted into the shift), kept by triggers in the transaction of
  the row that moves the cash: a shift's insert makes its local row (the float); an insert
  into `ledger_transactions`, `fx_exchanges` or `bank_transfers` with a shift adds its drawer
  side. So every path that moves drawer cash — withdrawals, reversals, exchanges either way
  and their reversals, credits to the bank, whatever a later function adds — is checked in one
  place, and `cage._post` is not edited at all.
- The check is one row update (`… RETURNING holding`) under that row's lock: concurrent
  payouts from one drawer (postings, exchanges, transfers) are taken one after the other, and
  a payout that would leave the row below zero is refused with SQLSTATE CA026
  (`DrawerShort`). Cash in is never refused, even into a drawer already short; nor is a
  withdrawal replayed from the journal that the terminal attests it paid while offline (within
  its allowance): that cash has left the drawer, and refusing the record would leave the
  player undebited. The drawer's figure goes short and the close shows the variance.
- The sentence names the payout, not the drawer's figure: the cashier's count stays blind
  (NJ 13:69D-1.33, as 0019's credit check).
- A shift opened before this migration (or a currency new to a shift) gets its row from the
  shift's own rows on first use, as `cage.drawer_expected` / `cage.shift_foreign_cash` count.
- `cage.bank_transfer`'s own check (a sum over the shift) is removed: the trigger decides,
  with the same sentence as every other payout.

No login reads `drawer_cash` (blind counts): roles.NO_ACCESS. The trigger functions are
SECURITY DEFINER: owned by the schema owner until the next `db create-roles` hands them to the
API's owner (api_owner.API_OWNER_TABLES grants it the table), so a database upgraded without
re-running `db create-roles` keeps posting.

Revision ID: 0023
Revises: 0022
"""
from alembic import op

from cashier_desktop.ledger.migration_patching import patch_function

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE TABLE public.drawer_cash (
    shift_id    bigint NOT NULL REFERENCES public.shifts(id),
    currency    char(3) NOT NULL,
    holding     numeric(14,2) NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shift_id, currency)
);

-- Internal: what shift p_shift's drawer should hold in p_currency, from its rows (the first
-- use of a row this migration did not make).
CREATE FUNCTION cage.drawer_figure(p_shift bigint, p_currency text) RETURNS numeric
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN btrim(s.currency) = p_currency THEN cage.drawer_expected(s.id)
                ELSE coalesce((SELECT sum(x.drawer_foreign_delta) FROM public.fx_exchanges x
                               WHERE x.shift_id = s.id AND btrim(x.currency) = p_currency), 0) END
    FROM public.shifts s WHERE s.id = p_shift
$$;

-- Internal: move p_delta of p_currency in shift p_shift's drawer; refuse a payout it cannot hold.
CREATE FUNCTION cage.drawer_move(p_shift bigint, p_currency text, p_delta numeric,
                                 p_refuse boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_after numeric(14,2);
BEGIN
    IF p_shift IS NULL OR p_delta IS NULL OR p_delta = 0 THEN
        RETURN;
    END IF;
    UPDATE public.drawer_cash d SET holding = d.holding + p_delta, updated_at = now()
    WHERE d.shift_id = p_shift AND d.currency = p_currency
    RETURNING d.holding INTO v_after;
    IF NOT FOUND THEN
        -- the figure from the shift's rows, this one included (an AFTER trigger sees it)
        INSERT INTO public.drawer_cash AS d (shift_id, currency, holding)
        VALUES (p_shift, p_currency, coalesce(cage.drawer_figure(p_shift, p_currency), p_delta))
        ON CONFLICT (shift_id, currency) DO UPDATE SET holding = d.holding + p_delta, updated_at = now()
        RETURNING d.holding INTO v_after;
    END IF;
    IF p_delta < 0 AND v_after < 0 AND p_refuse THEN
        -- No figure of the drawer's in the sentence: the cashier's count stays blind.
        -- the amount as the counter writes it (domain/formatting.py): ₹ in lakh grouping
        RAISE EXCEPTION 'The drawer cannot pay out %: that is more than it should hold. %',
            CASE p_currency
                WHEN 'INR' THEN '₹' || regexp_replace(trunc(-p_delta)::text, '(\d)(?=(\d\d)*\d{3}$)', '\1,', 'g')
                                    || '.' || lpad((round(-p_delta * 100) % 100)::text, 2, '0')
                WHEN 'USD' THEN '$' || to_char(-p_delta, 'FM999,999,999,990.00')
                WHEN 'EUR' THEN '€' || to_char(-p_delta, 'FM999,999,999,990.00')
                ELSE to_char(-p_delta, 'FM999,999,999,990.00') || ' ' || p_currency END,
            CASE WHEN p_currency = (SELECT btrim(s.currency) FROM public.shifts s WHERE s.id = p_shift)
                 THEN 'Request a fill from the main bank; nothing was posted.'
                 ELSE 'The drawer can pay out only the ' || p_currency || ' it took in this shift; nothing was posted.' END
            USING ERRCODE = 'CA026';
    END IF;
END $$;

CREATE FUNCTION cage.drawer_cash_of_shift() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO public.drawer_cash (shift_id, currency, holding)
    VALUES (NEW.id, btrim(NEW.currency), NEW.opening_float);
    RETURN NULL;
END $$;

CREATE FUNCTION cage.drawer_cash_of_posting() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM cage.drawer_move(NEW.shift_id, btrim(NEW.currency), NEW.drawer_delta);
    RETURN NULL;
END $$;

-- A ledger row: as above, except that a withdrawal the terminal attests it paid while
-- offline (replayed within its offline allowance, checked again by cage._post) is recorded
-- even if the drawer's row goes below zero. The cash has left the drawer; refusing the record
-- would leave the player's balance undebited for cash they hold. The shortfall stays in the
-- drawer's figure and shows as the variance at close, for the supervisor.
CREATE FUNCTION cage.drawer_cash_of_ledger_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM cage.drawer_move(NEW.shift_id, btrim(NEW.currency), NEW.drawer_delta, NOT NEW.offline_attested);
    RETURN NULL;
END $$;

CREATE FUNCTION cage.drawer_cash_of_exchange() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- Cash in before cash out, and always the local row before the foreign one (one order
    -- for every transaction that takes both rows' locks).
    IF NEW.drawer_local_delta > 0 THEN
        PERFORM cage.drawer_move(NEW.shift_id, btrim(NEW.local_currency), NEW.drawer_local_delta);
        PERFORM cage.drawer_move(NEW.shift_id, btrim(NEW.currency), NEW.drawer_foreign_delta);
    ELSE
        PERFORM cage.drawer_move(NEW.shift_id, btrim(NEW.local_currency), NEW.drawer_local_delta);
        PERFORM cage.drawer_move(NEW.shift_id, btrim(NEW.currency), NEW.drawer_foreign_delta);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER shifts_drawer_cash AFTER INSERT ON public.shifts
    FOR EACH ROW EXECUTE FUNCTION cage.drawer_cash_of_shift();
CREATE TRIGGER ledger_drawer_cash AFTER INSERT ON public.ledger_transactions
    FOR EACH ROW WHEN (NEW.shift_id IS NOT NULL AND NEW.drawer_delta <> 0)
    EXECUTE FUNCTION cage.drawer_cash_of_ledger_row();
CREATE TRIGGER fx_exchanges_drawer_cash AFTER INSERT ON public.fx_exchanges
    FOR EACH ROW WHEN (NEW.shift_id IS NOT NULL) EXECUTE FUNCTION cage.drawer_cash_of_exchange();
CREATE TRIGGER bank_transfers_drawer_cash AFTER INSERT ON public.bank_transfers
    FOR EACH ROW WHEN (NEW.shift_id IS NOT NULL AND NEW.drawer_delta <> 0)
    EXECUTE FUNCTION cage.drawer_cash_of_posting();

-- The open drawers' rows, from their rows so far (closed shifts get theirs if ever used).
INSERT INTO public.drawer_cash (shift_id, currency, holding)
SELECT s.id, btrim(s.currency), cage.drawer_expected(s.id) FROM public.shifts s WHERE s.status = 'open';
INSERT INTO public.drawer_cash (shift_id, currency, holding)
SELECT s.id, btrim(x.currency), sum(x.drawer_foreign_delta)
FROM public.shifts s JOIN public.fx_exchanges x ON x.shift_id = s.id
WHERE s.status = 'open' GROUP BY s.id, btrim(x.currency);

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC;
"""

_BANK_PATCHES = [
    # the drawer_cash trigger refuses a credit the drawer cannot hold (one row, not a sum)
    ("    IF p_kind = 'credit' AND cage.drawer_expected(sh.id) < p_amount THEN\n"
     "        -- No figure in the sentence: the cashier's count stays blind.\n"
     "        RAISE EXCEPTION 'That is more than the drawer should hold; nothing was posted.' USING ERRCODE = 'CA005';\n"
     "    END IF;\n", ""),
]


def upgrade() -> None:
    op.execute(UPGRADE)
    patch_function(op.get_bind(), "0023", "cage.bank_transfer(uuid, text, text, numeric, uuid, uuid, text, text)",
                   _BANK_PATCHES)
    op.get_bind().exec_driver_sql("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC")


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
