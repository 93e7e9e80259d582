"""Hypothesis strategies for the property tests: the inputs that classically turn into a 500.

NUL bytes (PostgreSQL refuses them in text), lone surrogates (not encodable as UTF-8), numbers
beyond the database's integers, 'NaN'/'Infinity'/'1e309' for decimals, impossible and far-off
dates, very long strings, blanks, and plain arbitrary text.
"""

import datetime
from urllib.parse import quote

from django import forms
from hypothesis import strategies as st

NASTY_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "\u2603 \U0001d518 \u202e",
    "'; DROP TABLE x; --",
    "<script>alert(1)</script>",
    "%",
    "%00",
    "\r\n",
    "null",
    "None",
    "true",
    "[]",
    "../../etc/passwd",
    "x" * 5_000,
    "\u00e9" * 2_000,
]
NASTY_NUMBERS = [
    "-1",
    "0",
    "1.5",
    "-0",
    "1e309",
    "-1e309",
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "sNaN",
    "0x10",
    "1_000",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "9" * 30,
    "-" + "9" * 30,
    "9" * 5_000,
    "١٢٣",
    "\u00b2",
]
NASTY_DATES = [
    "2026-02-30",
    "2026-02-29",
    "2026-13-01",
    "2026-00-10",
    "9999-12",
    "9999-12-31",
    "10000-01-01",
    "0001-01-01",
    "0000-01-01",
    "1-1-1",
    "2026-1",
    "2026-W05",
    "31/12/2026",
    "2026-12-31T25:61",
    "-2026-01-01",
]
NASTY = NASTY_TEXT + NASTY_NUMBERS + NASTY_DATES

# What a query string's value or a form field's value may be: a known troublemaker, any text
# (NULs and other control characters included), any size of integer, any date.
values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.dates().map(datetime.date.isoformat),
    st.from_regex(r"-?[0-9]{1,6}(-[0-9]{1,3}){0,2}", fullmatch=True),
)


def _encode(text: str) -> str:
    # surrogatepass: a lone surrogate reaches the server as the invalid UTF-8 it would be.
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def urlencoded(data: dict) -> bytes:
    """``data`` as an application/x-www-form-urlencoded body, lone surrogates and all (the test
    client's own encoder would refuse them before they reach the server)."""
    pairs = []
    for name, value in data.items():
        for one in value if isinstance(value, list) else [value]:
            pairs.append(f"{_encode(name)}={_encode(one)}")
    return "&".join(pairs).encode("ascii")


MALFORMED_QUERIES = ["%", "%zz", "q=%E9%80", "&&&", "=", "=x", "page", "page=1=2", ";;", "a=1;b=2"]


def query_strings(names):
    """Raw query strings over a page's parameter ``names`` and unknown ones, repeats allowed."""
    name = st.one_of(st.sampled_from(sorted(names)), st.text(min_size=1, max_size=20))
    pairs = st.lists(st.tuples(name, values), max_size=6)
    encoded = pairs.map(lambda pairs: "&".join(f"{_encode(n)}={_encode(v)}" for n, v in pairs))
    return st.one_of(encoded, st.sampled_from(MALFORMED_QUERIES))


# -- form data -----------------------------------------------------------------------------------


def _choices(field):
    flat = []
    for value, label in field.choices:
        if isinstance(label, (list, tuple)):
            flat.extend(str(v) for v, _ in label)
        else:
            flat.append(str(value))
    return [value for value in flat if value]


def plausible(field):
    """A value a person could well type into ``field``, so some examples get past the form and
    reach the service and the database."""
    if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField)):
        choices = _choices(field)
        if choices:
            return st.sampled_from(choices)
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", ""])
    if isinstance(field, forms.EmailField):
        return st.emails().map(lambda email: email[:200])
    if isinstance(field, forms.DateField):
        return st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31))
    if isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
        return st.integers(min_value=0, max_value=100_000).map(str)
    return st.text(min_size=1, max_size=40)


def field_inputs(field, html_name):
    """(input name, strategy) pairs for one form field, one pair per input the browser sends."""
    widget = field.widget
    if isinstance(widget, forms.MultiWidget):
        names = [f"{html_name}{suffix}" for suffix in widget.widgets_names]
        if isinstance(field, forms.DateField) or len(names) == 3:
            # The GOV.UK day / month / year inputs.
            parts = st.one_of(
                plausible_date_parts(),
                st.tuples(values, values, values),
            )
            return [(tuple(names), parts)]
        return [(name, values) for name in names]
    if isinstance(widget, forms.FileInput):
        return []
    good = plausible(field)
    if isinstance(field, forms.DateField):
        good = good.map(datetime.date.isoformat)
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return [(html_name, st.lists(st.one_of(good, values), max_size=4))]
    return [(html_name, st.one_of(good, values))]


def plausible_date_parts():
    day = st.one_of(st.integers(min_value=1, max_value=31).map(str), st.sampled_from(["0", "32"]))
    month = st.one_of(st.integers(min_value=1, max_value=12).map(str), st.sampled_from(["0", "13"]))
    year = st.one_of(
        st.integers(min_value=2000, max_value=2040).map(str),
        st.sampled_from(["1", "0", "9999", "10000", "99999999999999999999", "-2026"]),
    )
    return st.tuples(day, month, year)


@st.composite
def form_data(draw, inputs, extra_names=()):
    """A POST body for a form whose inputs are ``inputs`` (from field_inputs): each input
    present or absent, plausible or nasty; plus some unknown names."""
    data = {}
    for name, strategy in inputs:
        if not draw(st.booleans()) and draw(st.booleans()):
            continue  # about a quarter of the inputs left out
        value = draw(strategy)
        if isinstance(name, tuple):
            data.update(zip(name, value, strict=True))
        else:
            data[name] = value
    for name in draw(
        st.lists(st.sampled_from([*extra_names, "submit", "\x00", "x" * 300]), max_size=2)
    ):
        data[name] = draw(values)
    return data


def arbitrary_dicts(names):
    """Any dict over ``names`` and unknown keys, values text or lists of text: the unit-level
    input of ``form.is_valid()``."""
    key = st.one_of(st.sampled_from(sorted(names)) if names else st.nothing(), st.text(max_size=10))
    value = st.one_of(values, st.lists(values, max_size=3))
    return st.dictionaries(key, value, max_size=len(names) + 2)
