"""The cheques a cage takes, per currency, beside its chips (issue 17: "a chip/cheque
denomination set per profile").

0016 stores each profile currency's notes, coins and chips (`cage.denominations`). A cheque
is not a piece of a fixed value the way a chip is: a bank's cheque or a demand draft is
written for any amount, so a "cheque denomination set" cannot be a list of face values alone.
What a cage needs to know at the window is which paper instruments it takes in each currency
and, for the one kind that is printed in fixed values (traveller's cheques), which values.
So the set is per currency, like the chips:

- `cage.cheque_instruments` (currency, instrument, denominations): `denominations` is the
  list of face values for an instrument printed in them (traveller's cheques: USD 20, 50,
  100, 500, 1000; EUR 50, 100, 200, 500) and NULL for one written for any amount (INR demand
  drafts, `bank_draft`, and bankers' cheques, the casino's own payout cheque; USD and EUR bank drafts).
  Instruments are a closed list (CHECK), so a screen can name each in the terminal's language.
- `cage.currency_cheques(p_currency)` (SECURITY DEFINER, read-only) gives the screens the set,
  as `cage.currency_denominations` gives the notes, coins and chips. No login writes the
  table; a cage that takes other cheques changes it by a migration, as for the chips.

No posting takes a cheque yet: this is the reference set the cage's cheque handling will be
checked against, stored where the chip set is.

Revision ID: 0030
Revises: 0029
"""
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE TABLE cage.cheque_instruments (
    currency       char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    instrument     text NOT NULL CHECK (instrument IN ('travellers_cheque', 'bank_draft', 'bankers_cheque',
                                                       'casino_cheque')),
    denominations  numeric(14,2)[] CHECK (denominations IS NULL OR (cardinality(denominations) > 0
                                          AND 0 < ALL (denominations))),  -- NULL: any amount
    PRIMARY KEY (currency, instrument)
);
INSERT INTO cage.cheque_instruments (currency, instrument, denominations) VALUES
    ('INR', 'bank_draft', NULL),
    ('INR', 'bankers_cheque', NULL),
    ('INR', 'casino_cheque', NULL),
    ('USD', 'travellers_cheque', ARRAY[1000, 500, 100, 50, 20]::numeric(14,2)[]),
    ('USD', 'bank_draft', NULL),
    ('EUR', 'travellers_cheque', ARRAY[500, 200, 100, 50]::numeric(14,2)[]),
    ('EUR', 'bank_draft', NULL);

-- The cheques a cage takes in one currency, for the screens (fixed values largest first;
-- NULL: written for any amount).
CREATE FUNCTION cage.currency_cheques(p_currency text) RETURNS TABLE (instrument text, denominations numeric[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT c.instrument, c.denominations FROM cage.cheque_instruments c WHERE c.currency = upper(p_currency)
    ORDER BY c.denominations IS NULL, c.instrument
$$;
REVOKE ALL ON FUNCTION cage.currency_cheques(text) FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
