"""Where the result map draws its dots and city labels, so that none hides another.

Organisations of one town share nearly the same coordinates: their dots are moved apart in
rings around the spot (a thin line still points at it), so every number stays readable. City
labels then take the first place beside their town that no dot and no other label covers.
All sizes are in the SVG's own units (maps.WIDTH wide).
"""

import math

PIN_RADIUS = 11
# Room between two dots, so their white rims do not touch.
PIN_GAP = 2
LABEL_SIZE = 14
# Width of an average character as a share of the font size (generous for DejaVu and Arial,
# so the reserved box covers the drawn text).
LABEL_CHAR_WIDTH = 0.62
LABEL_HEIGHT = LABEL_SIZE * 1.3
# Between a city's dot and its label; further steps when the nearest places are taken.
LABEL_DISTANCES = (6, 20, 34)


def spread_pins(points, width, height):
    """Give each point ({"x", "y", …}, in list order) a free spot for its dot: its own place
    if free, else the nearest free spot on rings around it. A moved point keeps where it
    belongs as "anchor_x"/"anchor_y"; the others have None there."""
    step = 2 * PIN_RADIUS + PIN_GAP
    placed = []
    for point in points:
        home = (point["x"], point["y"])
        spot = next(
            (
                candidate
                for candidate in _ring_spots(home, step)
                if _inside(candidate, PIN_RADIUS, width, height)
                and all(math.dist(candidate, other) >= step for other in placed)
            ),
            home,
        )
        moved = spot != home
        point.update(
            x=spot[0],
            y=spot[1],
            anchor_x=home[0] if moved else None,
            anchor_y=home[1] if moved else None,
        )
        placed.append(spot)
    return points


def _ring_spots(home, step, rings=6):
    """`home`, then spots on rings around it: 6 on the first, 12 on the second, …"""
    yield home
    for ring in range(1, rings + 1):
        count = 6 * ring
        for index in range(count):
            # From straight above, clockwise: the first moved dot sits above its town.
            angle = -math.pi / 2 + 2 * math.pi * index / count
            yield (
                round(home[0] + ring * step * math.cos(angle), 1),
                round(home[1] + ring * step * math.sin(angle), 1),
            )


def _inside(centre, radius, width, height):
    x, y = centre
    return radius <= x <= width - radius and radius <= y <= height - radius


def place_labels(cities, pins, width, height):
    """Each city ({"name", "x", "y"}) with a label position: "label_x", "label_y" and
    "anchor" (SVG text-anchor), chosen where it overlaps no dot, no other label and stays
    inside the frame; where every place is taken, the one overlapping least."""
    frame = (0, 0, width, height)
    taken = []
    for city in cities:
        label_width = len(city["name"]) * LABEL_SIZE * LABEL_CHAR_WIDTH
        candidates = [
            candidate
            for distance in LABEL_DISTANCES
            for candidate in _label_candidates(city, label_width, distance)
        ]
        dots = [(other["x"], other["y"]) for other in cities if other is not city]
        # min() keeps the first of equals: the nearest, most usual place (right of the dot).
        box, (x, y, anchor) = min(
            candidates, key=lambda candidate: _covered(candidate[0], pins, dots, taken, frame)
        )
        city.update(label_x=round(x, 1), label_y=round(y, 1), anchor=anchor)
        taken.append(box)
    return cities


def _covered(box, pins, dots, labels, frame):
    """How much of a label's box is hidden (by dots, city dots, labels) or outside the frame."""
    inside = _clip(box, frame)
    return (
        _area(box)
        - (_area(inside) if inside else 0)
        + sum(_circle_overlap(box, (pin["x"], pin["y"]), PIN_RADIUS + 2) for pin in pins)
        + sum(_circle_overlap(box, dot, 4) for dot in dots)
        + sum(_area(_clip(box, label) or (0, 0, 0, 0)) for label in labels)
    )


def _label_candidates(city, label_width, distance):
    """Boxes (left, top, right, bottom) and text positions right, left, above and below the
    city's dot, `distance` away; text is centred vertically on its y (dominant-baseline)."""
    x, y = city["x"], city["y"]
    half = LABEL_HEIGHT / 2
    right = (x + distance, y, "start")
    left = (x - distance, y, "end")
    above = (x, y - distance - half, "middle")
    below = (x, y + distance + half, "middle")
    for tx, ty, anchor in (right, left, above, below):
        start = {"start": tx, "end": tx - label_width, "middle": tx - label_width / 2}[anchor]
        yield (start, ty - half, start + label_width, ty + half), (tx, ty, anchor)


def _area(box):
    left, top, right, bottom = box
    return max(0, right - left) * max(0, bottom - top)


def _clip(box, other):
    """The part of `box` inside `other`, or None."""
    left, top = max(box[0], other[0]), max(box[1], other[1])
    right, bottom = min(box[2], other[2]), min(box[3], other[3])
    return (left, top, right, bottom) if left < right and top < bottom else None


def _circle_overlap(box, centre, radius):
    """A measure of how far a circle reaches into `box`: 0 when they do not touch."""
    nearest_x = min(max(centre[0], box[0]), box[2])
    nearest_y = min(max(centre[1], box[1]), box[3])
    depth = radius - math.dist(centre, (nearest_x, nearest_y))
    return depth * depth * math.pi if depth > 0 else 0
