"""Operations' errors (jobs, backups, restores), with messages for the administrator.

Catch ``OpsError`` to handle any of them (``JobError``, ``BackupError``)."""


class OpsError(Exception):
    """Something an operation could not do; ``str(error)`` is the reason."""
