"""The directory's index: its analysis and mapping (golden file) and the documents it holds."""

import pytest

from directory.search.engines.elastic import analysis, document

from ..search.conftest import organisations_built_once
from .transport import assert_golden

pytestmark = pytest.mark.django_db


def test_index_settings_and_mapping_are_the_golden_ones():
    assert_golden("index", document.body())


def test_every_language_has_its_analyzer_with_folding_and_the_place_names():
    body = document.body()
    analyzers = body["settings"]["analysis"]["analyzer"]
    for language in ("de", "cs", "en"):
        assert "glokal_folding" in analyzers[f"glokal_{language}"]["filter"]
        assert "glokal_places" in analyzers[f"glokal_{language}_query"]["filter"]
        title = body["mappings"]["properties"][language]["properties"]["title"]
        assert title["analyzer"] == f"glokal_{language}"
        assert title["fields"]["suggest"]["analyzer"] == "glokal_suggest"
    assert "german_normalization" in analyzers["glokal_de"]["filter"]
    filters = body["settings"]["analysis"]["filter"]
    assert filters["glokal_czech_stemmer"]["language"] == "czech"


def test_place_names_of_the_thesaurus_are_synonyms():
    assert "decin, tetschen" in analysis.place_synonyms()
    assert "drazdany, dresden" in analysis.place_synonyms()


organisations = organisations_built_once(
    {
        "elbtal": dict(
            title="Elbtal Präzisionsteile",
            city="Dresden",
            region="DED21",
            sectors=["metalworking"],
            certifications=["iso-9001"],
            languages="de,cs",
            in_every_language=True,
        ),
        "decin": dict(
            language="cs", title="Strojírna Děčín", city="Děčín", country="CZ", region="CZ042"
        ),
    }
)


class TestDocuments:
    def test_one_document_per_organisation_holds_each_listed_language(self, organisations):
        found = {doc.meta.id: doc.to_dict() for doc in document.documents()}
        elbtal = found[str(organisations["elbtal"].translation_key)]
        assert set(elbtal) >= {"de", "cs", "en", "names", "updated_at"}
        assert elbtal["de"]["page_id"] == organisations["elbtal"].pk
        assert elbtal["de"]["region"] == ["DED21"]
        assert elbtal["de"]["sector"] == ["metalworking"]
        assert elbtal["de"]["language"] == ["de", "cs"]
        decin = found[str(organisations["decin"].translation_key)]
        assert set(decin) & {"de", "cs", "en"} == {"cs"}
        assert decin["cs"]["country"] == ["CZ"]
        # The region's names in the other languages, for queries in any language.
        assert "Ústecký" in decin["names"]["cs"]

    def test_an_unpublished_organisation_has_no_document(self, organisations):
        organisations["decin"].unpublish()
        assert document.document_for(organisations["decin"].translation_key) is None
