import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the development server and the background worker together; Ctrl-C stops both."

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, address, **options):
        manage = [sys.executable, "manage.py"]
        children = [
            subprocess.Popen([*manage, "worker", "--queue-name", "*", "--interval", "1"]),
            subprocess.Popen([*manage, "runserver", address]),
        ]
        self.stdout.write(f"Site on http://{address}/ with its worker; Ctrl-C stops both.")

        def stop(*_):
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
            failed = [child.args[2] for child in children if child.poll() not in (None, 0)]
            if failed:
                self.stderr.write(f"{', '.join(failed)} stopped; stopping the rest.")
        except KeyboardInterrupt:
            pass
        finally:
            for child in children:
                if child.poll() is None:
                    child.terminate()
            for child in children:
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
