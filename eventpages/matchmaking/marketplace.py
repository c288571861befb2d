"""The marketplace: approved participants of one event, filtered, and recommended partners."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from .models import CooperationItem, Direction, Participant, ReviewStatus

FILTERS = ("country", "sector", "kind", "language", "q")


def visible_participants(viewer):
    """Approved participants of the viewer's event (never another event's), with their items."""
    approved_items = CooperationItem.objects.filter(status=ReviewStatus.APPROVED).select_related(
        "sector"
    )
    return (
        Participant.objects.filter(matchmaking=viewer.matchmaking_id, status=ReviewStatus.APPROVED)
        .exclude(pk=viewer.pk)
        .prefetch_related("sectors", Prefetch("items", queryset=approved_items))
    )


def filtered(viewer, params):
    """Participants matching every given filter (country, sector slug, type, language, words)."""
    participants = visible_participants(viewer)
    items = CooperationItem.objects.filter(status=ReviewStatus.APPROVED)
    if params.get("country"):
        participants = participants.filter(country=params["country"])
    if params.get("sector"):
        participants = participants.filter(
            Q(sectors__slug=params["sector"])
            | Q(pk__in=items.filter(sector__slug=params["sector"]).values("participant"))
        )
    if params.get("kind"):
        participants = participants.filter(
            pk__in=items.filter(kind=params["kind"]).values("participant")
        )
    if params.get("q"):
        words = params["q"].strip()
        participants = participants.filter(
            Q(name__icontains=words)
            | Q(organisation_name__icontains=words)
            | Q(about__icontains=words)
            | Q(
                pk__in=items.filter(
                    Q(title__icontains=words) | Q(description__icontains=words)
                ).values("participant")
            )
        )
    participants = list(participants.distinct())
    if params.get("language"):
        # A JSON list: filtered in Python, the same on SQLite and PostgreSQL.
        participants = [p for p in participants if params["language"] in p.languages]
    return in_visitor_language(participants)


def in_visitor_language(participants):
    """Name each item's sector in the visitor's language (profiles keep their own language's)."""
    from wagtail.models import Locale

    from directory.models import Sector

    items = [item for person in participants for item in person.items.all() if item.sector]
    keys = {item.sector.translation_key for item in items}
    names = dict(
        Sector.objects.filter(locale=Locale.get_active(), translation_key__in=keys).values_list(
            "translation_key", "name"
        )
    )
    for item in items:
        item.sector_label = names.get(item.sector.translation_key, item.sector.name)
    return participants


def _matches(request, offer):
    if request.kind == offer.kind:
        return True
    return request.sector_id is not None and request.sector_id == offer.sector_id


@dataclass
class Recommendation:
    participant: Participant
    score: int
    cross_border: bool
    reasons: list = field(default_factory=list)


def recommended(viewer, limit=5):
    """Participants whose offers meet the viewer's requests and the other way round.

    Cross-border pairs (DE with CZ) come first, then the most matches.
    """
    mine = list(CooperationItem.objects.filter(participant=viewer, status=ReviewStatus.APPROVED))
    my_requests = [item for item in mine if item.direction == Direction.REQUEST]
    my_offers = [item for item in mine if item.direction == Direction.OFFER]
    results = []
    for other in visible_participants(viewer):
        reasons = []
        for item in other.items.all():
            pool = my_requests if item.direction == Direction.OFFER else my_offers
            for own in pool:
                request, offer = (own, item) if item.direction == Direction.OFFER else (item, own)
                if _matches(request, offer):
                    reasons.append(item)
                    break
        if reasons:
            cross = {viewer.country, other.country} == {"DE", "CZ"}
            results.append(Recommendation(other, len(reasons), cross, reasons))
    results.sort(key=lambda r: (not r.cross_border, -r.score, r.participant.organisation_name))
    results = results[:limit]
    in_visitor_language([result.participant for result in results])
    return results
