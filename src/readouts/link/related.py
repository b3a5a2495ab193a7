"""Related readouts from inverted lists (topic → readouts, person → readouts), never all pairs.

Rare topics and people say more than common ones, so each shared key weighs 1/log(2 + n), where n
is how many readouts carry it; a very common key (every readout names Lavrov) is skipped.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping

from readouts.model import Readout

MAX_RELATED = 5
_COMMON = 200
"""Keys shared by more readouts than this are too common to say two readouts are related."""


def related_readouts(readouts: Mapping[str, Readout], order: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = defaultdict(list)
    for readout_id in order:
        readout = readouts[readout_id]
        for key in _keys(readout):
            index[key].append(readout_id)
    weight = {key: 1 / math.log(2 + len(ids)) for key, ids in index.items()}
    position = {readout_id: i for i, readout_id in enumerate(order)}
    related: dict[str, tuple[str, ...]] = {}
    for readout_id in order:
        scores: dict[str, float] = defaultdict(float)
        for key in _keys(readouts[readout_id]):
            ids = index[key]
            if len(ids) > _COMMON:
                continue
            for other in ids:
                if other != readout_id:
                    scores[other] += weight[key]
        # Ties go to the readout closest in time, then to the id, so the result is stable.
        ranked = sorted(scores, key=lambda o: (-round(scores[o], 9),
                                               abs(position[o] - position[readout_id]), o))
        related[readout_id] = tuple(ranked[:MAX_RELATED])
    return related


def _keys(readout: Readout) -> list[str]:
    return [f"t:{t}" for t in readout.topics] + [f"p:{p}" for p in readout.participants]
