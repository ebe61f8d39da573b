"""The current request's id, readable anywhere in the same thread or task (logging)."""

from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="-")
