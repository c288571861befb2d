"""The result map's drawing: cities named in the visitor's language, every number readable
and no city label under a dot."""

import math
from types import SimpleNamespace

import pytest

from directory.search import map_layout, maps, thesaurus

# Where the map puts its cities, and more organisations there than fit on one spot.
CITY_SPOTS = [(lon, lat) for _name, lon, lat in maps.CITIES]


def results_at(spots, per_spot):
    """Result entries as the presenter makes them, `per_spot` of them at each (lon, lat)."""
    return [
        SimpleNamespace(longitude=lon, latitude=lat) for lon, lat in spots for _ in range(per_spot)
    ]


def label_box(city):
    """The box map_layout reserves for a city's label."""
    width = len(city["name"]) * map_layout.LABEL_SIZE * map_layout.LABEL_CHAR_WIDTH
    left = {"start": 0, "middle": width / 2, "end": width}[city["anchor"]]
    x, y, half = city["label_x"] - left, city["label_y"], map_layout.LABEL_HEIGHT / 2
    return x, y - half, x + width, y + half


def hits(box, pin):
    nearest = (min(max(pin["x"], box[0]), box[2]), min(max(pin["y"], box[1]), box[3]))
    return math.dist((pin["x"], pin["y"]), nearest) < map_layout.PIN_RADIUS


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("Liberec", "de", "Reichenberg"),
        ("Ústí nad Labem", "de", "Aussig"),
        ("Dresden", "cs", "Drážďany"),
        ("Chemnitz", "cs", "Saská Kamenice"),
        ("Karlovy Vary", "en", "Karlovy Vary"),
        ("Liberec", "cs", "Liberec"),
        ("Nowhere", "cs", "Nowhere"),
    ],
)
def test_the_gazetteer_names_a_place_in_the_readers_language(name, language, expected):
    assert thesaurus.place_name(name, language) == expected


def test_a_german_map_names_czech_cities_in_german_and_a_czech_map_saxon_ones_in_czech():
    german = {city["name"] for city in maps.city_labels("de", [])}
    czech = {city["name"] for city in maps.city_labels("cs", [])}
    english = {city["name"] for city in maps.city_labels("en", [])}
    assert {"Dresden", "Görlitz", "Reichenberg", "Aussig", "Karlsbad"} <= german
    assert {"Drážďany", "Zhořelec", "Saská Kamenice", "Liberec", "Karlovy Vary"} <= czech
    assert {"Dresden", "Liberec", "Ústí nad Labem"} <= english


def test_dots_of_one_town_move_apart_so_every_number_shows():
    points = maps.map_points(results_at([(13.74, 51.05)], per_spot=7), start=21)

    assert [point["number"] for point in points] == list(range(21, 28))
    # The first keeps its place; the others point back at it from where they were moved.
    first, *moved = points
    assert first["anchor_x"] is None
    assert all((p["anchor_x"], p["anchor_y"]) == (first["x"], first["y"]) for p in moved)
    spots = [(point["x"], point["y"]) for point in points]
    closest = min(math.dist(a, b) for i, a in enumerate(spots) for b in spots[i + 1 :])
    assert closest >= 2 * map_layout.PIN_RADIUS


def test_dots_stay_inside_the_frame_at_its_edge():
    corner = (maps.WEST + 0.01, maps.NORTH - 0.01)
    points = maps.map_points(results_at([corner], per_spot=5))
    radius = map_layout.PIN_RADIUS
    assert all(radius <= p["x"] <= maps.WIDTH - radius for p in points)
    assert all(radius <= p["y"] <= maps.HEIGHT - radius for p in points)


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_no_city_label_lies_under_a_dot_even_where_organisations_crowd_every_city(language):
    pins = maps.map_points(results_at(CITY_SPOTS, per_spot=4))

    cities = maps.city_labels(language, pins)

    boxes = [label_box(city) for city in cities]
    for city, box in zip(cities, boxes, strict=True):
        assert not [pin["number"] for pin in pins if hits(box, pin)], city["name"]
        assert 0 <= box[0] and box[2] <= maps.WIDTH and 0 <= box[1] and box[3] <= maps.HEIGHT
    for index, box in enumerate(boxes):
        for other in boxes[index + 1 :]:
            assert map_layout._clip(box, other) is None


def test_without_dots_labels_sit_right_of_their_city():
    cities = maps.city_labels("de", [])
    dresden = next(city for city in cities if city["name"] == "Dresden")
    assert dresden["anchor"] == "start" and dresden["label_x"] > dresden["x"]
