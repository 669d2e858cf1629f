"""Run axe-core (bundled with axe-playwright-python, no network) and describe what it finds."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0 and 2.1, levels A and AA: what Dutch public-sector sites must meet (EN 301 549).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_axe = Axe()


def wcag_violations(page) -> list[dict]:
    """The WCAG A/AA violations axe-core finds on the page as it is now."""
    results = _axe.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "resultTypes": ["violations"],
        },
    )
    return results.response["violations"]


def describe_violations(violations: list[dict]) -> str:
    """One block per violated rule: id, impact, help, link and every offending selector."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'no impact given'}): "
            f"{violation['help']} [{len(violation['nodes'])} element(s)] {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " >> ".join(str(part) for part in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            html = " ".join((node.get("html") or "").split())
            html = html if len(html) <= 120 else html[:117] + "..."
            lines.append(f"    {target}   {html}" + (f"\n      {summary}" if summary else ""))
    return "\n".join(lines)
