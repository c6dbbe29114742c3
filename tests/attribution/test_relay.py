"""Relays (``attribution/relay.py``): who reports whose figure."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "source", "relay"),
    [
        ("Reuters, citing the health ministry, said 44 people had died.", "health ministry", "Reuters"),
        ("At least 61 people were killed, the state broadcaster reported, citing the civil defence agency.", "civil defence agency", "state broadcaster"),
        ("Citing police records, the charity said 450 people had been arrested.", "police records", "charity"),
        ("Turnout reached 71%, the electoral board said on Monday, according to state television.", "electoral board", "state television"),
    ],
)
def test_source_and_relay(claims_of, text: str, source: str, relay: str) -> None:
    (claim,) = claims_of(text)
    assert (claim.source, claim.relay) == (source, relay)


@pytest.mark.parametrize(
    "text",
    [
        "The agency reported 61 deaths, citing hospital sources in the capital.",
        "Some 320 migrants are feared to have drowned, the agency said, citing survivors' accounts.",
    ],
)
def test_evidence_cited_is_not_a_source(claims_of, text: str) -> None:
    (claim,) = claims_of(text)
    assert (claim.source, claim.relay) == ("agency", None)


def test_a_source_without_a_relay(claims_of) -> None:
    (claim,) = claims_of("The health ministry said 44 people had died.")
    assert claim.relay is None


def test_relay_is_in_the_json_report(checker) -> None:
    import json

    from factcheck.models import Report
    from factcheck.pipeline import check

    report = check("Reuters, citing the health ministry, said 44 people had died.", checker=checker)
    data = json.loads(Report.of([report]).model_dump_json())
    claim = data["files"][0]["claims"][0]
    assert (claim["source"], claim["relay"], claim["source_phrase"]) == ("health ministry", "Reuters", "the health ministry")


def test_a_source_quoted_inside_a_report_is_relayed(claims_of) -> None:
    (claim,) = claims_of("Reuters reported that the ministry said 25 people had died.")
    assert (claim.source, claim.relay) == ("ministry", "Reuters")
    (claim,) = claims_of("The mayor said the police had reported 14 arrests.")
    assert (claim.source, claim.relay) == ("police", "mayor")


def test_a_coordinated_report_is_not_a_relay(claims_of) -> None:
    text = "Health officials said 23 people were in hospital, and the state broadcaster reported that 5 of them were in critical condition."
    assert [(c.source, c.relay) for c in claims_of(text)] == [("Health officials", None), ("state broadcaster", None)]
