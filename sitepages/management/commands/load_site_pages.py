"""Create the site pages (privacy, contact, accessibility, colophon) with their first text."""

from django.core.management.base import BaseCommand

from sitepages.services import load_site_pages


class Command(BaseCommand):
    help = "Create the site pages that do not exist yet; pages the office edited stay as they are."

    def handle(self, *args, **options):
        created = load_site_pages()
        self.stdout.write(f"Site pages: {created} created.")
