"""PostgreSQL ledger: schema, migrations, postings, queries, integrity, embedded server."""
