"""Carry-over by discourse (``attribution/discourse.py``): breakdowns and continuations of a
report carry its source; background and the reporter's own voice do not."""

from __future__ import annotations


def test_a_breakdown_carries_the_source(sources) -> None:
    assert sources("At least 120 people were killed in the clashes, the health ministry said. Of those, 40 were children.") == [
        ("At least 120", "health ministry"), ("40", "health ministry"),
    ]
    assert sources("The health ministry said 120 people were killed in the clashes. They include 40 children.")[1] == ("40", "health ministry")
    text = "The rights commission said 39 people had died in the protests. The capital accounted for 17 of the deaths."
    assert sources(text)[1] == ("17", "rights commission")


def test_a_continuation_of_the_same_report_carries_it(sources) -> None:
    text = "The statistics office said inflation rose to 9.2% in March. Food prices were 14% higher than a year earlier."
    assert sources(text) == [("9.2%", "statistics office"), ("14%", "statistics office")]
    text = "The census bureau said 2.1 million people were counted in the region. Another 300,000 were counted in the capital."
    assert sources(text)[1] == ("300,000", "census bureau")


def test_a_later_clause_after_a_semicolon_continues_the_report(sources) -> None:
    text = "Deaths were highest in the first month, the UN said; in the summer, between 170 and 180 civilians were killed each month."
    assert sources(text)[-1] == ("between 170 and 180", "UN")


def test_background_is_not_carried(sources) -> None:
    text = "The census bureau said 2.1 million people were counted in the region. The capital is home to 800,000 people."
    assert sources(text)[1] == ("800,000", None)
    text = "The census bureau said 2.1 million people were counted in the region. The capital, a city of 800,000, is growing."
    assert sources(text)[1] == ("800,000", None)


def test_another_metric_or_an_act_is_not_a_continuation(sources) -> None:
    assert sources("The emergency service said 60 people had died. About 30% of the town was flooded.")[1][1] is None
    assert sources("Soldiers killed 25 militants in the raid, the army said. The militants had attacked 3 villages.")[1] == ("3", None)
    assert sources("The World Food Programme said 2 million people needed aid. The United States pledged $50 million.")[1] == ("$50 million", None)


def test_an_act_of_the_source_itself_continues_its_report(sources) -> None:
    text = "The chancellor said the fund would grow to $5 billion. The chancellor also pledged $200 million for schools."
    assert [s for _, s in sources(text)] == ["chancellor", "chancellor"]


def test_people_speaking_do_not_run_on_into_the_next_sentence(sources) -> None:
    text = "The ferry was carrying 278 passengers, witnesses said. Dozens of people remain missing."
    assert sources(text) == [("278", "witnesses"), ("Dozens", None)]


def test_no_carry_over_into_a_new_paragraph(sources) -> None:
    assert sources("The agency said 15 people died in the landslide.\n\nAn estimated 2 million people live in the region.")[1][1] is None


def test_a_sentence_without_a_source_ends_the_report(sources) -> None:
    text = "The disaster agency said 190 people died. Mudslides buried homes in the hills. Across the region, 59,000 people have been affected."
    assert sources(text)[-1][1] is None


def test_a_bare_cue_attributes_the_sentence_before_it(sources) -> None:
    assert sources("Some 300 people died. That is according to the national disaster agency.") == [("Some 300", "national disaster agency")]


def test_an_act_on_part_of_the_figure_is_not_a_breakdown(sources) -> None:
    assert sources("Police said 12 people were arrested. Prosecutors later charged 9 of them.") == [("12", "Police"), ("9", None)]


def test_every_figure_of_a_breakdown_sentence_carries(sources) -> None:
    text = "The rights commission said 39 people had died. The capital accounted for 17 of the deaths, followed by the port city with four."
    assert [s for _, s in sources(text)] == ["rights commission"] * 3
