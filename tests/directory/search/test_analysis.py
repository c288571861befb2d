"""Each step of the language analysis, as a visitor's words meet a profile's words: both go
through the same functions, so "the same token" means "found"."""

import pytest

from directory.search import analysis, fuzzy, thesaurus


def same(query_word, text_word, language):
    return analysis.stem(query_word, language) == analysis.stem(text_word, language)


def indexed(text, language):
    return set(analysis.index_text([text], language).split())


def found(query, text, language):
    """Whether `query` matches `text` the way the full-text index does (token prefixes)."""
    tokens = indexed(text, language)
    return all(
        any(all(any(t.startswith(q) for t in tokens) for q in alternative) for alternative in term)
        for term in analysis.query_terms(query, language)
    )


class TestGerman:
    def test_compounds_are_also_indexed_by_their_parts(self):
        assert analysis.compound_parts("Drehteile") == ["Dreh", "Teile"]
        assert {"kunststoff", "verarbeit"} <= indexed("Kunststoffverarbeitung", "de")

    def test_words_that_are_no_compounds_stay_whole(self):
        assert analysis.compound_parts("Bearbeitung") == []
        assert analysis.compound_parts("Sensoren") == []

    def test_an_elided_part_is_completed(self):
        assert found("Drehteile", "CNC-Dreh- und Frästeile", "de")
        assert found("Frästeile", "CNC-Dreh- und Frästeile", "de")

    def test_hyphenated_words_are_found_as_parts_and_joined(self):
        assert found("CNC-Bearbeitung", "CNC-Bearbeitung von Aluminium", "de")
        assert found("CNCBearbeitung", "CNC-Bearbeitung von Aluminium", "de")
        assert found("Bearbeitung", "CNC-Bearbeitung von Aluminium", "de")

    def test_umlauts_and_sharp_s_fold(self):
        assert same("Maehren", "Mähren", "de")
        assert same("Schweissen", "Schweißen", "de")
        assert same("Zulieferern", "Zulieferer", "de")


class TestCzech:
    @pytest.mark.parametrize(
        "typed, written",
        [
            ("Liberci", "Liberec"),
            ("svítidel", "svítidla"),
            ("kolejová", "kolejových"),
            ("vozidla", "vozidel"),
            ("desek", "deska"),
            ("nabytek", "nábytku"),
            ("v Děčíně", "Děčín"),
        ],
    )
    def test_inflected_and_unaccented_forms_meet(self, typed, written):
        assert found(typed, written, "cs")

    def test_different_words_stay_apart(self):
        assert not found("stroj", "strom", "cs")


class TestEnglish:
    def test_british_and_american_spellings_meet(self):
        assert found("injection molding", "Injection moulding of plastics", "en")
        assert found("colour", "color printing", "en")

    def test_stemming(self):
        assert found("sensors", "sensor systems", "en")


class TestQueries:
    def test_stop_words_are_dropped_from_queries_of_several_words(self):
        assert analysis.query_words("v Jablonci", "cs") == ["Jablonci"]
        assert analysis.query_words("most", "en") == ["most"]

    def test_a_word_typed_in_another_language_finds_its_own_text(self):
        # The German directory reads a Czech word with the Czech analysis too.
        assert found("obrábění", "obrábění kovů", "cs")
        term = analysis.word_term("obrábění", "de")
        assert (analysis.stem("obrábění", "cs"),) in term


class TestThesaurus:
    def test_places_carry_their_names_in_every_language(self):
        assert ("de", "Tetschen") in thesaurus.names_in("Lager in Děčín", "de")
        assert ("de", "Gablonz") in thesaurus.names_in("Sklárna v Jablonci nad Nisou", "cs")
        assert ("cs", "Drážďany") in thesaurus.names_in("Büro in Dresden", "de")
        assert thesaurus.names_in("Büro in Pirna", "de") != thesaurus.names_in("Büro", "de")

    def test_a_narrower_term_implies_the_concept_but_not_the_other_way(self):
        assert ("en", "machining") in thesaurus.names_in("CNC turned parts", "en")
        assert ("en", "CNC") not in thesaurus.names_in("machining", "en")

    def test_a_word_that_only_resembles_a_term_does_not(self):
        assert ("en", "machining") not in thesaurus.names_in("machine tools", "en")


class TestTypos:
    vocabulary = fuzzy.Vocabulary([" maschinenbau prazisionsteil kunststoff ", " kunststoff "])

    @pytest.mark.parametrize(
        "typed, meant",
        [
            ("Maschinenbua", "maschinenbau"),
            ("Präzisionsteille", "prazisionsteil"),
            ("Kunstoff", "kunststoff"),
        ],
    )
    def test_close_words_are_corrected(self, typed, meant):
        assert self.vocabulary.closest(analysis.stem(typed, "de")) == meant

    def test_words_far_from_every_known_word_are_not(self):
        assert self.vocabulary.closest(analysis.stem("Feinkost", "de")) is None

    def test_known_prefixes_need_no_correction(self):
        assert self.vocabulary.has_prefix("masch")
        assert not self.vocabulary.has_prefix("maschinenbua")
