"""Planted-error essays, blind half 2: written on 2026-12-07 by someone who had not seen the
engine, its rules or its notes on any essay. Reported by scripts/bench/planted_errors.py,
never gated, never tuned on."""

# ruff: noqa: E501

ESSAYS: dict[str, str] = {
    # british
    "festival_complaint": """Dear Sir or Madam,

I am writing to complain about the Summer Sounds festival, which took place in Riverside Park [in->on|preposition] 14 July. I [buyed->bought|verb_form] two tickets online in March for my sister and me, and we were both very [exciting->excited|word_form] about the event. Unfortunately, the day turned out to be [complete disappointment->a complete disappointment|article].

First of all, your website said that the gates would open at two o'clock. When we arrived, there [was->were|agreement] hundreds of people waiting outside, but nobody let us in until almost four. The security staff did not [say->tell|word_choice] us what was happening, and there was no shade or drinking water. Several people started to feel ill in the heat[, one->, and one|splice] elderly man had to sit down on the pavement.

Secondly, the line-up was not the one you had advertised. The main reason we bought the tickets [were->was|agreement] to see The Northern Lights, but they never appeared on stage. Instead, a local band played for an hour. They were not bad, but they were not what we had paid for. Many people around us were [quiet->quite|confusable] angry, and some of them left before the end.

Thirdly, the food and drinks were extremely expensive. A small bottle of water cost four pounds, which is much more [then->than|confusable] it costs in a supermarket. My sister had spent all her money on the tickets, so I had to [borrow->lend|word_choice] her ten pounds just to buy a sandwich. The toilets were also dirty, and there was no soap.

I have [went->been|verb_form] to many concerts before, but I have never been so disappointed [of->with|preposition] the organisation of an event. I would therefore like to ask for a full refund for both tickets. I have attached a copy of my booking confirmation to this email.

I look forward to [hear->hearing|verb_form] from you.

Yours faithfully,

Emily Carter""",
    # american
    "restaurant_review": """Last Saturday, my parents took my little brother and me to Seoul Kitchen, a new Korean restaurant that opened downtown two months ago. Everyone at my school [have->has|agreement] been talking about it, so I was curious to find out if it was really as good as people say.

The restaurant is small but very cozy. The walls are painted dark green, and there are old black-and-white photos of Seoul everywhere. We had to wait about twenty minutes because we didn't have [reservation->a reservation|article], but finally we sat [in->at|preposition] a table next to the window. Our waiter was really friendly[, he->, and he|splice] explained every dish on the menu to us because we didn't [knew->know|verb_form] much about Korean food.

I ordered bibimbap, which is a bowl of rice with vegetables, beef, and a fried egg on top. You mix everything together with a red pepper sauce before you eat it. The vegetables were fresh and crunchy, and the sauce was spicy but not [to->too|confusable] spicy. My brother, who [hate->hates|agreement] trying new things, chose the fried chicken, and he [eat->ate|verb_form] everything on his plate in ten minutes. My dad had kimchi stew and said it was the best soup he had ever [try->tried|verb_form].

The only thing I did not like was the music. It was [terrible->terribly|word_form] loud, and we had to shout to hear each other. Also, at the end of the meal the waiter [brought->took|word_choice] our plates away while my mom was still eating, which was a little rude.

The meal was not cheap; for four people we paid almost ninety dollars. Still, I think it was worth it. Most restaurants in our town serve only burgers and pizza, so it is great that [their->there|confusable] is finally somewhere different to eat.

Overall, it was [a->an|article] amazing experience, and I would give Seoul Kitchen four stars out of five. If you are interested [for->in|preposition] Asian food, you should definitely go there, but remember to book a table first, especially on weekends.""",
    # british
    "tourism_town": """My town, Ashford Bay, is a small fishing town on the south coast of England. For most of the year it is [quite->quiet|confusable] and peaceful, but every summer thousands of tourists [comes->come|agreement] to enjoy our sandy beaches and fresh seafood. In my opinion, tourism has both advantages and disadvantages for the people who live here.

On the positive side, tourism brings a lot of money into the town. Many local families run small hotels, cafes or gift shops, and without visitors they could not [win->earn|word_choice] enough to live on. My uncle, for example, owns a small boat and takes tourists to see the seals near the harbour[, in->. In|splice] August he sometimes does six trips a day. Tourism also gives [the young people->young people|article] a chance to find summer jobs. Last year I [have worked->worked|verb_form] in an ice cream shop on the seafront, and it was a really [interested->interesting|word_form] experience because I met people from all over the world.

On the other hand, tourism causes some serious problems. In July and August the roads are full of cars, and it is almost impossible to find [parking space->a parking space|article]. The beaches get crowded, and some visitors leave [there->their|confusable] rubbish on the sand. What worries me most, however, is that many houses in the old town [has->have|agreement] become holiday homes which stay empty for most of the year. As a result, young people who grew up here often cannot afford to live [at->in|preposition] their own town.

In conclusion, I believe that tourism is good for Ashford Bay, but it needs to be managed more carefully. The council could build a car park outside the town and run buses to the beach. It should also [do->make|word_choice] stricter rules about holiday homes, so that local families can still find [afford->affordable|word_form] houses. Tourists are always welcome here[, we->, but we|splice] just want them to respect the place we call home.""",
    # american
    "school_start_time": """At my high school, the first class starts at 7:30 a.m., so I have to get up at six o'clock every morning. Recently, there has been a lot of discussion in our town about whether high schools should start later. In my opinion, this is a great idea, and I want to explain why.

First of all, teenagers need more sleep than adults. Doctors say that we need between eight and ten hours every night, but most of my friends [sleeps->sleep|agreement] only six or seven. The problem is not that we are lazy[, our->. Our|splice] bodies simply work on a different schedule, so most teenagers cannot fall asleep before eleven o'clock. Lack of sleep has a bad [affect->effect|confusable] on our health and our mood.

Secondly, tired students cannot [concentrate in->concentrate on|preposition] their lessons. My first class is math, and our teacher does her best to [learn->teach|word_choice] us new things, but many students can hardly keep their eyes open. Also, a lot of older students drive to school, and driving when you are tired is really [danger->dangerous|word_form].

Of course, some people are against this idea. They say that if school [start->starts|agreement] later, it will also finish later, and students will have less time for sports and part-time jobs. Some parents also worry that they will not be able to drive their kids to school before work. These are fair points[, however->. However,|splice] I believe the benefits are more important. Last year, a high school in the next town [decide->decided|verb_form] to start at 8:30 instead of 7:45. According to the local newspaper, students arrived [to->at|preposition] school in a better mood, and fewer of them were late.

In conclusion, starting just one hour later would make [big difference->a big difference|article] to our health, our grades and our safety. [Its->It's|confusable] time for our school to follow the example of the school in the next town, and I hope our principal will take this idea [serious->seriously|word_form].""",
    # british
    "lost_watch": """Last spring I lost something that was very important to me: my grandfather's old watch. He gave it to me on my fifteenth birthday, just a few months before he died, so it means more to me than anything else I own.

It happened on a Saturday in April. My friends and I went to the park to play football, and I took the watch off because I did not want to break it. I put it in my jacket pocket and left the jacket on the grass next to the goal. When we finished, it was already getting dark[, I->, so I|splice] grabbed my jacket and ran home. It was only after dinner that I [realise->realised|verb_form] the watch was gone. At first I could not [remind->remember|word_choice] where I had put it. Then I checked my jacket pocket, but it was empty.

I felt terrible. I was [angry on->angry with|preposition] myself, and I was so [worrying->worried|word_form] that I could not sleep. Everyone in my family [were->was|agreement] upset too, because the watch had belonged to my mum's father. The next morning my dad and I went back to the park[, we->. We|splice] searched every corner of the field, but we could not find anything. After two hours we [give up->gave up|verb_form] and went home. I was sure that someone had [robbed->stolen|word_choice] it.

A few days later, something surprising happened. Our neighbour, Mrs Patel, knocked on the door with a small plastic bag in her hand. She walks her dog in the park every morning, and on Sunday the dog [find->found|verb_form] something shiny in the long grass behind the goal. She had already put [notice->a notice|article] on the village website, but nobody in my family had seen it. When she opened the bag, I could not believe my eyes. The watch was a bit dirty, but [it's->its|confusable] glass was not even scratched.

I thanked her again and again, and the next day my mum and I bought her [the->a|article] big box of chocolates. She did not want to [except->accept|confusable] them at first, but in the end she took them with a smile. Since then I have been much more [carefully->careful|word_form] with my things, and I never take the watch off when I play football. I still do not know how it fell out of my pocket, but I know how lucky I was to get it back.""",
    # american
    "best_invention": """When people talk about the greatest inventions in history, they usually mention the internet, the airplane or the smartphone. In my opinion, however, the most important invention of the last two hundred years is something much more ordinary: the washing machine.

My great-grandmother, [who's->whose|confusable] parents had a farm in Ohio, often [tell->told|verb_form] us about laundry day when she was a girl. Every Monday, she and her mother had to carry water from the well, heat it on the stove and scrub every shirt [with->by|preposition] hand[, it->. It|splice] took them the whole day. In winter their hands were red and sore from the cold water. [The life->Life|article] was very hard for women in those days, and my great-grandmother lived without [washing machine->a washing machine|article] until she got married.

The first electric washing machines appeared in the United States in the early twentieth century, but they were very [expense->expensive|word_form] at that time, and only rich families could buy them. After World War II, prices went down, and soon almost every home had one. Some historians even say that household machines like this [was->were|agreement] one of the reasons why more women started working outside the home. They gave women more time, more [free->freedom|word_form] and more opportunities.

Today, almost every family [depends of->depends on|preposition] this simple machine. I just put my dirty clothes in, press a button, and an hour later everything [are->is|agreement] clean. While the machine does the work, I can [see->watch|word_choice] a movie or go out with my friends. My great-grandmother, on the other hand, [passed->spent|word_choice] every Monday of her childhood bent over a tub of soapy water.

Of course, the internet and the smartphone are amazing inventions[, they->, and they|splice] have changed the way we communicate. However, we could live without them if we had to. Without washing machines, millions of people would still lose one day every week to a boring, exhausting job. That is why I believe the washing machine is the best invention ever.""",
    # british
    "part_time_jobs": """Nowadays many teenagers in Britain have a part-time job while they are still at school. Some people think this is a good idea, while others believe that students should concentrate only on their studies. In this essay I will look at both sides of the argument.

I have worked in a bakery every Saturday morning for almost a year, so I know from my own experience that a job can teach you a lot. Before I started, I always had to [lend->borrow|word_choice] money from my parents when I wanted to go out. Now I have my own money, and I understand how hard people have to work to earn it. A job also makes you more [responsibility->responsible|word_form]. My boss [expect->expects|agreement] me to be there at seven o'clock sharp, and I have to be polite [with->to|preposition] every customer, even the rude ones. At first it was hard to get up so early[, now->, but now|splice] I am used to it.

A part-time job is also [good way->a good way|article] to develop skills that you cannot learn in the classroom. When the bakery is busy, I have to [do->make|word_choice] decisions quickly and work as part of a team. I am sure that this experience will help me when I apply for [job->a job|article] in the future.

On the other hand, some students work far too many hours. A friend of mine works in a supermarket four evenings a week, and he is always [tiring->tired|word_form] at school. Last term he [fail->failed|verb_form] two of his exams, and his teachers are worried that he might [loose->lose|confusable] interest in his studies completely.

In conclusion, I think a part-time job is a positive experience for most teenagers, as long as it does not take up too much of their time. In my opinion, students should not work more than ten hours a week[, school->. School|splice] must always come first.""",
    # american
    "cooking_class": """Every year, thousands of American teenagers leave home without knowing how to cook a simple meal. Many of my friends cannot even boil an egg, and they eat fast food almost every day. In my opinion, cooking should be a required class in every high school.

First of all, learning to cook is good for our health. Fast food is cheap and [convenience->convenient|word_form], but it usually contains too much salt, sugar and fat. If young people [knows->know|agreement] how to prepare simple, healthy meals, they will be less likely to have health problems later in life.

Secondly, cooking at home is much cheaper [then->than|confusable] eating out. Last fall my older brother moved into a college dorm[, he->, and he|splice] spent almost all his money on pizza and burgers in the first month. He was never very good [in->at|preposition] cooking, so he finally [call->called|verb_form] our mom, and she [explained him->explained to him|preposition] how to make spaghetti and a few other cheap dishes. Students could also learn how to [make->do|word_choice] the grocery shopping on a budget and plan meals for a whole week. These are skills that everyone needs as an adult.

Finally, cooking classes would be a lot of fun. [The cooking->Cooking|article] is a creative activity, and it gives students who are not very [success->successful|word_form] in academic subjects a chance to feel proud of themselves. For me personally, cooking also [remembers->reminds|word_choice] me of my grandmother, who taught me to bake bread when I was seven.

Of course, some people say that schools do not have enough time or money for cooking classes. However, our school already has [kitchen->a kitchen|article] that is only used for special events, so it would not be expensive to start. I really hope that our principal will consider this idea.""",
}
