"""Each adapter on small texts written for the case: which adapter reads it, what it finds.

Every fixtures/<adapter>/<case>.txt has its expected Markdown in <case>.md beside it
(regenerate with `pytest --update-golden` and review the diff).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readouts.importer import pick, read_source
from readouts.importer.document import decode, prepare
from readouts.importer.run import make_context
from readouts.importer.write import render_markdown
from readouts.publishers import PUBLISHERS
from tests.conftest import REPO

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(FIXTURES.glob("*/*.txt"))
PUBLISHER = {row.adapter: row.id for row in PUBLISHERS.values()}
"""A fixture folder, named after its adapter's module → the publisher that adapter writes."""


@pytest.fixture(scope="module")
def context():
    return make_context(REPO)


def _read(path: Path, context):
    return read_source(path.read_bytes(), path.name, context)


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_is_read_by_its_publishers_adapter(case: Path) -> None:
    doc = prepare(decode(case.read_bytes(), case.name), case.name)
    assert PUBLISHER[case.parent.name] == pick(doc).NAME


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_imports_to_golden_markdown(case: Path, context, update_golden: bool) -> None:
    text = render_markdown("fixture", _read(case, context), f"sources/{case.name}", "0" * 64)
    golden = case.with_suffix(".md")
    if update_golden or not golden.exists():
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


FACTS = [
    # (case, field, expected)
    ("mofa_japan/caption_is_the_only_headline", "title", "Japan-Russia Foreign Ministers' Telephone Talk"),
    ("mofa_japan/caption_is_the_only_headline", "duration", 70),
    ("mofa_japan/caption_is_the_only_headline", "place", None),  # a telephone talk has no place
    ("mofa_japan/caption_is_the_only_headline", "meeting_date", dt.date(2021, 3, 3)),
    ("mofa_japan/caption_is_the_only_headline", "participants", {"toshimitsu-motegi", "sergey-lavrov"}),
    ("mofa_japan/overview_title_above_date", "title", "Foreign Minister's Visit to Russia (Overview)"),
    ("mofa_japan/overview_title_above_date", "meeting_date", dt.date(2016, 12, 18)),
    ("mofa_japan/overview_title_above_date", "place", "Moscow"),
    ("mofa_japan/overview_title_above_date", "duration", 90),
    ("mid_russia/glued_date_and_language_switcher", "published", dt.date(2021, 2, 12)),
    ("mid_russia/glued_date_and_language_switcher", "kind", "press-conference"),
    ("mid_russia/glued_date_and_language_switcher", "place", "Moscow"),
    ("mid_russia/glued_date_and_language_switcher", "participants", {"sergey-lavrov", "toshimitsu-motegi"}),
    ("tass/dateline_without_year", "published", None),
    ("tass/dateline_without_year", "meeting_date", None),
    ("tass/dateline_without_year", "title", "Lavrov, Hayashi discuss peace treaty in phone call"),
    ("tass/dateline_without_year", "participants", {"sergey-lavrov", "yoshimasa-hayashi"}),
    ("kremlin/date_and_place_line", "published", dt.date(2020, 10, 7)),
    ("kremlin/date_and_place_line", "participants", {"vladimir-putin", "yoshihide-suga"}),
    ("kremlin/date_and_place_line", "title", "Telephone conversation with Prime Minister of Japan Yoshihide Suga"),
    ("generic/news_agency_glued_stamp", "published", dt.date(2022, 3, 21)),
    ("generic/news_agency_glued_stamp", "title", "Russia suspends talks with Japan"),
    ("generic/russian_text", "participants", {"sergey-lavrov", "toshimitsu-motegi"}),
    ("generic/russian_text", "place", "Moscow"),
    ("generic/russian_text", "meeting_date", dt.date(2020, 12, 18)),
    ("generic/russian_text", "topics", {"peace-treaty"}),
    # MOFA's older layout: headline, date, numbered paragraphs, the translation disclaimer
    ("mofa_japan/older_layout_telephone_talks", "kind", "readout"),
    ("mofa_japan/older_layout_telephone_talks", "meeting_date", dt.date(2012, 5, 8)),
    ("mofa_japan/older_layout_telephone_talks", "participants", {"yoshihiko-noda", "vladimir-putin"}),
    ("mofa_japan/older_layout_telephone_talks", "duration", 10),
    # MOFA's press conferences: a date line with weekday, time and the ministry's name
    ("mofa_japan/press_conference_by_foreign_minister", "title", "Press Conference by Foreign Minister Yoko Kamikawa"),
    ("mofa_japan/press_conference_by_foreign_minister", "kind", "press-conference"),
    ("mofa_japan/press_conference_by_foreign_minister", "published", dt.date(2024, 3, 8)),
    # a gallery's numbered captions carry the headline; the ministry writes family names first
    ("mofa_japan/numbered_gallery_captions", "title",
     "Vice-Minister for Foreign Affairs summons the Ambassador of the Russian Federation to Japan"),
    ("mofa_japan/numbered_gallery_captions", "participants", {"takeo-mori", "nikolay-nozdrev"}),
    ("mofa_japan/numbered_gallery_captions", "meeting_date", dt.date(2023, 5, 10)),
    # a site name, a section, a byline, a credited caption and a lone dateline city are no headline
    ("generic/byline_and_credit_around_headline", "title",
     "Kamikawa, Lavrov hold first talks in a year over fisheries"),
    ("generic/byline_and_credit_around_headline", "participants", {"yoko-kamikawa", "sergey-lavrov"}),
    # the outlet a news item credits: masthead, dateline agency
    ("generic/byline_and_credit_around_headline", "outlet", "The Example Daily"),
    ("generic/news_agency_glued_stamp", "outlet", "Interfax"),
    ("tass/dateline_with_year", "outlet", None),
    ("generic/outlet_credited_below_and_beside_the_date", "outlet", "Kyodo"),
    ("generic/russian_outlet_after_the_date_line", "outlet", "Общественная служба новостей"),
    ("generic/russian_outlet_after_the_date_line", "participants", {"andrey-rudenko", "toyohisa-kozuki"}),
    ("generic/russian_outlet_after_the_date_line", "published", dt.date(2023, 1, 30)),
    # a visit's overview reports each of its meetings in the opening paragraph
    ("mofa_japan/visit_overview_with_a_courtesy_call", "participants",
     {"yoko-kamikawa", "sergey-lavrov", "mikhail-mishustin"}),
    # no one named where the meeting is reported: the first sentence naming both sides
    ("generic/russian_report_naming_both_sides", "participants", {"sergey-lavrov", "seiji-maehara"}),
    # a story that relays a ministry's statement was filed in its dateline city, not held there
    ("tass/relayed_report_dateline", "place", None),
    ("tass/relayed_report_dateline", "participants", {"andrey-rudenko", "toyohisa-kozuki"}),
    ("tass/russian_dateline", "participants", {"sergey-lavrov", "taro-kono"}),
    ("tass/russian_dateline", "place", "Moscow"),
    ("kremlin/transcript_speaker_labels", "kind", "press-conference"),
    ("kremlin/transcript_speaker_labels", "participants", {"vladimir-putin", "shinzo-abe"}),
    # an embassy's press release is an account of the meeting; a 2+2 seats the defence ministers
    ("generic/embassy_press_release_two_plus_two", "kind", "readout"),
    ("generic/embassy_press_release_two_plus_two", "participants",
     {"sergey-lavrov", "fumio-kishida", "sergey-shoigu", "tomomi-inada"}),
    # "by the Prime Minister", speaking as "I": the holder of that office on that day
    ("generic/office_named_without_a_name", "participants", {"fumio-kishida", "vladimir-putin"}),
    ("generic/office_named_without_a_name", "meeting_date", dt.date(2021, 10, 7)),
    ("generic/office_named_without_a_name", "kind", "press-conference"),
    ("generic/office_named_without_a_name", "duration", 25),
    ("generic/city_only_the_gazetteer_knows", "place", "Krasnoyarsk"),
    ("generic/city_only_the_gazetteer_knows", "duration", 40),
    ("generic/russian_city_in_prepositional_case", "place", "Khabarovsk"),
    ("generic/russian_city_in_prepositional_case", "published", dt.date(2020, 12, 18)),
    ("generic/russian_city_in_prepositional_case", "meeting_date", dt.date(2020, 12, 18)),
    ("generic/russian_city_in_prepositional_case", "participants", {"sergey-lavrov", "toshimitsu-motegi"}),
    ("generic/residence_named_by_its_city", "place", "Sochi"),  # "в своей сочинской резиденции"
    ("generic/talks_named_by_their_city", "place", "Moscow"),  # "московские переговоры"
    # a short headline naming no meeting is still a headline when it reports an act
    ("generic/short_headline_reporting_an_act", "title", "Putin receives Abe"),
    ("generic/short_russian_headline_with_a_verb", "title", "Лавров прибыл в Токио"),
    # the day of a meeting the lead leaves undated, from the statement the report relays
    ("generic/day_given_in_the_relayed_statement", "meeting_date", dt.date(2021, 3, 11)),
    ("generic/day_given_in_the_relayed_statement", "participants", {"igor-morgulov", "toyohisa-kozuki"}),
    ("generic/earlier_meeting_of_the_same_people", "meeting_date", None),
    # "talks" after "that" is what was said; the call is named in the sentence after the lead
    ("generic/call_named_after_the_lead", "format", "telephone"),
    ("generic/call_named_after_the_lead", "participants", {"shinzo-abe", "vladimir-putin"}),
    ("generic/meeting_named_after_the_lead", "format", "in-person"),  # "Предыдущая встреча"
    # "foreign and defence ministers": the office of both sides, the other side's holder that day
    ("generic/foreign_ministers_named_by_their_office", "participants", {"sergey-lavrov", "yoshimasa-hayashi"}),
    ("generic/talks_named_by_their_city", "participants", {"sergey-lavrov", "taro-kono"}),
    # a text announcing its meeting dates it forward from its own date, and places it where announced
    ("generic/announced_meeting_is_dated_forward", "meeting_date", dt.date(2024, 1, 15)),
    ("generic/announced_meeting_is_dated_forward", "place", "Moscow"),
    # a headline that names the meeting's day without a year dates the meeting, not the text
    ("generic/gist_names_the_meetings_day_in_its_headline", "meeting_day_printed", (10, 4)),
    ("generic/gist_names_the_meetings_day_in_its_headline", "dateline_day_printed", None),
    ("generic/gist_names_the_meetings_day_in_its_headline", "meeting_date", None),
    ("tass/dateline_without_year", "dateline_day_printed", (3, 2)),
    # the ministry's gallery captions glue what the photo shows to the headline: "Meeting(talks)"
    ("mofa_japan/captions_with_glued_notes", "title", "Japan-Russia Vice-Ministerial Consultation"),
    # "(Overview)" heads the Japanese government's own account of a meeting, wherever it is posted
    ("generic/government_overview_of_a_summit", "kind", "readout"),
    ("generic/government_overview_of_a_summit", "title", "Japan-Russia Summit Meeting (Overview)"),
    ("generic/government_overview_of_a_summit", "meeting_date", dt.date(2019, 9, 5)),
    ("generic/government_overview_of_a_summit", "duration", 100),
    # a date set as a list item dates the text; the headline's day without a year, a few days
    # before it, is the meeting's
    ("generic/digest_dated_in_a_list_item", "published", dt.date(2017, 9, 23)),
    ("generic/digest_dated_in_a_list_item", "meeting_date", dt.date(2017, 9, 21)),
    ("generic/digest_dated_in_a_list_item", "participants", {"taro-kono", "sergey-lavrov"}),
    # a Russian length in words, the numeral in any case: "почти два часа", "около трех часов"
    ("generic/russian_length_in_words", "duration", 120),
    # "talks of Lavrov with his Japanese counterpart": the Japanese foreign minister of that day
    ("generic/counterpart_named_by_office", "participants", {"sergey-lavrov", "taro-kono"}),
    # a city right after a month is where something happened then ("in September in Vladivostok")
    ("generic/earlier_meeting_city_before_this_one", "place", "Moscow"),
    # the host's welcome names the city a transcript's meeting is in
    ("kremlin/host_welcomes_the_guest_to_a_city", "place", "Kazan"),
    # an item of a numbered list above the text is a breadcrumb, never the headline
    ("kremlin/numbered_breadcrumb_above_headline", "title", "Meeting with Prime Minister of Japan Yoshihide Suga"),
    # the ministry's own headline for its transcripts, in Russian, closing with the place and day
    ("mid_russia/russian_house_headline", "kind", "press-conference"),
    ("mid_russia/russian_house_headline", "place", "Moscow"),
    ("mid_russia/russian_house_headline", "meeting_date", dt.date(2019, 1, 14)),
    ("mid_russia/russian_house_headline", "participants", {"sergey-lavrov", "taro-kono"}),
    # the Kremlin's transcript of the leaders' words to the press after talks
    ("kremlin/statements_for_the_press", "kind", "press-conference"),
    # the ministry's older wording of its overview: "The following is a summary of their discussion"
    ("mofa_japan/older_summary_of_a_telephone_talk", "kind", "readout"),
    ("mofa_japan/older_summary_of_a_telephone_talk", "meeting_date", dt.date(2006, 2, 8)),
    # a gallery's image text repeated around its number; a meeting's length given in parts; the
    # city in the name of an occasion that moves, not an earlier summit's city
    ("mofa_japan/gallery_and_meeting_in_parts", "title", "Japan-Russia Summit Meeting"),
    ("mofa_japan/gallery_and_meeting_in_parts", "duration", 60),
    ("mofa_japan/gallery_and_meeting_in_parts", "place", "Nagoya"),
    # "обновлено …" is a time stamp; a rubric whose last word also spells a verb ("Курил") is no headline
    ("tass/russian_updated_stamp_and_rubric", "title", "Путин и Абэ обсудили совместную деятельность на островах"),
    ("tass/russian_updated_stamp_and_rubric", "place", "Vladivostok"),
    # a line of sections between bars is the site's menu; "в Японии" names a country, not a town
    ("generic/russian_site_menu_and_country", "title", "Лавров: мирный договор с Японией возможен только без условий"),
    ("generic/russian_site_menu_and_country", "place", None),
    ("generic/russian_site_menu_and_country", "participants", {"sergey-lavrov", "taro-kono"}),
    # the occasion of a summit agreed for later is not this meeting's
    ("generic/next_summit_agreed_at_an_occasion", "place", None),
    # the agency's older signature; a length as an adjective before the talks' description; the
    # one a speaker met, named after "said following consultations with"
    ("tass/itar_tass_dateline", "duration", 180),
    ("tass/itar_tass_dateline", "participants", {"igor-morgulov", "shinsuke-sugiyama"}),
    # the Kremlin's site footer; a minister's comments on a meeting are a statement
    # the agency after a dash in a Russian dateline; a known outlet credited on a line of its own
    ("generic/russian_agency_after_a_dash", "outlet", "РИА Новости"),
    ("generic/russian_agency_after_a_dash", "duration", 120),
    ("generic/russian_agency_after_a_dash", "dateline_day_printed", (9, 5)),  # "5 сен": the agencies' abbreviation
    ("generic/russian_agency_after_a_dash", "place", "Vladivostok"),
    ("generic/translated_article_source_note", "outlet", "Mainichi"),
    ("generic/translated_article_source_note", "published", dt.date(2018, 3, 22)),
    # the ministry's oldest layout: a note under the headline, the date, then a caption of names
    ("mofa_japan/oldest_layout_note_under_headline", "title",
     "Japan-Russia Foreign Ministers' Meeting (Summary of Results)"),
    ("mofa_japan/oldest_layout_note_under_headline", "kind", "readout"),
    ("mofa_japan/oldest_layout_note_under_headline", "meeting_date", dt.date(2004, 10, 20)),
    # the government's "(Outline)" of a press conference is the press conference's record
    ("generic/government_outline_of_a_press_conference", "kind", "press-conference"),
    # the President's words opening a transcript; "here in Khabarovsk" says where he is
    ("kremlin/transcript_opening_with_the_presidents_words", "place", "Khabarovsk"),
    # "I was glad to meet here …": the talks told as done, to the press after them
    ("kremlin/transcript_opening_with_the_presidents_words", "kind", "press-conference"),
    # a date after the time, a rubric after the date
    ("generic/date_after_the_time_and_a_rubric", "published", dt.date(2016, 2, 15)),
    ("generic/date_after_the_time_and_a_rubric", "title", "Идет подготовка к консультациям России и Японии"),
    # a prefecture is no town of its name; a delay is no length
    ("generic/prefecture_and_a_delay", "place", None),
    ("generic/prefecture_and_a_delay", "duration", None),
    # who was summoned and to whom the protest was lodged, not whose visit it protests
    ("generic/summons_over_a_visit", "participants", {"takeo-mori", "mikhail-galuzin"}),
    # a city named as a diplomat's post says where he serves, not where the talks were ("the
    # Japanese Ambassador in Moscow"); a capital with a verb of saying is its government
    ("generic/ambassador_named_with_his_post", "place", None),
    ("generic/ambassador_named_with_his_post", "title", "Envoy Presses for Early Start of Fishing Talks"),
    ("generic/ambassador_named_with_his_post_ru", "place", None),
    ("generic/ambassador_named_with_his_post_ru", "title", "МИД России вызвал японского посла"),
    # a preview's headline places the talks it announces ("… пройдут в Москве")
    ("generic/preview_headline_places_the_talks_ru", "place", "Moscow"),
    ("generic/preview_headline_places_the_talks_ru", "announces", True),
    # Russian says what will happen by the perfective present ("посетит", "проведет", "обсудят"),
    # and names the city visited in the accusative, with no preposition ("посетит Токио")
    ("generic/visit_to_a_city_in_the_accusative_ru", "place", "Tokyo"),
    ("generic/visit_to_a_city_in_the_accusative_ru", "announces", True),
    # "позвонил" is a telephone call; "В Кремле подтвердили" is the Kremlin speaking, no venue
    ("generic/call_told_by_a_verb_of_calling_ru", "format", "telephone"),
    ("generic/call_told_by_a_verb_of_calling_ru", "place", None),
    # the date line closes with the city, then its country: "3:38 p.m. Moscow, Russian Federation"
    ("mofa_japan/press_conference_date_line_with_the_country", "place", "Moscow"),
    # a press conference's transcript is set in parts under its headline: "Opening Remarks" is none
    ("mofa_japan/press_conference_date_line_with_the_country", "title",
     "Extraordinary Press Conference by Foreign Minister Taro Kono"),
    ("mofa_japan/press_conference_date_line_with_the_country", "kind", "press-conference"),
    # an arrival's report is filed where the visitor came, and its talks are held there
    ("tass/arrival_filed_where_the_visitor_came", "place", "Tokyo"),
    # a wire photo's caption places its people "(L)" and ends with the agency's credit in square
    # brackets; it gives the full date and the city, printed with a space ("Yuzhno Sakhalinsk")
    ("generic/wire_caption_placing_the_people", "place", "Yuzhno-Sakhalinsk"),
    ("generic/wire_caption_placing_the_people", "meeting_date", dt.date(2009, 2, 18)),
    # the caption's city outweighs the city the story was filed from ("TOKYO — …")
    ("generic/caption_city_over_the_dateline", "place", "Yuzhno-Sakhalinsk"),
    # a headline set in capitals puts the meeting "IN TOKYO"
    ("generic/capitals_headline_names_the_city", "place", "Tokyo"),
    # an American dateline typed with two hyphens, the country after the city; a relative clause
    # ("that will benefit both sides") tells what the meeting brings, not that it is to come;
    # a site's promotion of its own event is no headline
    ("generic/dateline_with_hyphens_and_the_country", "place", "Krasnoyarsk"),
    ("generic/dateline_with_hyphens_and_the_country", "title", "Japan, Russia thaw relations in Siberia"),
    # "Йокогама", the gazetteer's "Иокогама"
    ("generic/city_spelt_with_yo_ru", "place", "Yokohama"),
    # a summons "over President Dmitry Medvedev's visit": he is its cause, not at it
    ("generic/summons_over_a_leaders_visit", "participants", {"seiji-maehara", "mikhail-bely"}),
    # "is planning to" announces; the city where it was told ("told reporters in Tokyo") is not
    # the meeting's
    ("generic/plan_told_to_reporters_elsewhere", "place", "Vladivostok"),
    ("generic/plan_told_to_reporters_elsewhere", "announces", True),
    ("generic/meeting_announced_where_it_was_told", "place", None),
    # a teaser of another story, printed over the text and again inside it, is not the headline
    ("generic/teaser_printed_again_in_the_story_ru", "title",
     "Путин и Абэ «на татами»: президент России прояснил будущее Курил"),
    # the offices named without holders ("The foreign ministers of Japan and Russia") are held
    # that day by two people, before two whom a later sentence names together
    ("generic/ministers_named_by_office_and_the_day", "participants", {"igor-ivanov", "yoriko-kawaguchi"}),
    # the spokesman who told it, then the agency that reports him: neither is at the meeting
    ("generic/spokesman_then_agency_attribution", "participants", {"shinzo-abe", "vladimir-putin"}),
    # Russian attributes a quotation after it: "«…», — сообщил генеральный секретарь кабинета министров"
    ("generic/quotation_attributed_to_the_cabinet_secretary_ru", "participants", {"shinzo-abe", "vladimir-putin"}),
    # who announces when a meeting will be is not at it: "Лавров сообщил о сроках встречи …"
    ("generic/date_of_a_meeting_announced_ru", "participants", {"shinzo-abe", "vladimir-putin"}),
    # a headline's "agree on Putin visit" turns to what was agreed
    ("generic/headline_agrees_on_a_visit", "participants", {"sergey-lavrov", "nobutaka-machimura"}),
    # nobody named, the day in the statement relayed, in the week before the text's date
    ("generic/summoned_on_a_day_the_statement_gives", "meeting_date", dt.date(2021, 12, 17)),
    # "set for Thursday": the Thursday after the text's date
    ("generic/meeting_set_for_a_weekday", "meeting_date", dt.date(2017, 9, 7)),
    # the sentence after a preview's lead says when: "Беседа лидеров намечена на понедельник, 31 августа"
    ("generic/day_after_the_lead_of_a_preview_ru", "meeting_date", dt.date(2020, 8, 31)),
    # a breadcrumb's last crumb names the page's headline, printed again over the story
    ("generic/breadcrumb_with_slashes_names_the_headline", "title", "Lavrov to Kishida: Russia not to return islands"),
    # a copy of the headline cut short with an ellipsis is no headline
    ("generic/headline_and_its_cut_short_copy_ru", "title",
     "Президент Дмитрий Медведев не откажется от поездки в Японию на саммит АТЭС"),
    # "Modified 7 марта, 16:11" is a byline's date, and the story has no headline
    ("generic/modified_line_over_the_story_ru", "title", None),
    # "in Russia's Vladivostok"; the press conference's city is where it was said
    ("generic/city_after_a_countrys_possessive", "place", "Vladivostok"),
    # a caption shows a meeting when the two deliver a joint statement; who is shown is in its
    # first sentence, not in the background after it
    ("generic/caption_of_a_joint_statement", "meeting_date", dt.date(2005, 5, 31)),
    ("generic/caption_of_a_joint_statement", "place", "Tokyo"),
    ("generic/caption_of_a_joint_statement", "participants", {"sergey-lavrov", "nobutaka-machimura"}),
    # a ticker of the latest story over the page; the headline printed twice over the text and
    # once more under it is still the headline
    ("generic/headline_printed_thrice_under_a_ticker", "title",
     "Russian Envoy Says 'Invited' to Japan Foreign Ministry Over Diplomat Detention"),
    ("generic/headline_printed_thrice_under_a_ticker", "participants", {"mikhail-galuzin"}),
    # past the third paragraph, a person of the other side counts only met by one already found
    ("generic/visit_announced_and_an_envoy_further_down_ru", "participants", {"sergey-lavrov"}),
    # "for about 20 minutes" is how long, not what the talks were about
    ("mofa_japan/call_for_about_twenty_minutes", "participants", {"naoto-kan", "dmitry-medvedev"}),
    # the occasion of a call, "following Mr. Okada's reappointment … under the new Government led
    # by Prime Minister Naoto Kan", names no party to it
    ("mofa_japan/call_after_a_reappointment", "participants", {"katsuya-okada", "sergey-lavrov"}),
    # the city of an event someone is invited to take part in is that event's
    ("generic/city_of_an_event_invited_to_ru", "place", None),
    # "the Japanese Consulate-General in Vladivostok" is a post, not a venue
    ("generic/consul_named_with_his_post", "place", None),
    # a time with its zone glued to the day ("14:18 GMT +324 March 2017"); an older story's photo
    # caption, dated months before the text, reports no meeting of this one
    ("generic/older_storys_photo_in_the_page", "published", dt.date(2017, 3, 24)),
    ("generic/older_storys_photo_in_the_page", "meeting_date", None),
    ("generic/older_storys_photo_in_the_page", "place", None),
    ("generic/older_storys_photo_in_the_page", "participants", set()),
    # a dateline with the year and the time before the agency; "может посетить" and "в
    # ближайшие месяцы" announce, so the day of a press conference is not the visit's
    ("generic/dateline_with_year_and_time_ru", "published", dt.date(2022, 1, 14)),
    ("generic/dateline_with_year_and_time_ru", "announces", True),
    ("generic/dateline_with_year_and_time_ru", "meeting_date", None),
    # "is studying an opportunity to organize a phone conversation" announces: the weekday the
    # spokesman spoke on is not the call's
    ("generic/call_being_studied", "announces", True),
    ("generic/call_being_studied", "meeting_date", None),
    # a line of names and nothing else is the caption of the people pictured, not a headline
    ("generic/caption_of_names_only", "title", None),
    # the story's first sentence printed over it as a summary is no headline
    ("generic/lead_printed_over_the_story", "title", None),
    ("generic/lead_printed_over_the_story", "participants", {"sergey-lavrov", "toshimitsu-motegi"}),
    # "консула японского генконсульства во Владивостоке" is a post, not a venue
    ("generic/consul_detained_in_a_city_ru", "place", None),
    # the city of other meetings held before ("follows the meetings … held in Tokyo on March 20")
    ("generic/strategic_dialogue_after_earlier_meetings", "place", None),
    # the Kremlin announcing a visit ahead: its date is not the meetings'
    ("kremlin/visit_announced_ahead", "meeting_date", None),
    ("kremlin/visit_announced_ahead", "announces", True),
    # TASS's site tools over the story ("You can filter your feed," / "by choosing only interesting")
    ("tass/site_tools_over_the_story", "title",
     "Russian-Japanese consultations at level of deputy FMs to take place on February 15"),
    # a caption that ends with its credit ("Фото автора") is no headline
    ("generic/caption_with_the_authors_credit_ru", "title", None),
    # "are still being worked out" is a plan: the weekday the source spoke on is not the meeting's
    ("generic/meeting_being_worked_out", "meeting_date", None),
    # Kyodo's dateline with the country and the day ("KHABAROVSK, Russia, Nov. 3, Kyodo") is no
    # headline, and the story's "Wednesday" counts from its day, not from the page's
    ("generic/kyodo_dateline_with_country_and_day", "title",
     "Japan, Russia foreign ministers hold talks on fisheries, energy - @KyodoNewsENG"),
    ("generic/kyodo_dateline_with_country_and_day", "meeting_date", dt.date(2010, 11, 3)),
    # a spokesman whose words a headline reports ("…, Kremlin spokesman Dmitry Peskov said") is no side of the talks
    ("generic/spokesman_attribution_ending_the_headline", "participants", {"vladimir-putin", "shinzo-abe"}),
    # a sentence opening with a past month ("Last December in Nagato, …") tells of another meeting
    ("generic/earlier_summit_opening_a_sentence", "participants", set()),
    # "The meeting between A and B follows an agreement between C and D": C and D did not meet now
    ("generic/meeting_follows_an_agreement_between_leaders", "participants", {"takeo-akiba", "igor-morgulov"}),
    # a statement to the press opens with its salutation; the host's welcome after it names the
    # guest, and "Премьер-министр … господин Мори" is the Mori who was prime minister
    ("kremlin/press_statement_opening_with_a_salutation_ru", "participants", {"vladimir-putin", "yoshiro-mori"}),
    # a site's cookie notice over the story is no headline
    ("generic/cookie_notice_above_the_story_ru", "title", "Лавров и Кисида провели переговоры в Москве"),
    # nor is the author's name with his post on the paper ("Анна Петрова (обозреватель отдела политики)")
    ("generic/byline_with_the_authors_post_ru", "title", "Лавров обсудил с послом Японии мирный договор"),
    # two capitals that speak together are the governments ("В Москве и Токио … подчеркивают")
    ("generic/two_capitals_speaking_ru", "place", None),
    # the city of an event of another month ("на апрельском форуме G20 в Лондоне") is no venue of this one
    ("generic/event_of_another_month_ru", "place", None),
    # what they also talked of ("говорили и о визите Владимира Путина") names no one at the talks
    ("generic/talked_also_of_a_visit_ru", "participants", {"sergey-naryshkin", "shinzo-abe"}),
    # nor does the sender of a message handed over ("a message from President Vladimir Putin")
    ("generic/message_from_the_president", "participants", {"konstantin-kosachev", "shinzo-abe"}),
    # the speaker named by his office ("President of Russia Vladimir Putin: ") and the salutation
    # open the statement; "the Japanese Prime Minister, Mr Mori" is the Mori who was prime minister
    ("kremlin/press_statement_by_the_presidents_office", "participants", {"vladimir-putin", "yoshiro-mori"}),
    # a paper's issue line ("Федеральный выпуск: №112") and "Текст:", the author with his post
    # after a comma, and a caption credited "Фото предоставлено …" are no headline
    ("generic/newspaper_issue_and_credits_ru", "title", None),
    ("generic/byline_with_the_authors_post_after_a_comma_ru", "title", None),
    ("generic/caption_credited_photo_provided_ru", "title", None),
    # the city of a meeting a sentence dates to another time ("В ноябре прошлого года на встрече в Сингапуре")
    ("generic/earlier_summit_city_ru", "place", None),
    # a wire photo's caption, with where each one stands ("(L)", "(R)") and the agency's
    # photographer ("UPI/Maxim Shipenkov | License Photo"), is no headline, nor its day the meeting's
    ("generic/wire_photo_caption_over_the_story", "title", "Lavrov in Tokyo for talks with Kishida"),
    ("generic/wire_photo_caption_over_the_story", "meeting_date", None),
    # a comment counter under the headline (", Comments 0 comments") is furniture
    ("generic/comment_counter_under_the_headline", "title", "Russia, Japan talks end without progress"),
    # datelines: an Asian paper's city with a colon ("TOKYO: …"), Jiji's city and two hyphens
    ("generic/asian_paper_dateline_with_a_colon", "place", "Tokyo"),
    ("generic/jiji_dateline_with_two_hyphens", "place", "Singapore"),
    # a summit named after a resort too small for the gazetteer ("the G8 Evian Summit") is held there
    ("mofa_japan/summit_named_after_a_resort", "place", "Evian"),
    # the lead's day ("agreed on Saturday") dates the talks a later sentence reports without one
    ("generic/lead_dates_what_was_agreed", "meeting_date", dt.date(2018, 3, 24)),
    # the press secretary who speaks at his briefing ("Press Secretary Hashimoto: …") is at no talks
    ("mofa_japan/press_conference_dated_in_its_headline", "participants", {"keizo-obuchi", "yevgeny-primakov"}),
    # a caption ending with its photographer and agency ("… Sergei Krasnoukhov / TASS") is no headline
    ("generic/photographer_and_agency_credit_under_the_byline", "title",
     "Japan Protests Russian Drills Near Disputed Islands"),
    # "said on Tuesday it had summoned …": the day is the saying's; the summons came before it
    ("generic/said_on_a_day_it_had_summoned", "meeting_date", None),
    # a line the page broke off before a possessive or a comma ("North Korea / 's denuclearization")
    # continues the sentence above: the first sentence is no headline, and its weekday dates the call
    ("generic/sentence_broken_before_a_possessive", "title", None),
    ("generic/sentence_broken_before_a_possessive", "meeting_date", dt.date(2018, 3, 19)),
    # a dateline without a city, its day first and the agency in brackets ("Feb. 22, 2018
    # (EIRNS)—"): its year dates the story over a capture stamp, and "today" is its day
    ("generic/dated_dateline_without_a_city", "published", dt.date(2018, 2, 22)),
    ("generic/dated_dateline_without_a_city", "meeting_date", dt.date(2018, 2, 22)),
    # who proposed the plan the talks take up is its author, not at them
    ("generic/plan_proposed_by_the_prime_minister", "participants", {"igor-shuvalov", "hiroshige-seko"}),
    # the ministry's older pages print the issuing office under a month-first date too; a summit
    # whose report names no one ("The two leaders conducted …") was held by Japan's prime
    # minister and Russia's president of the day
    ("mofa_japan/summit_meeting_naming_no_one", "publisher", "mofa-japan"),
    ("mofa_japan/summit_meeting_naming_no_one", "participants", {"yoshiro-mori", "vladimir-putin"}),
    # the byline sits under the headline, whatever captions follow it; a caption whose credit
    # the page broke off ("…onsen.(" / "Reuters: Toru Hanai") is none
    ("generic/byline_under_the_headline_then_captions", "title", "'Onsen summit': Putin meets Abe to 'heal rifts'"),
    # a date under the standfirst, with the outlet's name ("Deutsche Welle, 15 December 2016")
    ("generic/date_under_the_standfirst", "published", dt.date(2016, 12, 15)),
    # a deputy minister's "японский коллега" is no foreign minister; the outlet's date at the foot
    ("generic/deputy_ministers_counterpart_ru", "participants", {"igor-morgulov"}),
    ("generic/deputy_ministers_counterpart_ru", "published", dt.date(2020, 2, 6)),
    # the city of a meeting remembered ("Помню нашу встречу … в Иркутске") and of a detention
    # ("задержанием во Владивостоке консула") is no venue
    ("generic/transcript_remembering_an_earlier_meeting_ru", "place", None),
    ("generic/consul_detained_in_the_city_before_the_post_ru", "place", None),
    # a caption credited "© Outlet / Photographer" is no headline; its full date gives the
    # dateline's day its year ("24 ноября 2017" over "МОСКВА, 24 ноя"); the intergovernmental
    # commission ("межправкомиссии") is a meeting, its "в пятницу" that day
    ("generic/copyright_caption_over_the_dateline_ru", "title", None),
    ("generic/copyright_caption_over_the_dateline_ru", "published", dt.date(2017, 11, 24)),
    ("generic/copyright_caption_over_the_dateline_ru", "meeting_date", dt.date(2017, 11, 24)),
    # a caption broken over two lines, the first ending on "в", the second on "Фото ИТАР-ТАСС"
    ("generic/caption_broken_over_two_lines_ru", "title", None),
    # a foreign city after its country's adjective ("в турецкой Анталье"); one met in "recently"
    # ("Недавно в Нью-Йорке у нас состоялась … беседа") is another meeting's
    ("generic/city_after_a_country_adjective_ru", "place", "Antalya"),
    ("generic/recently_in_another_city_ru", "place", None),
    # the Russian Foreign Ministry's release, reposted elsewhere, keeps its headline "О
    # российско-японских консультациях" and is still the ministry's account
    ("generic/ministry_release_reposted_ru", "title", "О российско-японских консультациях"),
    ("generic/ministry_release_reposted_ru", "kind", "readout"),
    # a breadcrumb whose separators were lost, ending in the headline cut short, is furniture
    ("generic/breadcrumb_without_separators_ru", "title",
     "Путин и Абэ в двадцать пятый раз обсудили мирный договор и опять ни к чему не пришли"),
    # a site's offer of notifications and its appeal for support are furniture, not the story
    ("generic/notifications_prompt_and_support_appeal", "title", "Russian president arrives in Japan"),
    ("generic/notifications_prompt_and_support_appeal", "published", dt.date(2000, 9, 2)),
    # TASS's dateline with the city written as a word ("Moscow, December 17. /TASS/.")
    ("tass/dateline_city_as_a_word", "publisher", "tass"),
    # "the two countries' foreign ministers" are the ministers that day, not their deputies,
    # whose titles hold the minister's ("Deputy Minister of Foreign Affairs of …")
    ("generic/foreign_ministers_by_office_with_a_deputy_dated", "participants", {"sergey-lavrov", "taro-kono"}),
    # nor are "the deputy foreign ministers" the ministers, nor is the office after a name and a
    # comma ("Mr. Yoko Kamikawa, Minister for Foreign Affairs:") the other side's
    ("tass/site_tools_over_the_story", "participants", set()),
    ("mofa_japan/press_conference_by_foreign_minister", "participants", {"yoko-kamikawa"}),
    # the spokesman who tells of the talks after the verb ("…, сообщил журналистам
    # пресс-секретарь президента Дмитрий Песков") was not at them
    ("generic/spokesman_telling_of_a_call_ru", "participants", {"vladimir-putin", "fumio-kishida"}),
    # a headline put as a question is the headline, not the story's first line
    ("generic/headline_put_as_a_question", "title", "Can Tokyo and Moscow still agree on the islands?"),
    # a Russian agency's caption ends with the day of the photo ("… в Москве. 18 декабря 2020");
    # pictures' file names, and a caption with "(на фото)" and "Name/ AFP", are no headline
    ("generic/dated_caption_under_the_credit_ru", "title", "Лавров и Мотеги обсудили мирный договор"),
    ("generic/dated_caption_under_the_credit_ru", "published", dt.date(2020, 12, 18)),
    ("generic/pictures_file_names_and_a_pictured_caption_ru", "title", "Абэ и Путин договорились о визитах"),
    # the capital named for its country ("в японской столице") and a town after "городе"
    ("generic/meeting_in_the_japanese_capital_ru", "place", "Tokyo"),
    ("generic/welcome_to_the_capital_of_russia_ru", "place", "Moscow"),
    ("generic/meeting_in_a_japanese_town_named_ru", "place", "Nagato"),
    # the deck under the headline says where the sides met, before a quotation in the story
    # names the cities of earlier summits
    ("generic/deck_under_the_headline", "place", "Moscow"),
    # whose visit to come the talks prepare was not at them ("связаны с готовящимся визитом
    # Владимира Путина", "ahead of the upcoming visit of Prime Minister Shinzo Abe")
    ("generic/talks_preparing_a_visit_to_come_ru", "participants", {"sergey-lavrov", "taro-kono"}),
    ("generic/talks_ahead_of_a_visit_to_come", "participants", {"sergey-lavrov", "taro-kono"}),
    # a Russian transcript's first speaker by initials, however short his first words, and the
    # guest as the Kremlin prints him ("С.АБЭ (как переведено):") both speak
    ("kremlin/transcript_guest_in_capitals_ru", "participants", {"vladimir-putin", "shinzo-abe"}),
    # a wire caption signed by the agency without brackets ("… Mar 21, 2018. EPA-EFE/NICOLAS
    # DATICHE / POOL") is a caption and dates the meeting; the meeting the talks prepare ("Ahead
    # of the planned meeting between Prime Minister Shinzo Abe and President Vladimir Putin") has
    # other participants
    ("generic/agency_signed_caption_gives_the_day", "meeting_date", dt.date(2018, 3, 21)),
    ("generic/agency_signed_caption_gives_the_day", "participants", {"taro-kono", "sergey-lavrov"}),
    # a dateline closed by a colon is no speaker's label: the text is news, not a transcript
    ("generic/dateline_ending_in_a_colon", "kind", "news"),
    # a gist set in sections: the first section's heading, right above the text, is no headline
    ("generic/gist_set_in_sections", "title", "Gist of Kishida-Lavrov talks on April 15"),
    # a ministry page saved without its site: the headline "Japan-Russia Summit Telephone
    # Conversation" and "Mr. Vladimir Putin, President of the Russian Federation" say whose it is
    ("mofa_japan/summit_call_headline_without_site_furniture", "publisher", "mofa-japan"),
    ("mofa_japan/summit_call_headline_without_site_furniture", "kind", "readout"),
    # TASS's dateline with no period after the day ("MOSCOW, September 21 /TASS/.")
    ("tass/dateline_without_a_period_after_the_day", "publisher", "tass"),
    # the length on a line the page broke off ("… met for about 25 minutes on the fringes of the
    # Nuclear Security" / "Summit in Washington,"), and a teleconference's
    ("generic/length_on_a_line_broken_off", "duration", 25),
    ("generic/length_of_a_teleconference", "duration", 25),
    # consultations are a meeting in Russian as in English: the quoted release places them ("в
    # Токио состоялся очередной раунд консультаций"), not the next round's city
    ("generic/consultations_held_in_a_quoted_release_ru", "place", "Tokyo"),
    # a round announced "по итогам встречи …, состоявшейся в понедельник … в Маниле": the news is
    # of the meeting held
    ("tass/next_round_announced_after_a_meeting_held_ru", "place", "Manila"),
    ("tass/next_round_announced_after_a_meeting_held_ru", "participants", {"sergey-lavrov", "taro-kono"}),
    # two days of talks ("14 и 15 июня 2021 года … проведут консультации") began on the first
    ("generic/earlier_summit_city_ru", "meeting_date", dt.date(2021, 6, 14)),
    # a summit announced at the ministers' joint press conference: the news is of the ministers'
    # talks, where they met, and the leaders to meet later are none of their participants
    ("generic/meeting_announced_at_a_joint_press_conference_ru", "place", "Moscow"),
    ("generic/meeting_announced_at_a_joint_press_conference_ru", "participants", {"taro-kono", "sergey-lavrov"}),
    # the clock times a meeting began and ended ("продлилась с 18.30 до 19.40"), the first given;
    # the ministry's Iikura House is in Tokyo
    ("generic/meeting_from_one_clock_time_to_another_ru", "duration", 70),
    ("generic/meeting_from_one_clock_time_to_another_ru", "place", "Tokyo"),
    # headed "(основное содержание)", as Japan's embassy heads the ministry's overviews in Russian
    ("generic/meeting_from_one_clock_time_to_another_ru", "kind", "readout"),
    # under a headline of a visit, who met on it are read without the spokesman who told of it
    ("generic/visit_headline_and_a_spokesman_telling", "participants", {"shinzo-abe", "vladimir-putin"}),
    # "…, Kishida said at a meeting with … Shuvalov": the two met; whose visit he spoke of did not
    ("tass/said_at_a_meeting_after_naming_past_visits", "participants", {"fumio-kishida", "igor-shuvalov"}),
    # the leaders whose decision or agreements the ministers' talks carry out were not at them
    ("generic/talks_under_the_leaders_decision", "participants", {"sergey-lavrov", "taro-kono"}),
    # "…'s remarks following talks with …": words to the press after the talks
    ("generic/talks_under_the_leaders_decision", "kind", "press-conference"),
    ("generic/following_the_leaders_agreements_ru", "participants", {"sergey-lavrov", "taro-kono"}),
    # the Prime Minister's Office publishes its own accounts, not news of them
    ("generic/prime_ministers_office_day_of_meetings", "kind", "readout"),
    # "16 of December, 09:35", a Russian site's date and time in English, is no headline
    ("generic/day_of_month_stamp_over_the_story", "title", None),
    # a transcript that opens with the guest's words and has the President answer under his full
    # name is the President's own site's, and his account of the talks
    ("kremlin/transcript_opening_with_the_guests_words", "publisher", "kremlin"),
    ("kremlin/transcript_opening_with_the_guests_words", "kind", "readout"),
    # "Moscow says Abe's visit … opened a new stage": whom the headline's words name is what was
    # said, not who met
    ("tass/headline_says_of_an_earlier_visit", "participants", {"sergey-lavrov", "fumio-kishida"}),
    # nor in Russian ("передал послание своего премьер-министра …")
    ("generic/message_of_the_prime_minister_handed_over_ru", "participants", {"toshimitsu-motegi", "vladimir-putin"}),
    # the one who speaks of "the meeting between" the headline's two was not at it
    ("kremlin/comments_under_the_site_footer", "participants", {"vladimir-putin", "shinzo-abe"}),
    # a room of the Kremlin is in Moscow
    ("mofa_japan/meeting_in_a_room_of_the_kremlin", "place", "Moscow"),
    # a site's rubric, a date and a clock time ("Politics 14 March 2012 09:40 (UTC +04:00)") stamp
    # the story: its date is the published date, and the line no headline
    ("generic/stamp_of_rubric_date_and_time", "title", "Russian foreign minister arrives in Tokyo for talks"),
    ("generic/stamp_of_rubric_date_and_time", "published", dt.date(2012, 3, 14)),
    # so does a clock time with its zone before the date ("09:15 JST, November 2, 2016"); "on
    # Tuesday" is then the day before
    ("generic/stamp_of_time_zone_and_date", "title", None),
    ("generic/stamp_of_time_zone_and_date", "published", dt.date(2016, 11, 2)),
    ("generic/stamp_of_time_zone_and_date", "meeting_date", dt.date(2016, 11, 1)),
    # a numbered part of the summary tells what was discussed: its city is no meeting's place
    ("mofa_japan/summary_part_names_another_meetings_city", "place", None),
    # "a meeting with Noda's special envoy Yoshiro Mori": the envoy met, not the one he serves
    ("generic/meeting_with_the_prime_ministers_envoy", "participants", {"vladimir-putin", "yoshiro-mori"}),
    # "X discussed … with Russian counterpart Y during talks": the counterpart met, though named
    # after the turn to what was discussed
    ("generic/discussed_with_the_russian_counterpart", "participants", {"taro-kono", "sergey-lavrov"}),
    # "…, X said prior to a meeting with Y": the two met
    ("tass/said_prior_to_a_meeting_with", "participants", {"maxim-oreshkin", "hiroshige-seko"}),
    # a "teleconference", as Japan's English calls talks on screen, is held on video, and the
    # dateline's city is no place of it
    ("generic/teleconference_has_no_place", "format", "video"),
    ("generic/teleconference_has_no_place", "place", None),
    # words to an audience, "Уважаемые дамы и господа," with the courtesy before, are a press
    # conference's, on an outlet's page too
    ("generic/press_statement_to_dear_ladies_and_gentlemen_ru", "kind", "press-conference"),
    # the author's post under his name, the note about him and the story's tags are the paper's;
    # "главу … правительства принял в Ново-Огареве президент …" is the guest received, at the
    # President's residence outside Moscow, on the Saturday before the date
    ("generic/guest_received_at_novo_ogaryovo_ru", "title", "Из Ново-Огарева вид на острова не прояснился"),
    ("generic/guest_received_at_novo_ogaryovo_ru", "meeting_date", dt.date(2008, 5, 10)),
    ("generic/guest_received_at_novo_ogaryovo_ru", "place", "Moscow"),
    ("generic/guest_received_at_novo_ogaryovo_ru", "format", "in-person"),
    # "договорённость о следующей встрече на саммите АТЭС во Владивостоке": the next meeting's city
    ("kremlin/next_meeting_agreed_at_a_summit_ru", "place", None),
    # to attend the two countries' own commission is to meet there: the announced session is the
    # meeting, not the ministers' earlier talks where it was agreed
    ("generic/visit_to_attend_the_intergovernmental_commission_ru", "meeting_date", dt.date(2017, 11, 20)),
    ("generic/visit_to_attend_the_intergovernmental_commission_ru", "place", "Tokyo"),
    # the site's rubric glued to the stamp's day ("НовостиПолитика14 апреля 2019 5:10") is still the
    # published date; of the headline and the shorter deck right under the stamp, the first is the headline
    ("generic/rubric_glued_to_the_stamp_ru", "published", dt.date(2019, 4, 14)),
    ("generic/rubric_glued_to_the_stamp_ru", "title",
     "Лавров в Москве обсудил с японским коллегой подготовку к визиту Абэ"),
    # a summit announced, then the announcer's words "сказал … в ходе встречи с японским коллегой
    # Таро Коно": the news is of the ministers' meeting held, not of the summit to come
    ("generic/words_said_at_a_meeting_after_an_announcement_ru", "participants", {"sergey-lavrov", "taro-kono"}),
    # a commission's "заседание" is a meeting, and its place is the meeting's; "со 2 по 6 апреля" is
    # a span, which gives no one day
    ("generic/commission_session_over_several_days_ru", "place", "Tokyo"),
    ("generic/commission_session_over_several_days_ru", "meeting_date", None),
    # a story that relays what a spokesman told ("…, сообщил журналистам … пресс-секретарь …") is
    # filed where the spokesman spoke, not where the leaders talked: its dateline is no place
    ("generic/spokesman_relays_a_talk_under_a_dateline_ru", "place", None),
    # the ministry's "Mr. Name, Deputy Chief Cabinet Secretary" and each side's remarks set out "made
    # the following remarks" in numbered points, on a page without the site's furniture
    ("mofa_japan/remarks_set_out_in_numbered_points", "publisher", "mofa-japan"),
    ("mofa_japan/remarks_set_out_in_numbered_points", "kind", "readout"),
    # a headline the copy ran into the first sentence ("… of Japan The Foreign Minister of Russia
    # …"): an article is capitalised mid-sentence only in a name, so it starts the story
    ("generic/headline_run_into_the_first_sentence", "title",
     "Lavrov discussed the peace treaty with the Foreign Minister of Japan"),
    # the line over a byline ("Ahmed Khan (@AhmedKhan) 2 hours ago …") is the headline, not the long
    # lead below it that lacks its final period
    ("generic/headline_over_a_byline_of_hours_ago", "title", "Lavrov Thanks Kono For Frank Talks - Ministry"),
    # what the ministers "договорились о проведении" is another meeting: its "2+2" is neither this
    # meeting's format nor a reason to seat the defence ministers at it
    ("generic/two_plus_two_agreed_at_a_meeting_ru", "format", "in-person"),
    ("generic/two_plus_two_agreed_at_a_meeting_ru", "participants", {"sergey-lavrov", "fumio-kishida"}),
    ("generic/two_plus_two_agreed_at_a_meeting_ru", "meeting_date", None),
    # the speaker says where he is ("здесь, в Хабаровске"), and the Moscow Kremlin is in Moscow
    ("kremlin/press_statement_here_in_a_city_ru", "place", "Khabarovsk"),
    ("kremlin/guest_welcomed_in_the_moscow_kremlin_ru", "place", "Moscow"),
    # a site's calendar is furniture, and a rubric glued to the headline ("ПолитикаПутин …") no part of it
    ("generic/calendar_and_rubric_glued_to_the_headline_ru", "title", "Путин и Абэ обсудили мирный договор"),
    # the older pages' headline with its city ("Japan-Russia Summit Meeting in Khabarovsk"), and
    # "The following is an overview of telephone talks that …"
    ("mofa_japan/older_layout_summit_in_a_city", "publisher", "mofa-japan"),
    ("mofa_japan/older_layout_overview_of_telephone_talks", "publisher", "mofa-japan"),
    ("mofa_japan/older_layout_overview_of_telephone_talks", "kind", "readout"),
    # "X on Thursday urged … / X also protested … in a meeting …": the lead's day is the meeting's
    ("generic/meeting_sentence_goes_on_from_the_lead", "meeting_date", dt.date(2019, 12, 19)),
    # the site's maintenance notice is furniture; the stamp's rubric may hold a slash and its year
    # "г." before the time ("Дальний Восток / Новости 15 апреля 2013 г. 11:20")
    ("generic/regional_stamp_and_maintenance_notice_ru", "title",
     "Японские рыбаки смогут продолжить промысел у Курил"),
    ("generic/regional_stamp_and_maintenance_notice_ru", "published", dt.date(2013, 4, 15)),
    # a story that relays another outlet ("…, сообщает NHK") is not placed by its dateline
    ("generic/preview_relayed_from_another_outlet_ru", "place", None),
    # a spokesperson, by the office the registry gives her, is no side of the talks she tells of,
    # nor is the leader on whose visit the talks were agreed
    ("mid_russia/spokesperson_answers_about_consultations_agreed_on_a_visit", "participants", set()),
    # "… Spokesperson Maria Zakharova's answer to a media question": the ministry's, a press conference's
    ("mid_russia/spokesperson_answers_about_consultations_agreed_on_a_visit", "kind", "press-conference"),
    # the summit whose results the talks build on ("в развитие итогов … встречи … в Лиме") was
    # another meeting, and its city not this one's
    ("generic/talks_building_on_an_earlier_summit_ru", "place", None),
    # "… may meet on November 20 in Moscow, X said at the meeting with Y … in Vladivostok": the
    # meeting is where and when it was said (the dateline's day), not the session announced
    ("tass/next_session_announced_at_a_meeting_held", "place", "Vladivostok"),
    ("tass/next_session_announced_at_a_meeting_held", "meeting_date", dt.date(2018, 9, 4)),
    ("tass/next_session_announced_at_a_meeting_held", "participants", {"maxim-oreshkin", "taro-kono"}),
    # the line over a photo's credit ("Фото: ТАСС, …") is its caption, under a headline already given
    ("generic/caption_over_its_credit_under_the_deck_ru", "title", "Начальник Генштаба прибыл в Токио"),
    # the site's date of today over its clock ("Сейчас 21:14") is the day of the copy, not the story's
    ("generic/sites_date_and_clock_of_today_ru", "published", dt.date(2007, 10, 17)),
    ("generic/sites_date_and_clock_of_today_ru", "title", "Посол Японии встретился с губернатором области"),
    # whose visit is being prepared, "господина Абэ", is not at the talks that prepare it
    ("generic/preparing_the_visit_of_mister_ru", "participants", {"igor-shuvalov", "hiroshige-seko"}),
    # the period an archive files the page under ("Январь-март 2010") gives "18 марта" its year
    ("generic/day_under_an_archive_period_heading_ru", "meeting_date", dt.date(2010, 3, 18)),
    # the city of a meeting proposed ("предложил … встретиться на саммите АТЭС в Пекине") is not the
    # place of the talk in which it was proposed
    ("generic/meeting_proposed_at_a_summit_ru", "place", None),
    # the registry knows the holders of the offices that meet, not only ministers: two governors
    ("generic/governors_of_neighbouring_regions_meet", "participants", {"harumi-takahashi", "alexander-khoroshavin"}),
    ("generic/governors_of_neighbouring_regions_meet", "place", "Sapporo"),
    ("generic/governors_of_neighbouring_regions_meet", "meeting_date", dt.date(2012, 10, 12)),
    # Russia's ministry dates its texts with the place they were given out: "Токио, 12 марта 2010 года"
    ("generic/ministry_place_and_date_line_ru", "published", dt.date(2010, 3, 12)),
    ("generic/ministry_place_and_date_line_ru", "place", "Tokyo"),  # where the text was given
    ("generic/ministry_place_and_date_line_ru", "title",
     "Выступление Министра иностранных дел России С.В.Лаврова на совместной пресс-конференции по итогам "
     "переговоров с Министром иностранных дел Японии К.Окадой, Токио"),
    # a rubric, the day and the time after a slash: "Политика 14 мая, 2018 / 11:20"
    ("generic/rubric_and_date_with_a_slash_ru", "published", dt.date(2018, 5, 14)),
    ("generic/rubric_and_date_with_a_slash_ru", "title",
     "Премьер Японии и президент России обсудили по телефону ситуацию в регионе"),
    # an agency's dateline with the dash typed as a hyphen is a dateline, not a headline
    ("generic/agency_after_a_hyphen_ru", "title", "Посол Японии вручил верительные грамоты"),
    ("generic/agency_after_a_hyphen_ru", "outlet", "Новости-Регион"),
    # a deck that opens with "И" carries on from the headline, the page's stamp under both
    ("generic/deck_carrying_on_over_the_stamp_ru", "title",
     "Заместители министров иностранных дел России и Японии провели консультации в Москве"),
    ("generic/deck_carrying_on_over_the_stamp_ru", "published", dt.date(2017, 3, 20)),
    # the masthead's day over the story is the day the page was saved; the story's is the earlier
    ("generic/masthead_date_over_the_story_ru", "published", dt.date(2007, 4, 12)),
    ("generic/masthead_date_over_the_story_ru", "title", "Лавров и Асо обсудили мирный договор"),
    # MOFA's older issuing-office line names its country: "Ministry of Foreign Affairs, Japan"
    ("mofa_japan/issuing_office_with_its_country", "publisher", "mofa-japan"),
    ("mofa_japan/issuing_office_with_its_country", "participants", {"yoriko-kawaguchi", "igor-ivanov"}),
    # what was said announces a visit to come; who met is told after the verb of saying
    ("generic/visit_announced_after_the_talks", "participants", {"taro-kono", "sergey-lavrov"}),
    ("generic/visit_announced_after_the_talks_ru", "participants", {"sergey-lavrov", "fumio-kishida"}),
    # a wire copy's lines wrapped at one width: a line longer than the width is the story's own
    # paragraph, not the run-on of the headline above it
    ("tass/wire_copy_headline_as_wide_as_its_lines", "title",
     "Lavrov and Okada agree to keep up dialogue on the peace treaty"),
    ("tass/wire_copy_headline_as_wide_as_its_lines", "place", "Singapore"),
    # a site's tagline in a sentence over the headline: the story starts at the dateline
    ("generic/site_tagline_over_the_headline", "title", "Putin and Abe hold first meeting on APEC sidelines"),
    ("generic/site_tagline_over_the_headline", "place", "Hanoi"),
    # a photo's credit glued to the headline is furniture, and the site it names did not publish the text
    ("generic/photo_credit_glued_to_the_headline_ru", "publisher", "other"),
    ("generic/photo_credit_glued_to_the_headline_ru", "title",
     "Путин и Кисида обсудили по телефону подготовку к саммиту АТЭС"),
    # a summoned ambassador is spoken of by his post where the one who received him is named
    ("generic/summoning_official_named_later_ru", "participants", {"mikhail-galuzin", "takeo-mori"}),
    # meetings the story places in a prefecture were not held in the city it was filed from
    ("tass/meetings_held_in_a_prefecture", "place", None),
    # a release headed "О встрече …" that ends in a name's initials ("Моргулова И.В.") is no sentence,
    # and "40 мин." is the minutes shortened
    ("generic/release_headline_ending_in_initials_ru", "title",
     "О встрече Посла Японии в России Т. Харада и Заместителя Министра иностранных дел РФ Моргулова И.В."),
    ("generic/release_headline_ending_in_initials_ru", "kind", "readout"),
    ("generic/release_headline_ending_in_initials_ru", "duration", 40),
    # words said at the meeting may be of days to come; the saying was that day's
    ("tass/future_said_at_the_meeting", "meeting_date", dt.date(2017, 7, 3)),
    # a wire photo's caption credited "REUTERS Photo" is a caption, and its full date the meeting's
    ("generic/agency_photo_credited_after_the_caption", "meeting_date", dt.date(2016, 5, 6)),
    ("generic/agency_photo_credited_after_the_caption", "place", "Sochi"),
    # a meeting proposed, and the sentence after telling it was proposed in a call: a call, no place
    ("generic/meeting_proposed_in_a_call_ru", "format", "telephone"),
    ("generic/meeting_proposed_in_a_call_ru", "place", None),
    ("generic/meeting_proposed_in_a_call_ru", "occasion", None),  # the forum is where they will meet
    ("generic/visit_headline_and_a_spokesman_telling", "format", "telephone"),
    # one who speaks of "our talks" with the one named is his counterpart: with no day known, the one
    # who held the office throughout the named person's tenure (Lavrov for Kishida as foreign
    # minister; Putin, president, for Koizumi as prime minister)
    ("generic/minister_speaking_of_our_talks_ru", "participants", {"fumio-kishida", "sergey-lavrov"}),
    ("generic/leader_speaking_of_our_talks", "participants", {"junichiro-koizumi", "vladimir-putin"}),
    # Kommersant names itself by its hard sign in quotes
    ("generic/paper_naming_itself_by_its_letter_ru", "outlet", "Kommersant"),
    # with no one named where the meeting is reported, the first of three opening paragraphs that
    # names both sides names who met; but not who said it, after the quote
    ("generic/both_sides_named_in_the_third_paragraph", "participants", {"takeo-mori", "igor-morgulov"}),
    ("generic/quote_naming_the_envoy_and_its_speaker_ru", "participants", set()),
    # Kommersant's lead closes with where its correspondent reports from, the city of the talks
    ("generic/paper_reporting_from_the_city_ru", "place", "Vladivostok"),
    # "X сообщил на пресс-конференции, что …": whom his words name is not of his talks
    ("generic/told_the_press_what_was_said_ru", "participants", {"fumio-kishida", "sergey-lavrov"}),
    # the Prime Minister's Office's gallery text ("Photograph of Prime Minister …") marks its own
    # account, made the day of the meeting
    ("generic/prime_ministers_office_gallery_page", "kind", "readout"),
    ("generic/prime_ministers_office_gallery_page", "meeting_date", dt.date(2016, 9, 3)),
    # a length told late, of "his talks with" the counterpart
    ("tass/length_of_his_talks_with_the_counterpart", "duration", 120),
    # a lead that tells what the leaders signed gives the day of the meeting a later sentence reports
    ("generic/statement_signed_in_the_lead", "meeting_date", dt.date(2013, 4, 29)),
    # a paper's issue number before the day: "N°45, 12 марта 2010"
    ("generic/issue_number_and_date_ru", "published", dt.date(2010, 3, 12)),
    # a "2+2" seats four ministers: those named further down or under the photo were there too
    ("generic/two_plus_two_minister_named_further_down", "participants",
     {"sergey-shoigu", "tomomi-inada", "fumio-kishida"}),
    ("generic/two_plus_two_ministers_under_the_photo_ru", "participants",
     {"takeshi-iwaya", "taro-kono", "sergey-lavrov", "sergey-shoigu"}),
    # an agency's name in capitals and the full date open the story: "OREANDA-NEWS. May 15, 2009."
    ("generic/agency_name_and_full_date_first", "published", dt.date(2010, 10, 12)),
    # wire copy names who said it after a colon at the headline's end: he is not of the meeting
    ("generic/wire_headline_names_the_speaker_last", "participants", {"sergey-lavrov", "fumio-kishida"}),
    # a visit of several days from a day ("for three days from Nov. 12") does not say which day they met
    ("generic/visit_of_several_days_from_a_day", "meeting_date", None),
    ("generic/visit_of_several_days_from_a_day", "published", dt.date(2010, 11, 5)),
    # the agency and the day in brackets under the story date it: "(Xinhua News Agency March 1, 2007)"
    ("generic/agency_credit_and_date_in_brackets_at_the_foot", "published", dt.date(2007, 10, 24)),
    # who met, told in the attribution: "…, officials said after a meeting between X and his counterpart Y"
    ("generic/agency_credit_and_date_in_brackets_at_the_foot", "participants", {"masahiko-komura", "sergey-lavrov"}),
    # "Переговоры продолжались пять часов": the Russian verb of lasting, the hours in words
    ("generic/length_of_talks_continued_ru", "duration", 300),
    # a breadcrumb from "Home >" whatever its sections' length, and a weekday's stamp that is no dateline
    ("generic/briefing_breadcrumb_and_weekday_stamp", "title",
     "Press Conference by the Chief Cabinet Secretary (Excerpt)"),
    ("generic/briefing_breadcrumb_and_weekday_stamp", "kind", "press-conference"),
    ("generic/briefing_breadcrumb_and_weekday_stamp", "meeting_date", dt.date(2016, 11, 10)),
    # the Kremlin's headline names the event and the guest, no verb: reposted, still its account
    ("generic/government_account_headed_by_the_event_reposted", "kind", "readout"),
    # "в Думе города …" is a city's council, not Douma in Syria
    ("generic/city_council_named_duma_ru", "place", None),
    # a title-case headline wrapped onto two lines is one headline
    ("generic/title_case_headline_wrapped_on_two_lines", "title",
     "Prime Minister Meets With Russian Foreign Minister Igor Ivanov at the Official Residence"),
    # the deck under the page's date under the headline is no headline; nor is an English one under a Japanese
    ("generic/deck_under_the_date_under_the_headline_ru", "title",
     "Губернатор Сахалинской области встретился с генеральным консулом Японии"),
    ("generic/japanese_headline_over_the_english_one", "title", "Abe, Putin Agree to Speed Up Peace Treaty Talks"),
    # a site's stamp opening with a short weekday ("Mon, 11/30/2009") names no city (Mons, Belgium)
    ("generic/site_stamp_with_a_short_weekday", "place", "Tokyo"),
    ("generic/site_stamp_with_a_short_weekday", "published", dt.date(2009, 11, 30)),
    # "Сообщение … агентства «…»." under the headline credits the outlet, named in the nominative
    ("generic/regional_agency_credit_under_the_headline_ru", "title",
     "Губернатор Приморья принял генерального консула Японии"),
    ("generic/regional_agency_credit_under_the_headline_ru", "outlet",
     "Дальневосточное информационное агентство «Восток-Медиа»"),
    # a site's menu copied an item to a line holds no headline
    ("generic/site_menu_an_item_to_a_line", "title", "Putin and Koizumi meet on sidelines of G8 summit"),
    # a site's appeal to follow its channel is no sentence of the story
    ("generic/appeal_to_follow_the_channel_ru", "title",
     "Лавров и Мотеги обсудили по телефону подготовку к переговорам"),
    # who met but is not in people.yaml is named by the id an entry would give them (shown as the
    # name, asked for by `readouts check`); a third country's leader met the same day is not
    ("generic/unlisted_people_who_met", "participants", {"naomi-kitaura", "pavel-sorokin"}),
    ("generic/third_country_leaders_met_the_same_day", "participants", {"taro-aso", "dmitry-medvedev"}),
    # Russian declines them and writes a Japanese name in Polivanov's letters: "Игорь Садовников",
    # "с … консулом … Кэнсукэ Мацудой" (Kensuke Matsuda)
    ("generic/unlisted_people_who_met_ru", "participants", {"igor-sadovnikov", "kensuke-matsuda"}),
    # a Japanese name Russian prints in Japanese order, family name first: "Маруяма Кэнсиро"
    ("generic/japanese_name_family_first_ru", "participants", {"andrey-lomakin", "kenshiro-maruyama"}),
    # MOFA's "Mr. Ushakow Yuri": family name first and spelled otherwise, still the one people.yaml lists
    ("generic/russian_name_written_family_first", "participants", {"ken-ishigami", "yury-ushakov"}),
    # a closing line tells the meeting's length though it names no one: "Встреча продолжалась около часа"
    ("generic/length_told_in_a_closing_line_ru", "duration", 60),
    # a regional paper's dateline with no agency: "ЮЖНО-САХАЛИНСК, 12 марта 2020."
    ("generic/unlisted_people_who_met_ru", "published", dt.date(2020, 3, 12)),
    ("generic/unlisted_people_who_met_ru", "place", "Yuzhno-Sakhalinsk"),
    # a section's name a breadcrumb trail above prints run together ("TopNews from the Prime
    # MinisterMarch, 2004") is no headline, though the headline under it would pass for its deck
    ("generic/section_name_in_a_run_together_trail", "title", "Prime Minister Meets the Governor of Sakhalin Oblast"),
    # "Mr. Koichi Hirano": the title's full stop opens no sentence, so his given name tells him from
    # Hirofumi Hirano, whose family name he bears, and he is someone people.yaml does not list
    ("generic/namesake_of_a_listed_person", "participants", {"valery-limarenko", "koichi-hirano"}),
    # "сегодня принял Такаси Ёсиду, который завершает работу в качестве консула": received by name
    # alone, with his post after him, and "сегодня" dates it by the dateline's day
    ("generic/received_by_name_ru", "participants", {"andrey-petrov", "takashi-yoshida"}),
    ("generic/received_by_name_ru", "meeting_date", dt.date(2015, 10, 14)),
    # "Олег Сергеев и Коитиро Сато обсудили …": two named as one subject of the talks' verb met;
    # a regional agency's hyphened name in the dateline ("ВЛАДИВОСТОК. 6 мая. ВОСТОК-МЕДИА - "),
    # and a meeting "в краевой администрации" is in the region's city, not somewhere in the region
    ("generic/two_named_as_one_subject_ru", "participants", {"oleg-sergeev", "koichiro-sato"}),
    ("generic/two_named_as_one_subject_ru", "place", "Vladivostok"),
    # whose act a summons is "in light of", or a talk's "assessment of", is not at it
    ("generic/summoned_in_light_of_a_visit", "participants", {"mikhail-galuzin", "takeo-mori"}),
    # a predecessor ("who will replace Vladimir Putin") and the one whose letter is handed over
    # ("handed Medvedev Koizumi's letter") are not at the talks
    ("generic/a_leaders_letter_and_his_predecessor", "participants", {"dmitry-medvedev", "yasuo-fukuda"}),
    # "based on the line taken by Putin and … Mori": the ground of the talks, not who held them
    ("generic/talks_based_on_an_earlier_line", "participants", {"junichiro-koizumi", "vladimir-putin"}),
    # "© REUTERS / … /PoolVladimir Putin and Shinzo Abe arrive …" and the caption again under it:
    # a photo's credit and caption, never the lead
    ("generic/photo_credit_with_its_caption", "participants", {"hiroshige-seko", "maxim-oreshkin"}),
    ("generic/photo_credit_with_its_caption", "place", "Moscow"),
    # a site's weather for its city over the page is no headline
    ("generic/weather_over_the_page", "title", "Russian, Japanese ministers discuss fisheries by phone"),
    ("generic/photo_credit_with_its_caption", "title", "Minister Says December Visit Helped Ties - Agency"),
    # the other side found where the guest "в Россию с официальным визитом прибыл"
    ("generic/guest_arrived_on_a_visit_ru", "participants", {"vladimir-putin", "shinzo-abe"}),
    # a lead about a visit to come ("собирается посетить") names its visitor, not who met
    ("generic/meeting_after_a_visit_to_come_ru", "participants", {"oleg-kozhemyako", "akira-imamura"}),
    # "С российской стороны группу возглавляет …": who heads a side
    ("generic/side_headed_by_ru", "participants", {"hiroshige-seko", "maxim-oreshkin"}),
    # a post of seven words before the name; "Хадзимэ" ends as no family name, so the order stays
    ("generic/name_after_a_long_post_ru", "participants", {"evgeny-afanasiev", "hajime-hayashi"}),
    # wire style's weekday after the talk, without "on": "in a telephone conversation Tuesday"
    ("generic/weekday_after_the_conversation", "meeting_date", dt.date(2011, 9, 6)),
    # "In his recent conversation with …, … the spokesman told reporters on Thursday": a recent talk
    # is not of the day it is told of, nor of the dateline's city
    ("generic/recent_talk_told_later", "meeting_date", None),
    ("generic/recent_talk_told_later", "place", None),
    # a story's reading time glued to its date: "2 MIN READMar 12, 2019 | 10:05 GMT"
    ("generic/reading_time_glued_to_the_date", "published", dt.date(2019, 3, 12)),
    # "Tuesday's meeting … was attended by …": who attended it met
    ("generic/meeting_attended_by", "participants", {"takeo-mori", "igor-morgulov"}),
    # a forum post's number before the headline, and its "Posted: Wed Aug 16, 2006 2:59 pm"
    ("generic/forum_post_with_its_number", "title", "Japan protests as Russia seizes fishing boat"),
    ("generic/forum_post_with_its_number", "published", dt.date(2006, 8, 16)),
    # a site's lower-case label on the headline's line: "новость Глава МИД Японии …"
    ("generic/lower_case_label_before_the_headline_ru", "title",
     "Глава МИД Японии приедет в Москву обсуждать мирный договор"),
    # "е" for "ё" at a Japanese name's start ("Еити Масудзоэ" is Yoichi Masuzoe); a first word ending
    # "-ao" is a given name, so "Курао Ониси" stays in that order
    ("generic/japanese_name_with_e_for_yo_ru", "participants", {"sergey-sobyanin", "yoichi-masuzoe"}),
    ("generic/given_name_first_ending_ao_ru", "participants", {"anatoly-pakhomov", "kurao-onishi"}),
    # the summoned ambassador spoken of as "the diplomat" where the one who received him is named
    ("generic/summoned_ambassador_called_the_diplomat_ru", "participants", {"toyohisa-kozuki", "andrey-rudenko"}),
    # a stamp of the time, a dash, the day and the page's views: "11:07 - 5.11.2016 / 442 просмотра"
    ("generic/stamp_with_a_dash_and_views_ru", "title",
     "Японские инвесторы вложили в Дальний Восток миллиард долларов"),
    ("generic/stamp_with_a_dash_and_views_ru", "published", dt.date(2016, 11, 5)),
    # who made the ties ("created by Russian President Vladimir Putin"), one who has died ("late former
    # Prime Minister Shinzo Abe"), and a quotation's names where its comma sits inside the closing
    # mark ("…," Suzuki said at a meeting with …) are not at the talks
    ("tass/ties_made_by_a_late_leader", "participants", {"muneo-suzuki", "konstantin-kosachev"}),
    # "по подготовке к визиту Президента России Владимира Путина": the visitor to come, capitalised
    ("generic/commission_preparing_a_presidents_visit_ru", "participants", {"igor-shuvalov", "fumio-kishida"}),
    # a photo's caption of names and the day it was taken, "Vladimir Putin and Taro Aso (12 May 2009)",
    # and a picture's Russian alternative text, "Фотография …", are no headlines
    ("generic/caption_of_names_and_the_day", "title", "Japan and Russia sign energy deal"),
    # and the page's "Page last updated at 17:31 GMT, Tuesday, 12 May 2009 18:31 UK" dates it
    ("generic/caption_of_names_and_the_day", "published", dt.date(2009, 5, 12)),
    ("generic/photo_alt_text_ru", "title", "Встреча на высшем уровне глав государств России и Японии"),
    ("generic/photo_alt_text_ru", "published", dt.date(2016, 12, 26)),  # "平成28年 (2016年) 12月 26日"
    # a Russian family name that is a common noun too, declined as the noun: "Александром Роликом" → Ролик
    ("generic/family_name_that_is_a_noun_ru", "participants", {"kensuke-matsuda", "alexander-rolik"}),
    # a Japanese family name the dictionary knows as a foreign place that does not decline: "Кавасаки"
    ("generic/japanese_family_name_that_is_a_place_ru", "participants", {"shigeru-kawasaki", "alexander-sokolov"}),
    # a side's head named after "возглавил" is a participant, whether or not people.yaml lists him
    ("generic/heads_of_both_sides_unlisted_ru", "participants", {"pyotr-savchenko", "kenji-ogata"}),
    # a Japanese name printed family name first, its given name known to a dictionary of given names
    ("generic/japanese_given_name_known_family_first_ru", "participants", {"oleg-petrenko", "shigeru-yamada"}),
    # a breadcrumb's rubrics glued to the headline are set apart, each of them
    ("generic/breadcrumb_of_rubrics_glued_ru", "title", "Посол России вызван в МИД Японии"),
    # a headline glued to the date line under it: both read once apart
    ("generic/date_line_glued_to_headline_ru", "title", "Губернатор обсудил с консулом Японии туризм"),
    ("generic/date_line_glued_to_headline_ru", "published", dt.date(2012, 5, 15)),
    # a statement's title closing with its date in brackets is a headline, not a sentence
    ("generic/statement_title_with_its_date_ru", "title",
     "Заявление министра иностранных дел Японии по итогам российско-японских консультаций в Токио (12 марта 2018 г.)"),
    # a joint press conference is held the day of the talks, whatever its speakers say of talks to go on
    ("kremlin/joint_press_conference_of_talks_to_go_on_ru", "meeting_date", dt.date(2013, 5, 10)),
    # who chaired a commission's session met, though named after the quotes' speaker
    ("generic/commission_session_co_chaired_by", "participants", {"igor-shuvalov", "fumio-kishida"}),
    # an image's file name on a line of its own is the picture's place, not the headline's deck
    ("generic/image_file_name_between_the_lines", "title", "Sakhalin and Hokkaido plan a ferry line"),
    # a deck set above the paragraph with a regional agency's dateline ("Хабаровск, ИА Дальвесть."):
    # the dateline still places the story
    ("generic/deck_above_a_regional_agency_dateline_ru", "place", "Khabarovsk"),
    # who heads a delegation, named right after "возглавляет", family name first, that name a place's
    ("generic/delegation_headed_by_a_family_name_that_is_a_place_ru", "participants",
     {"oleg-petrenko", "hideki-yamaguchi"}),
    # talks about a "2+2" to come are no "2+2": its four ministers are not at them
    ("tass/talks_about_a_two_plus_two_to_come", "participants", {"igor-morgulov", "toyohisa-kozuki"}),
    ("tass/talks_about_a_two_plus_two_to_come", "format", "in-person"),
    # a later opening sentence that names everyone who met prints the day, its year unknown: kept
    # for the meeting's other accounts, so the account joins no meeting of another day
    ("generic/meeting_day_printed_in_a_later_sentence_ru", "meeting_day_printed", (4, 27)),
    ("generic/meeting_day_printed_in_a_later_sentence_ru", "meeting_date", None),
    # a preview says where in the sentence after the one that announces the meeting
    ("generic/preview_says_where_in_the_next_sentence_ru", "place", "Osaka"),
    # one people.yaml does not list is of the side his adjective says: the meeting has both sides,
    # and no minister named further down is added as the other
    ("tass/unlisted_official_of_the_other_side", "participants", {"pavel-sorokin", "toyohisa-kozuki"}),
    # a headline set in title case is no sentence, though it ends with an abbreviation's period
    ("generic/title_case_headline_with_a_period", "title", "Motegi to Hold Phone Talks with Lavrov on Wed."),
    # a South Asian paper's dateline, the city as written and a colon, places the meeting it reports
    ("generic/south_asian_paper_dateline_with_a_colon", "place", "Tokyo"),
    # a headline may open with its city and a colon too: only a story's first sentence is a dateline
    ("generic/city_and_colon_in_a_headline", "title", "Tokyo: Japan and Russia resume island talks"),
    # a business paper's date set on its dateline's line ("March 15, 2018 TOKYO -- …") dates the
    # story and places the talks it reports "here"
    ("generic/date_set_before_the_dateline", "published", dt.date(2018, 3, 15)),
    ("generic/date_set_before_the_dateline", "place", "Tokyo"),
    # a deck and a time stamp over the dateline: the story starts at the dateline, which places it
    ("generic/deck_and_time_stamp_over_the_dateline", "place", "Moscow"),
    # a visit of several days and the day its talks are set for, in one sentence: the talks' day
    ("mid_russia/visit_of_several_days_with_the_talks_day", "meeting_date", dt.date(2021, 4, 15)),
    ("generic/visit_of_several_days_with_the_talks_day_ru", "meeting_date", dt.date(2021, 4, 15)),
    # the ministry heads a press conference with its day, time and room: a date line, not the title
    ("mofa_japan/press_conference_held_at_the_prime_ministers_office", "title",
     "Press Conference by Foreign Minister Taro Kono"),
    ("mofa_japan/press_conference_held_at_the_prime_ministers_office", "published", dt.date(2018, 3, 13)),
    ("mofa_japan/press_conference_held_at_the_prime_ministers_office", "kind", "press-conference"),
    # a stamp updated by a named clock ("Last updated at: (Beijing time) …") dates the page
    ("generic/stamp_updated_by_a_named_clock", "published", dt.date(2018, 3, 15)),
    ("generic/stamp_updated_by_a_named_clock", "title", "Russian foreign minister arrives in Tokyo for talks"),
    # a transcript's parts ("Opening Statement by …", "Q&As") and a video player's notes are not its headline
    ("generic/government_press_conference_in_parts_under_a_video", "title",
     "Press Conference by the Chief Cabinet Secretary (Excerpt)"),
    ("generic/government_press_conference_in_parts_under_a_video", "kind", "press-conference"),
    # an agency's file photo's caption, "… (AFP/file)", printed twice, and the page's "Short Url:" are
    # no headline nor the story's start: the story starts at its dateline
    ("generic/agency_file_photo_caption_printed_twice", "title", "Japan, Russia agree to expand energy projects"),
    ("generic/agency_file_photo_caption_printed_twice", "meeting_date", dt.date(2018, 6, 11)),
    ("generic/agency_file_photo_caption_printed_twice", "place", "Moscow"),
    # the city the story was filed from, set between the deck and the byline
    ("generic/city_between_the_deck_and_the_byline", "title", "Kono, Lavrov look for common ground on islands"),
    # talks that prepare two visits to come: neither visitor is at them
    ("tass/talks_that_prepare_two_visits", "participants", {"sergey-lavrov", "fumio-kishida"}),
    # a spokesman named before what he said ("Как сообщил генеральный секретарь кабинета министров …,") is at no talks
    ("generic/spokesman_named_before_what_he_said_ru", "participants", {"toshimitsu-motegi", "sergey-lavrov"}),
    # a banner in sentences over a breadcrumb without separators that ends in the headline under it
    ("generic/banner_over_a_breadcrumb_without_separators", "title", "Lavrov and Kono hold talks in Moscow"),
    ("generic/banner_over_a_breadcrumb_without_separators", "published", dt.date(2018, 3, 12)),
    # a story filed before a journey abroad ("has embarked on a visit to Russia"): its dateline is home
    ("tass/embarked_on_a_visit_abroad", "place", None),
    # a sentence that opens with "Ранее" ("Earlier") tells of another meeting, whose city is not this one's
    ("generic/earlier_meeting_told_with_ranee_ru", "place", None),
    # talks held over two days began on the first (a visit's or a summit's span stays empty)
    ("generic/talks_held_over_two_days_ru", "meeting_date", dt.date(2019, 3, 14)),
    ("generic/talks_held_over_two_days", "meeting_date", dt.date(2021, 3, 15)),
    # a headline of five words or more over a deck as long is the headline (a rubric is shorter)
    ("generic/headline_over_a_deck_as_long_ru", "title", "Валентина Матвиенко в мае посетит Японию"),
    # one arrived for talks, and the sentence after says they will be held tomorrow: their day
    ("generic/arrived_for_talks_held_tomorrow_ru", "meeting_date", dt.date(2018, 3, 15)),
    # Reuters' wire dateline as papers repost it, no comma nor stop ("TOKYO Nov 2 Foreign ministers …")
    ("generic/reuters_wire_dateline_without_stops", "place", "Tokyo"),
    # one side named where the talks are reported ("с японским премьером"): the other's is the
    # holder of the counterpart office whom the story names most, further down
    ("generic/counterpart_named_most_further_down_ru", "participants", {"vladimir-putin", "shinzo-abe"}),
    # an ambassador has no counterpart office: the minister a summons story names stays out
    ("generic/summons_minister_named_further_down", "participants", {"mikhail-galuzin"}),
    # wire style puts the weekday after the verb's object, without "on": "traded sharp words Friday"
    ("generic/wire_weekday_after_the_object", "meeting_date", dt.date(2011, 2, 11)),
    # "his Russian counterpart", named in the next sentence: the name printed, not the office inferred
    ("generic/counterpart_named_in_the_next_sentence", "participants", {"yoshihide-suga", "mikhail-mishustin"}),
    # the talks' day given only where the story tells what was said in them, in the week before it
    ("generic/talks_day_given_where_what_was_said_ru", "meeting_date", dt.date(2022, 2, 17)),
    # "Japanese and Russian foreign ministers" in a lead with no year: the one holder of each
    # office whom the opening names
    ("generic/offices_in_the_lead_names_further_down_no_year", "participants", {"yoshimasa-hayashi", "sergey-lavrov"}),
    # a length as an adjective, its hyphen left out: "within the three hour meeting"
    ("generic/three_hour_meeting_without_a_hyphen", "duration", 180),
    # a later sentence gives the length of "the 25-minute call": the definite article says which
    ("generic/the_length_of_the_call_in_a_later_sentence", "duration", 25),
    # a Russian compound adjective with the count in words: "после двухчасовых переговоров"
    ("generic/length_as_a_compound_adjective_ru", "duration", 120),
    # the clock times on the 12-hour clock, across noon: "from 11:25 am to 1:10 pm"
    ("mofa_japan/meeting_from_morning_to_afternoon", "duration", 105),
    # the country in round brackets after the dateline's city, before the bracketed outlet and date
    ("generic/dateline_city_with_its_country_in_round_brackets", "published", dt.date(2018, 8, 23)),
    # the page's title bar, the headline with the site's name after a dash, over the headline itself
    ("generic/headline_under_its_title_bar_with_the_site", "title",
     "Лавров обсудил с Кисидой подготовку визита Путина"),
    # the city in apposition to what it is: "in Sakhalin's capital, Yuzhno-Sakhalinsk,"
    ("generic/city_in_apposition_to_the_capital", "place", "Yuzhno-Sakhalinsk"),
    # the Russian press's author line, "Текст: Кира Латухина", is a byline: the headline is over the deck above it
    ("generic/headline_and_deck_over_the_author_line_ru", "title",
     "Россия и Япония договорились вместе решать самые сложные вопросы"),
    # the lead's subject is the two who met, a person of each side, before its weekday: their day
    ("generic/both_sides_as_the_leads_subject_with_a_weekday", "meeting_date", dt.date(2005, 5, 31)),
    # words said where the talks were: "told reporters in Moscow after talks with", "their joint news conference in"
    ("generic/told_reporters_in_the_city_right_after_the_talks", "place", "Moscow"),
    ("generic/caption_after_their_joint_news_conference", "place", "Moscow"),
    # the line under a photo's credit is its caption, and names no meeting's place
    ("generic/photo_credit_over_its_caption", "title",
     "Foreign Ministry European Affairs Chief Meets with Russian Counterpart"),
    ("generic/photo_credit_over_its_caption", "place", "Moscow"),
    # a section's description ("The latest news and stories from Russia. Stay tuned …") is no text
    ("generic/section_description_over_the_headline", "title",
     "Russian, Japanese foreign ministers discuss Putin's visit"),
    # a site's plea to readers who block its advertising is no lead
    ("generic/advertising_notice_above_the_story", "participants", {"yoshimasa-hayashi", "sergey-lavrov"}),
    ("generic/advertising_notice_above_the_story", "duration", 40),
    # RIA Novosti's dateline names the correspondent after the agency
    ("generic/dateline_with_the_correspondent_ru", "dateline_day_printed", (11, 5)),
    ("generic/dateline_with_the_correspondent_ru", "place", "Moscow"),
    # one coming to a country this month is written about from home: the dateline is not the venue
    ("generic/going_to_a_country_filed_from_home", "place", None),
    # a date on a line of its own under the story's last paragraph dates the story
    ("generic/date_under_the_source_credit_ru", "published", dt.date(2017, 10, 24)),
    # a notice to readers whose browser runs no scripts is no headline
    ("generic/script_notice_above_the_headline_ru", "title",
     "Кремль: Медведев встретится с премьером Японии на саммите АТЭС"),
    # who sends his own envoy is not at the envoy's talks; the counterpart is named further down,
    # after the background and a quotation
    ("generic/envoy_sent_and_his_counterpart_further_down_ru", "participants", {"shotaro-yachi", "nikolai-patrushev"}),
    # "in the southwestern city of Nagato"; a note under the headline belongs to it
    ("generic/summit_in_the_city_of", "place", "Nagato"),
    ("generic/summit_in_the_city_of", "title", "Japan-Russia Summit Meeting (Outline)"),
    ("generic/summit_in_the_city_of", "kind", "readout"),
    # the Kremlin's reading tool in Russian; speakers by one initial, the President among them
    ("kremlin/russian_transcript_by_initials", "participants", {"shinzo-abe", "vladimir-putin"}),
    ("kremlin/russian_transcript_by_initials", "title", None),
    # the opening words of the talks are the Kremlin's account of them; words to the press
    # after the talks ("ladies and gentlemen, our talks were …") a press conference
    ("kremlin/russian_transcript_by_initials", "kind", "readout"),
    # the country after a less-known city in TASS's dateline
    ("tass/dateline_with_the_country", "title", "Top Japanese diplomat to visit Russia in December"),
    ("tass/dateline_with_the_country", "dateline_day_printed", (11, 22)),
    # an image credit and a link to the story's own site are no headlines
    ("generic/aggregator_copy_with_image_credit", "title", "МИД России сделал представление послу Японии"),
    ("generic/aggregator_copy_with_image_credit", "participants", {"andrey-rudenko", "toyohisa-kozuki"}),
    # "может встретиться", "на следующей неделе": an announcement, dated forward
    ("tass/russian_preview_of_next_week", "meeting_date", dt.date(2019, 9, 17)),
    # "…will visit Japan in May, Aso said after the summit in Yuzhno-Sakhalinsk": the future ends at
    # the reporting clause
    ("generic/place_after_reported_future", "place", "Yuzhno-Sakhalinsk"),
    # who met is told after "confirmed that"; the spokesman who told it did not meet
    ("generic/spokesman_confirmed_the_call", "participants", {"vladimir-putin", "yoshihide-suga"}),
    # a transcript's first words are its text, not a line above it
    ("kremlin/russian_transcript_first_line_is_text", "participants", {"vladimir-putin"}),
    # "The summit meeting was held … from 18:00 local time on June 6": the day the first
    # sentence left out, in the place's own time, not the page's date
    ("mofa_japan/day_given_in_the_second_sentence", "meeting_date", dt.date(2007, 6, 6)),
    ("mofa_japan/day_given_in_the_second_sentence", "duration", 40),
    # the note under the headline, blank lines between them
    ("generic/note_after_a_blank_line", "title",
     "Opening Statements by Prime Minister Shinzo Abe and President Vladimir Putin at the Joint Press Conference "
     "(Outline)"),
    ("generic/note_after_a_blank_line", "kind", "press-conference"),
    # "…, Lavrov said following talks with his Japanese counterpart Taro Kono": both who met
    ("tass/said_following_talks_with", "participants", {"sergey-lavrov", "taro-kono"}),
    ("tass/said_at_the_meeting_after_the_quote", "meeting_date", dt.date(2016, 6, 18)),
    ("generic/possessive_weekday", "meeting_date", dt.date(2018, 9, 13)),
    ("generic/breadcrumb_ending_in_the_headline", "title", "Japan-Russia Summit Meeting and Other Events in Singapore"),
    ("generic/gallery_captions_around_the_text", "title", "Japan-Russia Summit Meeting"),
    ("generic/byline_with_the_date_between_bars", "published", dt.date(2020, 9, 29)),
    ("generic/byline_with_the_date_between_bars", "meeting_date", dt.date(2020, 9, 29)),
    ("generic/wire_copy_wrapped_in_a_site_stamp", "title",
     "Japan, Russia agree to keep talking on islands despite row+"),
    ("generic/wire_copy_wrapped_in_a_site_stamp", "published", dt.date(2011, 3, 8)),
    ("generic/wire_copy_wrapped_in_a_site_stamp", "meeting_date", dt.date(2011, 3, 8)),
    ("generic/wire_copy_wrapped_in_a_site_stamp", "place", "Moscow"),
    ("generic/wire_copy_wrapped_in_a_site_stamp", "duration", 90),
    ("generic/wire_copy_wrapped_in_a_site_stamp", "participants", {"seiji-maehara", "sergey-lavrov"}),
    ("generic/wire_copy_wrapped_in_a_site_stamp", "outlet", "Kyodo"),
    ("mofa_japan/visit_overview_with_a_schedule", "title",
     "Summary of Prime Minister Ryutaro Hashimoto's Visit to Europe"),
    ("mofa_japan/visit_overview_with_a_schedule", "published", dt.date(1997, 7, 14)),
    ("mofa_japan/visit_overview_with_a_schedule", "meeting_date", dt.date(1997, 7, 5)),
    ("mofa_japan/visit_overview_with_a_schedule", "participants", {"ryutaro-hashimoto", "boris-yeltsin"}),
    ("generic/said_during_a_meeting_here_with", "participants", {"vladimir-putin", "shinzo-abe"}),
    ("generic/russian_talks_in_the_kremlin", "published", dt.date(2016, 10, 3)),
    ("generic/russian_talks_in_the_kremlin", "place", "Moscow"),
    ("generic/russian_talks_in_the_kremlin", "participants", {"vladimir-putin", "yoshiro-mori"}),
    ("generic/talks_at_the_prime_ministers_residence", "place", "Tokyo"),
    ("mid_russia/opening_remarks_headline_with_place_and_date", "kind", "readout"),
    ("mid_russia/opening_remarks_headline_with_place_and_date", "meeting_date", dt.date(2015, 9, 21)),
    ("mid_russia/opening_remarks_headline_with_place_and_date", "place", "Moscow"),
    ("mid_russia/opening_remarks_headline_with_place_and_date", "participants", {"sergey-lavrov", "fumio-kishida"}),
    ("mid_russia/stamp_with_a_two_digit_year", "published", dt.date(2015, 9, 21)),
    ("mid_russia/stamp_with_a_two_digit_year", "kind", "readout"),
    ("generic/american_dateline_and_byline_bar", "published", dt.date(1998, 11, 13)),
    ("generic/american_dateline_and_byline_bar", "meeting_date", dt.date(1998, 11, 12)),
    ("generic/american_dateline_and_byline_bar", "place", "Moscow"),
    ("generic/american_dateline_and_byline_bar", "title", "Yeltsin And Obuchi Talk Islands"),
    ("generic/newsletter_headline_in_capitals", "title", "YELTSIN AND OBUCHI SIGN MOSCOW DECLARATION."),
    ("mofa_japan/length_in_brackets_after_the_lead", "duration", 240),
    ("tass/consultations_preparing_another_visit", "place", "Tokyo"),
    ("tass/consultations_preparing_another_visit", "participants", {"igor-morgulov", "akitaka-saiki"}),
    ("mid_russia/comment_on_a_forthcoming_two_plus_two", "format", "2+2"),
    ("mid_russia/comment_on_a_forthcoming_two_plus_two", "kind", "statement"),
    ("mid_russia/comment_on_a_forthcoming_two_plus_two", "meeting_date", dt.date(2018, 12, 3)),
    ("generic/russian_agency_in_capitals_after_the_date", "outlet", "Interfax"),
    ("generic/russian_agency_in_capitals_after_the_date", "place", "New York"),
    ("generic/russian_agency_in_capitals_after_the_date", "participants", {"yukio-hatoyama", "dmitry-medvedev"}),
    ("generic/russian_leaders_named_together", "participants", {"vladimir-putin", "fumio-kishida"}),
    ("generic/russian_leaders_named_together", "format", "telephone"),
    ("generic/wire_credit_after_a_dash_at_the_end", "outlet", "Sapa-AFP"),
    ("generic/told_his_counterpart_on_sunday", "meeting_date", dt.date(2009, 11, 15)),
    ("generic/told_his_counterpart_on_sunday", "published", dt.date(2009, 11, 15)),
    ("generic/told_his_counterpart_on_sunday", "participants", {"yukio-hatoyama", "dmitry-medvedev"}),
    ("mid_russia/opening_remarks_remembering_earlier_meetings", "participants", {"sergey-lavrov", "fumio-kishida"}),
    ("generic/length_told_after_what_was_said", "duration", 10),
    ("generic/length_told_after_what_was_said", "format", "telephone"),
    ("generic/kyodo_dateline_with_a_comma", "title", "Abe arrives in Vladivostok for talks with Putin"),
    ("generic/kyodo_dateline_with_a_comma", "outlet", "Kyodo"),
    ("generic/kyodo_dateline_with_a_comma", "place", "Vladivostok"),
    ("generic/image_markup_repeating_the_headline", "title", "Лавров оценил переговоры с японским коллегой"),
    ("generic/outlet_agency_and_date_in_brackets", "published", dt.date(2021, 7, 27)),
    ("generic/outlet_agency_and_date_in_brackets", "outlet", "UrduPoint News / Sputnik"),
    ("generic/date_with_hyphens_after_updated", "published", dt.date(2022, 2, 24)),
    ("generic/date_with_hyphens_after_updated", "meeting_date", dt.date(2022, 2, 24)),
    ("generic/headline_printed_twice_over_a_deck", "title", "Foreign ministers of Japan, Russia talk by phone"),
    ("tass/arrival_ahead_of_talks", "announces", True),
    ("tass/arrival_ahead_of_talks", "dateline_day_printed", (4, 28)),
    ("tass/talks_held_and_the_next_announced", "announces", False),
    ("tass/dateline_without_year", "announces", False),
    ("generic/deck_points_under_the_headline", "title", "Summit hopes fade as leaders talk past each other"),
    ("generic/time_glued_before_the_day_ru", "published", dt.date(2020, 12, 18)),
    ("generic/japanese_names_spelt_outside_polivanov_ru", "participants", {"shinzo-abe", "vladimir-putin"}),
    ("generic/partner_named_after_his_office_and_a_comma", "participants", {"sergey-lavrov", "taro-kono"}),
    ("generic/protest_handed_over_by_a_vice_minister_ru", "participants", {"mikhail-galuzin", "takeo-mori"}),
    ("generic/protest_over_a_visit_of_a_third_person_ru", "participants", {"mikhail-galuzin", "takeo-mori"}),
    ("tass/protest_addressed_to_a_capital", "place", None),
    ("generic/talks_agreed_for_a_later_month_in_another_city", "place", None),
    ("generic/preview_filed_from_the_capital_on_the_eve", "place", None),
    ("generic/preview_filed_from_the_capital_on_the_eve", "meeting_date", dt.date(2009, 2, 18)),
    ("generic/arrival_city_in_the_accusative_ru", "place", "Moscow"),
    ("generic/prime_minister_written_pm", "participants", {"vladimir-putin", "fumio-kishida"}),
    ("generic/preview_places_the_meeting_further_on", "place", "Vladivostok"),
    ("generic/agreements_reached_at_earlier_meetings_ru", "place", None),
    ("tass/two_plus_two_to_be_held_said_in_an_interview", "place", "Moscow"),
    ("tass/two_plus_two_to_be_held_said_in_an_interview", "announces", True),
    ("generic/said_he_spoke_by_phone_with", "participants", {"fumio-kishida", "vladimir-putin"}),
    ("generic/agreed_that_a_third_will_visit", "participants", {"shinzo-abe", "vladimir-putin"}),
    ("generic/failed_to_fix_the_date_of_a_visit", "participants", {"nobutaka-machimura", "sergey-lavrov"}),
    ("generic/said_after_negotiations_with", "participants", {"nobutaka-machimura", "sergey-lavrov"}),
    ("generic/said_as_he_conferred_with", "participants", {"dmitry-medvedev", "yukio-hatoyama"}),
    ("generic/sentence_opening_with_the_city_ru", "place", "Tokyo"),
    ("generic/sentence_opening_with_the_city_ru", "participants", {"igor-morgulov"}),
    ("generic/dateline_agency_with_a_slash", "published", dt.date(2003, 1, 10)),
    ("generic/caption_credited_to_photographer_and_agency", "title",
     "Suga seeks progress on peace treaty in first call to Putin"),
    ("generic/caption_credited_to_photographer_and_agency", "published", dt.date(2020, 9, 29)),
    ("generic/caption_credited_to_photographer_and_agency", "meeting_date", dt.date(2020, 9, 29)),
    ("tass/consultations_each_side_represented_by", "participants", {"chikahito-harada", "igor-morgulov"}),
    ("generic/agency_photo_caption_over_the_story", "title", "JAPANESE - RUSSIAN TALKS"),
    ("generic/agency_photo_caption_over_the_story", "meeting_date", dt.date(2019, 9, 5)),
    ("generic/agency_photo_caption_over_the_story", "place", "Vladivostok"),
    ("generic/agency_photo_caption_over_the_story", "participants", {"vladimir-putin", "shinzo-abe"}),
    ("generic/possible_meeting_not_ruled_out_by_a_spokeswoman", "meeting_date", None),
    ("generic/possible_meeting_not_ruled_out_by_a_spokeswoman", "participants", {"sergey-lavrov", "toshimitsu-motegi"}),
    ("generic/dateline_with_the_country_in_brackets", "meeting_date", None),
    ("generic/dateline_with_the_country_in_brackets", "participants", {"shinzo-abe", "vladimir-putin"}),
    ("generic/summit_of_two_days_announced", "meeting_date", None),
    ("generic/summit_of_two_days_announced", "place", "Vladivostok"),
    ("generic/plug_for_a_site_under_the_headline", "title", "Putin to meet Abe at the forum"),
    ("generic/call_recalled_by_a_kremlin_spokesman", "participants", {"vladimir-putin", "shinzo-abe"}),
    ("generic/deck_under_the_headline", "title", "Lavrov and his guest talk of a treaty"),
    ("generic/deck_under_the_headline", "participants", {"sergey-lavrov", "taro-kono"}),
    ("generic/comment_counter_above_the_story", "title", "Japan and Russia to hold fishing talks in Moscow"),
    ("generic/minister_reports_what_both_leaders_said", "participants", {"vladimir-putin", "shinzo-abe"}),
    ("generic/guest_tells_after_the_dinner_what_the_host_thinks", "participants", {"yoshiro-mori", "vladimir-putin"}),
    ("generic/aide_to_the_president_to_visit", "participants", {"nikolai-patrushev", "shotaro-yachi"}),
    ("generic/two_plus_two_with_all_four_named", "participants",
     {"taro-kono", "itsunori-onodera", "sergey-lavrov", "sergey-shoigu"}),
    ("generic/prime_ministers_office_day_of_meetings", "publisher", "other"),
    ("generic/prime_ministers_office_day_of_meetings", "outlet", "Prime Minister's Office of Japan"),
    ("generic/prime_ministers_office_day_of_meetings", "participants", {"shinzo-abe", "vladimir-putin"}),
    ("generic/day_in_local_time_then_the_meeting", "meeting_date", dt.date(2016, 9, 2)),
    ("generic/prime_ministers_office_day_of_meetings", "meeting_date", dt.date(2016, 9, 3)),
    ("generic/preview_with_a_name_in_straight_quotes", "announces", True),
    ("generic/preview_with_a_name_in_straight_quotes", "place", "Moscow"),
    ("generic/wire_weekday_after_the_talks", "meeting_date", dt.date(2009, 9, 23)),
    ("generic/came_to_attend_then_met", "meeting_date", dt.date(2017, 11, 10)),
    ("generic/came_to_attend_then_met", "participants", {"shinzo-abe", "vladimir-putin"}),
    ("mofa_japan/courtesy_call_during_a_visit", "place", "Moscow"),
    ("mofa_japan/courtesy_call_during_a_visit", "format", "in-person"),
    ("generic/call_length_told_at_the_end", "duration", 25),
    ("kremlin/russian_site_header_and_date_line", "publisher", "kremlin"),
    ("kremlin/russian_site_header_and_date_line", "meeting_date", dt.date(2017, 11, 10)),
    ("kremlin/russian_site_header_and_date_line", "place", "Da Nang"),
    ("kremlin/russian_site_header_and_date_line", "participants", {"vladimir-putin", "shinzo-abe"}),
    ("kremlin/office_of_each_side_in_the_headline", "participants", {"vladimir-putin", "junichiro-koizumi"}),
    ("mofa_japan/press_secretary_announcement_of_a_call", "publisher", "mofa-japan"),
    ("mofa_japan/press_secretary_announcement_of_a_call", "meeting_date", dt.date(2004, 3, 3)),
    ("mofa_japan/press_secretary_announcement_of_a_call", "format", "telephone"),
    ("mofa_japan/press_conference_dated_in_its_headline", "published", dt.date(1998, 3, 10)),
    ("generic/agreed_on_a_weekday_to_a_third_persons_visit", "participants", {"nobutaka-machimura", "sergey-lavrov"}),
    ("generic/office_holder_not_in_the_registry", "participants", {"yukio-hatoyama"}),
    ("generic/other_leaders_named_in_the_next_sentence", "participants", {"yukio-hatoyama", "dmitry-medvedev"}),
    ("tass/dateline_with_the_correspondent", "publisher", "tass"),
    ("tass/dateline_with_the_correspondent", "dateline_day_printed", (4, 12)),
    ("generic/credentials_handed_to_the_deputy_minister", "meeting_date", dt.date(2022, 3, 8)),
    ("generic/intends_to_talk_on_a_weekday", "meeting_date", dt.date(2020, 9, 29)),
    ("mofa_japan/ministers_met_in_a_town_and_its_country", "place", "Whistler"),
    ("generic/previous_meeting_city_in_the_hosts_words", "place", None),
    ("tass/dateline_a_day_before_the_capture_stamp", "published", dt.date(2019, 11, 22)),
    ("tass/arrived_to_attend_and_meet", "announces", True),
    # a partner people.yaml lacks is named by the id an entry would give him, shown as his name
    ("generic/partner_not_in_the_registry", "participants", {"ryutaro-hashimoto", "boris-nemtsov"}),
    ("kremlin/comments_under_the_site_footer", "kind", "statement"),
    ("kremlin/comments_under_the_site_footer", "published", dt.date(2017, 11, 10)),
    ("kremlin/comments_under_the_site_footer", "title",
     "Russian Foreign Minister Sergey Lavrov comments on the outcome of the meeting between Vladimir Putin and "
     "Shinzo Abe"),
]


@pytest.mark.parametrize(("case", "field", "expected"), FACTS,
                         ids=lambda v: str(sorted(v)) if isinstance(v, (set, frozenset)) else str(v))
def test_fact_is_read(case: str, field: str, expected, context) -> None:
    r = _read(FIXTURES / f"{case}.txt", context)
    got = {
        "title": r.title, "published": r.published, "kind": r.kind, "place": r.meeting.place,
        "meeting_date": r.meeting.date, "duration": r.meeting.duration_minutes,
        "participants": set(r.participants), "topics": set(r.topics), "outlet": r.outlet,
        "format": r.meeting.format, "meeting_day_printed": r.printed_meeting_day,
        "dateline_day_printed": r.printed_day, "announces": r.announces, "publisher": r.publisher,
        "occasion": r.meeting.occasion,
    }[field]
    assert got == expected


def test_a_date_at_the_foot_fills_what_the_dateline_left_without_a_year(context) -> None:
    """The dateline "18 ноя" has no year; the date under the story has one: the published date is
    read, and no note says it was left empty."""
    r = _read(FIXTURES / "generic" / "dateline_without_year_and_a_date_at_the_foot_ru.txt", context)
    assert r.published == dt.date(2021, 11, 18)
    assert not any("left empty" in note for note in r.notes)


def test_markup_in_a_source_stays_text(context) -> None:
    text = _read(FIXTURES / "generic" / "hostile_markup_is_text.txt", context).body.text
    assert "\\<script\\>" in text or "<script>" not in text
    assert "\\[note\\](javascript" in text
    assert "\\# not a heading" in text
    assert "1956\\. The year" in text
    assert "\\~~~" in text


@pytest.mark.parametrize(("case", "kind", "place", "participants"), [
    ("generic/report_of_a_press_conference", "news", None, {"yoshimasa-hayashi", "sergey-lavrov"}),
    ("mid_russia/house_headline_without_furniture", "press-conference", "Moscow",
     {"sergey-lavrov", "yoshimasa-hayashi"}),
])
def test_a_transcript_is_a_press_conference_and_a_report_of_one_is_news(case, kind, place, participants,
                                                                          context) -> None:
    r = _read(FIXTURES / f"{case}.txt", context)
    assert (r.kind, r.meeting.place, set(r.participants)) == (kind, place, participants)


_DATELINE_WITHOUT_A_YEAR = (b"Japan, Russia foreign ministers talk by phone\n\nTOKYO, March 4 (Kyodo) -- "
                            b"Japanese Foreign Minister Yoshimasa Hayashi held telephone talks on Friday with Russian "
                            b"Foreign Minister Sergey Lavrov, the ministry said.\n")


@pytest.mark.parametrize(("url", "published"), [
    ("https://english.kyodonews.net/news/2022/03/hayashi-lavrov.html", dt.date(2022, 3, 4)),
    ("https://example.com/2022/03/04/hayashi-lavrov/", dt.date(2022, 3, 4)),
    (None, None),  # the text alone prints no year
    ("https://example.com/news/2022/04/hayashi-lavrov.html", None),  # filed under another month
    ("https://example.com/2022/03/05/hayashi-lavrov/", None),  # or another day
    ("https://tass.com/politics/1420234", None),  # a story's number is no date
])
def test_the_address_a_page_was_published_at_gives_its_dateline_the_year(url, published, context) -> None:
    """`readouts add --url`: news sites file a story under its year and month ("/news/2022/03/…"),
    which gives the dateline's "March 4" its year, and the talks "on Friday" their day."""
    imported = read_source(_DATELINE_WITHOUT_A_YEAR, "story.txt", context, url)
    assert imported.published == published
    assert imported.meeting.date == published


def test_the_address_dates_a_page_that_prints_no_date(context) -> None:
    data = b"Abe and Putin agree to talk again\n\nPrime Minister Shinzo Abe held talks with President Vladimir Putin.\n"
    assert read_source(data, "s.txt", context, "https://www.japantimes.co.jp/news/2016/12/15/national/x/").published \
        == dt.date(2016, 12, 15)
    assert read_source(data, "s.txt", context).published is None
