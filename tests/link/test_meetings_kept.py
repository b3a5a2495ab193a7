"""Meeting groups and Meetings kept in the build cache by their accounts' digests: taken again
only where they come out as grouping from scratch would make them."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.link.meetings import group_meetings
from readouts.model import Blocks, ImportRecord, MeetingFacts, Readout, SourceRef

_DAYS = [dt.date(2020, 2, 27), dt.date(2020, 2, 28), dt.date(2020, 2, 29), dt.date(2020, 3, 2),
         dt.date(2020, 3, 3), dt.date(2020, 3, 10)]
_PRINTED = [(2, 28), (2, 29), (3, 1), (3, 3), (3, 4)]

Facts = tuple[dt.date | None, tuple[str, ...], str | None, tuple[int, int] | None, bool, str | None, str | None,
              dt.date | None]


def _readout(readout_id: str, facts: Facts) -> Readout:
    """A readout whose digest follows from what it says, as a file's does from its bytes."""
    day, people, place, printed, announces, set_by_hand, how, published = facts
    record = (ImportRecord("tass", (), (), (), (), False, printed, announces=announces)
              if printed or announces else None)
    digest = hashlib.blake2b(repr((readout_id, facts)).encode(), digest_size=16).hexdigest()
    return Readout(id=readout_id, title=readout_id, publisher="other", kind="news", published=published,
                   meeting=MeetingFacts(day, place, None, None, set_by_hand, how),  # type: ignore[arg-type]
                   participants=people, mentioned=(), topics=(), source=None, imported=record,
                   blocks=Blocks(), path=SourceRef(readout_id), digest=digest)


def _grouped(facts: dict[str, Facts], stored: dict[str, object] | None) -> object:
    """Grouped as a new process would: new Readouts, nothing in memory, `stored` from the cache."""
    readouts = {readout_id: _readout(readout_id, said) for readout_id, said in facts.items()}
    return group_meetings(readouts, tuple(sorted(readouts)), None, frozenset(), stored)


_FACTS = st.tuples(st.one_of(st.none(), st.sampled_from(_DAYS)),
                   st.lists(st.sampled_from(["abe", "putin", "lavrov", "kono"]), min_size=1, max_size=3,
                            unique=True).map(tuple),
                   st.sampled_from([None, "Moscow", "Tokyo"]),
                   st.one_of(st.none(), st.sampled_from(_PRINTED)), st.booleans(),
                   st.sampled_from([None, None, None, "set-by-hand"]),
                   st.sampled_from([None, None, "telephone", "2+2"]),
                   st.one_of(st.none(), st.sampled_from(_DAYS)))


@settings(max_examples=200, deadline=None)
@given(st.lists(_FACTS, min_size=1, max_size=14), _FACTS, st.integers(min_value=0))
def test_grouping_from_the_cache_is_grouping_from_scratch(accounts: list[Facts], added: Facts, edited: int) -> None:
    """After a build, one readout added and then one edited: the meetings the next build takes
    from the cache (its stretches and Meetings, by digest) are those grouping from scratch makes,
    with previews, undated accounts and a meeting id set by hand among them."""
    facts = {f"r{n:02}": said for n, said in enumerate(accounts)}
    stored: dict[str, object] = {}
    assert _grouped(facts, stored) == _grouped(facts, None)
    facts["new"] = added
    assert _grouped(facts, stored) == _grouped(facts, None)
    changed = sorted(facts)[edited % len(facts)]
    day, people, place, printed, announces, set_by_hand, how, published = facts[changed]
    facts[changed] = (day, people[:1] if len(people) > 1 else (*people, "kono"), place, printed, announces,
                      set_by_hand, how, published)
    assert _grouped(facts, stored) == _grouped(facts, None)
    assert _grouped(facts, stored) == _grouped(facts, None)  # now all from the cache


def test_a_new_process_takes_the_meetings_of_unchanged_accounts_from_the_cache_and_keeps_only_its_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Readouts loaded anew are other objects with the same digests: their stretches are not
    grouped nor their Meetings made again; an account edited since is, and what no account of
    this build was made from is dropped."""
    import readouts.link.meetings as meetings

    day = dt.date(2020, 3, 2)
    facts: dict[str, Facts] = {
        "a": (day, ("abe", "putin"), "Tokyo", None, False, None, None, None),
        "b": (day, ("putin", "abe"), None, None, False, None, None, None),
        "c": (day + dt.timedelta(days=8), ("kono", "lavrov"), None, None, False, None, None, None),
    }
    stored: dict[str, object] = {}
    first = _grouped(facts, stored)
    made: list[str] = []
    for name in ("_group_stretch", "_meeting"):
        real = getattr(meetings, name)
        monkeypatch.setattr(meetings, name, lambda *args, real=real, name=name: made.append(name) or real(*args))
    assert _grouped(facts, stored) == first and made == []
    facts["c"] = (day + dt.timedelta(days=8), ("kono", "lavrov", "abe"), None, None, False, None, None, None)
    assert _grouped(facts, stored) == _grouped(facts, None)
    assert made[:2] == ["_group_stretch", "_meeting"]  # the edited account's stretch and meeting alone
    assert len(stored) == 4  # two stretches and two meetings: the edited one's old entries are gone
