"""Write a deterministic synthetic readouts site, for benchmarking builds at scale.

    python benchmarks/generate.py --count 1000 --out /tmp/corpus [--seed 0]
    python benchmarks/generate.py --out /tmp/corpus --add-one      # one more readout

The site gets a site.yaml, the real content/topics.yaml, people.yaml and glossary.yaml (copied
from this repository's content/), and COUNT hand-written readouts in content/readouts/. Each
readout's body is about 8 KB of numbered sections, sub-sections, paragraphs and bullet lists,
written from sentences that use the phrases of topics.yaml, so the readout's topic rules match
the topics in its front matter and no others.

Readout number i depends only on the seed and i: the same seed gives byte-identical files, and a
corpus of 1,000 readouts is the first 1,000 of a corpus of 10,000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
REGISTRIES = ("topics.yaml", "people.yaml", "glossary.yaml")
MARKER = ".generated-readouts"
"""A file in every generated site: only a folder holding it (or an empty one) is overwritten."""

FIRST_DAY = dt.date(2010, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)
BODY_BYTES = (5800, 7400)
"""Each body grows section by section until it passes a length drawn from this range."""

PUBLISHER_KINDS = {
    "mofa-japan": ("readout", "readout", "statement"),
    "mid-russia": ("press-conference", "statement", "readout"),
    "tass": ("news",),
    "kremlin": ("readout", "statement", "press-conference"),
    "other": ("news", "statement"),
}
PUBLISHERS = ("mofa-japan", "mofa-japan", "mid-russia", "mid-russia", "tass", "kremlin", "other")
PLACES = ("Tokyo", "Moscow", "New York", "Vladivostok", "Osaka", "Sochi", "Nagato", "Singapore",
          "Bangkok", "Hanoi", "Da Nang", "Lima", "Buenos Aires", "Beijing", "Munich", "Geneva")
OCCASIONS = (None, None, None, "the United Nations General Assembly", "the G20 Summit",
             "the ASEAN Regional Forum", "the Eastern Economic Forum", "the APEC Leaders' Meeting")
TITLES = {
    "mofa-japan": ("Japan-Russia Foreign Ministers' Meeting in {place}",
                   "Japan-Russia Summit Meeting in {place}",
                   "Meeting between {jp} and {ru}"),
    "mid-russia": ("Talks between {ru} and {jp} in {place}",
                   "Remarks by {ru} at a joint news conference with {jp}",
                   "Statement on the talks with {jp}"),
    "tass": ("{ru_last} and {jp_last} discuss {topic} in {place}",
             "Moscow and Tokyo exchange views on {topic}"),
    "kremlin": ("Meeting with {jp}", "Russian-Japanese talks in {place}"),
    "other": ("{jp_last} and {ru_last} meet in {place}", "Japan and Russia talk {topic}"),
}
ID_SLUGS = {"readout": "meeting", "statement": "statement", "press-conference": "press-conference",
            "news": "news"}

# Each topic's headings and sentences use its topics.yaml phrases and no other topic's.
TOPIC_HEADINGS = {
    "peace-treaty": ("Peace treaty", "Peace treaty negotiations"),
    "joint-economic-activities": ("Joint economic activities",
                                  "Joint economic activities on the four islands"),
    "humanitarian-measures": ("Humanitarian measures", "Humanitarian measures for former island residents"),
    "territorial-issue": ("Territorial issue", "Northern Territories"),
    "economy-trade": ("Trade and investment", "Economic cooperation"),
    "security-defence": ("Security", "Security and defence dialogue"),
    "north-korea": ("North Korea", "Situation on the Korean Peninsula"),
    "people-exchanges-visas": ("People-to-people exchanges", "Visa issues"),
    "diplomatic-schedule": ("Upcoming contacts", "Schedule of political dialogue"),
    "international-situation": ("International situation", "International affairs"),
}
TOPIC_SENTENCES = {
    "peace-treaty": (
        "The two sides confirmed their determination to conclude a peace treaty on the basis of "
        "the agreements reached by the leaders.",
        "{jp} stated that the absence of a peace treaty so many decades after the war "
        "is abnormal.",
        "The ministers agreed to accelerate the talks on the basis of the 1956 Joint Declaration.",
        "The Russian side said that progress towards a peace treaty requires a favourable "
        "atmosphere in the relationship as a whole.",
        "Both ministers instructed their deputies to hold another round of peace treaty "
        "negotiations without delay.",
        "It was confirmed that the peace treaty question should be settled in a way acceptable to "
        "the peoples of both countries.",
    ),
    "joint-economic-activities": (
        "The two sides reviewed the progress of joint economic activities on the four islands.",
        "They confirmed that joint economic activities must be carried out under a special "
        "framework that does not harm the legal positions of either side.",
        "The ministers welcomed the pilot projects in aquaculture, greenhouse vegetables, tourism, "
        "wind power and waste reduction as joint economic projects.",
        "A field survey for the joint economic activities was completed, and its results were "
        "shared with the companies concerned.",
        "The two sides agreed to speed up the work of the working group on joint economic "
        "activities.",
        "Tours for Japanese tourists were discussed as a first step of the joint activities on the "
        "islands.",
    ),
    "humanitarian-measures": (
        "The two ministers confirmed that humanitarian measures for the former island residents "
        "would continue.",
        "{jp} expressed appreciation for the grave visits by airplane arranged with the "
        "help of the Russian side.",
        "The former island residents are advanced in age, and the Japanese side asked for simpler "
        "procedures for visits to their family graves.",
        "The two sides agreed to open additional entry and departure points for grave visits.",
        "The Russian side stated that it would continue to support humanitarian measures in a "
        "spirit of goodwill.",
    ),
    "territorial-issue": (
        "The Japanese side reiterated its principled position on the Northern Territories.",
        "{jp} stated that the territorial issue remains the main outstanding question "
        "between the two countries.",
        "The two sides exchanged views frankly on the question of sovereignty over the four "
        "islands.",
        "The Russian side restated its view on the outcome of the Second World War, while taking "
        "note of the Japanese position on the territorial issue.",
        "The ministers agreed that the territorial dispute should be addressed calmly and without "
        "unilateral steps.",
    ),
    "economy-trade": (
        "The ministers noted that bilateral trade reached {billions} billion dollars last year.",
        "The two sides discussed the Eight-Point Cooperation Plan, including healthcare, urban "
        "environment and energy.",
        "The Russian side asked Japanese companies to expand investment in the Far East.",
        "Both sides agreed to improve conditions for investors and to simplify customs procedures "
        "that affect trade.",
        "The two ministers welcomed progress in energy projects, including LNG supplies from "
        "Sakhalin.",
        "They confirmed that economic cooperation in medicine, digital technology and agriculture "
        "would be expanded.",
    ),
    "security-defence": (
        "The two ministers discussed security in North-East Asia and exchanged views on defence "
        "policy.",
        "The Japanese side explained its missile defence posture and stated that it poses no "
        "threat to neighbouring countries.",
        "The two sides agreed to hold another two-plus-two meeting of foreign and defence "
        "ministers in {place}.",
        "The Russian side expressed concern about military activities near its borders.",
        "The ministers agreed to continue the security dialogue between the two countries.",
    ),
    "north-korea": (
        "The ministers exchanged views on North Korea, including its nuclear and missile "
        "programmes.",
        "{jp} asked for Russia's understanding for the early resolution of the abductions "
        "issue by North Korea.",
        "The two sides agreed to work together for the complete denuclearisation of the Korean "
        "Peninsula.",
        "They shared the view that the resolutions of the UN Security Council on the DPRK must be "
        "fully implemented.",
        "The Russian side said that dialogue with Pyongyang should be maintained.",
    ),
    "people-exchanges-visas": (
        "The two sides welcomed the growth in people-to-people exchanges in recent years.",
        "The Russian side proposed easing visa requirements for business travellers and tourists.",
        "The ministers agreed to expand youth exchanges and cultural exchanges between the two "
        "countries.",
        "They confirmed that the simplified visa procedures introduced last year have been "
        "effective.",
        "Both sides agreed to support interregional exchanges between Japanese prefectures and "
        "Russian regions.",
    ),
    "diplomatic-schedule": (
        "The two ministers agreed to coordinate the schedule of political dialogue for the coming "
        "year.",
        "{jp} accepted an invitation to visit Russia at a mutually convenient time.",
        "The next summit will be held on the occasion of the Eastern Economic Forum in "
        "Vladivostok.",
        "Preparations for the upcoming visit of the Prime Minister were discussed in detail.",
        "The two sides confirmed that the next meeting of the foreign ministers will take place in "
        "{place}.",
    ),
    "international-situation": (
        "The ministers exchanged views on the international situation, including the Middle East.",
        "The two sides discussed the situation in Syria and the fight against terrorism.",
        "They exchanged views on Afghanistan and on the regional situation in Central Asia.",
        "The Japanese side set out its position on the situation surrounding Ukraine.",
        "Both sides agreed to cooperate on global issues such as climate change.",
        "The ministers discussed the nuclear agreement with Iran.",
    ),
}
# Sentences that match no topic rule: the connective tissue of a readout.
GENERAL_SENTENCES = (
    "The two ministers exchanged views in a frank and constructive atmosphere.",
    "Both sides noted the importance of maintaining a regular dialogue at all levels.",
    "The Japanese side explained its basic position in detail.",
    "The Russian side expressed its understanding and said that it would study the proposals "
    "carefully.",
    "The ministers agreed to instruct their officials to continue consultations through "
    "diplomatic channels.",
    "It was confirmed that the working-level discussions would continue in a businesslike manner.",
    "The two sides agreed that steady progress depends on mutual trust and patient work.",
    "Both ministers expressed their appreciation for the work done by the two ministries since "
    "their last talks.",
    "The ministers reaffirmed the agreements reached at the leaders' level and agreed to give them "
    "concrete shape.",
    "The sides stressed that the results achieved so far should be consolidated.",
    "Officials of both foreign ministries are to prepare a joint document on this basis.",
    "The Japanese side underlined that the relationship has great untapped potential.",
    "The Russian side noted that the progress made in recent months was encouraging.",
    "The ministers agreed to keep in close contact by telephone and at international conferences.",
)
SUBHEADINGS = ("Current state", "Next steps", "Views of the two sides", "Working-level talks",
               "Points agreed")


@dataclass(frozen=True, slots=True)
class Registries:
    """What generated front matter may refer to: the ids of topics.yaml and people.yaml."""

    topics: tuple[str, ...]
    japanese: tuple[tuple[str, str], ...]
    """(id, name) of people.yaml's people from Japan."""
    russian: tuple[tuple[str, str], ...]

    @classmethod
    def load(cls, content: Path) -> Registries:
        topics = yaml.safe_load((content / "topics.yaml").read_text(encoding="utf-8"))
        people = yaml.safe_load((content / "people.yaml").read_text(encoding="utf-8"))
        known = [t["id"] for t in topics if t["id"] in TOPIC_SENTENCES]
        return cls(topics=tuple(known),
                   japanese=tuple((p["id"], p["name"]) for p in people if p.get("country") == "japan"),
                   russian=tuple((p["id"], p["name"]) for p in people if p.get("country") == "russia"))


def readout_text(index: int, seed: int, registries: Registries) -> tuple[str, str]:
    """(id, file text) of readout number `index`: a function of the seed and index alone."""
    rng = random.Random(f"readouts-bench:{seed}:{index}")
    day = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    published = min(day + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2))), LAST_DAY)
    publisher = rng.choice(PUBLISHERS)
    kind = rng.choice(PUBLISHER_KINDS[publisher])
    place = rng.choice(PLACES)
    occasion = rng.choice(OCCASIONS)
    jp_id, jp = rng.choice(registries.japanese)
    ru_id, ru = rng.choice(registries.russian)
    participants = [jp_id, ru_id]
    if rng.random() < 0.2:
        extra = rng.choice(registries.japanese + registries.russian)[0]
        if extra not in participants:
            participants.append(extra)
    topics = rng.sample(registries.topics, rng.randint(2, 5))
    topics.sort(key=registries.topics.index)
    names = {"jp": jp, "ru": ru, "jp_last": jp.split()[-1], "ru_last": ru.split()[-1],
             "place": place, "topic": _in_title(topics[0]),
             "billions": rng.randint(10, 35)}
    title = rng.choice(TITLES[publisher]).format(**names)
    readout_id = f"{day.isoformat()}-{publisher}-{ID_SLUGS[kind]}-{index:05d}"

    meeting = [f"  date: {day.isoformat()}", f"  place: {place}"]
    if occasion:
        meeting.append(f"  occasion: {occasion}")
    if kind == "readout":
        meeting.append(f"  duration_minutes: {rng.choice((30, 45, 50, 60, 70, 90, 120, 150))}")
    front = "\n".join([
        "---",
        f"id: {readout_id}",
        f"title: {_quoted(title)}",
        f"publisher: {publisher}",
        f"kind: {kind}",
        f"published: {published.isoformat()}",
        "meeting:",
        *meeting,
        f"participants: [{', '.join(participants)}]",
        "mentioned: []",
        f"topics: [{', '.join(topics)}]",
        "---",
    ])
    return readout_id, f"{front}\n\n{_body(rng, topics, names, occasion)}"


def _in_title(topic: str) -> str:
    """A topic's heading as words inside a title: "peace treaty", "North Korea"."""
    heading = TOPIC_HEADINGS[topic][0]
    return heading if topic == "north-korea" else heading.lower()


def _quoted(text: str) -> str:
    """A YAML scalar: plain when safe, else double-quoted."""
    if re.fullmatch(r"[A-Za-z][\w .,'()-]*", text) and not text.endswith(" "):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _body(rng: random.Random, topics: list[str], names: dict, occasion: str | None) -> str:
    def sentences(pool: tuple[str, ...], count: int) -> list[str]:
        return [s.format(**names) for s in rng.sample(pool, min(count, len(pool)))]

    def paragraph(topic: str) -> str:
        mixed = sentences(TOPIC_SENTENCES[topic], rng.randint(1, 2)) + sentences(GENERAL_SENTENCES,
                                                                                rng.randint(1, 3))
        rng.shuffle(mixed)
        return " ".join(mixed)

    where = f"in {names['place']}" + (f" on the occasion of {occasion}" if occasion else "")
    parts = [f"{names['jp']} held talks with {names['ru']} {where}. "
             + " ".join(sentences(GENERAL_SENTENCES, 2))]
    target = rng.randint(*BODY_BYTES)
    size = len(parts[0])
    section = 0
    while size < target or section < len(topics):
        topic = topics[section % len(topics)]
        section += 1
        lines = [f"## {section}. {rng.choice(TOPIC_HEADINGS[topic])}", paragraph(topic)]
        for number, sub in enumerate(rng.sample(SUBHEADINGS, rng.randint(1, 2)), start=1):
            lines.append(f"### ({number}) {sub}")
            lines.append("\n".join(f"- {s}" for s in sentences(TOPIC_SENTENCES[topic], rng.randint(2, 3))
                                   + sentences(GENERAL_SENTENCES, rng.randint(0, 2))))
            lines.append(paragraph(topic))
        parts.extend(lines)
        size += sum(len(line) + 2 for line in lines)
    return "\n\n".join(parts) + "\n"


def _prepare(out: Path) -> None:
    """Empty `out` for a new site (with its built site and templates), refusing anyone else's files."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SystemExit(f"error: {out} is not empty and was not written by generate.py; "
                             "pick an empty or new folder")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("written by benchmarks/generate.py; replaced on every run\n", encoding="utf-8")


def generate(count: int, out: Path, seed: int = 0) -> list[Path]:
    """Write the site with `count` readouts into `out`; returns the readout files."""
    _prepare(out)
    content = out / "content"
    (content / "readouts").mkdir(parents=True)
    for name in REGISTRIES:
        shutil.copyfile(REPO / "content" / name, content / name)
    (out / "site.yaml").write_text(
        f"title: Synthetic readouts ({count})\n"
        "description: A generated corpus for timing builds; seed "
        f"{seed}.\n"
        "language: en\n"
        "main_topics: [peace-treaty, joint-economic-activities, humanitarian-measures]\n"
        "output: site\n", encoding="utf-8")
    registries = Registries.load(content)
    return [_write(content, readout_text(i, seed, registries)) for i in range(count)]


def add_readout(out: Path, seed: int = 0, index: int | None = None) -> Path:
    """Write one more readout into a generated site: by default the next number after the last."""
    content = out / "content"
    if index is None:
        index = next_index(content / "readouts")
    return _write(content, readout_text(index, seed, Registries.load(content)))


def next_index(readouts: Path) -> int:
    """One past the highest readout number (the id's last part) in a folder of readouts."""
    numbers = [int(m.group(1)) for p in readouts.glob("*.md") if (m := re.search(r"-(\d+)$", p.stem))]
    return max(numbers, default=-1) + 1


def _write(content: Path, readout: tuple[str, str]) -> Path:
    readout_id, text = readout
    path = content / "readouts" / f"{readout_id}.md"
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the site folder to write")
    parser.add_argument("--count", type=int, default=1000, metavar="N", help="readouts to write (default 1000)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    parser.add_argument("--add-one", action="store_true",
                        help="add one readout to the generated site in DIR instead of writing a new one")
    args = parser.parse_args(argv)
    if args.add_one:
        if not (args.out / MARKER).exists():
            parser.error(f"{args.out} holds no generated site")
        print(add_readout(args.out, args.seed))
        return 0
    if args.count < 0:
        parser.error("--count must be 0 or more")
    files = generate(args.count, args.out, args.seed)
    size = sum(f.stat().st_size for f in files)
    print(f"wrote {len(files)} readouts ({size / 1024:,.0f} KiB) into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
