"""A map of search results drawn as SVG: the programme area's outline and one dot per result.

No tile server is involved: coordinates are projected onto a fixed frame around the
Saxon–Czech border region (an equirectangular projection, fine at this scale). Cities are
labelled in the visitor's language from the gazetteer (places.csv): a German visitor reads
"Reichenberg", a Czech one "Drážďany".
"""

import math
from functools import cache

from . import thesaurus
from .map_layout import place_labels, spread_pins

WEST, EAST, SOUTH, NORTH = 11.75, 15.65, 49.85, 51.75
_X_SCALE = math.cos(math.radians((SOUTH + NORTH) / 2))
WIDTH = 800
HEIGHT = round(WIDTH * (NORTH - SOUTH) / ((EAST - WEST) * _X_SCALE))

# Approximate outlines (longitude, latitude) of Saxony and of the three Czech regions; both
# follow the same border, from west to east.
BORDER = [
    (12.10, 50.32),
    (12.33, 50.24),
    (12.50, 50.35),
    (12.75, 50.43),
    (13.03, 50.50),
    (13.25, 50.58),
    (13.47, 50.60),
    (13.55, 50.71),
    (13.90, 50.79),
    (14.05, 50.81),
    (14.40, 50.90),
    (14.30, 51.05),
    (14.50, 51.04),
    (14.62, 50.92),
    (14.82, 50.87),
]
SAXONY = BORDER + [
    (14.99, 51.10),
    (14.97, 51.35),
    (14.73, 51.58),
    (14.20, 51.55),
    (13.60, 51.45),
    (13.20, 51.60),
    (12.60, 51.65),
    (12.20, 51.55),
    (12.18, 51.30),
    (12.30, 51.05),
    (12.25, 50.90),
    (12.05, 50.55),
]
CZECH_REGIONS = BORDER + [
    (15.05, 51.00),
    (15.40, 50.80),
    (15.50, 50.55),
    (15.00, 50.45),
    (14.40, 50.35),
    (13.90, 50.25),
    (13.40, 50.10),
    (12.90, 49.95),
    (12.45, 49.98),
    (12.20, 50.10),
]
# Named as in their own country; the gazetteer gives each name in the visitor's language.
CITIES = [
    ("Dresden", 13.74, 51.05),
    ("Chemnitz", 12.92, 50.83),
    ("Leipzig", 12.37, 51.34),
    ("Görlitz", 14.99, 51.15),
    ("Zwickau", 12.50, 50.72),
    ("Ústí nad Labem", 14.03, 50.66),
    ("Liberec", 15.06, 50.77),
    ("Karlovy Vary", 12.87, 50.23),
]


def project(longitude, latitude):
    """SVG coordinates of a point, or None when it lies outside the map frame."""
    longitude, latitude = float(longitude), float(latitude)
    if not (WEST <= longitude <= EAST and SOUTH <= latitude <= NORTH):
        return None
    x = (longitude - WEST) / (EAST - WEST) * WIDTH
    y = (NORTH - latitude) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


def _points(outline):
    return " ".join("{},{}".format(*project(lon, lat)) for lon, lat in outline)


@cache
def project_area_outline():
    """The map's frame and outlines: the same for every request."""
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "saxony": _points(SAXONY),
        "czech": _points(CZECH_REGIONS),
    }


def city_labels(language, pins):
    """The cities named in `language`, each label beside its dot where `pins` (map_points)
    leave it visible: {"name", "x", "y", "label_x", "label_y", "anchor"}."""
    cities = _cities(language)
    spots = tuple((pin["x"], pin["y"]) for pin in pins)
    return [
        {"name": name, "x": x, "y": y, "label_x": label_x, "label_y": label_y, "anchor": anchor}
        for (name, x, y), (label_x, label_y, anchor) in zip(
            cities, place_labels(cities, spots, WIDTH, HEIGHT), strict=True
        )
    ]


@cache
def _cities(language):
    return tuple(
        (thesaurus.place_name(name, language), *project(lon, lat)) for name, lon, lat in CITIES
    )


def map_points(results, start=1):
    """One dot per result with coordinates (presenter.ResultEntry), numbered like the list;
    dots of neighbours are moved apart so each number can be read. A moved dot keeps where
    it belongs as "anchor_x"/"anchor_y" (None for the others)."""
    points = []
    for number, result in enumerate(results, start=start):
        if result.latitude is None or result.longitude is None:
            continue
        position = project(result.longitude, result.latitude)
        if position:
            points.append({"number": number, "x": position[0], "y": position[1], "result": result})
    homes = tuple((point["x"], point["y"]) for point in points)
    for point, home, spot in zip(points, homes, spread_pins(homes, WIDTH, HEIGHT), strict=True):
        moved = spot != home
        point.update(
            x=spot[0],
            y=spot[1],
            anchor_x=home[0] if moved else None,
            anchor_y=home[1] if moved else None,
        )
    return points
