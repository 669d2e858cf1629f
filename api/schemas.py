"""What the API returns and accepts, as pydantic schemas (they make the OpenAPI document)."""

from datetime import date, datetime

from ninja import Field, Schema


class Problem(Schema):
    """An error, as Problem Details (RFC 9457)."""

    type: str = Field(description="Identifies the kind of problem.")
    title: str
    status: int
    detail: str = Field(description="What went wrong, for a person to read.")
    instance: str | None = None
    invalid_params: list[dict] | None = Field(
        None, description="Which parameters were wrong and why."
    )


class PageLinks(Schema):
    """Links between the pages of a list; absent links have no such page."""

    self: str
    first: str
    last: str
    prev: str | None = None
    next: str | None = None


class Reference(Schema):
    """Another resource, by its slug or code, its name and its addresses."""

    slug: str
    name: str
    url: str = Field(description="The public web page.")
    api_url: str | None = Field(None, description="The resource in this API.")


class AreaReference(Schema):
    code: str = Field(description="CBS code: WK… for a district, BU… for a neighbourhood.")
    name: str
    url: str
    api_url: str | None = None


class ProjectSummary(Schema):
    """A project as a list shows it (what a card on /projecten/ shows)."""

    slug: str
    title: str
    summary: str
    status: str = Field(description="idee, lopend or afgerond.")
    theme: Reference
    lead_organisation: str | None = Field(None, description="The lead (trekker)'s name.")
    start_date: date | None
    end_date: date | None
    is_citywide: bool
    is_local: bool = Field(
        description="With an area filter: the project is in the area itself (else city-wide)."
    )
    url: str
    api_url: str


class ProjectPage(Schema):
    count: int = Field(description="How many projects match, on all pages.")
    page: int
    page_size: int
    pages: int
    links: PageLinks
    results: list[ProjectSummary]


class Partner(Schema):
    organisation: Reference
    role: str = Field(description="trekker, partner, kennispartner, financier, …")


class Location(Schema):
    latitude: float
    longitude: float


class ResultOut(Schema):
    kind: str
    title: str
    description: str
    url: str
    date: date | None


class LinkOut(Schema):
    label: str
    url: str


class ProjectDetail(Schema):
    """A whole project, as its page shows it."""

    slug: str
    title: str
    summary: str
    description: str
    status: str
    publication: str = Field(description="gepubliceerd for every public project.")
    theme: Reference
    secondary_themes: list[Reference]
    flagships: list[Reference]
    partners: list[Partner]
    is_citywide: bool
    neighbourhoods: list[AreaReference]
    location: Location | None
    start_date: date | None
    end_date: date | None
    website: str
    image: str | None
    image_alt: str
    results: list[ResultOut]
    links: list[LinkOut]
    created_at: datetime
    updated_at: datetime
    url: str
    api_url: str


class ProjectChange(Schema):
    """The fields an editor may change; a field left out stays as it is."""

    title: str | None = Field(None, max_length=200)
    summary: str | None = None
    description: str | None = None
    status: str | None = Field(None, description="idee, lopend or afgerond.")
    start_date: date | None = None
    end_date: date | None = None
    website: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    is_citywide: bool | None = None
    theme: str | None = Field(None, description="The primary theme's slug.")
    secondary_themes: list[str] | None = Field(None, description="Theme slugs.")
    flagships: list[str] | None = Field(None, description="Flagship slugs.")
    neighbourhoods: list[str] | None = Field(None, description="Neighbourhood codes (BU…).")


class ThemeOut(Schema):
    slug: str
    name: str
    summary: str
    description: str
    ambition: str
    target_year: int | None
    colour: str
    project_count: int = Field(description="Published projects with this primary theme.")
    secondary_project_count: int
    url: str
    api_url: str
    projects_url: str = Field(description="Its projects in this API.")


class ThemeList(Schema):
    results: list[ThemeOut]


class FlagshipOut(Schema):
    slug: str
    name: str
    summary: str
    description: str
    website: str
    project_count: int
    url: str
    api_url: str
    projects_url: str


class FlagshipList(Schema):
    results: list[FlagshipOut]


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: str
    description: str
    website: str
    is_core_partner: bool
    project_count: int
    url: str
    api_url: str
    projects_url: str


class OrganisationPage(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    links: PageLinks
    results: list[OrganisationOut]


class NeighbourhoodOut(Schema):
    code: str
    name: str
    district: AreaReference
    centre: Location | None
    project_count: int = Field(description="Published projects in this neighbourhood.")
    url: str
    api_url: str
    projects_url: str


class NeighbourhoodDetail(NeighbourhoodOut):
    geometry: dict | None = Field(None, description="Its shape as GeoJSON (WGS84).")


class NeighbourhoodList(Schema):
    results: list[NeighbourhoodOut]


class DistrictOut(Schema):
    code: str
    name: str
    centre: Location | None
    neighbourhoods: list[AreaReference]
    url: str
    api_url: str
    projects_url: str


class DistrictDetail(DistrictOut):
    geometry: dict | None = None


class DistrictList(Schema):
    results: list[DistrictOut]


class QuestionOut(Schema):
    """An answered Kenniswinkel question: its public text only, never who asked it."""

    id: int
    title: str
    summary: str
    answer_summary: str
    answer_url: str
    status: str
    theme: Reference | None
    neighbourhood: AreaReference
    level: str
    asked_on: date
    project: Reference | None
    url: str
    api_url: str


class QuestionPage(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    links: PageLinks
    results: list[QuestionOut]
