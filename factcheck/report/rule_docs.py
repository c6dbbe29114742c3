"""The rule pages ``docs/rules/<id>.md``, generated from the rule registry.

Each page says what the rule finds (its summary), why (its description), shows an example and
how to fix or suppress a finding. ``factcheck rules --docs docs/rules`` writes them; a test keeps
them current (``pytest --update-golden`` rewrites them). SARIF's ``helpUri`` points at them.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.rules import REGISTRY

REPOSITORY = "https://github.com/OWNER/factcheck"  # the project's home: set once here
DOCS_URL = f"{REPOSITORY}/blob/main/docs/rules/"

_EXAMPLES: dict[str, tuple[str, str]] = {
    "contradicted-figure": (
        "More than 45,000 Palestinians have been killed in Gaza, according to Palestinian health authorities.",
        "Check the figure against the reference quoted in the finding (its source and as-of date) and correct it; "
        "where the figure is right and the data is behind, add the newer row to the reference data.",
    ),
    "outdated-figure": (
        "NATO's 31 members met in Washington.",
        "Update the figure to the one current at publication (the finding names it, with its source and date), "
        "or say when the figure was true ('had 31 members in 2023').",
    ),
    "attribution-gap": (
        "An estimated 2.6 million people have been displaced by fighting in Myanmar.",
        "Say who the figure comes from ('..., according to UNHCR'); the finding lists the sources that publish it.",
    ),
    "source-mismatch": (
        "More than 39,000 people have been killed in Gaza, the UN refugee agency said.",
        "Attribute the figure to the source whose data holds it, or use the named source's own figure.",
    ),
    "unverifiable-figure": (
        "The army said it had deployed 5,000 troops to the northern border of Chad.",
        "Check the figure by hand; to check such figures automatically, add a reference series for it.",
    ),
    "undated-article": (
        "An article with figures and no date in its front matter or first lines, checked without --date.",
        "Give the publication date: a front-matter line 'date: 2024-07-27', a dateline near the top, or --date.",
    ),
    "bad-suppression": (
        "<!-- factcheck: igonre -->",
        "Correct the spelling of the directive or rule id (factcheck rules lists the ids), or delete the comment.",
    ),
}


def help_uri(rule_id: str | None) -> str:
    """The page of a rule (or the index of the rule pages)."""
    return f"{DOCS_URL}{rule_id}.md" if rule_id else f"{DOCS_URL}README.md"


def page(rule_id: str) -> str:
    """The Markdown page of one rule."""
    rule = REGISTRY[rule_id].rule
    example, fix = _EXAMPLES.get(rule_id, ("", "Read the finding's message: it says what does not match and where."))
    lines = [
        f"# {rule.name} (`{rule_id}`)",
        "",
        f"Default severity: **{rule.severity.value}**.",
        "",
        "## What it finds",
        "",
        rule.summary,
        "",
        "## Why",
        "",
        rule.description,
        "",
    ]
    if example:
        lines += ["## Example", "", "```text", example, "```", ""]
    lines += [
        "## How to fix it",
        "",
        fix,
        "",
        "## How to suppress it",
        "",
        "Where an editor has checked the figure by hand, silence the rule on the next line:",
        "",
        "```markdown",
        f"<!-- factcheck: ignore {rule_id} -->",
        "```",
        "",
        f"or from a point on (`<!-- factcheck: disable {rule_id} -->` ... `<!-- factcheck: enable {rule_id} -->`),",
        f"for a whole project in `factcheck.toml` (`[rules]` `{rule_id} = \"off\"`, or another severity),",
        "or for the findings an archive has today with a baseline (`--write-baseline`, then `--baseline`).",
        "",
        "This page is generated from the rule registry: `factcheck rules --docs docs/rules`.",
        "",
    ]
    return "\n".join(lines)


def index() -> str:
    """The index page: every rule with its severity and summary."""
    lines = ["# factcheck rules", "", "| rule | severity | what it finds |", "|---|---|---|"]
    for rule_id, registered in REGISTRY.items():
        rule = registered.rule
        lines.append(f"| [`{rule_id}`]({rule_id}.md) | {rule.severity.value} | {rule.summary} |")
    lines += ["", "Generated from the rule registry: `factcheck rules --docs docs/rules`.", ""]
    return "\n".join(lines)


def pages() -> dict[str, str]:
    """Every page by file name: README.md and one <id>.md per rule."""
    return {"README.md": index(), **{f"{rule_id}.md": page(rule_id) for rule_id in REGISTRY}}


def write(folder: Path) -> list[Path]:
    """Write the pages into folder (atomically each); return the paths written."""
    from factcheck.report.output import atomic_write

    written = []
    for name, text in pages().items():
        atomic_write(folder / name, text)
        written.append(folder / name)
    return written
