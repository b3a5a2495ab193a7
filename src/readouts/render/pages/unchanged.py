"""The readout and meeting pages a build plans from the last build's fingerprints.

Planning a page makes its fingerprint from everything its context reads; for 10,000 readouts
and 5,000 meetings that took a sixth of adding one readout from the command line, though the new
readout changes what a few dozen of those pages read. The last build leaves what its graph was as
these pages read it (`PlannedFrom`, in the build cache beside the manifest it wrote); this build
asks link which readouts and meetings changed since (link/changes.py), and every other readout's
and meeting's page keeps the fingerprint the manifest gives it. Its inputs are those the
fingerprint was made from, so it is the fingerprint planning would make. A topic or person none
of whose readouts changed keeps its group key the same way (pages.grouped.GroupMemo): the memo
entries and this state are saved by the same build, the memo's before this (cache.save writes
the tables in order, and a state is only taken for the manifest its build published).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from readouts.cache import CacheTable
from readouts.link.changes import GraphChanges, GraphState, changes_since


@dataclass(frozen=True, slots=True)
class PlannedFrom:
    """What a build's readout and meeting pages were planned from."""

    token: str
    """The name of the manifest the build published (site_token.manifest_token): the state
    answers for that manifest's fingerprints alone."""
    common: str
    """What every page reads (depends.Dependencies.common)."""
    state: GraphState


def _tokens(part: Mapping[str, PlannedFrom]) -> frozenset[object]:
    """An entry answers for the manifest it names: another manifest, another entry."""
    return frozenset((key, entry.token, entry.common) for key, entry in part.items())


PLANNED_FROM: CacheTable[str, PlannedFrom] = CacheTable("planned", _tokens)
"""LAST → what the last build's readout and meeting pages were planned from."""

LAST = "last"


@dataclass(frozen=True, slots=True)
class UnchangedPages:
    """The last build's fingerprints of the readout and meeting pages whose inputs did not
    change since."""

    changes: GraphChanges
    manifest: Mapping[str, str]
    """Output path → fingerprint, of the build `changes` are measured from."""

    def readout(self, readout_id: str, path: str) -> str | None:
        """The page's fingerprint when its inputs did not change, else None (plan it)."""
        return None if readout_id in self.changes.readouts else self.manifest.get(path)

    def meeting(self, meeting_id: str, path: str) -> str | None:
        return None if meeting_id in self.changes.meetings else self.manifest.get(path)

    def group(self, members: tuple[str, ...], members_before: tuple[str, ...]) -> bool:
        """Whether a topic's or person's group key (depends.group_key) is what the last build
        made for it, knowing its members then: the same readouts, none of which link names as
        regrouped — so neither they, nor their meetings, nor those meetings' accounts changed.
        Making the keys of the 400-odd topics and people took 0.04 s of adding one readout at
        10,000 readouts."""
        return members == members_before and self.changes.regrouped.isdisjoint(members)

    def year(self, readout_ids: tuple[str, ...], meeting_ids: tuple[str | None, ...]) -> bool:
        """Whether a topic's or person's year page that lists these readouts and meetings, as
        the last build's did, reads what it read then: none of the readouts is regrouped (new,
        changed, or its meeting changed) and none of the meetings changed (its fields, or an
        account of it new, gone or changed)."""
        return self.changes.regrouped.isdisjoint(readout_ids) and self.changes.meetings.isdisjoint(meeting_ids)


def planned_for(entries: Mapping[str, PlannedFrom], token: str | None) -> PlannedFrom | None:
    """What the last build's pages were planned from, when it answers for the manifest `token`
    names (that of the site this build may keep files of; None: no such site)."""
    planned = entries.get(LAST)
    return planned if planned is not None and token is not None and planned.token == token else None


def unchanged_pages(before: PlannedFrom | None, common: str, now: GraphState | None,
                    manifest: Mapping[str, str]) -> UnchangedPages | None:
    """The pages this build plans from `manifest`, the last build's, when `before` is what that
    build's pages were planned from and every page reads what it read then (`common`); else None
    (every page is planned)."""
    if before is None or now is None or before.common != common:
        return None
    return UnchangedPages(changes_since(before.state, now), manifest)
