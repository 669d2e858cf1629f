"""Every control of the public forms has a visible or screen-reader label of its own (not just a
placeholder), and an error about a field is tied to it (aria-invalid, aria-describedby)."""

import pytest

pytestmark = pytest.mark.browser

# Per form control on the page: its label, accessible name and error wiring.
CONTROLS_PROBE = """(formSelector) => {
    const form = document.querySelector(formSelector);
    if (!form) return null;
    return [...form.querySelectorAll("input, select, textarea")]
        .filter(control => control.type !== "hidden")
        .map(control => {
            const described = (control.getAttribute("aria-describedby") || "").split(/\\s+/)
                .filter(Boolean).map(id => document.getElementById(id));
            return {
                id: control.id,
                name: control.name,
                labels: [...(control.labels || [])].map(label => label.textContent.trim()),
                placeholder: control.getAttribute("placeholder") || "",
                invalid: control.getAttribute("aria-invalid"),
                describedBy: described.map(element => element ? element.textContent.trim() : null),
            };
        });
}"""

FORMS = [
    ("/", "form.site-search", ["q"]),
    ("/projecten/", "form.site-search", ["q"]),
    ("/projecten/", "#project-search form.search-form", ["q", "sorteer"]),
    ("/zoeken/?q=school", "main form.search-form", ["q"]),
    ("/en/projecten/", "#project-search form.search-form", ["q", "sorteer"]),
]


@pytest.mark.parametrize(("path", "form", "names"), FORMS, ids=[f"{p} {f}" for p, f, _ in FORMS])
def test_every_form_control_has_its_own_label(demo_site, page, path, form, names):
    page.goto(path)
    controls = page.evaluate(CONTROLS_PROBE, form)
    assert controls is not None, f"no {form} on {path}"
    assert sorted(control["name"] for control in controls) == sorted(names)
    for control in controls:
        assert control["id"], f"{control['name']} on {path} has no id for its label"
        assert len(control["labels"]) == 1 and control["labels"][0], (
            f"{control['name']} on {path} has labels {control['labels']} instead of one"
        )
        assert control["labels"][0] != control["placeholder"] or not control["placeholder"]
        accessible = page.get_by_label(control["labels"][0], exact=True)
        assert accessible.count() >= 1
        assert control["invalid"] in (None, "false"), f"{control['name']} is invalid on {path}"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_search_words_without_meaning_are_an_error_tied_to_the_field(demo_site, page, language):
    prefix = "" if language == "nl" else "/en"
    page.goto(f"{prefix}/projecten/?q=!!!")
    controls = {
        control["name"]: control
        for control in page.evaluate(CONTROLS_PROBE, "#project-search form.search-form")
    }
    search = controls["q"]
    assert search["invalid"] == "true", "the search box is not marked invalid"
    assert search["describedBy"] and all(search["describedBy"]), (
        f"aria-describedby of the search box points to nothing: {search['describedBy']}"
    )
    message = " ".join(search["describedBy"])
    assert "!!!" in message, f"the error tied to the search box is not about it: {message!r}"
    assert controls["sorteer"]["invalid"] in (None, "false"), "the sort order was not wrong"


def test_an_unknown_filter_is_not_blamed_on_the_search_box(demo_site, page):
    page.goto("/projecten/?q=school&status=onbekend")
    assert page.locator(".alert--warning").count() == 1
    assert page.locator("#f-q").get_attribute("aria-invalid") in (None, "false")
