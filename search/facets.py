"""The shape of a facet as every overview shows it: a query parameter, a heading, and its
options with their counts under the other filters (projects, questions, ...)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FacetOption:
    """One value of a facet with its number of results under the other filters."""

    value: str
    label: str
    count: int
    is_selected: bool = False


@dataclass
class Facet:
    """A facet of an overview: its query parameter, heading and options."""

    parameter: str
    label: str
    options: list[FacetOption]

    @property
    def has_selection(self) -> bool:
        return any(option.is_selected for option in self.options)
