"""Our starter rubrics, written by the EssayCoach team. A data migration creates them
(is_starter=True); teachers copy one and edit the copy, never the starter itself.

Each criterion: (name, description, weight, measures, levels best first), each level:
(label, points, descriptor).
"""

from __future__ import annotations

from typing import Any

FOUR = ("Exemplary", "Proficient", "Developing", "Beginning")


def _c(name: str, description: str, weight: float, measures: str, *descriptors: str) -> dict:
    labels = FOUR if len(descriptors) == 4 else SIX_TRAIT_LABELS
    top = len(descriptors)
    return {
        "name": name,
        "description": description,
        "weight": weight,
        "measures": measures,
        "levels": [
            (label, top - k, text)
            for k, (label, text) in enumerate(zip(labels, descriptors, strict=True))
        ],
    }


SIX_TRAIT_LABELS = ("Strong", "Capable", "Developing", "Emerging", "Beginning")

STARTERS: list[dict[str, Any]] = [
    {
        "name": "Argumentative essay",
        "description": "Takes a position on a question and defends it with reasons and evidence.",
        "criteria": [
            _c(
                "Claim and focus",
                "A clear, arguable position that answers the question and guides the essay.",
                1.0,
                "focus",
                "States a precise claim early; every paragraph advances it.",
                "States a clear claim; the essay mostly keeps to it.",
                "The claim is vague or appears late; parts drift from it.",
                "No clear claim, or the essay does not answer the question.",
            ),
            _c(
                "Evidence and reasoning",
                "Reasons, examples and facts that support the claim, with their link explained.",
                1.5,
                "development",
                "Specific, well-chosen evidence, each piece explained and tied to the claim.",
                "Relevant evidence for most points, usually explained.",
                "Evidence is general or thin; the reader must supply the link.",
                "Assertions without support.",
            ),
            _c(
                "Counter-argument",
                "Recognises a reasonable opposing view and answers it.",
                1.0,
                "development",
                "Presents the strongest opposing view fairly and answers it convincingly.",
                "Mentions an opposing view and responds to it.",
                "Names an opposing view but leaves it unanswered.",
                "Ignores other views.",
            ),
            _c(
                "Organisation",
                "Introduction, paragraphs with one job each, transitions and a conclusion.",
                1.0,
                "organisation",
                "A logical sequence; topic sentences and transitions guide the reader throughout.",
                "Clear paragraphs in a sensible order, with an introduction and a conclusion.",
                "Some paragraphing, but the order or the links between ideas are unclear.",
                "Little visible structure.",
            ),
            _c(
                "Language and style",
                "Precise words, varied sentences and a tone that suits the audience.",
                1.0,
                "language",
                "Precise, varied and fluent; the tone fits the reader.",
                "Clear, with some variety of words and sentences.",
                "Plain or repetitive; some sentences are hard to follow.",
                "Often unclear.",
            ),
            _c(
                "Conventions",
                "Spelling, grammar and punctuation.",
                0.5,
                "conventions",
                "Almost free of errors.",
                "A few errors that do not get in the way.",
                "Errors that sometimes distract the reader.",
                "Errors that make the essay hard to read.",
            ),
        ],
    },
    {
        "name": "Narrative writing",
        "description": "A story, real or imagined, told with purpose and craft.",
        "criteria": [
            _c(
                "Plot and structure",
                "A beginning that draws the reader in, a build-up, a turning point and an ending.",
                1.0,
                "organisation",
                "A shaped arc with pacing that builds to a satisfying, earned ending.",
                "A clear beginning, middle and end; the pacing mostly works.",
                "Events follow one another but the story lacks a turning point or an ending.",
                "Events are hard to follow.",
            ),
            _c(
                "Character and setting",
                "People and places the reader can picture, shown through detail and action.",
                1.0,
                "development",
                "Characters show themselves in action, thought and speech; the setting matters.",
                "Characters and setting are described with some telling detail.",
                "Characters are named but flat; the setting is barely there.",
                "No sense of who or where.",
            ),
            _c(
                "Narrative techniques",
                "Dialogue, description, reflection and point of view used on purpose.",
                1.0,
                "development",
                "Techniques chosen for effect: dialogue that reveals, description that sets mood.",
                "Uses dialogue or description to move the story along.",
                "Techniques appear but do little for the story.",
                "Mostly summary: the story is told, not shown.",
            ),
            _c(
                "Voice and word choice",
                "A consistent narrator and vivid, exact words.",
                1.0,
                "language",
                "A distinctive, consistent voice; words that are vivid and exact.",
                "A consistent voice with some vivid words.",
                "The voice wavers; words are often general.",
                "No consistent voice.",
            ),
            _c(
                "Conventions",
                "Spelling, grammar, punctuation, including punctuation of dialogue.",
                0.5,
                "conventions",
                "Almost free of errors; dialogue is punctuated correctly.",
                "A few errors that do not get in the way.",
                "Errors that sometimes distract the reader.",
                "Errors that make the story hard to read.",
            ),
        ],
    },
    {
        "name": "Literary analysis",
        "description": "An interpretation of a literary text, argued from the text itself.",
        "criteria": [
            _c(
                "Interpretation",
                "A thesis about the text's meaning or method, not a summary of the plot.",
                1.0,
                "focus",
                "An insightful thesis about how and why the text works; sustained throughout.",
                "A clear interpretive thesis that the essay follows.",
                "A thesis that is mostly summary or too broad to argue.",
                "Retells the text without an interpretation.",
            ),
            _c(
                "Textual evidence",
                "Quotations and references that are apt, accurate and well integrated.",
                1.5,
                "development",
                "Apt, precise quotations woven into the writer's sentences.",
                "Relevant quotations that support the points made.",
                "Few quotations, or quotations dropped in without context.",
                "No reference to the text.",
            ),
            _c(
                "Analysis of technique",
                "How the writer's choices of language, structure and form create meaning.",
                1.5,
                "development",
                "Explores the effect of specific choices and links them to the thesis.",
                "Names techniques and explains their effect.",
                "Names techniques with little explanation of their effect.",
                "No attention to how the text is written.",
            ),
            _c(
                "Organisation",
                "Paragraphs that each develop one line of the argument, in a purposeful order.",
                1.0,
                "organisation",
                "Each paragraph advances the argument; transitions show how ideas connect.",
                "Clear paragraphs with topic sentences.",
                "Paragraphs follow the plot rather than the argument.",
                "Little visible structure.",
            ),
            _c(
                "Academic style and conventions",
                "A formal register, the present tense for the text, accurate mechanics.",
                0.5,
                "conventions",
                "Formal, precise and almost free of errors.",
                "Mostly formal with a few errors.",
                "Lapses in register or errors that distract.",
                "Informal, with errors that impede reading.",
            ),
        ],
    },
    {
        "name": "Six-trait writing",
        "description": "Six traits of effective writing, for any genre.",
        "criteria": [
            _c(
                "Ideas",
                "A clear main idea developed with relevant, interesting detail.",
                1.0,
                "development",
                "A focused main idea, richly developed with fresh, telling detail.",
                "A clear main idea with relevant detail.",
                "A main idea is present but support is general.",
                "Ideas are unclear or barely developed.",
                "No identifiable main idea.",
            ),
            _c(
                "Organization",
                "An inviting start, a logical order and a satisfying end.",
                1.0,
                "organisation",
                "The structure enhances the ideas; transitions are smooth and purposeful.",
                "A clear beginning, middle and end, with workable transitions.",
                "Some structure, but the order or the links are uneven.",
                "Order is hard to follow.",
                "No discernible structure.",
            ),
            _c(
                "Voice",
                "The writer's presence on the page, suited to the purpose and audience.",
                1.0,
                "language",
                "Engaging, confident and well suited to the audience.",
                "A sincere voice that fits the purpose.",
                "The voice comes and goes.",
                "Flat or unsuitable for the audience.",
                "No sense of a writer behind the words.",
            ),
            _c(
                "Word choice",
                "Precise, vivid and natural words.",
                1.0,
                "language",
                "Precise, vivid words that create a clear picture.",
                "Functional words with some well-chosen ones.",
                "General or repeated words.",
                "Vague or misused words.",
                "Words get in the way of meaning.",
            ),
            _c(
                "Sentence fluency",
                "Sentences that flow, vary in length and structure, and read well aloud.",
                1.0,
                "language",
                "Varied, rhythmic sentences that read easily aloud.",
                "Mostly smooth with some variety.",
                "Mechanical or choppy in places.",
                "Run-ons or fragments make reading hard.",
                "Difficult to read aloud.",
            ),
            _c(
                "Conventions",
                "Spelling, grammar, punctuation, capitals and paragraphing.",
                1.0,
                "conventions",
                "Almost free of errors; conventions used for effect.",
                "A few errors that do not get in the way.",
                "Errors that sometimes distract.",
                "Frequent errors that slow the reader.",
                "Errors make the text hard to read.",
            ),
        ],
    },
]
