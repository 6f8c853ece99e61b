"""What the pipeline passes from stage to stage: plain, immutable records.

Extraction yields mentions and facts that point at mentions; resolution turns
mentions into entities; population turns entities and facts into RDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_KINDS = (
    "Person", "Country", "Region", "Organization", "Company", "University",
    "ThinkTank", "GovernmentBody", "InternationalOrganization",
)
ORGANIZATION_KINDS = frozenset(
    {"Organization", "Company", "University", "ThinkTank", "GovernmentBody", "InternationalOrganization"}
)
PLACE_KINDS = frozenset({"Country", "Region"})


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int  # character offsets in the document text
    end: int


@dataclass(frozen=True)
class Mention:
    """A stretch of text naming an entity.  `key` is set when a gazetteer already knows
    the entity (country:KAZ, io:group-of-seven); `via` says how the text named it."""

    text: str
    kind: str
    sentence: int
    start: int
    end: int
    key: str | None = None
    via: str = "name"  # name | adjective | acronym | capital


@dataclass(frozen=True)
class Fact:
    """A relation read from one sentence; `roles` name the mentions taking part."""

    kind: str  # Position | Membership | TradeFlow | InvestmentFlow | MarketActivity | Cooperation | HomeCountry
    sentence: int
    roles: tuple[tuple[str, Mention], ...]
    values: tuple[tuple[str, object], ...] = ()
    confidence: float = 0.8

    def role(self, name: str) -> Mention | None:
        return next((m for r, m in self.roles if r == name), None)

    def roles_named(self, name: str) -> list[Mention]:
        return [m for r, m in self.roles if r == name]

    def value(self, name: str, default: object = None) -> object:
        return next((v for k, v in self.values if k == name), default)

    def with_value(self, name: str, value: object) -> Fact:
        """The same fact with one value set (None removes it)."""
        values = tuple((k, v) for k, v in self.values if k != name) + (((name, value),) if value is not None else ())
        return Fact(self.kind, self.sentence, self.roles, values, self.confidence)


@dataclass
class Extraction:
    """Everything read from one document."""

    sentences: list[Sentence]
    mentions: list[Mention]
    facts: list[Fact]


@dataclass
class Entity:
    """One real-world thing, after resolution; the key becomes its IRI."""

    key: str
    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)
