"""Atom feeds: valid XML with the right entries, per overview search and for questions."""

from xml.etree import ElementTree

from organisations.models import Organisation
from portfolio import services
from portfolio.models import Project, Theme

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_theme_feed_holds_exactly_the_themes_published_projects(client, demo):
    theme = Theme.objects.get(slug="cultureel-erfgoed")
    found = entries(client, "/projecten/feed.atom?thema=cultureel-erfgoed")
    expected = set(
        Project.objects.filter(primary_theme=theme, publication="gepubliceerd").values_list(
            "title", flat=True
        )
    )
    assert {e["title"] for e in found} == expected
    assert all(e["categories"] == [theme.name] for e in found)


def test_an_updated_project_comes_first_in_its_feeds(client, demo):
    project = Project.objects.filter(publication="gepubliceerd").order_by("updated_at").first()
    services.update_project(project=project, summary="Bijgewerkt: " + project.summary[:500])
    assert entries(client, "/projecten/feed.atom")[0]["title"] == project.title
    lead = project.partners.get(role="trekker").organisation
    assert entries(client, f"/projecten/feed.atom?partner={lead.slug}")[0]["title"] == project.title


def test_search_flagship_and_neighbourhood_feeds_match_the_api(client, demo):
    for query in ["q=museum", "vlaggenschip=leren-met-de-stad", "wijk=WK054600&stadsbreed=0"]:
        api = client.get(f"/api/v1/projects?{query}&pageSize=100").json()
        found = entries(client, f"/projecten/feed.atom?{query}")
        assert {e["title"] for e in found} == {p["title"] for p in api["results"]}, query


def test_partner_feed_is_announced_on_the_partner_page(client, demo):
    organisation = Organisation.objects.filter(partnerships__isnull=False).first()
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Atom-feed" '
        f'href="/projecten/feed.atom?partner={organisation.slug}">' in html
    )


def test_every_overview_announces_its_feed_and_exports(client, demo):
    for url in [
        "/projecten/?thema=gezondheid-welzijn&q=wijk",
        "/themas/cultureel-erfgoed/",
        "/vlaggenschepen/leren-met-de-stad/",
        "/wijken/WK054600/",
        "/en/projecten/",
    ]:
        html = client.get(url).content.decode()
        assert 'rel="alternate" type="application/atom+xml"' in html, url
        assert 'type="text/csv"' in html and 'type="application/geo+json"' in html, url
    assert 'rel="alternate" type="application/atom+xml"' in client.get("/vragen/").content.decode()


def test_unknown_filter_feed_is_a_404(client, demo):
    assert client.get("/projecten/feed.atom?vlaggenschip=bestaat-niet").status_code == 404


def test_a_status_feed_is_titled_in_words(client, demo):
    """The status chip's label is a lazy translation; joining it into the title was a 500."""
    response = client.get("/projecten/feed.atom?status=lopend")
    assert response.status_code == 200
    title = ElementTree.fromstring(response.content).find("{http://www.w3.org/2005/Atom}title")
    assert title.text == "Projecten: lopend"
