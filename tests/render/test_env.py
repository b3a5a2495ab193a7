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
