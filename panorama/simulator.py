"""The regional simulator: pure computation, no database.

A scenario is what the SGPE simulator keeps in its URL, with the same keys so
that a link opens the same scenario in either tool:

- ``c-<lever id>``: ktCO₂e already done or planned (default 0);
- ``t-<lever id>``: ktCO₂e still to achieve by 2030 on top of it (default: the
  SGPE effort minus what is done, never below 0).

A lever's ambition is ``c + t``. Its physical translation is
``phys = start2019 + kt × ratio``, clamped to what is physically possible: the
ambition is never negative and a stock (``relative`` lever) never falls below
zero, so a lever whose stock must fall has at most ``start2019 / |ratio|`` kt.

The simulator form also sends ``p-<lever id>`` (the ambition typed in physical
units) and ``prev`` (the query of the page the form was shown on), so that the
server knows which of the two inputs of a lever the user changed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from django.utils.translation import gettext as _

from core.params import BadParameter, parse_decimal

TARGET_PREFIX = "t-"
DONE_PREFIX = "c-"
PHYS_PREFIX = "p-"
PREVIOUS_KEY = "prev"

# Precision of the values written in URLs (the SGPE writes 4 decimals).
QUERY_DECIMALS = 4
# Precision of the physical value shown in the form's input, used to tell
# whether the user changed it.
PHYS_INPUT_DECIMALS = 3
# Bounds of what a scenario may ask: 1 GtCO₂e per lever is more than France emits in
# two years, and keeps every sum finite (1e308 made them overflow).
MAX_KT = 1_000_000.0
MAX_PHYS = 1e12


@dataclass(frozen=True)
class LeverSpec:
    """What the simulator needs to know of one lever in one region."""

    slug: str
    name: str
    sector: str
    effort_kt: float
    start_2019: float = 0.0
    ratio: float = 0.0
    relative: bool = False
    has_translation: bool = True
    editable: bool = True

    @property
    def translated(self) -> bool:
        return self.has_translation and self.ratio != 0

    @property
    def max_kt(self) -> float | None:
        """The largest ambition that keeps the physical quantity possible (None: no bound)."""
        if self.translated and self.relative and self.ratio < 0:
            return max(self.start_2019, 0.0) / -self.ratio
        return None

    def phys(self, kt: float) -> float:
        return self.start_2019 + kt * self.ratio

    def kt_from_phys(self, phys: float) -> float:
        return (phys - self.start_2019) / self.ratio

    def clamp(self, kt: float) -> float:
        kt = max(kt, 0.0)
        bound = self.max_kt
        return kt if bound is None else min(kt, bound)


@dataclass(frozen=True)
class InputError:
    """A value of the query that could not be used; the previous value was kept."""

    slug: str
    key: str
    message: str


@dataclass
class ScenarioInput:
    """The explicit values of a scenario: targets (t) and amounts done (c), in ktCO₂e."""

    targets: dict[str, float] = field(default_factory=dict)
    done: dict[str, float] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    unknown_keys: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LeverResult:
    spec: LeverSpec
    done_kt: float
    target_kt: float
    explicit_target: bool
    clamped: bool

    @property
    def total_kt(self) -> float:
        return self.done_kt + self.target_kt

    @property
    def delta_kt(self) -> float:
        return self.total_kt - self.spec.effort_kt

    @property
    def phys_2030(self) -> float | None:
        return self.spec.phys(self.total_kt) if self.spec.translated else None

    @property
    def phys_effort_2030(self) -> float | None:
        return self.spec.phys(self.spec.effort_kt) if self.spec.translated else None

    @property
    def phys_input(self) -> str:
        """The physical ambition as the form's number input shows it."""
        value = self.phys_2030
        return "" if value is None else format_number(value, PHYS_INPUT_DECIMALS)

    @property
    def target_input(self) -> str:
        return format_number(self.target_kt, QUERY_DECIMALS)

    @property
    def done_input(self) -> str:
        return format_number(self.done_kt, QUERY_DECIMALS) if self.done_kt else ""


@dataclass(frozen=True)
class Totals:
    effort_kt: float
    done_kt: float
    total_kt: float

    @property
    def ratio(self) -> float:
        """The scenario's ambition as a fraction of the SGPE effort."""
        return self.total_kt / self.effort_kt if self.effort_kt else 0.0

    @property
    def percent(self) -> float:
        return self.ratio * 100

    @property
    def gap_kt(self) -> float:
        """What is missing to reach the SGPE effort (negative: the effort is exceeded)."""
        return self.effort_kt - self.total_kt


@dataclass(frozen=True)
class SectorResult:
    name: str
    levers: list[LeverResult]
    totals: Totals


@dataclass(frozen=True)
class Simulation:
    levers: list[LeverResult]
    sectors: list[SectorResult]
    totals: Totals
    query: str
    errors: list[InputError] = field(default_factory=list)

    def lever(self, slug: str) -> LeverResult:
        return next(result for result in self.levers if result.spec.slug == slug)


def format_number(value: float, decimals: int) -> str:
    """A machine-readable number with at most ``decimals`` decimals ("600", "229.816")."""
    text = f"{round(value, decimals):.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def parse_number(raw: str, *, max_value: float = MAX_KT, min_value: float = 0.0) -> float:
    """A number typed by a person ("600", "600,5", "1 204.5"), within the simulator's bounds;
    ``BadParameter`` with the French reason otherwise."""
    return parse_decimal(raw, min_value=min_value, max_value=max_value)


def _items(
    params: Mapping[str, str] | Iterable[tuple[str, str]] | str,
) -> list[tuple[str, str]]:
    if isinstance(params, str):
        return parse_qsl(params, keep_blank_values=True)
    if hasattr(params, "lists"):  # a QueryDict: keep the last value of each key
        return [(key, values[-1]) for key, values in params.lists() if values]
    if isinstance(params, Mapping):
        return list(params.items())
    return list(params)


def parse_query(
    params: Mapping[str, str] | Iterable[tuple[str, str]] | str, specs: Iterable[LeverSpec]
) -> ScenarioInput:
    """The t-/c- values of a query; bad values are reported, not used."""
    by_slug = {spec.slug: spec for spec in specs}
    scenario = ScenarioInput()
    for key, raw in _items(params):
        for prefix, values in ((TARGET_PREFIX, scenario.targets), (DONE_PREFIX, scenario.done)):
            if not key.startswith(prefix):
                continue
            slug = key[len(prefix) :]
            spec = by_slug.get(slug)
            if spec is None:
                scenario.unknown_keys.append(key)
            elif spec.editable and raw.strip():
                try:
                    values[slug] = parse_number(raw)
                except BadParameter as error:
                    scenario.errors.append(InputError(slug, key, error.message))
    return scenario


def read_form(
    params: Mapping[str, str] | Iterable[tuple[str, str]], specs: Iterable[LeverSpec]
) -> ScenarioInput:
    """The scenario a submitted simulator form asks for.

    The form shows, for each lever, what is done (c), the target still to reach
    (t, kt) and the resulting ambition in physical units (p). Both t and p are
    submitted; the one that differs from the page it was typed on (``prev``)
    is the one the user changed. Without ``prev`` (a hand-written link), a
    physical value wins over a target in kt.
    """
    specs = list(specs)
    items = dict(_items(params))
    previous = parse_query(items.get(PREVIOUS_KEY, ""), specs)
    previous_simulation = simulate(specs, previous)
    scenario = ScenarioInput(unknown_keys=[])
    for spec in specs:
        if not spec.editable:
            continue
        before = previous_simulation.lever(spec.slug)
        done = previous.done.get(spec.slug, 0.0)
        c_key, t_key, p_key = (
            prefix + spec.slug for prefix in (DONE_PREFIX, TARGET_PREFIX, PHYS_PREFIX)
        )
        if c_key in items:
            value = _read_value(items[c_key], spec, c_key, scenario, blank=0.0)
            if value is not None:
                done = value
        if done:
            scenario.done[spec.slug] = done

        target = previous.targets.get(spec.slug)
        typed_phys = items.get(p_key, "").strip()
        typed_target = items.get(t_key, "").strip()
        if spec.translated and typed_phys and typed_phys != before.phys_input:
            try:
                phys = parse_number(typed_phys, max_value=MAX_PHYS, min_value=-MAX_PHYS)
                target = spec.kt_from_phys(phys) - done
                if not -MAX_KT <= target <= MAX_KT:
                    raise BadParameter(_("Cette valeur est hors de portée du simulateur."))
            except BadParameter as error:
                scenario.errors.append(InputError(spec.slug, p_key, error.message))
        elif typed_target and typed_target != before.target_input:
            value = _read_value(typed_target, spec, t_key, scenario, blank=None)
            if value is not None:
                target = value
        if target is not None:
            scenario.targets[spec.slug] = target
    return scenario


def _read_value(
    raw: str, spec: LeverSpec, key: str, scenario: ScenarioInput, *, blank: float | None
) -> float | None:
    if not raw.strip():
        return blank
    try:
        return parse_number(raw)
    except BadParameter as error:
        scenario.errors.append(InputError(spec.slug, key, error.message))
        return None


def simulate(specs: Iterable[LeverSpec], scenario: ScenarioInput | None = None) -> Simulation:
    """Every lever's ambition, the totals per sector and for the region, the canonical query."""
    scenario = scenario or ScenarioInput()
    results: list[LeverResult] = []
    for spec in specs:
        if not spec.editable:
            results.append(LeverResult(spec, 0.0, spec.effort_kt, False, False))
            continue
        asked_done = scenario.done.get(spec.slug, 0.0)
        done = spec.clamp(asked_done)
        explicit = spec.slug in scenario.targets
        asked_target = scenario.targets[spec.slug] if explicit else max(spec.effort_kt - done, 0.0)
        target = max(spec.clamp(done + asked_target) - done, 0.0)
        clamped = not (
            math.isclose(done, asked_done, abs_tol=1e-9)
            and math.isclose(target, asked_target, abs_tol=1e-9)
        )
        results.append(LeverResult(spec, done, target, explicit, clamped))

    sectors: dict[str, list[LeverResult]] = {}
    for result in results:
        sectors.setdefault(result.spec.sector, []).append(result)
    return Simulation(
        levers=results,
        sectors=[SectorResult(name, levers, _totals(levers)) for name, levers in sectors.items()],
        totals=_totals(results),
        query=canonical_query(results),
        errors=list(scenario.errors),
    )


def _totals(results: list[LeverResult]) -> Totals:
    return Totals(
        effort_kt=sum(result.spec.effort_kt for result in results),
        done_kt=sum(result.done_kt for result in results),
        total_kt=sum(result.total_kt for result in results),
    )


def canonical_query(results: Iterable[LeverResult]) -> str:
    """The scenario's query as the SGPE simulator writes it: only what differs from the default."""
    pairs = []
    for result in results:
        if not result.spec.editable:
            continue
        default_target = max(result.spec.effort_kt - result.done_kt, 0.0)
        if result.explicit_target and round(result.target_kt) != round(default_target):
            pairs.append(
                (TARGET_PREFIX + result.spec.slug, format_number(result.target_kt, QUERY_DECIMALS))
            )
        if result.done_kt:
            pairs.append(
                (DONE_PREFIX + result.spec.slug, format_number(result.done_kt, QUERY_DECIMALS))
            )
    return urlencode(pairs)


def is_canonical_request(params: Mapping[str, str] | Iterable[tuple[str, str]]) -> bool:
    """Whether a query holds only scenario keys (a link), not a submitted form."""
    return all(key.startswith((TARGET_PREFIX, DONE_PREFIX)) for key, _value in _items(params))
