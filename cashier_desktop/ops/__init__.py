"""Operations helpers: system libraries, backups and restore, failover, connection pooling."""
