"""A 600-word argumentative essay written by the EssayCoach team for the benchmarks."""

ESSAY_600 = """Phones in class: why a clear rule helps everyone

Walk into almost any classroom and you will see the same scene. A teacher is explaining something important, and at least three students are looking at a glowing screen under the desk. I believe our school should ban phones during lessons, while still allowing them at break and lunch, because a clear rule protects attention, reduces bullying and makes lessons fairer for everyone.

The first reason is attention. Learning needs long stretches of focus, and phones are designed to break focus. Every notification pulls a student away from the lesson, and it takes several minutes to settle back into a difficult task. Last year our maths teacher asked us to leave our phones in our bags for a month. At the end of the month most of the class said that homework felt easier, because we had actually followed the explanations in class. One class is not a scientific study, but the difference was easy to notice.

The second reason is safety and kindness. A phone makes it very easy to take a photo of someone at a bad moment and share it with the whole year group before the lesson ends. Students who are worried about being filmed are less likely to ask questions, to read aloud or to try a hard problem on the board. When phones stay in bags, the classroom becomes a place where mistakes are allowed, and mistakes are how people learn.

The third reason is fairness. Not every family can afford the newest phone, and some students do not have a phone at all. When lessons quietly depend on phones, for example for a quick quiz or for looking something up, those students are left out or embarrassed. If the school provides laptops or tablets for the tasks that need them, every student has the same tools, and teachers can control what is on the screen.

Of course, there are serious arguments on the other side. Some parents want to be able to reach their children at any time, especially in an emergency. This is a fair concern, but the school office can always contact a student, and a ban during lessons does not stop students from calling home at break. Other people argue that phones are useful learning tools and that banning them is old-fashioned. However, almost everything a phone can do in a lesson can be done with a school device, and learning to put a phone away for an hour is itself a skill that adults need at work.

Some students also say that a ban treats them like young children. I understand this feeling, because nobody likes rules that seem to assume the worst. On the other hand, a simple rule that applies to everyone is easier to respect than a vague rule that teachers enforce differently. A clear rule removes arguments about whether a student was really checking the time or really texting a friend.

Finally, it is worth remembering what the rule would not do. It would not stop anyone from using a phone on the bus, at lunch or at home, and it would not stop teachers from planning a lesson that uses technology well. It would simply make the default clear.

In conclusion, a ban on phones during lessons is not a punishment. It protects the attention that learning needs, it makes the classroom safer for students who are nervous, and it makes lessons fairer for families with less money. Our school should introduce the rule for one term, ask students and teachers what they noticed, and then decide together whether to keep it.
"""

if __name__ == "__main__":
    print(len(ESSAY_600.split()), "words")
