"""Terminal rendering of a screening result with rich: the text with each finding highlighted."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from marketguard.core.model import Decision, ScreenResult

FAMILY_STYLE = {
    "contact": "bold black on yellow",
    "payment": "bold white on red",
    "scam": "bold white on magenta",
    "account": "bold white on blue",
}
DECISION_STYLE = {
    Decision.ALLOW: "green",
    Decision.NUDGE: "yellow",
    Decision.REDACT: "dark_orange",
    Decision.REVIEW: "red",
    Decision.BLOCK: "bold red",
}


def highlighted(text: str, result: ScreenResult) -> Text:
    """The original text with every signal's span styled by family (markup in the text is not parsed)."""
    out = Text(text)
    for s in result.signals:
        out.stylize(FAMILY_STYLE.get(s.family, "reverse"), s.start, s.end)
    return out


def render(console: Console, text: str, result: ScreenResult, title: str | None = None) -> None:
    style = DECISION_STYLE.get(result.decision, "white")
    head = Text.assemble(
        ("decision: ", "bold"),
        (result.decision.value.upper(), style),
        "   rule: ",
        (result.rule, "bold"),
        "   phase: ",
        result.phase.value,
    )
    parts: list[Text | Panel] = [head, Text(""), highlighted(text, result)]
    if result.signals:
        parts.append(Text(""))
        for s in result.signals:
            line = Text.assemble(
                ("● ", FAMILY_STYLE.get(s.family, "reverse").split(" on ")[-1]),
                (s.kind, "bold"),
                f"  {s.score:.2f}  ",
                (repr(s.text), "italic"),
                f"  [{s.start}:{s.end}]",
            )
            if s.value and s.value.startswith("cues: "):  # a rule-pack finding: the words that made it fire
                line.append(f"\n    matched {s.value}", style="magenta")
            elif s.value:
                line.append(f"  -> {s.value}")
            line.append(f"\n    {s.reason}  ({s.detector})", style="dim")
            for r in s.related:
                line.append(f"\n    with {r.message_id}: {r.text!r} [{r.start}:{r.end}]", style="dim")
            parts.append(line)
    if result.suppressed:
        for x in result.suppressed:
            parts.append(
                Text.assemble(
                    ("○ not counted: ", "dim"),
                    (x.signal.kind, "dim bold"),
                    (f"  {x.signal.text!r}  because {x.why}", "dim"),
                )
            )
    if result.nudge:
        parts.append(Panel(Text(result.nudge), title="nudge shown to the sender", border_style="yellow"))
    if result.warning:
        parts.append(Panel(Text(result.warning), title="warning shown to the recipient", border_style="magenta"))
    if result.redacted_text is not None:
        parts.append(Panel(Text(result.redacted_text), title="as delivered (redacted)", border_style="dark_orange"))
    for note in result.notes:
        parts.append(Text(f"note: {note}", style="dim"))
    console.print(
        Panel(Group(*parts), title=title or (f"message {result.id}" if result.id else "message"), border_style=style)
    )
