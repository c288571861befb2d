"""`manage.py search_index rebuild|check|sync`: the directory's Elasticsearch index.

rebuild  fills a new index with every listed organisation (with a progress bar) and swaps the
         alias to it atomically: searches keep answering from the old one until then.
check    compares the cluster's documents with the database and lists what differs.
sync     sends what check finds different (after the cluster or the task queue was down).
"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from directory.search.engines.breaker import CLUSTER_ERRORS
from directory.search.engines.elastic import indexing


class Command(BaseCommand):
    help = "Rebuild, check or sync the directory's Elasticsearch index."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check", "sync"])

    def handle(self, *args, action, **options):
        try:
            getattr(self, action)(options)
        except CLUSTER_ERRORS as exc:
            raise CommandError(f"The search cluster failed: {type(exc).__name__}") from exc

    def rebuild(self, options):
        def progress(stream, total):
            return tqdm(
                stream,
                total=total,
                unit="org",
                desc="Indexing",
                file=self.stderr._out,
                disable=options["verbosity"] < 1,
            )

        name, sent = indexing.rebuild(progress=progress)
        self.stdout.write(f"{sent} organisations in {name}; {indexing.alias_name()} points at it.")

    def check(self, options):
        differences = indexing.check()
        self._report(differences)
        if any(differences.values()):
            raise CommandError("The index differs from the database: run `search_index sync`.")

    def sync(self, options):
        differences = indexing.sync()
        self._report(differences)
        sent = sum(len(keys) for keys in differences.values())
        self.stdout.write(f"{sent} organisations sent.")

    def _report(self, differences):
        labels = {
            "missing": "missing in the cluster",
            "extra": "in the cluster, not listed",
            "stale": "older in the cluster",
        }
        for kind, keys in differences.items():
            self.stdout.write(f"{len(keys)} {labels[kind]}")
            for key in keys[:20]:
                self.stdout.write(f"  {key}")
        if not any(differences.values()):
            self.stdout.write("The index matches the database.")
