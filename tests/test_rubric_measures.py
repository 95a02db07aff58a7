"""A criterion's 'what the engine measures' reaches the engine and decides its dimension."""

import pytest

from coaching.engine.scoring import dimension_for
from coaching.engine.types import rubric_from_dict, rubric_to_dict
from coaching.models import Criterion
from coaching.runtime import rubric_spec
from tests.factories import RubricFactory

pytestmark = pytest.mark.django_db


def test_measures_passes_through_to_the_engine() -> None:
    rubric = RubricFactory(criteria=["Ideas", "Organisation", "Conventions"])
    Criterion.objects.filter(rubric=rubric, name="Ideas").update(measures="development")
    # the teacher's choice wins over the name
    Criterion.objects.filter(rubric=rubric, name="Conventions").update(measures="overall")
    spec = rubric_spec(rubric)
    by_name = {c.name: c for c in spec.criteria}
    assert by_name["Ideas"].measures == "development"
    assert by_name["Organisation"].measures == ""
    assert dimension_for(by_name["Ideas"]) == "development"
    assert dimension_for(by_name["Organisation"]) == "organisation"  # decided from the name
    assert dimension_for(by_name["Conventions"]) == "overall"
    # the JSON form keeps it
    again = rubric_from_dict(rubric_to_dict(spec))
    assert again == spec
