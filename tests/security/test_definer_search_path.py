"""Every SECURITY DEFINER function in schemas public and cage pins its search_path, with
pg_temp named last (issue 14, attack 4): otherwise a caller's TEMP table or function named
like a real one is found first and runs with the owner's rights."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

UNPINNED = """
SELECT p.oid::regprocedure::text
FROM pg_catalog.pg_proc p
WHERE p.prosecdef AND p.pronamespace IN ('public'::regnamespace, 'cage'::regnamespace)
  AND NOT EXISTS (
      SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) c
      WHERE c LIKE 'search_path=%'
        -- pg_temp named, and last: an unnamed pg_temp is searched first
        AND regexp_replace(c, '^search_path=', '') ~ '(^|,)\\s*"?pg_temp"?\\s*$')
ORDER BY 1
"""


def unpinned_definer_functions(conn: Connection) -> list[str]:
    return list(conn.execute(text(UNPINNED)).scalars())


def test_every_security_definer_function_pins_its_search_path(secure):
    with secure.admin.connect() as conn:
        definers = conn.execute(text("""SELECT count(*) FROM pg_proc p WHERE p.prosecdef
            AND p.pronamespace IN ('public'::regnamespace, 'cage'::regnamespace)""")).scalar_one()
        assert definers >= 20  # the API is there: the check below is not vacuous
        assert unpinned_definer_functions(conn) == []


def test_the_check_finds_a_definer_function_without_a_pinned_path_or_with_pg_temp_first(secure):
    with secure.admin.connect() as conn:
        conn.exec_driver_sql("""CREATE FUNCTION cage.leaky() RETURNS int LANGUAGE sql SECURITY DEFINER
                                AS 'SELECT 1'""")
        conn.exec_driver_sql("""CREATE FUNCTION public.leaky_temp_first() RETURNS int LANGUAGE sql
                                SECURITY DEFINER SET search_path = pg_temp, pg_catalog AS 'SELECT 1'""")
        conn.exec_driver_sql("""CREATE FUNCTION public.pinned() RETURNS int LANGUAGE sql
                                SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS 'SELECT 1'""")
        found = unpinned_definer_functions(conn)
        conn.rollback()
    assert found == ["cage.leaky()", "leaky_temp_first()"]
