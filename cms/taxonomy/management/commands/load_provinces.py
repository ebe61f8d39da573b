from django.core.management.base import BaseCommand

from cms.taxonomy.loading import load_provinces


class Command(BaseCommand):
    help = "Load or update the 34 provinces (in force since July 2025) from the shipped CSV."

    def handle(self, *args, **options):
        result = load_provinces()
        self.stdout.write(f"Provinces: {result.created} created, {result.updated} updated")
