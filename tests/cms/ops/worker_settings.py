"""Settings of the worker processes the ops tests start: the test settings with a real
queue (database, or RQ with TASKS_BACKEND=rq), models and tick length from the parent."""

import os
from pathlib import Path

from cms.settings.test import *  # noqa: F403

TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "rq": "django_tasks_rq.RQBackend",
        }[os.environ.get("TASKS_BACKEND", "database")]
    }
}
if os.environ.get("MT_MODELS_DIR"):
    MT_MODELS_DIR = Path(os.environ["MT_MODELS_DIR"])
AGGREGATOR_TICK = float(os.environ.get("AGGREGATOR_TICK", "60"))
if os.environ.get("MEDIA_ROOT"):
    MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])
