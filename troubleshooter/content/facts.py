"""Every number and product fact, loaded from ``content/facts.yml``.

A number lives here and nowhere else: articles, tables, the tree and the agent
pages refer to facts by name, and each locale formats them with Babel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problems
from .source import SLUG, Msg, Node, load_yaml

UNLIMITED = None
# Facts the code itself reads by name (the DSC+ rule and the balance question).
REQUIRED_MONEY = ("dsc_plus_threshold",)


@dataclass(frozen=True)
class Limits:
    """Withdrawal limits in the account currency; ``None`` means unlimited."""

    per_day: int | None
    five_days: int | None


@dataclass(frozen=True)
class Device:
    """A security device: name, security level, withdrawal limits."""

    id: str
    name: Msg
    level: int
    legacy: bool
    physical: bool
    limits: Limits
    requires_balance: str | None = None  # the money fact an account must reach to get one


@dataclass(frozen=True)
class Facts:
    currency: str
    money: dict[str, int]
    numbers: dict[str, int]
    versions: dict[str, int]
    devices: tuple[Device, ...]
    fallback: dict[str, tuple[Msg, Limits]]
    temporary_devices: tuple[Msg, ...]

    def device(self, device_id: str) -> Device:
        """A device by id; option ids write ``dsc-plus`` for ``dsc_plus``."""
        key = device_id.replace("-", "_")
        return next(d for d in self.devices if d.id == key)

    def by_level(self, highest_first: bool = True) -> list[Device]:
        """Devices ordered by security level; current devices before legacy ones of a level."""
        sign = -1 if highest_first else 1
        return sorted(self.devices, key=lambda d: (sign * d.level, d.legacy))

    def amounts(self) -> set[int]:
        """Every sum of money the facts give: thresholds and limits."""
        limits = [d.limits for d in self.devices] + [lim for _, lim in self.fallback.values()]
        periods = [x for lim in limits for x in (lim.per_day, lim.five_days) if x is not None]
        return set(self.money.values()) | set(periods)

    def placeholder_names(self) -> set[str]:
        return set(self.placeholders(str, str))

    def placeholders(
        self, money: Callable[[int], str], number: Callable[[int], str]
    ) -> dict[str, str]:
        """Values for ``%(name)s`` placeholders, formatted by the given locale functions.

        Device limits are named ``limit_<device>_day`` and ``limit_<device>_5d``.
        """
        out = {k: money(v) for k, v in self.money.items()}
        out |= {k: number(v) for k, v in self.numbers.items()}
        out |= {k: str(v) for k, v in self.versions.items()}
        limits = {d.id: d.limits for d in self.devices} | {
            k: v[1] for k, v in self.fallback.items()
        }
        for key, lim in limits.items():
            if lim.per_day is not None:
                out[f"limit_{key}_day"] = money(lim.per_day)
            if lim.five_days is not None:
                out[f"limit_{key}_5d"] = money(lim.five_days)
        return out

    def messages(self) -> list[Msg]:
        """Every translatable string in the facts."""
        return (
            [d.name for d in self.devices]
            + [n for n, _ in self.fallback.values()]
            + list(self.temporary_devices)
        )


def _limits(node: Node) -> Limits:
    fields = node.mapping(("per_day", "five_days"))

    def one(key: str) -> int | None:
        n = fields.get(key)
        if n is None:
            return None
        return UNLIMITED if n.value == "unlimited" else n.int()

    return Limits(one("per_day"), one("five_days"))


def _ints(node: Node | None) -> dict[str, int]:
    return {} if node is None else {k: v.int() for k, v in node.items()}


def _money_name(node: Node | None, money: Node | None) -> str | None:
    """The name of a money fact, reported unless ``money:`` defines it."""
    if node is None:
        return None
    name = node.str()
    if money is None or not isinstance(money.value, dict) or name not in money.value:
        node._report(f"unknown money fact {name!r}", "name a fact listed under money:")
    return name


def load_facts(path: Path, problems: Problems) -> Facts | None:
    """Load and check ``facts.yml``; problems are collected, not raised."""
    root = load_yaml(path, problems)
    if root is None:
        return None
    top = root.mapping(
        ("currency", "money", "devices"),
        ("numbers", "versions", "fallback_limits", "temporary_devices"),
    )
    devices: list[Device] = []
    seen: set[str] = set()
    for node in top["devices"].seq() if "devices" in top else []:
        f = node.mapping(
            ("id", "name", "level", "limits"), ("legacy", "physical", "requires_balance")
        )
        if "id" not in f:
            continue
        device_id = f["id"].str()
        if device_id and not SLUG.match(device_id.replace("_", "-")):
            f["id"]._report(
                f"device id {device_id!r} is not a slug",
                "use lower-case letters, digits and single underscores, e.g. dsc_plus",
            )
        if device_id in seen:
            f["id"]._report(f"duplicate device id {device_id!r}", "give each device its own id")
        seen.add(device_id)
        devices.append(
            Device(
                id=device_id,
                name=f["name"].msg() if "name" in f else Msg("", node.where),
                level=f["level"].int() if "level" in f else 0,
                legacy=f["legacy"].bool() if "legacy" in f else False,
                physical=f["physical"].bool() if "physical" in f else True,
                limits=_limits(f["limits"]) if "limits" in f else Limits(None, None),
                requires_balance=_money_name(f.get("requires_balance"), top.get("money")),
            )
        )
    money = _ints(top.get("money"))
    for name in REQUIRED_MONEY:
        if "money" in top and name not in money:
            top["money"]._report(
                f"missing fact {name!r}",
                f"add '{name}: <amount>' under money: (the troubleshooter's rules use it)",
            )
    fallback = {}
    for key, node in top["fallback_limits"].items() if "fallback_limits" in top else []:
        f = node.mapping(("name", "limits"))
        if "name" in f and "limits" in f:
            fallback[key] = (f["name"].msg(), _limits(f["limits"]))
    return Facts(
        currency=top["currency"].str() if "currency" in top else "USD",
        money=money,
        numbers=_ints(top.get("numbers")),
        versions=_ints(top.get("versions")),
        devices=tuple(devices),
        fallback=fallback,
        temporary_devices=tuple(
            n.msg() for n in (top["temporary_devices"].seq() if "temporary_devices" in top else [])
        ),
    )
