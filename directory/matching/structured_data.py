"""schema.org of a sourcing request: a Demand, sought by its organisation unless confidential."""

from django.utils.html import strip_tags


def demand(page, request=None):
    data = {
        "@context": "https://schema.org",
        "@type": "Demand",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "businessFunction": "http://purl.org/goodrelations/v1#Buy",
        "itemOffered": {
            "@type": "Product" if page.request_type == "parts" else "Service",
            "name": page.title,
            "description": strip_tags(page.description or page.summary),
        },
        "availabilityEnds": page.deadline.isoformat(),
        "validThrough": page.deadline.isoformat(),
    }
    if page.quantity:
        data["eligibleQuantity"] = {"@type": "QuantitativeValue", "description": page.quantity}
    regions = [region.name for region in page.delivery_regions.all()]
    if regions:
        data["eligibleRegion"] = [{"@type": "Place", "name": name} for name in regions]
    if page.confidential:
        return data
    # schema.org names the party that demands with Organization.seeks (GoodRelations).
    organisation = page.organisation
    del data["@context"]
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.title,
        "url": organisation.get_full_url(request),
        "seeks": data,
    }
