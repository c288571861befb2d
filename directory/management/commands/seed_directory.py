"""`manage.py seed_directory --count N`: many synthetic organisations, fast, for benchmarks.

Pages are written with bulk inserts (tree paths computed here) instead of one save per page,
so 50,000 organisations take seconds rather than hours. They are live, in one language, and
have slugs starting with "seed-" so that `--clear` can remove them again.
"""

import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from directory import demo
from directory.models import Certification, DirectoryIndexPage, OrganisationPage, Region, Sector

SLUG_PREFIX = "seed-"
BATCH = 1000
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4

NAME_PARTS = (
    [
        "Elbe",
        "Neiße",
        "Erzgebirge",
        "Lausitz",
        "Vogtland",
        "Sachsen",
        "Böhmen",
        "Krušné",
        "Ještěd",
        "Labe",
        "Ohře",
        "Mulde",
    ],
    [
        "Präzision",
        "Technik",
        "Metall",
        "Kunststoff",
        "Logistik",
        "Holz",
        "Glas",
        "Elektronik",
        "Systeme",
        "Service",
        "Strojírna",
        "Textil",
    ],
    ["GmbH", "AG", "s.r.o.", "a.s.", "e. V.", "GmbH & Co. KG"],
)
CITIES = [
    ("Dresden", "DED21", 51.05, 13.74),
    ("Chemnitz", "DED41", 50.83, 12.92),
    ("Bautzen", "DED2C", 51.18, 14.42),
    ("Görlitz", "DED2D", 51.15, 14.99),
    ("Pirna", "DED2F", 50.96, 13.94),
    ("Freiberg", "DED43", 50.91, 13.34),
    ("Annaberg-Buchholz", "DED42", 50.58, 13.00),
    ("Zwickau", "DED45", 50.72, 12.50),
    ("Plauen", "DED44", 50.50, 12.14),
    ("Karlovy Vary", "CZ041", 50.23, 12.87),
    ("Ústí nad Labem", "CZ042", 50.66, 14.03),
    ("Liberec", "CZ051", 50.77, 15.06),
    ("Leipzig", "DED51", 51.34, 12.37),
    ("Meißen", "DED2E", 51.16, 13.47),
]
LANGUAGE_SETS = ["de", "de,cs", "de,en", "cs,de", "cs,de,en", "de,cs,en,pl", "cs", "de,pl"]
SIZES = ["micro", "small", "medium", "large"]
ORG_TYPES = ["company"] * 7 + ["research", "network", "public"]
# The request of organisations that seek partners, in the content language.
SEEK_TITLES = {
    "de": "Kooperationspartner gesucht",
    "cs": "Hledáme partnery pro spolupráci",
    "en": "Looking for cooperation partners",
}


def _path_segment(number):
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEP, "0")


class Command(BaseCommand):
    help = "Create N synthetic live organisations quickly (bulk inserts), for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many to create.")
        parser.add_argument("--language", default="de", help="Content language (default: de).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed, for repeatable data.")
        parser.add_argument(
            "--clear",
            action="store_true",
            help="First delete organisations created by this command.",
        )

    def handle(self, *args, count, language, seed, clear, **options):
        if count < 0:
            raise CommandError("--count must be 0 or more.")
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise CommandError(f"There is no locale {language!r}.")
        index = DirectoryIndexPage.objects.filter(locale=locale).first()
        if index is None:
            raise CommandError(
                f"There is no directory page in {language!r}; run `manage.py load_demo` first."
            )
        with transaction.atomic():
            if clear:
                deleted = self.clear(index)
                self.stdout.write(f"Deleted {deleted} seeded organisation(s).")
            created = self.seed(index, locale, count, random.Random(seed))
        self.stdout.write(f"Created {created} organisation(s) under {index.url_path}.")

    def clear(self, index):
        seeded = Page.objects.child_of(index).filter(slug__startswith=SLUG_PREFIX)
        ids = list(seeded.values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            OrganisationPage.sectors.through.objects.filter(organisationpage_id__in=chunk).delete()
            OrganisationPage.certifications.through.objects.filter(
                organisationpage_id__in=chunk
            ).delete()
            OrganisationPage.objects.filter(pk__in=chunk).delete()
        Page.objects.filter(pk=index.pk).update(numchild=Page.objects.child_of(index).count())
        return len(ids)

    def seed(self, index, locale, count, rng):
        language = locale.language_code
        regions = {r.code: r for r in Region.objects.filter(locale=locale)}
        sectors = list(Sector.objects.filter(locale=locale))
        certifications = list(Certification.objects.filter(locale=locale))
        offers_by_sector = {
            slug: [(o["title"], o["description"]) for o in texts.get(language, texts["de"])]
            for slug, texts in demo.profile_texts()["offers"].items()
        }
        seek_title = SEEK_TITLES.get(language, SEEK_TITLES["en"])
        content_type = ContentType.objects.get_for_model(OrganisationPage)
        index.refresh_from_db()
        last = Page.objects.child_of(index).order_by("-path").values_list("path", flat=True).first()
        next_number = int(last[-STEP:], len(ALPHABET)) + 1 if last else 1
        existing = Page.objects.child_of(index).filter(slug__startswith=SLUG_PREFIX).count()
        now = timezone.now()
        created = 0
        Link = OrganisationPage.sectors.through
        CertificationLink = OrganisationPage.certifications.through

        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            pages, details = [], []
            for offset in range(size):
                number = existing + start + offset
                city, region_code, lat, lon = rng.choice(CITIES)
                name = " ".join(rng.choice(part) for part in NAME_PARTS[:2]) + f" {number}"
                legal_form = rng.choice(NAME_PARTS[2])
                chosen_sectors = rng.sample(sectors, rng.choice([1, 1, 2, 3]))
                offers = offers_by_sector[chosen_sectors[0].slug]
                seeking = rng.random() < 0.4
                slug = f"{SLUG_PREFIX}{number}"
                summary = f"{offers[0][0]} – {offers[1][0]}. {city}."
                page = Page(
                    title=name,
                    draft_title=name,
                    slug=slug,
                    content_type=content_type,
                    path=index.path + _path_segment(next_number + start + offset),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    live_revision=None,
                )
                pages.append(page)
                detail = OrganisationPage(
                    title=name,
                    legal_form=legal_form,
                    org_type=rng.choice(ORG_TYPES),
                    summary=summary,
                    description=f"<p>{offers[0][1]} {offers[1][1]}</p>",
                    city=city,
                    country="CZ" if region_code.startswith("CZ") else "DE",
                    region=regions.get(region_code),
                    latitude=round(lat + rng.uniform(-0.08, 0.08), 6),
                    longitude=round(lon + rng.uniform(-0.12, 0.12), 6),
                    size=rng.choice(SIZES),
                    founded=rng.randint(1950, 2024),
                    languages=rng.choice(LANGUAGE_SETS),
                    last_confirmed=now.date(),
                    seeks=[("seek", {"kind": "partners", "title": seek_title})] if seeking else [],
                    locale=locale,
                    listed_locale=locale,
                    listed_live=True,
                    search_updated_at=now,
                )
                # Search data derived exactly as when an editor's revision is published.
                detail.sectors = chosen_sectors
                detail.refresh_search_fields()
                details.append(
                    (detail, chosen_sectors, rng.sample(certifications, rng.choice([0, 0, 1, 2])))
                )
            Page.objects.bulk_create(pages)
            if any(page.pk is None for page in pages):
                # Databases that do not return ids from bulk inserts: read them back by path.
                ids = dict(
                    Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
                )
                for page in pages:
                    page.pk = page.id = ids[page.path]
            rows = []
            for page, (detail, _sectors, _certifications) in zip(pages, details, strict=True):
                detail.page_ptr_id = detail.pk = detail.id = page.pk
                rows.append(detail)
            fields = [f for f in OrganisationPage._meta.local_concrete_fields]
            OrganisationPage.objects._insert(rows, fields=fields)
            Link.objects.bulk_create(
                [
                    Link(organisationpage_id=d.pk, sector_id=s.pk)
                    for d, ss, _c in details
                    for s in ss
                ]
            )
            CertificationLink.objects.bulk_create(
                [
                    CertificationLink(organisationpage_id=d.pk, certification_id=c.pk)
                    for d, _s, cs in details
                    for c in cs
                ]
            )
            created += size
        Page.objects.filter(pk=index.pk).update(numchild=Page.objects.child_of(index).count())
        return created
