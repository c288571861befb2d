"""The demo's illustrations, drawn with Pillow so nothing is downloaded: a sky gradient and hills
in a base colour, the sun, and a motif of the article or story in an accent colour.

Every item has a motif of its own (newsroom.yaml pairs them with colours), so no two news items
or stories show the same picture.
"""

import math
from io import BytesIO

from PIL import Image, ImageDraw

SIZE = (1600, 900)
WIDTH, HEIGHT = SIZE


def draw(base, accent, motif):
    """The illustration of `motif` as a PNG file in memory."""
    picture = Image.new("RGB", SIZE, base)
    pen = ImageDraw.Draw(picture)
    for y in range(HEIGHT):
        shade = 0.55 + 0.45 * y / HEIGHT
        pen.line([(0, y), (WIDTH, y)], fill=tuple(int(c * shade) for c in base))
    hills = [(x, int(HEIGHT * 0.78 + 40 * math.sin(x / 170))) for x in range(0, WIDTH + 1, 20)]
    pen.polygon([(0, HEIGHT), *hills, (WIDTH, HEIGHT)], fill=tuple(min(255, c + 40) for c in base))
    pen.ellipse([1320, 90, 1460, 230], fill=accent)
    MOTIFS[motif](pen, base, accent)
    buffer = BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    buffer.seek(0)
    return buffer


def _mix(colour, other, share):
    """`colour` with `share` (0–1) of `other` mixed in."""
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


def _columns(pen, base, accent):
    """A colonnade, as in Karlovy Vary."""
    for i in range(9):
        x = 180 + i * 150
        pen.rectangle([x, 300, x + 50, 700], fill=accent)
    pen.rectangle([140, 250, 1460, 300], fill=accent)


def _tables(pen, base, accent):
    """Round tables with people around them: a workshop or a cooperation exchange."""
    for i in range(4):
        x = 150 + i * 350
        pen.ellipse([x, 450, x + 260, 560], fill=accent)
        for j in range(3):
            pen.ellipse([x + 20 + j * 80, 360, x + 80 + j * 80, 420], fill=accent)


def _mountains(pen, base, accent):
    """Snowy ridges: the Ore Mountains in winter."""
    pen.polygon([(0, 720), (420, 260), (760, 600), (1100, 200), (1600, 720)], fill=accent)


def _glass(pen, base, accent):
    """Drinking glasses in a row: a glassworks."""
    for i in range(5):
        x = 220 + i * 250
        pen.polygon(
            [(x, 300), (x + 140, 300), (x + 110, 680), (x + 30, 680)], outline=accent, width=12
        )


def _bridge(pen, base, accent):
    """An arch bridge: a network across the border."""
    pen.arc([200, 330, 1400, 1030], start=180, end=360, fill=accent, width=28)
    pen.rectangle([150, 660, 1450, 690], fill=accent)


def _coins(pen, base, accent):
    """Stacks of coins, growing: funding."""
    for stack, count in enumerate((3, 5, 8, 6)):
        left = 260 + stack * 290
        for coin in range(count):
            top = 640 - coin * 48
            pen.ellipse([left, top, left + 220, top + 70], fill=accent, outline=base, width=6)


def _cards(pen, base, accent):
    """A wall of profile cards: a directory that grows."""
    for row in range(3):
        for column in range(5):
            left, top = 190 + column * 230, 200 + row * 170
            pen.rounded_rectangle([left, top, left + 200, top + 140], radius=18, fill=accent)
            pen.ellipse([left + 20, top + 35, left + 80, top + 95], fill=base)
            pen.rectangle([left + 100, top + 45, left + 180, top + 57], fill=base)
            pen.rectangle([left + 100, top + 77, left + 160, top + 89], fill=base)


def _molecules(pen, base, accent):
    """Hydrogen molecules, two atoms each, rising like bubbles."""
    for x, y, size in ((420, 540, 90), (760, 360, 70), (1080, 560, 100), (1180, 330, 55)):
        first, second = (x - size, y + size // 3), (x + size, y - size // 3)
        pen.line([first, second], fill=accent, width=size // 4)
        for cx, cy in (first, second):
            radius = size * 0.7
            pen.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=accent)


def _chart(pen, base, accent):
    """Twelve bars growing month by month, with their trend: a year's results."""
    heights = (120, 160, 150, 210, 250, 240, 300, 340, 330, 400, 440, 470)
    for month, height in enumerate(heights):
        left = 200 + month * 90
        pen.rectangle([left, 700 - height, left + 60, 700], fill=accent)
    trend = [(230 + month * 90, 640 - height) for month, height in enumerate(heights)]
    pen.line(trend, fill=_mix(accent, (255, 255, 255), 0.5), width=10, joint="curve")


def _speech(pen, base, accent):
    """Two speech bubbles answering each other: languages in tandem."""
    pale = _mix(base, accent, 0.45)
    pen.rounded_rectangle([220, 200, 820, 500], radius=60, fill=accent)
    pen.polygon([(360, 490), (450, 490), (320, 620)], fill=accent)
    pen.rounded_rectangle([760, 350, 1360, 630], radius=60, fill=pale)
    pen.polygon([(1180, 620), (1270, 620), (1320, 740)], fill=pale)
    for line, length in enumerate((420, 360, 250)):
        pen.rounded_rectangle(
            [300, 270 + line * 70, 300 + length, 296 + line * 70], radius=13, fill=base
        )
        pen.rounded_rectangle(
            [840, 420 + line * 60, 840 + length, 444 + line * 60], radius=12, fill=accent
        )


def _books(pen, base, accent):
    """A shelf of books of every size: training and skills."""
    left = 240
    for width, height in ((70, 300), (90, 360), (60, 260), (110, 400), (80, 330), (70, 290)):
        pen.rectangle([left, 640 - height, left + width, 640], fill=accent, outline=base, width=6)
        pen.rectangle([left + 16, 680 - height, left + width - 16, 692 - height], fill=base)
        left += width + 12
    pen.polygon([(left, 640), (left + 80, 640), (left + 300, 350), (left + 230, 310)], fill=accent)
    pen.rectangle([200, 640, 1400, 672], fill=accent)


def _houses(pen, base, accent):
    """A village of gabled houses around a church tower: a family firm at home."""
    pen.rectangle([930, 280, 1010, 700], fill=accent)
    pen.polygon([(915, 280), (970, 130), (1025, 280)], fill=accent)
    for left, width, height in (
        (200, 220, 200),
        (460, 180, 160),
        (660, 240, 230),
        (1060, 200, 180),
    ):
        top = 700 - height
        pen.rectangle([left, top, left + width, 700], fill=accent)
        pen.polygon(
            [(left - 20, top), (left + width // 2, top - width * 0.55), (left + width + 20, top)],
            fill=accent,
        )
        for window in (left + 30, left + width - 80):
            pen.rectangle([window, top + 40, window + 50, top + 90], fill=base)
    pen.rectangle([1300, 560, 1420, 700], fill=accent)
    pen.polygon([(1285, 560), (1360, 500), (1435, 560)], fill=accent)


def _lightbulb(pen, base, accent):
    """A light bulb and its rays: an idea bought from research."""
    cx, cy, radius = 800, 370, 170
    for degrees in range(-165, 0, 30):
        angle = math.radians(degrees)
        inner, outer = radius + 40, radius + 120
        pen.line(
            [
                (cx + inner * math.cos(angle), cy + inner * math.sin(angle)),
                (cx + outer * math.cos(angle), cy + outer * math.sin(angle)),
            ],
            fill=accent,
            width=16,
        )
    pen.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=accent)
    pen.polygon(
        [(cx - 105, cy + 120), (cx + 105, cy + 120), (cx + 70, cy + 250), (cx - 70, cy + 250)],
        fill=accent,
    )
    for thread in range(3):
        top = cy + 262 + thread * 30
        pen.rounded_rectangle([cx - 70, top, cx + 70, top + 20], radius=10, fill=accent)
    # A gleam on the glass, upper left.
    gleam = radius * 0.68
    pen.arc([cx - gleam, cy - gleam, cx + gleam, cy + gleam], 195, 250, fill=base, width=14)


def _gear(pen, centre, radius, teeth, fill, hole):
    """One gear wheel: trapezoid teeth around a disc with a hole."""
    step, depth = 2 * math.pi / teeth, radius * 0.2
    outline = []
    for tooth in range(teeth):
        angle = tooth * step
        for reach, offset in ((radius, -0.3), (radius + depth, -0.17), (radius + depth, 0.17)):
            outline.append(_polar(centre, reach, angle + offset * step))
        outline.append(_polar(centre, radius, angle + 0.3 * step))
    pen.polygon(outline, fill=fill)
    x, y = centre
    pen.ellipse([x - radius * 0.3, y - radius * 0.3, x + radius * 0.3, y + radius * 0.3], fill=hole)


def _polar(centre, reach, angle):
    return (centre[0] + reach * math.cos(angle), centre[1] + reach * math.sin(angle))


def _gears(pen, base, accent):
    """Three meshing gear wheels: precision parts."""
    _gear(pen, (560, 450), 190, 14, accent, base)
    _gear(pen, (900, 270), 120, 9, _mix(accent, base, 0.3), base)
    _gear(pen, (1110, 540), 140, 10, accent, base)


def _lamps(pen, base, accent):
    """Glass pendant lamps hanging at different heights, each with its glow."""
    glow, bulb = _mix(base, accent, 0.3), _mix(accent, (255, 255, 255), 0.6)
    for x, drop, size in ((330, 300, 110), (620, 420, 140), (930, 330, 120), (1200, 460, 100)):
        pen.ellipse(
            [x - size * 1.5, drop - size * 0.5, x + size * 1.5, drop + size * 2.5], fill=glow
        )
    for x, drop, size in ((330, 300, 110), (620, 420, 140), (930, 330, 120), (1200, 460, 100)):
        pen.line([(x, 0), (x, drop)], fill=accent, width=6)
        pen.ellipse(
            [x - size * 0.3, drop + size * 0.8, x + size * 0.3, drop + size * 1.3], fill=bulb
        )
        pen.pieslice([x - size, drop, x + size, drop + 2 * size], 180, 360, fill=accent)


def _fountain(pen, base, accent):
    """A spa fountain: jets of water falling into a basin."""
    for reach, rise in ((120, 250), (220, 310), (320, 350)):
        for centre in (800 - reach, 800 + reach):
            pen.arc(
                [centre - reach, 600 - rise, centre + reach, 600 + rise],
                180,
                360,
                fill=accent,
                width=14,
            )
    pen.rectangle([770, 380, 830, 620], fill=accent)
    pen.ellipse([380, 560, 1220, 720], fill=accent)
    pen.ellipse([430, 578, 1170, 670], fill=_mix(base, accent, 0.45))


def _screens(pen, base, accent):
    """Two screens of code side by side: a team writing software together."""
    dark = _mix(base, (0, 0, 0), 0.35)
    code = ((0, 300), (1, 220), (1, 260), (2, 160), (1, 120), (0, 200))
    for left, top, width, height in ((220, 250, 540, 350), (820, 220, 460, 380)):
        middle = left + width // 2
        pen.rectangle([middle - 30, top + height, middle + 30, top + height + 70], fill=accent)
        pen.rectangle(
            [middle - 110, top + height + 70, middle + 110, top + height + 90], fill=accent
        )
        pen.rounded_rectangle(
            [left, top, left + width, top + height], radius=20, outline=accent, width=16, fill=dark
        )
        for line, (indent, length) in enumerate(code):
            x, y = left + 50 + indent * 40, top + 50 + line * 44
            pen.rounded_rectangle([x, y, x + length, y + 18], radius=9, fill=accent)


def _bread(pen, base, accent):
    """Scored loaves and a baguette: a bakery's craft."""
    score = _mix(accent, base, 0.45)
    baguette = [
        _polar((780, 330), math.hypot(460 * math.cos(t), 70 * math.sin(t)), _tilted(t))
        for t in (i * math.pi / 36 for i in range(72))
    ]
    pen.polygon(baguette, fill=accent)
    for cut in range(5):
        x, y = _polar((780, 330), -280 + cut * 140, math.radians(-12))
        pen.line([(x - 40, y + 20), (x + 40, y - 20)], fill=score, width=10)
    for left, top, width, height in (
        (220, 480, 380, 200),
        (640, 440, 440, 240),
        (1120, 510, 300, 170),
    ):
        pen.ellipse([left, top, left + width, top + height], fill=accent)
        for cut in range(3):
            x = left + width * (0.3 + 0.2 * cut)
            pen.line(
                [(x - 30, top + height * 0.3), (x + 30, top + height * 0.65)], fill=score, width=10
            )


def _tilted(t, degrees=-12):
    """The polar angle of the point at parameter `t` of an ellipse turned by `degrees`."""
    return math.atan2(70 * math.sin(t), 460 * math.cos(t)) + math.radians(degrees)


MOTIFS = {
    "columns": _columns,
    "tables": _tables,
    "mountains": _mountains,
    "glass": _glass,
    "bridge": _bridge,
    "coins": _coins,
    "cards": _cards,
    "molecules": _molecules,
    "chart": _chart,
    "speech": _speech,
    "books": _books,
    "houses": _houses,
    "lightbulb": _lightbulb,
    "gears": _gears,
    "lamps": _lamps,
    "fountain": _fountain,
    "screens": _screens,
    "bread": _bread,
}
