import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Every test starts with no submissions counted against the forms' rate limits."""
    cache.clear()
    yield
    cache.clear()
