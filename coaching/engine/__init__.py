"""EssayCoach's offline feedback engine: pure Python, no Django, data out (never HTML).

engine = Engine()                      # load once, reuse
for stage, data in engine.run(EssayInput(text=...)):
    ...                                # "overview", "notes", "scores", "summary"
"""

from .engine import Engine
from .types import (
    ENGINE_VERSION,
    STAGES,
    CriterionSpec,
    EssayInput,
    LevelSpec,
    RubricSpec,
)

__all__ = [
    "ENGINE_VERSION",
    "STAGES",
    "CriterionSpec",
    "Engine",
    "EssayInput",
    "LevelSpec",
    "RubricSpec",
]
