"""Demo content written by the EssayCoach team: a rubric, an assignment, two essays."""

from __future__ import annotations

ARGUMENT_RUBRIC = {
    "name": "Argumentative essay (grades 8-10)",
    "description": "For essays that take and defend a position on a question.",
    "criteria": [
        {
            "name": "Thesis and focus",
            "description": "States a clear position that answers the prompt and keeps to it.",
            "weight": 1.0,
            "levels": [
                ("Exemplary", 4, "A precise, arguable thesis early on; every paragraph serves it."),
                ("Proficient", 3, "A clear position; the essay mostly stays on it."),
                ("Developing", 2, "A position is implied or vague; some drifting."),
                ("Beginning", 1, "No clear position, or the essay does not answer the prompt."),
            ],
        },
        {
            "name": "Organisation",
            "description": "Introduction, body paragraphs with topic sentences, conclusion, transitions.",
            "weight": 1.0,
            "levels": [
                ("Exemplary", 4, "Logical order, strong topic sentences, smooth transitions."),
                ("Proficient", 3, "Clear paragraphs with an introduction and conclusion."),
                ("Developing", 2, "Some paragraphing; order or transitions are weak."),
                ("Beginning", 1, "Little or no structure."),
            ],
        },
        {
            "name": "Evidence and reasoning",
            "description": "Supports claims with examples, facts or reasons, and answers objections.",
            "weight": 1.5,
            "levels": [
                (
                    "Exemplary",
                    4,
                    "Specific, relevant evidence explained well; counter-argument answered.",
                ),
                ("Proficient", 3, "Relevant reasons and examples, mostly explained."),
                ("Developing", 2, "General or thin support; little explanation."),
                ("Beginning", 1, "Claims without support."),
            ],
        },
        {
            "name": "Language and style",
            "description": "Precise words, varied sentences, a tone that suits the reader.",
            "weight": 1.0,
            "levels": [
                ("Exemplary", 4, "Precise, varied, fluent."),
                ("Proficient", 3, "Clear with some variety."),
                ("Developing", 2, "Plain or repetitive; some unclear sentences."),
                ("Beginning", 1, "Often hard to follow."),
            ],
        },
        {
            "name": "Conventions",
            "description": "Spelling, grammar and punctuation.",
            "weight": 0.5,
            "levels": [
                ("Exemplary", 4, "Almost no errors."),
                ("Proficient", 3, "A few errors that do not get in the way."),
                ("Developing", 2, "Errors that sometimes distract."),
                ("Beginning", 1, "Errors that make it hard to read."),
            ],
        },
    ],
}

PHONES_PROMPT = (
    "Many schools are thinking about banning mobile phones during the school day. "
    "Should your school ban phones in class? Take a position and defend it with reasons "
    "and examples. Answer at least one argument from the other side."
)

ESSAY_STRONG = """Phones in the classroom: a ban that helps everyone learn

Every teacher knows the moment: a phone buzzes, and half the class looks down. I believe our school should ban phones during lessons, because they break concentration, they make bullying easier, and the benefits people claim for them can be had in other ways.

First, phones pull attention away from learning. Even when a phone is silent, students keep checking it for messages. In my own science class last term, our teacher asked us to put phones in a box for one week. Most of us noticed that we finished our work faster and asked better questions. A short experiment is not proof, but it shows how much time a screen quietly takes.

Second, phones make it easier to hurt people. A photo taken in class can be shared with hundreds of students before the bell rings. Without phones in lessons, there are fewer chances for that kind of cruelty, and students can take risks, like answering a hard question, without worrying about being filmed.

Some people argue that phones are useful for research and that a ban treats students like children. That is a fair point, but schools already have laptops and tablets that teachers can control. Furthermore, learning to put a phone away is itself a skill that adults need at work.

In conclusion, a phone ban in class is not about punishment. It protects attention, it protects students from one another, and it still leaves room for technology that serves learning. Our school should try it for a term and measure the results.
"""

ESSAY_DRAFT = """I think phones should not be banned in school becuase they are usefull. Alot of students use there phone to check the homework and to look up words they dont know.

Also phones are important for safety. If something happen parents can call there child. Teachers can also use phones for quizes and games which makes lessons more fun.

Some people say phones distract students but that is the students problem not the phones problem. In conclusion phones should be allowed.
"""
