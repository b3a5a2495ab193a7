"""What `readouts check` asks of a person about undated readouts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from readouts.check import content_findings_of
from readouts.link import link
from readouts.load import load_corpus

UNDATED = "undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to"


def test_an_undated_readout_is_listed_until_a_person_supplies_its_date(built_demo: Path) -> None:
    graph = link(load_corpus(built_demo))
    messages = [f.message for f in content_findings_of(graph, UNDATED)]
    assert any(m.startswith("undated;") for m in messages)
    # the importer's note on the empty published date goes to check, not to the page
    assert any("left empty for a person to fill in" in m for m in messages)
    readout = graph.readouts[UNDATED]
    supplied = replace(readout, meeting=replace(readout.meeting, date_supplied=dt.date(2019, 9, 25)))
    graph = replace(graph, readouts={**graph.readouts, UNDATED: supplied})
    assert not any(f.message.startswith("undated") for f in content_findings_of(graph, UNDATED))
