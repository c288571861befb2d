"""Creates the newsroom demo from newsroom.yaml, articles.yaml and stories.yaml: topics,
contacts, 12 articles and 6 stories in three languages.

Each article and story has an illustration of its own, drawn with Pillow (illustrations.py), so
nothing is downloaded. Everything is looked up before it is created, so a second run creates
nothing.
"""

from django.apps import apps
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from glokal.demo_tools import (
    ensure_page_in_languages,
    home_page,
    indexes_updated_once,
    locales,
    read_data,
)

from ..models import (
    ContactPerson,
    NewsArticleOrganisation,
    NewsArticlePage,
    NewsIndexPage,
    StoryIndexPage,
    StoryOrganisation,
    StoryPage,
    StoryRegion,
    StorySector,
    Topic,
)
from ..search import reindex_all_mentioned
from .illustrations import draw

# Articles and stories name directory organisations as partners when its demo is there; the
# sections follow the directory's in the main menu.
LOAD_AFTER = ("glokal", "directory")
LANGUAGES = ("de", "cs", "en")


@indexes_updated_once()
def load():
    """Create whatever is missing; return how many objects were created."""
    data = read_data(__file__, "newsroom.yaml")
    created = 0
    topics, count = _ensure_topics(data["topics"])
    created += count
    contacts, count = _ensure_contacts(data["contacts"])
    created += count
    images, count = _ensure_images(data["images"])
    created += count
    organisations = _demo_organisations()
    shared = {"data": data, "contacts": contacts, "images": images, "organisations": organisations}

    news_index, count = ensure_page_in_languages(
        home_page("de"), NewsIndexPage, data["indexes"]["news"]
    )
    created += count
    for number, article in enumerate(read_data(__file__, "articles.yaml")):
        content = {
            code: _article_fields(article, code, topics, number, **shared) for code in LANGUAGES
        }
        _page, count = ensure_page_in_languages(news_index, NewsArticlePage, content)
        created += count

    story_index, count = ensure_page_in_languages(
        home_page("de"), StoryIndexPage, data["indexes"]["stories"]
    )
    created += count
    for number, story in enumerate(read_data(__file__, "stories.yaml")):
        content = {code: _story_fields(story, code, number, **shared) for code in LANGUAGES}
        _page, count = ensure_page_in_languages(story_index, StoryPage, content)
        created += count
    if created:
        # Pages created live skip the publish signal that indexes the organisations they
        # mention (their profiles list them, so the search finds them by them).
        reindex_all_mentioned()
    return created


def _ensure_topics(topic_list):
    by_locale = locales()
    topics, created = {}, 0
    for entry in topic_list:
        slug, sort_order, names = entry["slug"], entry["sort_order"], entry["names"]
        source = None
        for code in LANGUAGES:
            topic = Topic.objects.filter(slug=slug, locale=by_locale[code]).first()
            if topic is None:
                topic = Topic(
                    slug=slug, name=names[code], sort_order=sort_order, locale=by_locale[code]
                )
                if source is not None:
                    topic.translation_key = source.translation_key
                topic.save()
                created += 1
            source = source or topic
            topics[(slug, code)] = topic
    return topics, created


def _ensure_contacts(contact_data):
    by_locale = locales()
    contacts, created = {}, 0
    for key, data in contact_data.items():
        source = None
        for code in LANGUAGES:
            person = ContactPerson.objects.filter(
                email=data["email"], locale=by_locale[code]
            ).first()
            if person is None:
                person = ContactPerson(
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    locale=by_locale[code],
                    **data[code],
                )
                if source is not None:
                    person.translation_key = source.translation_key
                person.save()
                created += 1
            source = source or person
            contacts[(key, code)] = person
    return contacts, created


def _ensure_images(image_list):
    Image = get_image_model()
    images, created = {}, 0
    for entry in image_list:
        key, title = entry["key"], entry["title"]
        image = Image.objects.filter(title=title).first()
        if image is None:
            drawing = draw(tuple(entry["base"]), tuple(entry["accent"]), entry["motif"])
            image = Image(title=title, file=ImageFile(drawing, name=f"glokal-{key}.png"))
            image.save()
            created += 1
        images[key] = image
    return images, created


def _demo_organisations():
    """Directory profiles to link from the demo, one per organisation, when the app provides them.

    Czech organisations may exist only in Czech, so every language is searched; links to a page
    in another language are shown in the reader's language where a translation exists.
    """
    try:
        model = apps.get_model("directory", "OrganisationPage")
    except LookupError:
        return []
    pages = {}
    for page in model.objects.live().select_related("locale").order_by("path"):
        pages.setdefault(page.translation_key, page)
    for page in pages.values():
        sectors = getattr(page, "sectors", None)
        page.demo_sector_slugs = {s.slug for s in sectors.all()} if sectors is not None else set()
    return list(pages.values())


def _paragraphs(texts):
    return [("paragraph", "".join(f"<p>{text}</p>" for text in texts))]


def _article_fields(article, code, topics, number, data, contacts, images, organisations):
    text = article[code]
    body = _paragraphs(text["body"][:1])
    if "facts" in text:
        items = "".join(f"<li>{item}</li>" for item in text["facts"]["items"])
        body.append(("fact_box", {"title": text["facts"]["title"], "text": f"<ul>{items}</ul>"}))
    body += _paragraphs(text["body"][1:]) if len(text["body"]) > 1 else []
    related = []
    if organisations:
        related = [NewsArticleOrganisation(organisation=organisations[number % len(organisations)])]
    return {
        "slug": text["slug"],
        "title": text["title"],
        "lead": text["lead"],
        "publication_date": article["date"],
        "author_line": data["author"][code],
        "hero_image": images[article["image"]],
        "hero_caption": text.get("caption", ""),
        "hero_credit": data["image_credit"][code],
        "body": body,
        "topics": [topics[(slug, code)] for slug in article["topics"]],
        "contact_persons": [contacts[(key, code)] for key in article["contacts"]],
        "related_organisations": related,
        "search_description": text["lead"][:160],
    }


def _story_fields(story, code, number, data, contacts, images, organisations):
    text = story[code]
    involved = []
    if organisations:
        # One partner from each side of the border where the directory has both.
        by_country = {}
        for page in organisations:
            by_country.setdefault(getattr(page, "country", ""), []).append(page)
        groups = list(by_country.values())[:2] if len(by_country) > 1 else [organisations]
        # Prefer partners from the story's sector; otherwise spread the stories over the list.
        picks = [
            next(
                (p for p in group if p.demo_sector_slugs & set(story["sectors"])),
                group[number % len(group)],
            )
            for group in groups
        ]
        involved = [StoryOrganisation(organisation=page) for page in picks]
    return {
        "slug": text["slug"],
        "title": text["title"],
        "summary": text["summary"],
        "publication_date": story["date"],
        "featured": story["featured"],
        "hero_image": images[story["image"]],
        "hero_credit": data["image_credit"][code],
        "starting_point": f"<p>{text['starting_point']}</p>",
        "challenge": f"<p>{text['challenge']}</p>",
        "solution": f"<p>{text['solution']}</p>",
        "result": f"<p>{text['result']}</p>",
        "figures": [("figure", figure) for figure in text["figures"]],
        "quote": text["quote"],
        "quote_attribution": text["attribution"],
        "contact_persons": [contacts[(key, code)] for key in story["contacts"]],
        "organisations": involved,
        "regions": [StoryRegion(region=region) for region in story["regions"]],
        "sectors": [StorySector(sector=sector) for sector in story["sectors"]],
        "search_description": text["summary"][:160],
    }
