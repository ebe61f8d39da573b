import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from cms.ops import conf
from cms.ops.heartbeat import new_worker_id
from cms.ops.lifeline import Lifeline


class Command(DatabaseWorkerCommand):
    help = (
        "Run the database background worker with a heartbeat, recovery of jobs left by "
        "dead workers (at start and periodically), and a lower CPU priority (WORKER_NICE). "
        "Takes the options of db_worker."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=new_worker_id(), queue_name="*")
        parser.add_argument(
            "--nice", type=int, default=None, help="niceness to add (default: WORKER_NICE)"
        )

    def handle(self, *args, nice=None, worker_id, reload, **options):
        # With --reload, this process only watches files; its child runs the jobs.
        runs_jobs = not reload or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        if not runs_jobs:
            return super().handle(*args, worker_id=worker_id, reload=reload, **options)
        niceness = int(conf.get("WORKER_NICE")) if nice is None else nice
        if niceness:
            os.nice(niceness)
        lifeline = Lifeline(worker_id)
        lifeline.start()
        self.stdout.write(f"Worker {worker_id} started (nice +{niceness}).")
        try:
            super().handle(*args, worker_id=worker_id, reload=reload, **options)
        finally:
            lifeline.close()
