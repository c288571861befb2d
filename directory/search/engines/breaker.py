"""The directory's circuit breaker (glokal.operations.breaker): while it is open, directory
searches go to the database without asking the cluster."""

from glokal.operations.breaker import CLUSTER_ERRORS, UNAVAILABLE, CircuitBreaker

__all__ = ["CLUSTER_ERRORS", "UNAVAILABLE", "attempt", "is_open", "reset", "status", "trip"]

directory = CircuitBreaker("directory search")
attempt = directory.attempt
is_open = directory.is_open
reset = directory.reset
status = directory.status
trip = directory.trip
