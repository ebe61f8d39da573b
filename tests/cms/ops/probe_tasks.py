"""Quick jobs for the queue tests: each leaves one row behind, so a job run twice shows."""

import uuid

from django.contrib.auth.models import Group
from django_tasks import task

PREFIX = "probe-"


@task()
def record(label: str) -> str:
    name = f"{PREFIX}{label}-{uuid.uuid4().hex[:8]}"
    Group.objects.create(name=name)
    return name
