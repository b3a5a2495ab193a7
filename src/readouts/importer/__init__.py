"""Import: raw readout text → ImportedReadout, through the adapter whose signatures fit best
(adapters.py); one module per publisher, the shared reading in rules.py.

The adapters and their rules compile some hundreds of patterns when first imported (about 0.07 s):
a build that imports no source does not load them. The names below are loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readouts.importer.adapters import ADAPTERS, pick, read_source
    from readouts.importer.common import Context, ImportedReadout

_LAZY = {"ADAPTERS": "adapters", "pick": "adapters", "read_source": "adapters", "Context": "common",
         "ImportedReadout": "common"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"readouts.importer.{_LAZY[name]}"), name)


__all__ = ["ADAPTERS", "Context", "ImportedReadout", "pick", "read_source"]
