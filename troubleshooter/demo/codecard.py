"""Simulated Security Code Card: a printed grid; the login asks for two or three cells."""

from __future__ import annotations

import hmac
import itertools
import re
import secrets
import unicodedata
from collections import deque
from dataclasses import dataclass

from ..verification import Reason, VerificationError
from ..verification.inputs import cap, check_key, check_time, is_digits
from ..verification.result import accept, reject
from .keys import DEFAULT_SEED, demo_key
from .reasons import DemoVerdict, DeviceReason

__all__ = ["CELL_DIGITS", "COLUMNS", "ROWS", "CardChallenge", "SecurityCodeCard", "demo_code_card"]

ROWS = "ABCDEFGHIJ"
COLUMNS = 10
CELL_DIGITS = 3
_POSITION = re.compile(r"([A-J])(10|[1-9])")
_SEPARATORS = re.compile(r"[\s,;/|-]+")


@dataclass(frozen=True, slots=True)
class CardChallenge:
    """Positions the login screen asks for (e.g. ``("B3", "F7")``) and their validity."""

    positions: tuple[str, ...]
    issued_at: float
    expires_at: float


@dataclass(slots=True)
class _Entry:
    challenge: CardChallenge
    answered: bool = False


def swap_axes(position: str) -> str:
    """The cell with row and column exchanged: ``"B3"`` → ``"C2"``."""
    row, col = ROWS.index(position[0]), int(position[1:])
    return f"{ROWS[col - 1]}{row + 1}"


class SecurityCodeCard:
    """A 10×10 grid (rows A–J, columns 1–10) of 3-digit codes, plus its login screen.

    The login screen asks for ``asked`` (2 or 3) cells; the user types their codes
    in order, separated by spaces/commas or run together.
    """

    def __init__(self, key: bytes, *, asked: int = 2, ttl: float = 300.0, memory: int = 5) -> None:
        if asked not in (2, 3):
            raise VerificationError("asked must be 2 or 3")
        if not isinstance(ttl, int | float) or not 0 < ttl < float("inf"):
            raise VerificationError("ttl must be a positive finite number of seconds")
        if type(memory) is not int or not 1 <= memory <= 100:
            raise VerificationError("memory must be an int in 1-100")
        self._key = check_key(key)
        self._asked = asked
        self._ttl = float(ttl)
        self._cells = {
            f"{r}{c}": self._derive(f"{r}{c}") for r in ROWS for c in range(1, COLUMNS + 1)
        }
        self._entries: deque[_Entry] = deque(maxlen=memory)

    def _derive(self, position: str) -> str:
        mac = hmac.digest(self._key, b"cell:" + position.encode(), "sha256")
        return str(int.from_bytes(mac[:4], "big") % 10**CELL_DIGITS).zfill(CELL_DIGITS)

    def cell(self, position: str) -> str:
        """The code printed at ``position`` (e.g. ``"B3"``, case-insensitive)."""
        match = _POSITION.fullmatch(cap(position, "position").strip().upper())
        if match is None:
            raise VerificationError(f"position must be A1-J10, got {position!r}")
        return self._cells[match.group(0)]

    def render(self) -> str:
        """The printed card as fixed-width text (header row of columns, one line per row)."""
        header = "DEMO" + "".join(f"{c:>5}" for c in range(1, COLUMNS + 1))
        lines = [header]
        for r in ROWS:
            codes = "".join(f"{self._cells[f'{r}{c}']:>5}" for c in range(1, COLUMNS + 1))
            lines.append(f"{r:>4}{codes}")
        return "\n".join(lines)

    @property
    def current_challenge(self) -> CardChallenge | None:
        """The login screen's newest request."""
        return self._entries[-1].challenge if self._entries else None

    def issue_challenge(
        self, at: float, positions: tuple[str, ...] | None = None
    ) -> tuple[str, ...]:
        """Ask for cells at ``at``: ``positions`` if given, else a random choice."""
        at = check_time(at)
        if positions is None:
            positions = tuple(secrets.SystemRandom().sample(list(self._cells), self._asked))
        else:
            if not isinstance(positions, tuple) or not all(isinstance(p, str) for p in positions):
                raise VerificationError("positions must be a tuple of str")
            positions = tuple(p.strip().upper() for p in positions)
            if len(set(positions)) != self._asked or not all(p in self._cells for p in positions):
                raise VerificationError(f"positions must be {self._asked} distinct cells A1-J10")
        self._entries.append(_Entry(CardChallenge(positions, at, at + self._ttl)))
        return positions

    def _split(self, answer: str) -> list[str]:
        text = unicodedata.normalize("NFKC", answer)
        chunks = [c for c in _SEPARATORS.split(text) if c]
        total = self._asked * CELL_DIGITS
        if len(chunks) == 1 and len(chunks[0]) == total:
            return [chunks[0][i : i + CELL_DIGITS] for i in range(0, total, CELL_DIGITS)]
        return chunks

    def _matches(self, codes: list[str], positions: tuple[str, ...]) -> list[bool]:
        return [
            len(code) == CELL_DIGITS and hmac.compare_digest(code, self._cells[pos])
            for code, pos in zip(codes, positions, strict=True)
        ]

    def verify(self, answer: str, *, at: float) -> DemoVerdict:
        """Explain the typed codes for the newest request.

        Reasons: NOT_DIGITS, WRONG_LENGTH (params expected/got: total digits, or
        per cell with ``position``), ACCEPTED, REPLAYED, EXPIRED, TRANSPOSED_CELL
        (``kind`` "order", or "axes" with ``asked``/``typed`` positions),
        STALE_CHALLENGE, LEADING_ZERO_DROPPED (with ``position``), WRONG_CODE
        (``mismatched``: positions whose code was wrong).
        """
        chunks = self._split(cap(answer, "answer"))
        at = check_time(at)
        if not self._entries:
            raise VerificationError("no challenge issued yet")
        total = self._asked * CELL_DIGITS
        if not all(is_digits(c) for c in chunks):
            return reject(Reason.NOT_DIGITS, expected=total)
        if len(chunks) != self._asked:
            return reject(Reason.WRONG_LENGTH, expected=total, got=sum(map(len, chunks)))
        current = self._entries[-1]
        positions = current.challenge.positions
        ok = self._matches(chunks, positions)
        late = at > current.challenge.expires_at
        if all(ok):
            if current.answered:
                return reject(Reason.REPLAYED)
            if not late:
                current.answered = True
                return accept()
        if late:
            expires_at = current.challenge.expires_at
            return reject(DeviceReason.EXPIRED, expired_at=expires_at, late_by=at - expires_at)
        return self._diagnose(chunks, positions, ok)

    def _diagnose(
        self, codes: list[str], positions: tuple[str, ...], ok: list[bool]
    ) -> DemoVerdict:
        for perm in itertools.permutations(positions):
            if perm != positions and all(self._matches(codes, perm)):
                return reject(DeviceReason.TRANSPOSED_CELL, kind="order")
        for ago, entry in enumerate(list(self._entries)[-2::-1], start=1):
            if all(self._matches(codes, entry.challenge.positions)):
                return reject(DeviceReason.STALE_CHALLENGE, challenges_ago=ago)
        for code, pos, good in zip(codes, positions, ok, strict=True):
            swapped = swap_axes(pos)
            if (
                not good
                and len(code) == CELL_DIGITS
                and swapped != pos
                and hmac.compare_digest(code, self._cells[swapped])
            ):
                return reject(DeviceReason.TRANSPOSED_CELL, kind="axes", asked=pos, typed=swapped)
        for code, pos in zip(codes, positions, strict=True):
            if len(code) < CELL_DIGITS and hmac.compare_digest(
                code.zfill(CELL_DIGITS), self._cells[pos]
            ):
                return reject(
                    Reason.LEADING_ZERO_DROPPED,
                    expected=CELL_DIGITS,
                    got=len(code),
                    dropped=CELL_DIGITS - len(code),
                    position=pos,
                )
        for code, pos in zip(codes, positions, strict=True):
            if len(code) != CELL_DIGITS:
                return reject(
                    Reason.WRONG_LENGTH, expected=CELL_DIGITS, got=len(code), position=pos
                )
        mismatched = tuple(p for p, good in zip(positions, ok, strict=True) if not good)
        return reject(Reason.WRONG_CODE, mismatched=mismatched)


def demo_code_card(seed: str = DEFAULT_SEED, *, asked: int = 2) -> SecurityCodeCard:
    """A Security Code Card keyed with ``demo_key(seed, "code-card")``."""
    return SecurityCodeCard(demo_key(seed, "code-card"), asked=asked)
