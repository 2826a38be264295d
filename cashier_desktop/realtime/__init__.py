"""Live balances: the outbox relay (PostgreSQL → Pusher) and the terminal's balance feeds."""
