from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from cms.ops import jobs
from cms.ops.heartbeat import fresh_workers
from cms.ops.recovery import recover

ROW = "{:36}  {:10}  {:>8}  {:>3}  {:32}  {}"


def describe_age(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 120:
        return f"{seconds}s"
    if seconds < 7200:
        return f"{seconds // 60}m"
    if seconds < 172800:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"


class Command(BaseCommand):
    help = "Background jobs of the database tasks backend: list, retry, cancel, recover."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="Jobs, their state and age (newest first).")
        listing.add_argument(
            "--state", choices=[s.lower() for s in TaskResultStatus.values], help="only this state"
        )
        listing.add_argument(
            "--older-than", type=int, metavar="MINUTES", help="only jobs queued this long ago"
        )
        listing.add_argument("--limit", type=int, default=50)
        retry = sub.add_parser("retry", help="Queue a finished (failed) job again.")
        retry.add_argument("job_id")
        cancel = sub.add_parser("cancel", help="Take a waiting job out of the queue.")
        cancel.add_argument("job_id")
        sub.add_parser("recover", help="Re-queue the jobs of dead workers now.")

    def handle(self, *args, action, **options):
        try:
            getattr(self, "handle_" + action)(**options)
        except jobs.JobError as error:
            raise CommandError(str(error)) from error

    def handle_list(self, state=None, older_than=None, limit=50, **options):
        if limit < 1 or (older_than is not None and older_than < 0):
            raise CommandError("--limit must be positive and --older-than not negative.")
        now = timezone.now()
        selected = jobs.listing(
            state, timedelta(minutes=older_than) if older_than is not None else None, limit
        )
        self.stdout.write(ROW.format("ID", "state", "age", "try", "task", "worker"))
        for job in selected:
            self.stdout.write(
                ROW.format(
                    str(job.pk),
                    job.status,
                    describe_age(jobs.age(job, now)),
                    len(job.worker_ids),
                    job.task_path.rsplit(".", 1)[-1][:32],
                    job.worker_ids[-1] if job.worker_ids else "–",
                )
            )
            if job.status == TaskResultStatus.FAILED and job.traceback:
                self.stdout.write(f"{'':38}! {job.traceback.strip().splitlines()[-1][:110]}")
        workers = list(fresh_workers().order_by("worker_id"))
        self.stdout.write(
            f"{len(workers)} live worker(s): " + ", ".join(w.worker_id for w in workers)
            if workers
            else "No live worker (start one with `manage.py worker`)."
        )

    def handle_retry(self, job_id, **options):
        job = jobs.retry(job_id)
        self.stdout.write(f"Job {job.pk} queued again.")

    def handle_cancel(self, job_id, **options):
        job = jobs.cancel(job_id)
        self.stdout.write(f"Job {job.pk} cancelled.")

    def handle_recover(self, **options):
        report = recover()
        self.stdout.write(
            f"{len(report.requeued)} job(s) of dead workers queued again, "
            f"{len(report.failed)} given up after too many attempts."
        )
