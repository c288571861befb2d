"""Logging: structured logs on stdout, one JSON object a line, for the platform's log collector."""


def logging_config(level, log_format):
    """The LOGGING setting for a level ("INFO") and a format ("json" or "plain")."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
            "plain": {"format": "%(asctime)s %(levelname)-7s %(name)s %(message)s"},
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json" if log_format == "json" else "plain",
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Replaces Django's own console handler so each record is written once.
            "django": {"handlers": ["stdout"], "level": level, "propagate": False},
            "django.db.backends": {"level": "WARNING"},
            "elastic_transport": {"level": "WARNING"},
            # One line per background task is noise while tasks run inline.
            "django_tasks": {"level": "WARNING"},
        },
    }
