"""The opinion chart of the PDF report, drawn with fpdf2's lines and rectangles (no plotting library).

One chart per team: the share of the population who believe the rumour (red)
and trust in the authorities (blue) on the left axis, 0–100 %, and the crisis
level as a dashed step line on the right axis, over scenario time (T+HH:MM).
It draws in the font family the PDF has set.
"""

from __future__ import annotations

from fpdf import FPDF

from debrief.exports.blocks import Chart
from scenarios.figures import format_t
from scenarios.texts import Text

HEIGHT = 72.0  # mm, the whole chart with its title, axes and legend
TICK_STEPS = (10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440)  # minutes between time ticks
MAX_TICKS = 10
LEVEL_BAND = (0.05, 0.9)  # where the lowest and the top level sit, as shares of the plot's height
BELIEF, TRUST, LEVEL, GRID, INK = (200, 30, 30), (30, 80, 190), (70, 70, 70), (215, 215, 215), (0, 0, 0)
LEGEND = (
    (BELIEF, Text("Tỷ lệ người dân tin tin đồn", "Population believing the rumour")),
    (TRUST, Text("Niềm tin vào chính quyền", "Trust in the authorities")),
    (LEVEL, Text("Cấp độ khủng hoảng (trục phải)", "Crisis level (right axis)")),
)
LEVEL_LABEL = Text("Cấp {level}", "Level {level}")
NO_OPINION = Text("Chưa có số liệu dư luận", "No opinion figures yet")


class Plot:
    """The plot area of a chart: scenario minutes to x, shares (0–1) and levels to y."""

    def __init__(self, x: float, y: float, w: float, h: float, duration: float, top_level: int):
        self.x, self.y, self.w, self.h = x, y, w, h
        self.duration, self.top_level = max(duration, 1.0), max(top_level, 1)

    def at(self, minute: float) -> float:
        return self.x + self.w * min(max(minute, 0.0), self.duration) / self.duration

    def share(self, value: float) -> float:
        return self.y + self.h * (1 - min(max(value, 0.0), 1.0))

    def level(self, value: int) -> float:
        """Levels 0 to the top sit from 5 % to 90 % of the height, clear of the frame."""
        return self.share(LEVEL_BAND[0] + (LEVEL_BAND[1] - LEVEL_BAND[0]) * value / self.top_level)


def _tick_step(duration: float) -> int:
    return next((step for step in TICK_STEPS if duration / step <= MAX_TICKS), TICK_STEPS[-1])


def _axes(pdf: FPDF, plot: Plot, lang: str) -> None:
    pdf.set_line_width(0.15)
    pdf.set_font(style="", size=6.5)
    for quarter in range(5):
        y = plot.share(quarter / 4)
        pdf.set_draw_color(*GRID)
        pdf.line(plot.x, y, plot.x + plot.w, y)
        label = f"{quarter * 25}%"
        pdf.text(plot.x - 1.5 - pdf.get_string_width(label), y + 1, label)
    pdf.set_draw_color(*LEVEL)
    for level in range(plot.top_level + 1):
        y = plot.level(level)
        pdf.line(plot.x + plot.w, y, plot.x + plot.w + 1, y)
        pdf.text(plot.x + plot.w + 1.5, y + 1, LEVEL_LABEL.in_(lang).format(level=level))
    step = _tick_step(plot.duration)
    for minute in range(0, int(plot.duration) + 1, step):
        x, label = plot.at(minute), format_t(minute)
        pdf.set_draw_color(*GRID)
        pdf.line(x, plot.y, x, plot.y + plot.h)
        pdf.text(x - pdf.get_string_width(label) / 2, plot.y + plot.h + 3.5, label)
    pdf.set_draw_color(*INK)
    pdf.rect(plot.x, plot.y, plot.w, plot.h)


def _series(pdf: FPDF, plot: Plot, chart: Chart) -> None:
    pdf.set_line_width(0.5)
    for color, column in ((BELIEF, 1), (TRUST, 2)):
        pdf.set_draw_color(*color)
        pdf.polyline([(plot.at(p[0]), plot.share(p[column])) for p in chart.points])
    end = max([chart.points[-1][0], chart.steps[-1][0]])
    corners: list[tuple[float, float]] = []
    for (t, level), after in zip(chart.steps, [*(s[0] for s in chart.steps[1:]), end], strict=True):
        corners += [(plot.at(t), plot.level(level)), (plot.at(after), plot.level(level))]
    pdf.set_draw_color(*LEVEL)
    pdf.set_dash_pattern(dash=1.2, gap=0.8)
    pdf.polyline(corners)
    pdf.set_dash_pattern()


def _legend(pdf: FPDF, x: float, y: float, lang: str) -> None:
    pdf.set_font(style="", size=6.5)
    for color, text in LEGEND:
        label = text.in_(lang)
        pdf.set_draw_color(*color)
        pdf.set_line_width(0.5)
        pdf.line(x, y - 0.8, x + 5, y - 0.8)
        pdf.text(x + 6, y, label)
        x += 8 + pdf.get_string_width(label)


def draw(pdf: FPDF, chart: Chart, x: float, y: float, w: float) -> None:
    """Draw the chart in a box of width `w` and height HEIGHT from (x, y); restores the colours and line width."""
    pdf.set_font(style="B", size=8.5)
    pdf.text(x, y + 3.5, chart.title)
    plot = Plot(x + 10, y + 7, w - 22, HEIGHT - 22, chart.duration, chart.top_level)
    _axes(pdf, plot, chart.lang)
    if chart.points:
        _series(pdf, plot, chart)
    else:
        pdf.set_font(style="I", size=8)
        message = NO_OPINION.in_(chart.lang)
        pdf.text(plot.x + (plot.w - pdf.get_string_width(message)) / 2, plot.y + plot.h / 2, message)
    _legend(pdf, plot.x, plot.y + plot.h + 9, chart.lang)
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.2)
