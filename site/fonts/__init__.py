"""DejaVu Sans, cut to the Latin letters, digits and punctuation of German, Czech and English
(Bitstream Vera licence, LICENSE): the fonts of every image and PDF the platform draws, so Č, Ú
and Ž come out right without a system font."""

from pathlib import Path

SANS = Path(__file__).with_name("DejaVuSans.ttf")
SANS_BOLD = Path(__file__).with_name("DejaVuSans-Bold.ttf")
