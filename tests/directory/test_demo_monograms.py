"""The demo's monogram logos draw Czech and German letters with their diacritics."""

import pytest
from PIL import ImageFont

from directory.demo.loader import MONOGRAM_FONT


@pytest.mark.parametrize(("letter", "base"), [("Č", "C"), ("Ú", "U"), ("Ž", "Z"), ("Ö", "O")])
def test_monogram_font_draws_the_diacritic_above_the_letter(letter, base):
    font = ImageFont.truetype(str(MONOGRAM_FONT), size=110)
    _, top_with_mark, _, bottom_with_mark = font.getbbox(letter)
    _, top_plain, _, bottom_plain = font.getbbox(base)

    # The caron, acute or umlaut reaches higher than the bare letter; a missing glyph would not.
    assert top_with_mark < top_plain - 10
    assert bottom_with_mark == bottom_plain
