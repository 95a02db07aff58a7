"""Factories for the people and things tests need. Essays here are our own words."""

from __future__ import annotations

import factory

from coaching.models import Criterion, Level, Rubric
from essays.models import Assignment, Classroom, Essay, Membership, User

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@school.test")
    display_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ClassroomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Classroom

    name = factory.Sequence(lambda n: f"English {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    classroom = factory.SubFactory(ClassroomFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.STUDENT


class RubricFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rubric
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Rubric {n}")

    @factory.post_generation
    def criteria(obj, create, extracted, **kwargs):
        if not create:
            return
        for order, name in enumerate(extracted or ["Ideas", "Organisation", "Conventions"]):
            criterion = Criterion.objects.create(rubric=obj, name=name, order=order)
            for points, label in ((4, "Strong"), (3, "Good"), (2, "Developing"), (1, "Beginning")):
                Level.objects.create(criterion=criterion, label=label, points=points)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    classroom = factory.SubFactory(ClassroomFactory)
    title = factory.Sequence(lambda n: f"Assignment {n}")
    prompt = "Should students wear school uniforms? Take a position and defend it."
    rubric = factory.SubFactory(RubricFactory)
    min_words = 50
    max_words = 800


class EssayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Essay

    assignment = factory.SubFactory(AssignmentFactory)
    student = factory.SubFactory(UserFactory)


UNIFORM_ESSAY = """School uniforms should be required in every secondary school.

First, uniforms reduce pressure about clothes. When everyone wears the same jacket, nobody is judged for wearing cheap or unfashionable things. For example, my cousin said her school felt calmer after uniforms arrived.

Second, uniforms save families money over a year. A few shirts and trousers cost less than a wardrobe of fashionable clothes.

Some people argue that uniforms stop students expressing themselves. However, students can still show who they are through their ideas, their work and their friendships.

In conclusion, uniforms make school fairer and cheaper, so every school should adopt them.
"""

UNIFORM_REVISED = UNIFORM_ESSAY.replace(
    "A few shirts and trousers cost less than a wardrobe",
    "Two shirts and trousers usually cost far less than a whole wardrobe",
)
