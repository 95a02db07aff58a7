"""Planted-error essays, blind half 7: written on 2026-12-08 by an author who had never seen
the engine, its rules, its word lists, its notes on any essay or the other halves' essays.
Reported by scripts/bench/planted_errors.py, never gated, never tuned on."""

# ruff: noqa: E501

ESSAYS: dict[str, str] = {
    # british
    "damp_flat_complaint_email": """Subject: Damp and mould in Flat 4B, 27 Alder Road

Dear Mr Hughes,

My name is Marta Kowalska and I am the tenant of Flat 4B. I am writing to you about a problem in the flat which I [rent->have rented|verb_form] from you since March. At first I did not think it was serious, but now I am quite worried, because the situation [get->gets|agreement] worse every week.

The worst room is the bedroom. There is a large black patch of mould [in->on|preposition] the wall behind the wardrobe, and every morning the windows are completely wet. Every piece of furniture near that wall [smell->smells|agreement] of damp, and last week I had to throw away two pairs of shoes because they were completely [destroy->destroyed|verb_form]. Since the day I moved in, I have followed your advice: I open the windows [during->for|preposition] ten minutes every morning, I never dry clothes on the radiators and I keep the heating on low all day.

I also bought a small dehumidifier with my own money. It collects almost two litres of water every day, but the walls are still wet. The extractor fan in the bathroom has not worked since the summer, and I think [it's->its|confusable] motor is broken. My neighbours on the second floor told me that [there->their|confusable] flat had the same problem last winter and that it stopped only after a builder repaired the gutter above their window. Perhaps the cause is the same in my case.

I am also concerned about my health. I work as [teacher->a teacher|article] at a language school, so I need my voice, and since October I have had a cough that will not go away. My doctor [said->told|word_choice] me that breathing this air can be [harm->harmful|word_form] to people with weak lungs, and she advised me to ask you to solve the problem as soon as possible.

I would like to [remember->remind|word_choice] you that according to our contract, the [responsible->responsibility|word_form] for repairs to the building lies with the landlord. I do not want to cause any [trouble, I->trouble. I|splice] simply want to live in a healthy home. Could you please send [builder->a builder|article] to look at the walls, the gutter and the fan before the end of the month? I am at home on Tuesdays and Thursdays after four o'clock, and I can also leave my key with the caretaker if that is easier for you.

I attach six photographs of the bedroom and the bathroom. I look forward to hearing from you.

Yours sincerely,

Marta Kowalska""",
    # american
    "pottery_class_review": """Review: Saturday Beginners' Pottery Class at Clay & Fire Studio

Rating: four stars out of five

For my thirtieth birthday, my sister gave me a voucher for a pottery class, and last Saturday I finally used it. I had always been interested [on->in|preposition] ceramics, but I had never touched a potter's wheel, so I was a little nervous when I [arrive->arrived|verb_form] at the studio, which is in an old garage on Division Street. I need not have worried.

The class lasts three hours and costs $65, including all materials and the firing of one piece. There were eight students, and most of us [was->were|agreement] complete beginners. The teacher, a tall man named Dennis, has been making pots for more than twenty years, and he was very [patience->patient|word_form] with us, even when my clay flew off the wheel for the third time. First he showed us how to center the clay, which is the most difficult [part, if->part. If|splice] the clay is not exactly in the middle, the pot will never be round. "Your hands must be still, but not stiff," he kept saying. I am not sure I understood what he meant, but after forty minutes my clay finally stopped moving.

Next, Dennis [explained us->explained to us|preposition] how to open the clay and pull up the walls. This part was [more easy->easier|word_form] than centering, in my opinion, and it was also the most fun. In the end I [did->made|word_choice] a small bowl with a wavy edge. My bowl is not [perfect, one->perfect. One|splice] side is much thicker than the other, but I am proud of it. It will be glazed and fired next week, and I can pick it up on the 14th.

What did I like most? Without doubt, it was the atmosphere. [The pottery->Pottery|article] forces you to slow down and forget your phone, because your hands are covered in wet clay. I also [knew->met|word_choice] some very nice people, including a retired nurse who had signed up with her granddaughter. It was [an->a|article] unique experience for all of us.

[Their->There|confusable] are only two things I did not like. The studio was [quiet->quite|confusable] cold, because the heating in the old garage does not work well, and the only restroom was upstairs, so we had to climb the stairs with clay on our hands. Neither of these problems spoiled the day, but I hope the owners fix the heating before winter.

In conclusion, Clay & Fire is a great place for beginners who want to try something new. If you decide to go, I would recommend [to wear->wearing|verb_form] old clothes, because clay gets everywhere, even in your hair. I have already booked a second class for March, and this time I want to make a mug.""",
    # british
    "power_cut_neighbour_story": """The Night the Lights Went Out

It was a cold evening in January, and I was alone in our flat on the ninth floor of Carlton House. My parents had gone to a wedding in Leicester, and my little brother was sleeping at his friend's house. I was reading a novel on the sofa when suddenly everything went dark. The fridge stopped humming, and when I looked out of the window, I saw that the street lamps [was->were|agreement] off too. The whole neighbourhood had disappeared.

At first I was not [afraid, I->afraid. I|splice] even thought it was a bit exciting. I [opened->turned on|word_choice] the torch on my phone and found some candles in the drawer under the sink. Then I heard a knock at the door. It was Mrs Patel, our neighbour from across the corridor, who is eighty-three and [live->lives|agreement] alone with her cat, Biscuit.

"The lift has stopped, and my phone is dead," she said. "I want to call my son, but I can't see anything. It is [to->too|confusable] dark in my flat."

I invited her in and [borrowed->lent|word_choice] her my phone. We [have called->called|verb_form] her son together, and he promised to come first thing in the morning. Mrs Patel was very angry [from->with|preposition] the electricity company, but after a while she calmed down. I made two cups of tea on our old gas hob, and we sat in the kitchen next to the candles.

Then something surprising happened. Mrs Patel started talking about her childhood in Kenya, and I realised that I had lived next to her for six years without knowing anything about her. She told me that [the life->life|article] was much harder when she was young, because her village had no electricity at all. "We went to bed when the sun went down," she said, laughing, "and we were much healthier [then->than|confusable] you young people with your screens." She spoke so [calm->calmly|word_form] that I forgot the darkness completely.

[In->At|preposition] about half past eleven she gave me [a useful advice->useful advice|article]: "Always keep a torch with fresh batteries and a paper list of important phone numbers. Technology is wonderful, until it stops." I wrote her words on the back of my history notebook.

The lights came back just after [midnight, by->midnight. By|splice] then Mrs Patel was asleep in my father's armchair, and Biscuit was curled up on her lap. I covered her with a blanket and did not wake her. In the morning her son arrived with croissants and thanked me again and again.

Since that night, I have visited Mrs Patel every Sunday afternoon. I still feel a little [shame->ashamed|word_form] that it took a power cut for me to meet her properly.""",
    # american
    "shoe_repair_opinion": """Should We Repair Our Shoes or Buy New Ones?

In Izmir, the city where I grew up, there was a small shoe repair shop on almost every street. In Chicago, where I study now, I have found only one in my neighborhood. Its owner, Mr. Ortiz, who opened it [at->in|preposition] 1994, told me last month that he will probably close it next year because he does not have enough customers. This made me think about an important question: is it still worth repairing our shoes, or should we simply throw them away and buy new ones?

[Its->It's|confusable] true that buying new shoes is easy and often cheap. A new pair of sneakers [cost->costs|agreement] less than $30 in many stores, and repairing a pair of boots can cost almost the same. Also, many modern shoes are made so [cheap->cheaply|word_form] that they cannot be repaired at all, because the sole is glued rather than stitched. For busy people, going to a repair shop and waiting a week is simply not practical.

On the other hand, I believe that repairing is the better choice in most cases. First of all, good shoes last much longer if you take care of them. I [took->bought|word_choice] my leather boots seven years ago, and Mr. Ortiz has changed the heels twice. They still look almost new, and they are more comfortable than any pair I have tried since. Secondly, the [different->difference|word_form] for the environment is huge. Every year millions of shoes [ends->end|agreement] up in landfills, where they take decades to break down. Finally, repair shops are part of a community. Mr. Ortiz [has started->started|verb_form] working in his uncle's shop in Mexico when he was fifteen, and he still [makes->does|word_choice] almost all of the work by hand. Watching him is like watching [artist->an artist|article].

Of course, whether repairing makes sense [depends to->depends on|preposition] the quality of the shoes. It is not worth repairing a pair that was cheap from the [beginning, the->beginning. The|splice] materials will break again after a few weeks. But for good leather shoes, a repair is almost always a smart decision.

Some people say that repair shops are old-fashioned and that young people will never use them. I do not agree with this. When I visited Mr. Ortiz's shop on a Saturday, there were four customers waiting, and two of them were students like me. One girl told me, "I found these boots at a thrift store for $12, and now they are [best->the best|article] shoes I have." I think the problem is not that young people do not care. The problem is that many of them do not know where to find a good repair shop.

In conclusion, I am sure that repairing shoes is better for our wallets, for the planet and for small [businesses, we->businesses. We|splice] should support people like Mr. Ortiz while we still can. If we do not, maybe in twenty years nobody [will can->will be able to|verb_form] fix a broken heel, and we will have no choice but to throw everything away.""",
    # british
    "college_drinking_water_report": """Report: Drinking Water at Northfield College

Introduction

The aim of this report is to describe how students at Northfield College get drinking water during the school day and to suggest some improvements. In November the student council [made->did|word_choice] a short survey, and 146 students from all year groups answered it. I also spoke to the caretaker, Mr Lewis, and to the manager of the college shop.

Findings

At the moment, each of the three buildings [have->has|agreement] only one water fountain, and the one [in->on|preposition] the second floor of the science block [is broken->has been broken|verb_form] since September. As a result, 58 per cent of the students who answered the survey buy bottled water at least three times a week. When we asked why, [most->the most|article] common answer was that the fountains are not [convenience->convenient|word_form]. Several students also wrote that they were not sure [weather->whether|confusable] the water from the fountains was safe to drink.

The college shop sells a small bottle of water for £1.20. Many students think that this price is too [expensive->high|word_choice], especially those who buy two or three bottles a day. One student in Year 12 wrote: "Some weeks I spend more on water than on lunch." The shop manager told me that she [sell->sells|agreement] around 400 bottles every week, and most of them end up in the bins in the canteen. This obviously has a negative [affect->effect|confusable] on the environment.

Problems

The main problem is clearly that there are not enough fountains. During the lunch break there is always a long queue at the fountain in the main [hall, most->hall. Most|splice] students give up after a few minutes and go to the shop instead. The second problem is hygiene. Mr Lewis explained that the filters have not been changed for over a year, and he has asked the college several times to [buying->buy|verb_form] new ones. Until this happens, many students will continue to avoid the fountains.

Recommendations

First, the broken fountain should be repaired as soon as possible, and the college should install [new fountain->a new fountain|article] in the sports hall. Second, the college could give every new student a refillable bottle with the college logo on it. The students I spoke to [discussed about->discussed|preposition] this idea with great interest, and 71 per cent of them said they would use such a bottle every day. Finally, a sign next to each fountain should explain that the water is tested regularly and is completely safe.

If these changes are made, I believe the number of plastic bottles sold in the shop will fall [quickly, this->quickly. This|splice] will save students money and help the environment at the same time.""",
    # american
    "first_year_beekeeping": """My First Year as a Beekeeper

When I tell people about my hobby, they usually take a step back. "Bees? Aren't you scared of getting stung?" The honest answer is yes, a little. But after one year of keeping bees in my backyard in Sacramento, I can say that it is the most fascinating thing I have ever done.

It all started in the spring of 2025, when my neighbor Walter, who is eighty-one, [tell->told|verb_form] me that he could no longer take care of his two hives. He asked if I wanted them. I had never been close to a bee in my life, but I said yes [immediately, I->immediately. I|splice] think I was more curious than brave.

For the first few months, Walter was my teacher. Every Saturday morning we opened the hives together, and he showed me how to use the smoker, how to find the queen and how to check [weather->whether|confusable] the bees had enough food for the coming weeks. He also lent me [old->an old|article] white suit that smelled of smoke and honey. "Move slowly and never panic," he told me. "A good beekeeper [need->needs|agreement] calm hands more than expensive equipment." He always said that bees are [very intelligence->very intelligent|word_form] animals, and after a year I completely agree with him.

Of course, not everything went well. In July I was stung four times in one afternoon because I forgot to close my suit properly. In October one of the hives became very weak, and Walter warned me that a colony can [loose->lose|confusable] half of its bees in a bad winter. I fed them sugar syrup every week, and both hives are still alive today. [Actually->Currently|word_choice], I have about forty thousand bees, although they are hard to count!

Many people think that bees are dangerous, but in my experience they are very peaceful if you respect them. The real [dangerous->danger|word_form] for them is not people but pesticides and the lack of flowers in our cities. That is why I planted lavender, sage and sunflowers along my fence, and three of my neighbors [has->have|agreement] done the same. I believe [the nature->nature|article] can recover quickly when we give it a small chance.

The best moment of the year came in August, when we collected the honey for the first time. We got almost thirty pounds from two hives. The amount of honey [depends of->depends on|preposition] the weather and the flowers, so next year it could be more or less. I gave jars to my family, my coworkers and of course to Walter, who tasted it and said, "Not bad for a beginner." That was the best compliment I have received this [year, I->year. I|splice] almost cried.

Now I am a member [in->of|preposition] the Sacramento Beekeepers Association, and I am already looking forward to [taste->tasting|verb_form] the spring honey. If you have a small backyard and a lot of patience, I really recommend this hobby. Just remember to close your suit.""",
    # british
    "older_drivers_retest": """Should Older Drivers Have to Retake Their Driving Test?

In the United Kingdom, drivers can keep their licence for their whole life, as long as they renew it every three years after the age of seventy and declare that they are fit to drive. Recently, after a serious accident in my town involving an 88-year-old driver, many people [has->have|agreement] started to ask whether older drivers should be made to [make->take|word_choice] the driving test again. This is a difficult [argument->topic|word_choice], and in my opinion it is more complicated than it seems.

On the one hand, there are good reasons to introduce new tests. As we get older, our eyesight and reactions become [more slow->slower|word_form], and some illnesses can make driving dangerous. My uncle in Bologna, for example, continued to drive until he was ninety, even though he could hardly read the road [signs, everyone->signs. Everyone|splice] in the family was worried, but nobody had the courage to take his keys. A regular test would solve this problem, because the decision would not [depend from->depend on|preposition] the family but on an independent examiner. Moreover, traffic today is much heavier than fifty years ago, and the rules [changes->change|agreement] all the time.

On the other hand, many people believe that such a law would be unfair. Statistics show that drivers between seventeen and twenty-four cause far more accidents than drivers over seventy, but nobody suggests that young people should retake the test every few years. For many older people, especially those who live in the countryside, a car is the only way to reach the doctor or the supermarket. Last year I met a woman [who's->whose|confusable] husband lost his licence after a stroke. She told me that since then they [are->have been|verb_form] "like prisoners in our own cottage", because the nearest bus stop is three miles away. If the government [would introduce->introduced|verb_form] compulsory tests, thousands of people could find themselves in the same situation.

There is also the question of cost. A driving test costs over £60, and many pensioners live on a small income. [The older people->Older people|article] also tend to feel very nervous in exam situations, and this can [effect->affect|confusable] their results, so a test might not show how well they really drive in everyday life.

[Personal->Personally|word_form], I think the best solution lies somewhere in the middle. Instead of a full driving test, every driver could have a free medical check [in->at|preposition] the age of seventy-five, and then every two years. If the doctor decides that a person's eyesight and reactions are still good, they should be allowed to continue driving. If not, the local council should offer cheap taxis or community buses, so that nobody is left alone at home.

In conclusion, road safety is very important, but so is the freedom of older people. A simple medical check would keep our roads [safe, it->safe. It|splice] would also allow most older drivers to stay independent for as long as possible. I hope that politicians will listen to both sides before they make a decision.""",
    # american
    "office_blood_drive_proposal": """To: Linda Park, Human Resources Manager
From: Kenji Watanabe, Accounting Department
Date: March 3, 2026
Subject: Proposal for a company blood drive

Introduction

The purpose of this proposal is to suggest that our company hold a blood drive at the Denver office this spring. I believe it would help local hospitals and also bring employees from different departments closer together.

Background

In January I [watched->saw|word_choice] a poster at Union Station saying that hospitals in the Denver area were facing a serious blood shortage. I had never given blood before, because I am afraid of needles, but I decided to try. When I [arrived to->arrived at|preposition] the donation center, a nurse named Gloria explained the whole process to me. "It only takes about ten minutes," she said. "Most people feel nothing but a small pinch." She was right. The visit, including a short health check and a snack afterward, [take->took|verb_form] less than an hour, and I felt very [satisfying->satisfied|word_form] when I left.

While I was drinking my orange juice, Gloria told me that only about three percent of people in the United States [gives->give|agreement] blood in a typical year. She said workplace events are very important, because busy people rarely find time to visit a center on [there->their|confusable] own. This conversation gave me the idea for this proposal.

Proposal

I suggest that we invite [Red Cross->the Red Cross|article] to bring one of its mobile donation buses to our parking lot on a weekday in April. The bus has space for six donors at a time, so around forty employees could donate in a single day. Each donor [need->needs|agreement] to make an appointment online, which means the schedule is easy to organize. Most healthy adults can donate, [accept->except|confusable] people who have recently been sick or who weigh less than 110 pounds.

The company would only need to provide [room->a room|article] where donors can rest for fifteen minutes after giving blood, and to allow them to leave their desks for about an hour. Some colleagues may feel [nervous, this->nervous. This|splice] is completely normal, and I would be happy to share my own experience with anyone who has questions.

Benefits

A blood drive is a very [simply->simple|word_form] way to help our community. It would also be good for team spirit, because people from different floors would meet and talk while they wait. I [have talked->talked|verb_form] to eight colleagues about this idea last [week, all->week. All|splice] of them said they would like to take part, and two of them have never given blood before.

Next steps

If you agree, I can contact the blood center next week and ask which dates are available. I would also be glad to design a poster and send an email to all staff. Please [teach->tell|word_choice] me your opinion when you have time. I am available to meet on any afternoon this week.

Kenji Watanabe""",
}
