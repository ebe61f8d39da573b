from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.newsletters.digest import EmptyDigest, build_issue
from cms.newsletters.models import Issue, IssueStatus
from cms.newsletters.sending import Outcome, send_due, start_sending
from cms.newsletters.tasks import ensure_schedule, weekly_digests


class Command(BaseCommand):
    help = "Build and send the weekly newsletter digests."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        digest = sub.add_parser("digest", help="Build one language's digest (and send it).")
        digest.add_argument("--language", required=True, help="e.g. en, zh-hans, lo")
        digest.add_argument("--send", action="store_true", help="send it now, in this process")
        resume = sub.add_parser("send", help="Send (or resume sending) an issue now.")
        resume.add_argument("issue", type=int, help="issue ID")
        sub.add_parser("weekly", help="Build and queue every language's digest (for cron).")
        sub.add_parser("schedule", help="Start the weekly schedule on the worker if not running.")

    def handle(self, *args, action, **options):
        getattr(self, "handle_" + action)(**options)

    def handle_digest(self, language, send, **options):
        codes = [code for code, _name in settings.LANGUAGES]
        if language not in codes:
            raise CommandError(f"Unknown language {language!r}. Languages: {', '.join(codes)}")
        try:
            issue = build_issue(language)
        except EmptyDigest as error:
            raise CommandError(f"{error} Nothing was built.") from error
        self.stdout.write(f"Issue {issue.pk}: {issue.subject} ({len(issue.items)} stories)")
        for item in issue.items:
            self.stdout.write(f"  {item['headline']}  {item['url']}")
        if send:
            start_sending(issue)
            self._send(issue)
        else:
            self.stdout.write(f"Draft only. Send it with: manage.py newsletter send {issue.pk}")

    def handle_send(self, issue, **options):
        found = Issue.objects.filter(pk=issue).first()
        if found is None:
            raise CommandError(f"No issue {issue}. The admin's Newsletters page lists them.")
        start_sending(found)
        self._send(found)

    def _send(self, issue: Issue) -> None:
        self.stdout.write(f"Sending to {issue.deliveries.count()} subscribers…")
        outcome = send_due(issue, progress=self._progress)
        self.stdout.write(
            f"Sent {outcome.sent}, to retry {outcome.deferred}, failed {outcome.failed}, "
            f"skipped {outcome.skipped}."
        )
        if outcome.next_attempt_at:
            self.stdout.write(
                f"Next retry due at {outcome.next_attempt_at:%Y-%m-%d %H:%M} UTC: run "
                f"`manage.py newsletter send {issue.pk}` again then (the worker does it itself)."
            )
        elif issue.status == IssueStatus.SENT:
            self.stdout.write(self.style.SUCCESS("Issue sent."))

    def _progress(self, outcome: Outcome) -> None:
        self.stdout.write(f"  … sent {outcome.sent}, to retry {outcome.deferred}")

    def handle_weekly(self, **options):
        for language, issue_id in weekly_digests().items():
            if issue_id is None:
                self.stdout.write(f"{language}: no new reviewed story, nothing sent")
            else:
                self.stdout.write(f"{language}: issue {issue_id} queued for sending")

    def handle_schedule(self, **options):
        if ensure_schedule():
            self.stdout.write("Weekly schedule started; keep a worker running (db_worker).")
        else:
            self.stdout.write(
                "Not started: a weekly tick is already waiting, or the task backend cannot "
                "defer tasks (use the cron line in the README)."
            )
