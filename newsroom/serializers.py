"""API field serializers for the newsroom's relations, shared by the v2 and v3 page endpoints.

Relations are exposed as small objects (slug and name, title and URL) rather than bare ids,
so partner websites can render them without a second request.
"""

from rest_framework.fields import Field


class TopicListField(Field):
    """A page's topics as [{"code", "slug", "name"}] in the page's language."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> list[dict]:
        return [
            {"code": topic.slug, "slug": topic.slug, "name": topic.name}
            for topic in page.localized_topics()
        ]


class ContactListField(Field):
    """A page's contact persons with name, role, organisation and phone.

    Their email addresses are personal data the API never gives out (the page shows them to
    visitors, not to machines collecting addresses)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> list[dict]:
        return [
            {key: value for key, value in person.as_api_dict().items() if key != "email"}
            for person in page.localized_contacts()
        ]


class LinkedPageListField(Field):
    """Pages linked through an inline relation, as [{"id", "title", "url", "type"}].

    Each link points at the linked page's translation in the page's own language when one is
    live, so a Czech article lists the Czech profile of an organisation.
    """

    def __init__(self, relation, attribute, **kwargs):
        self.relation = relation
        self.attribute = attribute
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> list[dict]:
        return [
            {
                "id": linked.pk,
                "title": linked.title,
                "url": linked.full_url,
                "type": linked.specific_class._meta.label,
            }
            for linked in page.linked_pages(self.relation, self.attribute)
        ]
