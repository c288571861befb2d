"""Factories for directory pages; text is lazy Faker so each test gets fresh values.

Pages need a parent: `OrganisationPageFactory(parent=directory_index, sectors=[...])`.
Taxonomies come from the data migration: look them up with `Sector.objects.get(...)`.
"""

import factory
import wagtail_factories

from directory.models import DirectoryIndexPage, OrganisationContact, OrganisationPage


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Verzeichnis"
    slug = "verzeichnis"
    introduction = factory.Faker("sentence", locale="de_DE")

    class Meta:
        model = DirectoryIndexPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("company", locale="de_DE")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    org_type = "company"
    summary = factory.Faker("sentence", nb_words=12, locale="de_DE")
    city = factory.Faker("city", locale="de_DE")
    country = "DE"
    size = "small"
    languages = "de"

    class Meta:
        model = OrganisationPage

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if extracted:
            self.sectors.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def certifications(self, create, extracted, **kwargs):
        if extracted:
            self.certifications.set(extracted)
            if create:
                self.save()


class OrganisationContactFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name", locale="de_DE")
    role = factory.Faker("job")
    email = factory.Faker("email")
    phone = "+493514455660"
    languages = "de,en"

    class Meta:
        model = OrganisationContact
