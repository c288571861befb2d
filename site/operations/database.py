"""Connection options that keep a slow or locked database from holding a worker."""


def postgres_options(connect_timeout, statement_timeout_ms, lock_timeout_ms):
    """psycopg connection OPTIONS: a connect timeout and per-session statement/lock timeouts.

    A statement cut by PostgreSQL raises QueryCanceled (a DatabaseError), which ends the request
    with the error page instead of a worker waiting for a dead or blocked database. 0 disables
    a timeout, as in PostgreSQL.
    """
    return {
        "connect_timeout": connect_timeout,
        "options": (
            f"-c statement_timeout={int(statement_timeout_ms)}"
            f" -c lock_timeout={int(lock_timeout_ms)}"
        ),
    }
