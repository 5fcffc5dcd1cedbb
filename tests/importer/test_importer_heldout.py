"""The importer reads the held-out documents (heldout/, written for these tests in the
conference's styles) at 95% of their gold checks or better. No database."""

import pytest

from tests.importer.heldout import percentage, score_all


@pytest.fixture(scope="module")
def scores():
    return score_all()  # every held-out document parsed once for the module's tests


def test_the_importer_meets_95_percent_of_the_held_out_gold_checks(scores):
    assert len(scores) >= 8
    failures = [f"{s.name}: {f}" for s in scores for f in s.failures]
    assert percentage(scores) >= 95.0, "\n".join(failures)


def test_no_held_out_document_is_refused(scores):
    refused = [s.name for s in scores if any(f.startswith("refused") for f in s.failures)]
    assert refused == []
