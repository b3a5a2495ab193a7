"""The templates' environment: `item.name` on the pages' dict contexts."""

from __future__ import annotations

import jinja2
import pytest

from readouts.render.env import make_env

_TEMPLATES = {
    "key": "{{ item.title }}",
    "method": "{{ item.items() | list | length }}",
    "method, though a key has its name": "{{ item.keys() | list | length }}",
    "nested": "{{ item.meeting.place }}",
    "object": "{{ item.real }}",
}


@pytest.mark.parametrize("name", sorted(_TEMPLATES))
def test_a_dict_in_a_template_reads_as_jinja_reads_it(name: str) -> None:
    item = {"title": "Talks", "keys": "not the method", "meeting": {"place": "Tokyo"}}
    if name == "object":
        item = 3  # type: ignore[assignment]
    stock = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    ours = make_env(None)
    assert (ours.from_string(_TEMPLATES[name]).render(item=item)
            == stock.from_string(_TEMPLATES[name]).render(item=item))


def test_a_key_a_dict_lacks_fails_the_template_as_a_misspelt_name_does() -> None:
    with pytest.raises(jinja2.UndefinedError, match="has no attribute 'titel'"):
        make_env(None).from_string("{{ item.titel }}").render(item={"title": "Talks"})


def test_printed_values_are_escaped_as_jinja_escapes_them_without_markups_constructor(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from markupsafe import Markup

    source = ("{% macro cell(v) %}<td title=\"{{ v }}\">{{ v }}</td>{% endmacro %}"
              "{% for v in values %}{{ v }}|{{ cell(v) }}|{{ v ~ '&' }}|{{ v | upper }}{% endfor %}{{ safe }}")
    values = ["Talks", "<b>\"Lavrov\" & 'Kono'</b>", 2019, 1.5, None, Markup("<i>kept</i>")]
    stock = jinja2.Environment(autoescape=True).from_string(source).render(values=values, safe=Markup("<br>"))
    made: list[object] = []
    real = Markup.__new__

    def counted(cls: type, *args: object, **kwargs: object) -> Markup:
        made.append(args[0] if args else "")
        return real(cls, *args, **kwargs)

    monkeypatch.setattr(Markup, "__new__", counted)
    ours = make_env(None).from_string(source).render(values=values, safe=Markup("<br>"))
    assert ours == stock
    assert "Talks" not in made  # a plain string is escaped without the constructor


_PRINTING = {
    "loops, a filtered loop and loop.last": ("{% for p in people if p.name %}{{ p.name }}"
                                             "{% if not loop.last %}, {% endif %}{% endfor %}"),
    "a recursive loop": "{% for p in people recursive %}[{{ p.name }}{{ loop(p.kids) }}]{% endfor %}",
    "a macro and its caller": ("{% macro box(p) %}<b title=\"{{ p.name }}\">{{ caller() }}</b>{% endmacro %}"
                               "{% for p in people %}{% call box(p) %}{{ p.role }}{% endcall %}{% endfor %}"),
    "set blocks and filter blocks": ("{% set s %}{{ people[0].name }}&{% endset %}{{ s }}|"
                                     "{% filter upper %}{{ people[1].name }}<{% endfilter %}"),
    "autoescape off and on again": ("{% autoescape false %}{{ people[1].name }}{% endautoescape %}"
                                    "{% autoescape true %}{{ people[1].name }}{% endautoescape %}"),
    "numbers, None, Markup, a dict subclass, objects": ("{{ n }} {{ none }} {{ safe }} {{ sub.name }} {{ n.real }}"
                                                        "{{ safe.striptags() }}"),
    "dict methods and keys named as they are": ("{{ people[0].items() | list | length }} {{ people[0].get('name') }}"
                                                "{{ people[0]['values'] }}"),
    "folded constants and concatenation": "{{ 'a<' ~ people[0].name }} {{ {'k': '<v>'}.k }} {{ n | string }}",
}


class _Sub(dict):  # type: ignore[type-arg]
    pass


@pytest.mark.parametrize("name", sorted(_PRINTING))
def test_what_a_template_prints_is_what_jinja_prints(name: str) -> None:
    from markupsafe import Markup

    people = [{"name": "A & B", "role": "<i>x</i>", "kids": [{"name": "C\"", "kids": []}], "values": "v"},
              {"name": "<Lavrov>", "role": "", "kids": []}, {"name": "", "role": None, "kids": []}]
    context = {"people": people, "n": 2019, "none": None, "safe": Markup("<br>kept"), "sub": _Sub(name="S&")}
    stock = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    ours = make_env(None).from_string(_PRINTING[name]).render(context)
    assert ours == stock.from_string(_PRINTING[name]).render(context)


def test_a_printed_string_and_a_dicts_key_are_read_in_the_templates_own_code() -> None:
    env = make_env(None)
    code = env.compile("{{ item.title }}{{ item.items() | length }}", raw=True)
    assert "environment.getattr(_read, 'title')" in code  # only when item is no dict holding it
    assert "_read['title'] if type(_read" in code
    assert "_escape_text(_printed) if type(_printed" in code
    assert "'items' in _read" not in code  # one of dict's own attributes: as Jinja reads it
