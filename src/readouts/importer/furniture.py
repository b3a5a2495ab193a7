"""Page furniture: the lines of a saved page that belong to the site around a readout (its
menus, tools, tickers, appeals, photo captions), never to the readout. Each rule is a convention
of news and ministry sites in general; document.prepare removes and records the lines they match.
"""

from __future__ import annotations

import re

# Lines that belong to the page around a readout, never to the readout. Each rule is a
# pattern over a whole stripped line and the reason shown in provenance.
_FURNITURE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), why) for pattern, why in (
        (r"(?:[•·▪●◦‣*-]\s*)?back to .{1,80}", "navigation link"),
        (r"(?:all|more|latest) news", "navigation link"),
        # a news site's tools over its story, as TASS sets them: "Currency converter", "Use filter",
        # "You can filter your feed," / "by choosing only interesting"
        (r"currency converter|use filter|news search topics|you can filter your feed,?|"
         r"by choosing only interesting", "site menu"),
        # a ticker of the latest story, set over every page: "BREAKING: Grain From Ukraine …"
        (r"(?:breaking(?: news)?|срочно|молния)\s*:.{5,250}", "news ticker"),
        # a section's description over its stories: "The latest news and stories from Russia. Stay
        # tuned for updates and breaking news on defense, politics, economy and more."
        (r"(?:the )?latest news(?: and (?:stories|analysis))? (?:from|on|about) [^.]{2,60}\.(?: stay tuned\b.{0,160})?",
         "section description"),
        # a site's plea to readers who block its advertising: "It looks like you're using an ad
        # blocker.", "… on your ad-blocker's list of approved sites.", "Thank you for supporting
        # our journalism.", "Вы используете блокировщик рекламы"
        # and to those whose browser runs no scripts: "включите JavaScript", "enable JavaScript"
        (r".{0,160}\b(?:enable|turn on|включите|включенного|включён\w*|включен\w*)\s+(?-i:JavaScript)\b.{0,160}",
         "page tool"),
        # a site's promotion of its own events and offers: "Don't miss Orioles players … at our
        # Brews and O's event!"
        (r"don['’]t miss\b.{0,200}\b(?:our|us)\b.{0,200}", "advertising notice"),
        (r".{0,160}\bad[- ]?blockers?\b.{0,160}|.{0,160}блокировщик\w* рекламы.{0,160}|"
         r"thank you for supporting our (?:journalism|newsroom|work)\.?", "advertising notice"),
        # the site's offer of notifications, and its appeal for readers' support, above the story
        (r"stay up to date with notifications from .{2,40}|"
         r"notifications can be managed in (?:your )?browser (?:preferences|settings)\.?", "notifications prompt"),
        (r"your support helps us (?:to )?tell the story\.?|support the moscow times!?|contribute today",
         "appeal for readers' support"),
        # and to follow its channel: "1 Подписывайтесь на Газету.Ru в MAX Все ключевые события — в нашем
        # канале. Подписывайтесь!", "Subscribe to our Telegram channel"
        (r"(?:\d+\s+)?(?:подписывайтесь|подпишитесь) на .{2,160}|subscribe to (?:our|the) .{2,40}channel.{0,80}",
         "appeal to follow the site"),
        # a site's weather for its city, over the page: "Beijing   Overcast/Cloudy    26 / 18   City
        # Forecast", "+15°"
        (r".{0,40}\b(?:sunny|cloudy|overcast|showers|snow|fog|haze|smog|thunderstorms?|облачно|пасмурно|дождь|"
         r"снег)\b.{0,40}?(?<!\d)[+−-]?\d{1,2}°?\s*/\s*[+−-]?\d{1,2}°?(?!\d)(?:\s*[CF])?.{0,30}|[+−-]?\d{1,2}\s*°\s*[CС]?",
         "the site's weather"),
        # how long the story takes to read: "1 MIN READ", "3 min read"
        (r"\d{1,2}\s*min(?:ute)?s?\.?\s*read", "reading time"),
        (r"showing \d+ results?\.?", "search-page furniture"),
        (r"advanced settings", "search-page furniture"),
        (r"(?:[•·▪●◦‣*-]\s*)?(?:[a-z]{2}-[a-z]{2}\d*\s*){2,}", "language switcher"),
        (r"photo\s*\d*\s*:.*", "photo caption"),
        # a photo's credit on a line of its own, wherever the page sets it: "Фото © Михаил
        # Климентьев / ТАСС", "Фото: РИА Новости"
        (r"(?:фото|photo)\s*(?:©|:)\s*.{2,150}", "photo credit"),
        (r"\(?photo(?:graph)?\s*\d*\)?\s*:?[^.]{0,120}\(photo:[^)]*\)", "photo caption"),
        # a gallery's own words: "Click photographs to enlarge", and its images' alternative text,
        # "Photograph of the leaders shaking hands (1)", as the Prime Minister's Office prints them
        (r"(?:click|tap)(?: on)? (?:the )?(?:photo(?:graph)?s?|images?|pictures?) to (?:enlarge|zoom)\.?",
         "photo caption"),
        (r"(?:[•·▪●◦‣*-]\s*)?(?:the )?photograph of [^.]{3,300}|фотография [^.]{3,300}", "photo caption"),
        # who a photo shows and the day it was taken, in brackets: "Vladimir Putin and Taro Aso (12 May 2009)"
        (r"(?-i:(?:[A-Z][\w'’.-]+\s+){1,4}(?:and\s+(?:[A-Z][\w'’.-]+\s+){1,4})?\(\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d\d\))",
         "photo caption"),
        (r"print\s+print", "page tool"),
        # the page's short address to share, over the story: "Short Url:", "Short link: https://…"
        (r"short (?:url|link)\s*:?\s*(?:https?://\S+)?", "page tool"),
        # a video player's notes over a transcript: "If you can not view the video,click here(…)",
        # "Simultaneous interpretation services for this video are provided by a third party."
        (r"if you can ?not (?:view|watch|see) (?:the|this) video.{0,120}|"
         r"(?:simultaneous )?interpretation services for this video .{0,120}", "video player's note"),
        (r"(?:view settings|font size:?|site colou?rs:?|text version|version for the visually impaired)",
         "page tool"),
        # a reading tool's settings: "Select font Arial Times New Roman", "Character spacing
        # (Kerning): Standard Medium Large"
        (r"(?:select font|character spacing|line spacing|letter spacing|выб(?:рать|ерите) шрифт|интервал "
         r"между буквами|размер шрифта)\b.{0,60}", "page tool"),
        # a link to the story on its own site, in an aggregator's copy
        (r"(?:читать на сайте|read (?:more |the full story )?on)\s+\S{3,40}", "navigation link"),
        # a link to another story set between the paragraphs: "ALSO READ: In phone call with Suga,
        # Xi says …", "Читайте также: …"
        (r"(?:also read|read also|read more|see also|related|читайте также|смотрите также|по теме)\s*:.{0,200}",
         "link to another story"),
        (r"translation \(original\)", "page tool"),
        (r"official (?:web)?site of the .{3,60}", "site header"),
        (r"(?:\{\{[^{}]*\}\}\s*)+", "unrendered page template"),
        # "Home > News > … > the page's own headline": the last crumb may be as long as a headline
        (r"[^>]{2,40}(?:\s>\s[^>]{2,40})*\s>\s[^>]{2,200}", "breadcrumb"),
        (r".{1,40}\s/", "breadcrumb"),
        (r"(?:home|main|главная)\s/\s.{2,250}", "breadcrumb"),
        # from the site's home, whatever the length of its sections: "Home > News > Press Conference by
        # the Chief Cabinet Secretary > September 2014 > Monday, September 22, 2014 (AM)"
        (r"(?:home|top|main|главная)\s>\s.{2,300}", "breadcrumb"),
        # its separators lost in copying, the headline cut short at its end: "Домой Новости
        # России Путин и Абэ в двадцать пятый раз обсудили мирный договор и опять..."
        (r"(?:home|главная|домой)\s.{2,250}(?:\.\.\.|…)", "breadcrumb"),
        # a list of other stories: headline glued to a rubric and a time, "…in SyriaMilitary &
        # Defense August 07, 12:11"
        (r".{10,200}(?:january|february|march|april|may|june|july|august|september|october|"
         r"november|december) \d{1,2}, \d{1,2}:\d{2}", "list of other stories"),
        (r"(?:share|tweet|print|e-?mail|subscribe|register|log ?in|sign in)", "page tool"),
        # a comment section's counter and prompts, above the story and under it: "1 Comment",
        # "Комментарии (3)", "Login to comment", a comment's votes "0 ( +0 / -0 )"
        (r"\d{1,6} (?:comments?|комментари(?:й|я|ев))|(?:comments?|комментари(?:и|ев))\s*[:(]?\s*\d{0,6}\)?|"
         r"(?:log ?in|sign in|register) to (?:leave a |post a )?comment|-?\d+\s*\(\s*\+\d+\s*/\s*-\d+\s*\)",
         "comment section"),
        (r"[•·▪●◦‣*-]", "empty list item"),
        # a site's record fields left empty or holding its own numbers: "Author :", "ID :",
        # "40517", "Shortlink :" and the address under it, "Views: 312"
        (r"[A-Za-zА-ЯЁа-яё]{2,12}(?: [A-Za-zА-ЯЁа-яё]{2,12})? :|(?:id|author|auther|shortlink|views?|tags?|"
         r"просмотров|автор)\s*:\s*[\d\s]*", "empty field of the site's page record"),
        # the notice of the site's maintenance: "Ведутся технические работы. Это может временно
        # повлиять на скорость работы сайта. …", "The site is under maintenance …"
        (r"(?:ведутся|проводятся)\s+технические\s+работы\b.{0,200}|.{0,40}\b(?:site|website) is (?:under|down for) "
         r"(?:scheduled )?maintenance\b.{0,200}", "the site's maintenance notice"),
        # a site's calendar, a row of days under each weekday: "Пн   4 11 18 25", "Sa 2 9 16 23 30"
        (r"(?:пн|вт|ср|чт|пт|сб|вс|mo|tu|we|th|fr|sa|su|mon|tue|wed|thu|fri|sat|sun)(?:\s+\d{1,2}){1,6}",
         "the site's calendar"),
        # the story's tags and the note about its author: "Тэги: визит, премьер, япония", "Tags:
        # Japan, Russia", "Об авторе: Артур Блинов - заведующий отделом …"
        (r"(?:тэги|теги|метки|tags|об авторе|about the author)\s*:.{0,200}", "the story's tags or its author's note"),
        # (five digits or more: a year on a line of its own is a date's part, not furniture)
        (r"\d{5,9}|https?://\S+", "the site's page number or address"),
        # an image copied as markup, its alternative text often the headline again
        # and a site's header or logo named by its picture's text: "Example Group .com Rotating Header Image"
        (r"<image>.*</image>|!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|.{0,80}\b(?:header|banner|logo) image", "image"),
        # an image's file name where the page showed the picture: "1417760378_d7148c8c.jpg"
        (r"[\w.-]{1,120}\.(?:jpe?g|png|gif|webp)", "image"),
    )
)


# A news photo's caption, however long, closes with the agency's credit in brackets: "… in
# Irkutsk, Sunday, March 25, 2001. (AP Photo/Yuri Kochetkov/Pool)", "… (Getty Images /
# REUTERS/Yonhap/Pool )". A story's own closing credit names no photo: "(Kyodo)", "(ANI/Sputnik)".
_CREDITED_PHOTO = re.compile(r".{10,600}\((?=[^()]*\b(?:photo|pool|getty|фото)\b)[^()]{3,80}\)", re.IGNORECASE)
_POSITIONED_PHOTO = re.compile(r".{5,600}\((?:L|R|C|left|right|cent(?:er|re)|слева|справа)\).{5,600}"
                               r"(?:\[[^\[\]]{2,60}\]|\([^()]{2,60}\)|"
                               r"\b(?:AP|AFP|EPA(?:-EFE)?|EFE|Reuters|Kyodo|TASS|Sputnik|Xinhua|UPI|Getty Images)"
                               r"(?:\s?/\s?[A-Z][\w.' -]{2,40}(?:\s?/\s?[A-Z]{2,20})?|\s+Photo\.?))\s*", re.IGNORECASE)
"""A wire photo's caption places the people it shows, "(L)", "(R)", and closes with the agency's
credit in brackets of either kind: "Russian President Dmitry Medvedev (L) shakes hands with Japanese
Prime Minister Taro Aso during a meeting in … February 18, 2009. [Reuters]", or as the agency
signs it, the photographer after a slash: "… in Tokyo, Japan, Mar 21, 2018. EPA-EFE/NICOLAS
DATICHE / POOL", or as a reposting site credits it: "… in Moscow April 29, 2013. REUTERS Photo"."""


_DATED_PHOTO = re.compile(r"(?:\S+\s+){5,50}?\S+\.\s+\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|"
                          r"сентября|октября|ноября|декабря)\s+\d{4}\s*", re.IGNORECASE)
"""A Russian agency's photo caption ends with the day the photo was taken, after the sentence and
without "года": "Президент РФ Владимир Путин и премьер-министр Японии Синдзо Абэ во время встречи
в Сингапуре. 14 ноября 2018"."""


_OWNED_PHOTO = re.compile(r"©\s*[^\s/][^/]{0,60}/.{1,600}")
"""A picture's owner and photographer, as agencies and their reposting sites credit a photo over its
caption, often run together with it: "© Igor Belyaev/TASS", "© Sputnik / Mikhail Klimentyev / Go to
the mediabankRussian President …", "© REUTERS / Tomohiro Ohsumi/PoolVladimir Putin, …". A site's
own copyright line names no photographer after a slash: "© KYODO", "©2023 ИА «Татар-информ»"."""


def furniture_reason(line: str) -> str | None:
    """Why a line is page furniture, or None when it may be part of the readout."""
    if _CREDITED_PHOTO.fullmatch(line) or _POSITIONED_PHOTO.fullmatch(line) or _DATED_PHOTO.fullmatch(line):
        return "photo caption"
    if _OWNED_PHOTO.fullmatch(line):
        return "photo credit"
    if len(line) > 240:
        return None
    for pattern, why in _FURNITURE:
        if pattern.fullmatch(line):
            return why
    return None


_CAPTION_PREFIX = re.compile(r"^\(?photo(?:graph)?\s*\d*\s*(?::|\))\s*|^photo\s*\d+\s*", re.IGNORECASE)
_CAPTION_SUFFIX = re.compile(r"\s*(?:<br\s*/?>\s*)?\((?:[Pp]hoto|[Hh]andshake)[^)]*\)\s*$|"
                             # what the photo shows, in lower case: "Meeting(talks)", "(greeting)",
                             # "(photo session)", the Japanese ministry's gallery captions
                             r"\s*\((?:[a-z]+ ?){1,3}\)\s*$")


def clean_caption(line: str) -> str:
    """"photo1: Japan-Russia Summit<br>(Photo: Cabinet Office)" → "Japan-Russia Summit";
    "Japan-Russia Foreign Ministers' Meeting(talks)" → "Japan-Russia Foreign Ministers' Meeting".
    A capitalised note stays: "Japan-Russia Summit Meeting (Overview)"."""
    text = _CAPTION_PREFIX.sub("", line)
    previous = None
    while previous != text:
        previous, text = text, _CAPTION_SUFFIX.sub("", text)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE).strip()
    # a gallery's image text and its caption, joined by the image's number: "Summit 1 Summit"
    repeated = re.fullmatch(r"(.{8,}?) \d{1,2} \1", text)
    return repeated.group(1) if repeated else text
