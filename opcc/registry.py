"""Registries the domain apps fill from their AppConfig.ready().

`opcc` imports no domain app: the dashboard, the navigation, the transparency hub,
the reports, search, documents and demo data walk these lists instead.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

ANONYMOUS = "anonymous"  # a pseudo-role for navigation: shown to people who are not signed in


@dataclass(frozen=True)
class NavigationItem:
    label: str
    url_name: str
    roles: frozenset[str]
    order: int = 100


@dataclass(frozen=True)
class DashboardPanel:
    """A "My work" section, in two steps so that the whole page takes one query for its rows
    (opcc.dashboard): `rows(user)` says what the panel needs, as {part: opcc.dashboard.Rows},
    or None to hide it (a check of the role or a permission, no query of its own);
    `context(user, fetched)` turns what came back ({part: opcc.dashboard.Fetched}) into the
    template context, or None to hide the panel."""

    key: str
    title: str
    template_name: str
    rows: Callable[[Any], dict | None]
    context: Callable[[Any, dict], dict | None]
    order: int = 100

    def build(self, user) -> dict | None:
        """This panel alone, for ``user``: its context, or None when it is hidden."""
        from opcc.dashboard import build_panels

        built = build_panels([self], user)
        return built[0][1] if built else None


@dataclass(frozen=True)
class DashboardBanner:
    """An important notice at the top of "My work": `notices(user)` gives the notices to show
    (each a DashboardNotice), or an empty list."""

    key: str
    notices: Callable[[Any], list]
    order: int = 100


@dataclass(frozen=True)
class DashboardNotice:
    heading: str
    text: str
    link_text: str = ""
    url: str = ""


@dataclass(frozen=True)
class TransparencySource:
    """The live page that publishes one category of the Specified Information Order."""

    category: str
    url_name: str
    # Where the category's changes are recorded: opcc.transparency.Latest items (or fixed
    # dates). The hub reads every source's in one query; the latest of them is "last updated".
    changes: Callable[[], list]

    def last_updated(self) -> date | None:
        from opcc.transparency import last_days

        return last_days({self.category: self.changes()}).get(self.category)


@dataclass(frozen=True)
class ReportSection:
    """A section of the quarterly panel report or the annual report."""

    key: str
    title: str
    template_name: str
    build: Callable[[date, date], dict]
    order: int = 100


@dataclass(frozen=True)
class SearchSource:
    """One kind of record search finds: ``search(user, query, date_from, date_to)`` returns
    opcc.search.Hit rows among the records ``user`` may see (the best matches first)."""

    key: str
    label: str
    search: Callable[[Any, str, date | None, date | None], list]
    order: int = 100


@dataclass(frozen=True)
class DocumentKind:
    """A kind of generated PDF: its template, how to build its context from the document, and
    who besides the person who asked may read it (by default: office roles who may see what
    it is of)."""

    key: str
    template_name: str
    build_context: Callable[[Any], dict]
    may_view: Callable[[Any, Any], bool] | None = None


@dataclass(frozen=True)
class Dataset:
    """A public list offered as open data: its page, its CSV and JSON exports (URL names), and
    each field with what it means, as the open data page documents them."""

    key: str
    title: str
    description: str
    page: str
    csv: str
    json: str
    fields: tuple[tuple[str, str], ...]
    order: int = 100


@dataclass(frozen=True)
class AlertItem:
    key: str  # unique across the portal, e.g. "decision:2026/017"
    title: str
    url: str  # the public page, as a path
    published_at: Any


@dataclass(frozen=True)
class AlertSource:
    """A kind of publication the public may subscribe to: ``published_since(moment)`` returns
    the AlertItems published after ``moment``, oldest first."""

    key: str
    label: str
    published_since: Callable[[Any], list]
    order: int = 100


@dataclass(frozen=True)
class Seeder:
    """Demo data: `seed(scale, log)` must be idempotent; scale is 0 for the ordinary demo."""

    key: str
    seed: Callable[[int, Callable[[str], None]], None]
    order: int = 100


@dataclass
class Registry:
    """An ordered set of entries keyed by name; registering a key twice replaces the entry."""

    entries: dict[str, Any] = field(default_factory=dict)

    def register(self, key: str, entry: Any) -> Any:
        self.entries[key] = entry
        return entry

    def unregister(self, key: str) -> None:
        self.entries.pop(key, None)

    def get(self, key: str) -> Any:
        return self.entries.get(key)

    def all(self) -> list[Any]:
        return sorted(self.entries.values(), key=lambda entry: getattr(entry, "order", 100))


navigation = Registry()
dashboard_panels = Registry()
dashboard_banners = Registry()
transparency_sources = Registry()
report_sections = Registry()
search_sources = Registry()
datasets = Registry()
alert_sources = Registry()
document_kinds = Registry()
seeders = Registry()
