"""Topics and contact persons: validation, admin permissions and the localised article form."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from newsroom.factories import ContactPersonFactory, TopicFactory
from newsroom.models import ContactPerson, Topic

pytestmark = pytest.mark.django_db


def test_topic_slug_is_unique_per_language(locales):
    TopicFactory(slug="events", locale=locales["de"])
    duplicate = Topic(name="Termine", slug="events", locale=locales["de"])
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in error.value.message_dict


def test_topic_translations_share_one_slug(locales):
    german = TopicFactory(slug="events", locale=locales["de"])
    czech = Topic(
        name="Akce", slug="akce", locale=locales["cs"], translation_key=german.translation_key
    )
    with pytest.raises(ValidationError) as error:
        czech.full_clean()
    assert "slug" in error.value.message_dict
    czech.slug = "events"
    czech.full_clean()


def test_contact_phone_is_validated_and_normalised(locales):
    person = ContactPersonFactory.build(phone="0351 2138240", locale=locales["de"])
    person.full_clean()
    assert person.phone == "+49 351 2138240"
    person.phone = "call me"
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "phone" in error.value.message_dict


@pytest.fixture
def editor(django_user_model):
    """A user who may use the admin but has no newsroom snippet permissions."""
    user = django_user_model.objects.create_user("editor", password="secret-pass-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_user_without_snippet_permission_cannot_add_topics(client, editor, locales):
    client.force_login(editor)
    url = reverse("wagtailsnippets_newsroom_topic:add") + "?locale=de"

    assert client.get(url).status_code in (302, 403)
    response = client.post(url, {"name": "Hack", "slug": "hack", "sort_order": 0})

    assert response.status_code in (302, 403)
    assert not Topic.objects.filter(slug="hack").exists()


def test_anonymous_visitor_cannot_add_contact_persons(client, locales):
    url = reverse("wagtailsnippets_newsroom_contactperson:add") + "?locale=de"
    response = client.post(url, {"name": "X"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not ContactPerson.objects.exists()


def test_editor_with_permission_gets_a_message_for_a_duplicate_slug(client, editor, locales):
    group = Group.objects.create(name="Newsroom")
    group.permissions.add(*Permission.objects.filter(codename__in=["add_topic", "change_topic"]))
    editor.groups.add(group)
    TopicFactory(slug="events", locale=locales["de"])
    client.force_login(editor)

    response = client.post(
        reverse("wagtailsnippets_newsroom_topic:add") + "?locale=de",
        {"name": "Termine", "slug": "events", "sort_order": 0},
    )

    assert response.status_code == 200
    assert Topic.objects.filter(slug="events").count() == 1
    assert "slug" in response.context["form"].errors


def test_article_form_offers_only_topics_in_the_pages_language(
    client, admin_user, news_indexes, locales
):
    TopicFactory(name="Veranstaltungen", locale=locales["de"])
    TopicFactory(name="Akce", locale=locales["cs"])
    client.force_login(admin_user)

    response = client.get(
        reverse(
            "wagtailadmin_pages:add", args=("newsroom", "newsarticlepage", news_indexes["cs"].pk)
        )
    )

    assert response.status_code == 200
    topic_names = [label for _value, label in response.context["form"].fields["topics"].choices]
    assert topic_names == ["Akce"]
