"""Country fields accept what platforms send: alpha-2 and alpha-3 codes, ISO names, everyday English names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marketguard.core.countries import country_code
from marketguard.core.records import message_from_dict


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("de", "DE"),
        ("DEU", "DE"),
        ("Germany", "DE"),
        ("  united states ", "US"),
        ("U.S.A.", "US"),
        ("the Netherlands", "NL"),
        ("Russia", "RU"),
        ("UK", "GB"),
        ("United Arab Emirates", "AE"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Côte d'Ivoire", "CI"),
    ],
)
def test_codes_and_names_resolve_to_alpha_2(value: str, code: str) -> None:
    assert country_code(value, "client.country") == code


@pytest.mark.parametrize("value", ["Narnia", "Korea", "", "   ", "X", "ÄÖ"])
def test_a_value_that_names_no_single_country_is_an_error_naming_the_field(value: str) -> None:
    with pytest.raises(ValueError, match=r"'client\.country' must be a country code or name"):
        country_code(value, "client.country")


def test_a_job_post_with_its_client_country_spelled_out_is_screened_not_refused() -> None:
    record = {"kind": "job_post", "title": "Logo design", "client": {"country": "Brazil", "spend": 0}}
    message = message_from_dict(record)
    assert message.job is not None and message.job.client.country == "BR"
    assert message_from_dict({"text": "hi", "context": {"region": "France"}}).context.region == "FR"


@given(st.text(max_size=80))
def test_any_text_gives_a_code_or_a_value_error(value: str) -> None:
    try:
        code = country_code(value, "f")
    except ValueError as exc:
        assert "'f'" in str(exc)
    else:
        assert len(code) == 2 and code.isupper()
