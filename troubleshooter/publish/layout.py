"""A small layered (Sugiyama-style) layout of a directed acyclic graph, left to right
(or, transposed, top to bottom).

1. Each node's rank is its longest path from a root.
2. Every edge gets a label box in the column after its source, and a dummy point
   in each further column it crosses, so that edges, labels and boxes never share
   a place: they are all nodes of the layered graph. Two nodes may have several
   edges (one per label), each laid out on its own.
3. The order within each column comes from barycenter sweeps, keeping the order
   with the fewest crossings.
4. Vertical positions: each box moves towards the mean of its neighbours, then
   the column is spread to keep its order and gaps (an isotonic regression, so
   the boxes move as little as possible).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Size = tuple[float, float]
Point = tuple[float, float]

MARGIN = 16.0
GAP_X = 36.0  # between columns: room for the curves
GAP_Y = 14.0  # between boxes of a column
DUMMY = 4.0  # height of the slot an edge takes in a column it crosses
SWEEPS = 12


@dataclass(frozen=True)
class Box:
    x: float  # left
    y: float  # top
    w: float
    h: float

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def transposed(self) -> Box:
        return Box(self.y, self.x, self.h, self.w)


@dataclass(frozen=True)
class Route:
    """An edge: ``points`` alternate curve and straight segments, a curve first and last."""

    points: tuple[Point, ...]
    label: Box


# An edge: its source, any labels that tell it apart from its siblings, its target.
EdgeKey = tuple[str, ...]


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    nodes: dict[str, Box]
    edges: dict[EdgeKey, Route]

    def transposed(self) -> Layout:
        """The same layout with x and y swapped: left to right becomes top to bottom."""
        return Layout(
            self.height,
            self.width,
            {n: b.transposed() for n, b in self.nodes.items()},
            {
                e: Route(tuple((y, x) for x, y in r.points), r.label.transposed())
                for e, r in self.edges.items()
            },
        )


def _ranks(nodes: Sequence[str], edges: Sequence[tuple[str, str]]) -> dict[str, int]:
    """Longest path from a root, by a topological order (the graph must be acyclic)."""
    preds: dict[str, list[str]] = {n: [] for n in nodes}
    indegree = dict.fromkeys(nodes, 0)
    for u, v in edges:
        preds[v].append(u)
        indegree[v] += 1
    succs: dict[str, list[str]] = {n: [] for n in nodes}
    for u, v in edges:
        succs[u].append(v)
    ready = [n for n in nodes if indegree[n] == 0]
    rank: dict[str, int] = {}
    while ready:
        node = ready.pop(0)
        rank[node] = max((rank[p] + 1 for p in preds[node]), default=0)
        for s in succs[node]:
            indegree[s] -= 1
            if indegree[s] == 0:
                ready.append(s)
    if len(rank) != len(nodes):
        raise ValueError("the graph has a cycle")
    return rank


def _crossings(upper: list[str], lower: list[str], succs: dict[str, list[str]]) -> int:
    where = {n: i for i, n in enumerate(lower)}
    pairs = [(i, where[s]) for i, n in enumerate(upper) for s in succs[n] if s in where]
    return sum(1 for a, b in pairs for c, d in pairs if a < c and b > d)


def _order(
    layers: list[list[str]], preds: dict[str, list[str]], succs: dict[str, list[str]]
) -> None:
    """Barycenter sweeps down and up; ``layers`` ends in the best order found."""

    def total() -> int:
        return sum(_crossings(a, b, succs) for a, b in zip(layers, layers[1:], strict=False))

    def sweep(i: int, ref: list[str], neighbours: dict[str, list[str]]) -> None:
        where = {n: k for k, n in enumerate(ref)}
        current = {n: k for k, n in enumerate(layers[i])}

        def barycenter(n: str) -> float:
            near = [where[m] for m in neighbours[n] if m in where]
            return sum(near) / len(near) if near else current[n] * len(ref) / len(layers[i])

        layers[i] = sorted(layers[i], key=lambda n: (barycenter(n), current[n]))

    best, best_count = [list(layer) for layer in layers], total()
    for n in range(SWEEPS):
        if n % 2 == 0:
            for i in range(1, len(layers)):
                sweep(i, layers[i - 1], preds)
        else:
            for i in range(len(layers) - 2, -1, -1):
                sweep(i, layers[i + 1], succs)
        if (count := total()) < best_count:
            best, best_count = [list(layer) for layer in layers], count
    layers[:] = best


def _spread(order: list[str], desired: dict[str, float], height: dict[str, float]) -> None:
    """Centres as near ``desired`` as the order and gaps allow (pool adjacent violators)."""
    offsets, total = [], 0.0
    for i, n in enumerate(order):
        if i:
            gap = GAP_Y if height[n] > DUMMY and height[order[i - 1]] > DUMMY else GAP_Y / 2
            total += (height[order[i - 1]] + height[n]) / 2 + gap
        offsets.append(total)
    blocks: list[list[float]] = []  # [sum, count]
    for n, offset in zip(order, offsets, strict=True):
        blocks.append([desired[n] - offset, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    fitted = [s / c for s, c in blocks for _ in range(int(c))]
    for n, base, offset in zip(order, fitted, offsets, strict=True):
        desired[n] = base + offset


def layered(sizes: dict[str, Size], edges: dict[EdgeKey, Size], *, sweeps: int = 4) -> Layout:
    """Lay out ``sizes`` (boxes by node id, in a preferred order) and labelled ``edges``.

    A label of width 0 takes no room: the edge passes its column like any other.
    """
    nodes = list(sizes)
    rank = _ranks(nodes, [(e[0], e[-1]) for e in edges])
    size = dict(sizes)
    layer_of = {n: 2 * rank[n] for n in nodes}
    preds: dict[str, list[str]] = {n: [] for n in nodes}
    succs: dict[str, list[str]] = {n: [] for n in nodes}
    chains: dict[EdgeKey, list[str]] = {}
    for key, label_size in edges.items():
        u, v, name = key[0], key[-1], " ".join(key)
        chain = [f"\0label {name}"]
        size[chain[0]] = label_size
        layer_of[chain[0]] = layer_of[u] + 1
        for layer in range(layer_of[u] + 2, layer_of[v]):
            chain.append(f"\0dummy {name} {layer}")
            size[chain[-1]] = (0.0, DUMMY)
            layer_of[chain[-1]] = layer
        chains[key] = chain
        for a, b in zip([u, *chain], [*chain, v], strict=True):
            preds.setdefault(b, []).append(a)
            succs.setdefault(a, []).append(b)
            preds.setdefault(a, [])
            succs.setdefault(b, [])
    layers: list[list[str]] = [[] for _ in range(max(layer_of.values()) + 1)]
    seen: set[str] = set()

    def visit(n: str) -> None:  # depth first, so a subtree starts out together
        if n not in seen:
            seen.add(n)
            layers[layer_of[n]].append(n)
            for s in succs[n]:
                visit(s)

    for n in nodes:
        if not preds[n]:
            visit(n)
    _order(layers, preds, succs)
    height = {n: size[n][1] for n in size}
    y: dict[str, float] = {}
    for column in layers:  # first stacked, centred on 0
        y |= dict.fromkeys(column, 0.0)
        _spread(column, y, height)
    both = {n: preds[n] + succs[n] for n in preds}
    for step in range(sweeps * 3):  # towards predecessors, successors, then both
        down = step % 3 == 0
        indices = range(1, len(layers)) if down else range(len(layers) - 2, -1, -1)
        near = (preds, succs, both)[step % 3]
        for i in indices:
            for m in layers[i]:
                if near[m]:
                    y[m] = sum(y[k] for k in near[m]) / len(near[m])
            _spread(layers[i], y, height)
    top = min(y[n] - height[n] / 2 for n in y)
    lefts, x = [], MARGIN
    widths = [max((size[n][0] for n in layer), default=0.0) for layer in layers]
    for w in widths:
        lefts.append(x)
        x += w + GAP_X
    boxes = {}
    for n, (w, h) in size.items():
        i = layer_of[n]
        boxes[n] = Box(lefts[i] + (widths[i] - w) / 2, y[n] - h / 2 - top + MARGIN, w, h)
    routes = {}
    for key, chain in chains.items():
        u, v = key[0], key[-1]
        points: list[Point] = [(boxes[u].x + boxes[u].w, boxes[u].cy)]
        for m in chain:
            i = layer_of[m]
            box = boxes[m]
            left, right = (box.x, box.x + box.w) if box.w else (lefts[i], lefts[i] + widths[i])
            points += [(left, box.cy), (right, box.cy)]
        points.append((boxes[v].x, boxes[v].cy))
        routes[key] = Route(tuple(points), boxes[chain[0]])
    height_total = max(b.y + b.h for b in boxes.values()) + MARGIN
    return Layout(x - GAP_X + MARGIN, height_total, {n: boxes[n] for n in nodes}, routes)
