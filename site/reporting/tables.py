"""The shape every figure of the dashboard takes: a titled table, optionally drawn as a chart."""

from dataclasses import dataclass, field

# Geometry of the bar charts (SVG user units): label column, bar area, row height.
LABEL_WIDTH = 260
BAR_WIDTH = 330
ROW_HEIGHT = 26


@dataclass
class Table:
    """Rows of a label and numbers; `chart` draws the first number column as bars."""

    key: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    chart: bool = False
    note: str = ""

    def chart_bars(self):
        """Each row's label, value and bar geometry for the SVG bar chart."""
        largest = max((row[1] for row in self.rows), default=0) or 1
        bars = []
        for position, row in enumerate(self.rows):
            width = round(BAR_WIDTH * row[1] / largest, 1)
            bars.append(
                {
                    "label": str(row[0]),
                    "value": row[1],
                    "y": position * ROW_HEIGHT,
                    "text_y": position * ROW_HEIGHT + 17,
                    "width": width,
                    "value_x": LABEL_WIDTH + width + 6,
                }
            )
        return bars

    def chart_height(self):
        return max(len(self.rows), 1) * ROW_HEIGHT

    bar_x = LABEL_WIDTH
    chart_width = LABEL_WIDTH + BAR_WIDTH + 60
