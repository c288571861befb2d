"""Where the result map draws its dots and city labels, so that none hides another.

Organisations of one town share nearly the same coordinates: their dots are moved apart in
rings around the spot (a thin line still points at it), so every number stays readable. City
labels then take the first place beside their town that no dot and no other label covers.
All sizes are in the SVG's own units (maps.WIDTH wide).

Both layouts are pure functions of positions, kept for the searches asked again and again
(the first page of the directory, its common filters), so those cost no layout at all.
"""

import math
from functools import lru_cache

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


@lru_cache(maxsize=512)
def spread_pins(homes, width, height):
    """Where to draw the dot of each (x, y) in `homes`, in list order: at home if free, else
    on the nearest free spot of the rings around it."""
    step = 2 * PIN_RADIUS + PIN_GAP
    # Placed dots by grid cell of one step: a spot is checked against its cell's neighbours
    # only, so fifty dots in one town cost no more than a few hundred distances.
    placed = {}

    def free(spot):
        column, row = int(spot[0] // step), int(spot[1] // step)
        return all(
            math.dist(spot, other) >= step
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for other in placed.get((column + dx, row + dy), ())
        )

    spots = []
    for home in homes:
        spot = next(
            (
                candidate
                for candidate in _ring_spots(home, step)
                if _inside(candidate, PIN_RADIUS, width, height) and free(candidate)
            ),
            home,
        )
        placed.setdefault((int(spot[0] // step), int(spot[1] // step)), []).append(spot)
        spots.append(spot)
    return tuple(spots)


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


@lru_cache(maxsize=512)
def place_labels(cities, spots, width, height):
    """Where each city's label goes, as (x, y, SVG text-anchor), for `cities` given as
    (name, x, y) and dots at `spots`: the first place beside the city that no dot, no other
    city and no label placed before covers, inside the frame; where every place is taken,
    the one covered least."""
    frame = (0, 0, width, height)
    taken, placements = [], []
    for name, x, y in cities:
        label_width = len(name) * LABEL_SIZE * LABEL_CHAR_WIDTH
        candidates = [
            candidate
            for distance in LABEL_DISTANCES
            for candidate in _label_candidates(x, y, label_width, distance)
        ]
        # Only what lies within reach of some place for this label can cover it.
        reach = _reach([box for box, _position in candidates], PIN_RADIUS + 2)
        near = [spot for spot in spots if _within(spot, reach)]
        dots = [
            (other_x, other_y)
            for _other, other_x, other_y in cities
            if (other_x, other_y) != (x, y) and _within((other_x, other_y), reach)
        ]
        # The first free place in order of preference (right of the dot is the usual one),
        # else the least covered: most labels cost one or two measurements.
        costs = []
        for candidate in candidates:
            costs.append(_covered(candidate[0], near, dots, taken, frame))
            if not costs[-1]:
                break
        box, (label_x, label_y, anchor) = candidates[costs.index(min(costs))]
        placements.append((round(label_x, 1), round(label_y, 1), anchor))
        taken.append(box)
    return tuple(placements)


def _covered(box, spots, dots, labels, frame):
    """How much of a label's box is hidden (by dots, city dots, labels) or outside the frame."""
    inside = _clip(box, frame)
    return (
        _area(box)
        - (_area(inside) if inside else 0)
        + sum(_circle_overlap(box, spot, PIN_RADIUS + 2) for spot in spots)
        + sum(_circle_overlap(box, dot, 4) for dot in dots)
        + sum(_area(_clip(box, label) or (0, 0, 0, 0)) for label in labels)
    )


def _label_candidates(x, y, label_width, distance):
    """Boxes (left, top, right, bottom) and text positions right, left, above and below the
    city's dot at (x, y), `distance` away; text is centred vertically on its y
    (dominant-baseline)."""
    half = LABEL_HEIGHT / 2
    right = (x + distance, y, "start")
    left = (x - distance, y, "end")
    above = (x, y - distance - half, "middle")
    below = (x, y + distance + half, "middle")
    for tx, ty, anchor in (right, left, above, below):
        start = {"start": tx, "end": tx - label_width, "middle": tx - label_width / 2}[anchor]
        yield (start, ty - half, start + label_width, ty + half), (tx, ty, anchor)


def _reach(boxes, margin):
    """The box around all `boxes`, `margin` wider on every side."""
    return (
        min(box[0] for box in boxes) - margin,
        min(box[1] for box in boxes) - margin,
        max(box[2] for box in boxes) + margin,
        max(box[3] for box in boxes) + margin,
    )


def _within(point, box):
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


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
