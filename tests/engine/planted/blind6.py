"""Planted-error essays, blind half 6: written on 2026-12-08 by an author who had never seen
the engine, its rules, its word lists, its notes on any essay or the other halves' essays.
Reported by scripts/bench/planted_errors.py, never gated, never tuned on."""

# ruff: noqa: E501

ESSAYS: dict[str, str] = {
    # british
    "boiler_repair_email": """Subject: Broken boiler at Flat 3, 27 Marlowe Road

Dear Mr Henderson,

I am writing about the boiler in our flat, which has not worked properly [since->for|preposition] almost two weeks. My flatmate Joanna and I first noticed the problem on the evening of 14 November, when the hot water suddenly stopped while I was in the shower. At first we [think->thought|verb_form] it was only a small fault, so we pressed the reset button, as the manual suggests. This worked for a few hours, but the next morning the radiators were cold again and there was [an->a|article] strange smell near the kitchen cupboard where the boiler is kept.

I phoned your office the following Monday and spoke to a woman called Priya, who promised that an engineer would come on Wednesday between nine and one. Joanna, who [work->works|agreement] from home three days a week, stayed in all morning, but nobody came and nobody phoned to explain. When I called again on Thursday, the man who answered had no record of our request and asked me to describe the problem from the beginning. I still do not know [weather->whether|confusable] the visit was cancelled or simply forgotten.

As you can imagine, the flat is now very cold, especially at night, when the temperature outside falls below zero. [Unfortunate->Unfortunately|word_form], we cannot use the heating at all, and we have been boiling water in the kettle to wash. Our neighbour, Mrs Okafor, kindly [borrowed->lent|word_choice] us a small electric heater, but it only warms one room and it will make our electricity bill much higher. Last night the bedroom was [freezing, I->freezing. I|splice] had to sleep in my coat and two jumpers. I am also worried about the smell, because I have read that a faulty boiler can be [danger->dangerous|word_form].

I would like to [remember->remind|word_choice] you that, according to our tenancy agreement, the landlord is responsible [of->for|preposition] repairs to the heating and hot water. We have paid the rent on time every month since we moved in, and we have always looked after [flat->the flat|article] carefully, so I hope you will treat this matter as urgent.

Could you please arrange for an engineer to visit before Friday? If it [will be->is|verb_form] possible, we would prefer a morning appointment. Please let me know the time by email or phone, and tell the engineer that [their->there|confusable] is a spare key with Mrs Okafor at number 25 in case we are both out.

Thank you for your [help, I->help. I|splice] look forward to hearing from you soon.

Yours sincerely,

Tomás Ferreira
Tel. 07700 900461""",
    # british
    "climbing_centre_review": """Review: Granite Wall Climbing Centre, Leeds

Last month Kenji, [a->an|article] engineer from my English class, persuaded me to try indoor climbing. I had always been afraid [from->of|preposition] heights, and the only exercise I took regularly was walking the dog, so I was nervous. However, after four visits I feel I can write a fair review for other beginners.

The centre is in an old textile mill about ten minutes' walk from the railway station. From outside it looks rather grey, but inside, the walls are painted in bright colours and the atmosphere is relaxed and friendly. When we arrived [to->at|preposition] reception on our first evening, a young instructor called Beth gave us a safety talk that lasted about forty minutes. She showed us how to tie the knot, how to hold the rope for a partner and what to do if we slipped, and she checked our harnesses twice before anyone left the ground. I was [impressing->impressed|word_form] by how patient she was with a group of complete beginners who kept asking the same questions.

There are three main areas. The bouldering room, where you climb low walls without ropes, has thick mats on the floor in case you fall. The routes on the main wall [changes->change|agreement] every month, so regular visitors always have something new to try, and the colour of the holds [show->shows|agreement] how difficult each route is. On my second visit I reached [a->the|article] top of the easiest yellow route, although I [did->made|word_choice] a lot of mistakes on the way up. I was shaking when I came [down, Beth->down. Beth|splice] just laughed and said that it happens to everyone. Kenji [said->told|word_choice] me afterwards that climbing depends more on your legs than on your arms, and he was right: the next day my thighs hurt far more than my shoulders.

Upstairs there is a small café with a big window, so you can drink something warm while you watch the climbers below. The food is tasty but a little [expensive, a->expensive. A|splice] bowl of soup costs £6.50 and a slice of cake is almost the same. The changing rooms are clean, but there are only four showers, and after the evening classes the queue is often [to->too|confusable] long.

Since that first evening I [go->have gone|verb_form] back three more times, and I am slowly getting braver. A beginners' course of four sessions costs £60, which includes shoes and a harness, and after that you can buy a monthly pass. Overall, Granite Wall and [it's->its|confusable] instructors deserve five stars, and I would [strong->strongly|word_form] recommend it to anyone who wants a new hobby, even if, like me, they would normally prefer to keep both feet on the ground.""",
    # british
    "stuck_lift_story": """Stuck Between Floors

It was a wet Friday in February, and I was already late for a job interview at a design company on [ninth floor->the ninth floor|article] of the Crown Building in Bristol. I had [spend->spent|verb_form] the whole week preparing answers to difficult questions, but nothing had prepared me for what happened next.

When the lift doors opened, there were two people inside: an elderly man with a walking stick and a young woman in a green coat who [were->was|agreement] talking loudly on her phone. I pressed the button for the ninth floor and looked at my watch again. Somewhere between the fifth and sixth floors there was a loud bang, the lights flickered and the lift stopped.

"Don't worry," said the old man [calm->calmly|word_form]. "The same thing happened to me in 1987, and I'm still here."

The woman did not look convinced. She pressed the alarm button again and again until a voice came through a small speaker above the door. It belonged to a security guard called Dev, who said that an engineer was on his way from the other side of the city. "You are [quiet->quite|confusable] safe," he added. "Just stay calm and don't try to open the doors."

We had to wait [to->for|preposition] the engineer for a long time. At first nobody spoke. The woman, whose name was Lucy, was so [anxiety->anxious|word_form] that she could hardly breathe, and I was more frightened [then->than|confusable] I wanted to admit. All I could think about was that I was going to [lose->miss|word_choice] the interview I had been hoping for since the summer.

Then the old man, who introduced himself as Harold, took [the->a|article] pack of cards out of his coat pocket. He explained [us->to us|preposition] the rules of a game he used to play with his brothers as a boy, and soon the three of us were sitting on the floor, laughing and arguing about the score. Harold [learned->taught|word_choice] us two more games, and Lucy, who said she had never played cards before, won almost every round.

Suddenly the lights came back on and the lift started moving [again, we->again. We|splice] all cheered like football fans. When the doors opened on the ninth floor, Dev was waiting for us with three cups of tea. By then we [were waiting->had been waiting|verb_form] for almost fifty minutes.

The manager had heard the whole story from Dev, so she agreed to interview me anyway, and two weeks later she offered me the job. I have worked there for almost a year now, and I always take the stairs. Harold visits his daughter on the fourth floor every Friday, and he still [stop->stops|agreement] at my desk to ask whether I have time for a quick game.""",
    # british
    "repair_cafe_proposal": """Proposal: A Monthly Repair Café at Northfield College

Introduction
The aim of this proposal is to suggest starting a repair café at Northfield College. This would be a free event where students and local residents could bring broken items and learn how to fix them with the help of volunteers. The proposal explains why the idea is worth trying, what we would need and how the event could be organised.

Background
Last spring I visited a repair café in Utrecht while I was staying with my cousin. In one afternoon I saw volunteers repair lamps, bicycles, a coffee machine and even a child's favourite toy. Most of the people who came [was->were|agreement] not experts at all, but they went home with something that worked again and with a new skill. After I returned home, I asked 120 students in the college canteen to fill in a short questionnaire. The survey, which took less than five minutes to complete, [show->shows|agreement] that almost 70 per cent of students have at least one broken electronic device at home. Many said they would repair it if they knew how, and 45 students were interested [on->in|preposition] helping as volunteers.

How it would work
I suggest [to hold->holding|verb_form] the first event in March and then once a month [in->on|preposition] a Saturday morning. The café could take place in [workshop->the workshop|article] of the engineering department, which is empty at weekends and already has tools and workbenches. Engineering students could help with electrical [items, the->items. The|splice] textiles group could repair clothes and bags, and a local bike shop has offered to send a mechanic. Several teachers have already [agree->agreed|verb_form] to supervise. Safety would be our main [concern, every->concern. Every|splice] electrical repair would be tested by a qualified teacher before the item went home.

Costs and publicity
The main costs would be spare parts, tea and coffee, and printing. I estimate that £300 would be enough for the first three months, and the Students' Union has offered to pay half of this amount. We could [say->tell|word_choice] local residents about the event through the town newsletter, and volunteers could [win->earn|word_choice] hours towards the college's volunteering certificate, which looks good on a CV.

Benefits
I believe the repair café would have a positive [affect->effect|confusable] on the college in several ways. Firstly, it would help with [environment->environmental|word_form] problems, because fewer items would end up in landfill. Secondly, learning to fix things is [an->a|article] useful skill that many young people no longer have. Finally, the event would bring students and local residents together, which would be very [benefit->beneficial|word_form] for the college's reputation in the town.

Conclusion
For these reasons, I recommend that the college should support a trial of three events between March and May. If the trial is successful, the repair café could become a regular part of college life. I would be happy to meet you to discuss the proposal in more detail.""",
    # american
    "four_day_week_opinion": """Should Schools Switch to a Four-Day Week?

Several school districts in the United States, especially in rural parts of Colorado, Missouri and Oklahoma, have already moved to a four-day school week. Students go to school from Monday to Thursday for longer days, and Friday becomes a day off. Supporters say the change saves money and makes teachers happier, while critics worry about learning and child care. In my opinion, the idea sounds attractive, but the disadvantages are greater than the advantages.

It is true that a shorter week has some clear benefits. Districts can save money on buses, heating and electricity, and some of them [uses->use|agreement] the savings to raise teacher salaries. Teachers in these schools often say that they feel less stressed and that [its->it's|confusable] easier to hire new staff. Students seem to like the long weekend too. A friend of mine who [study->studies|agreement] in a small district outside Kansas City told me that she uses her Fridays for doctor's appointments, basketball practice and a part-time job at a grocery store.

However, there are several reasons why I am against the idea. First, each school day has to be about [a->an|article] extra hour longer, often ending at 4:30 p.m. These long days are very [tired->tiring|word_form] for young children, and many students are not used to [study->studying|verb_form] for so many hours with only a short break. When I was in eighth grade, our school [has tried->tried|verb_form] a longer schedule for one semester, and by the last class of the day nobody, not even our teacher, could pay attention.

Second, a four-day week creates a serious problem for working parents. Most adults work [in->on|preposition] Fridays, so families with young children must either pay for [the child care->child care|article] or leave their kids at home alone. For a family with a low income, this extra cost can be bigger [then->than|confusable] any money the district saves. Some districts offer Friday [programs, these->programs. These|splice] are often expensive, and there are not enough places for every child.

Third, nobody is sure yet whether students learn as much. Researchers have found mixed results, and the effect seems to depend [of->on|preposition] how each district organizes the longer days. Until we know more, I think it is risky to change the education of thousands of children who [assist->attend|word_choice] these schools. States should [make->do|word_choice] more research before they allow more districts to switch.

In conclusion, I understand why some districts are trying this [idea, money->idea. Money|splice] is short and good teachers are hard to find. Nevertheless, a shorter week should not be the answer if it makes life harder for parents and learning harder for students. A better solution would be for states to give rural schools more funding, so that they do not have to choose between a full week and a fair salary for their teachers.""",
    # american
    "sleep_survey_report": """Report on Student Sleep Habits at Lincoln High School

Purpose
This report presents the results of a survey on sleep that the student council carried out in October. It describes how much students sleep, what keeps them awake at night and what the school could do to help.

Method
We sent an online questionnaire with fifteen questions to all students in grades 9 to 12. The number of students who answered [were->was|agreement] higher than we expected: 412 out of about 600. We also spoke to [school nurse->the school nurse|article], Ms. Alvarez, who gave us some advice about what healthy sleep looks like for teenagers.

Findings
According to Ms. Alvarez, most teenagers need between eight and ten hours of sleep. However, our results show that students at Lincoln sleep an average of six hours and forty minutes [in->on|preposition] school nights, and only 23 percent of them [sleeps->sleep|agreement] eight hours or more. More than half said that they feel tired [at->in|preposition] the morning, and 61 students admitted that they had fallen asleep in class at least once in the past month.

The most common reason for going to bed late was phone use. Almost 70 percent of the students who [made->took|word_choice] part in the survey use their phones in bed, and many said they [have stayed->stayed|verb_form] up past midnight the night before they filled out the questionnaire. Homework was the second most common [reason, students->reason. Students|splice] in grade 11 reported the most homework, with an average of two and a half hours a night. [Surprising->Surprisingly|word_form], caffeine was also a problem: a quarter of the students said they drink energy drinks or coffee after 6 p.m.

Several students wrote comments at the end of the questionnaire. One tenth grader wrote, "Even when I go to bed early, I can't [to fall->fall|verb_form] asleep because I keep thinking about tests." Another student explained that his swim team practices at 6:30 a.m. three times a [week, this->week. This|splice] means he sometimes gets only five hours of sleep.

Conclusions
The survey suggests that many students at Lincoln do not get enough sleep, and this is a serious problem. [The sleep->Sleep|article] is essential for memory and mood, and students who are tired [loose->lose|confusable] concentration easily, so [there->their|confusable] grades often suffer as a result. For many of them, it is very [difficulty->difficult|word_form] to change their habits without help.

Recommendations
We recommend that the school organize a sleep awareness week in the spring, with a talk by Ms. Alvarez for students and parents. We also suggest that teachers in the same grade coordinate their homework so that students do not have three big assignments due on the same day. Finally, the school should ask the swim coach whether morning practice could start later, at least during exam weeks.""",
    # american
    "camp_counselor_letter": """Dear Ms. Whitaker,

I am writing to apply for the position of junior counselor at Camp Pinecrest, which I saw advertised on the Oregon Youth Jobs website last week. I am seventeen years old and a junior at Roosevelt High School. My family moved to the United States from Curitiba, Brazil, when I was thirteen, and I [am living->have lived|verb_form] in Portland ever since, so I speak both Portuguese and English fluently.

I believe I have the right experience for this job. I [passed->spent|word_choice] two weeks last summer as a volunteer at a camp run by our church near Mount Hood, where I was responsible for a group of twelve kids. The kids in my group, who [was->were|agreement] between six and nine years old, were full of energy, and I quickly learned how to keep them busy and safe. I am especially good [in->at|preposition] organizing games, and one of my favorite activities [are->is|agreement] "Mystery Map," a game I invented in which teams follow clues around the campsite. I also have [an experience->experience|article] with younger children at home, because I have two little sisters.

One night at that camp taught me a lot about the job. When one of the younger boys got homesick, I sat with him outside his tent and told him stories about my grandmother's farm in [Brazil, after->Brazil. After|splice] twenty minutes he was asleep. His mother later wrote a note to the camp director to thank me. I think this shows that I am a [patience->patient|word_form] person who stays calm when children are upset.

I am [actually->currently|word_choice] working part-time at a bakery on weekends, which has taught me to be on time and to work in a team. I can swim [good->well|word_form], and in May I completed a first aid and CPR course with the Red Cross. I also [enjoy to work->enjoy working|verb_form] outdoors. Camp life is not always [easy, I->easy. I|splice] know that it can rain for days and that kids sometimes get tired and grumpy, but I think these challenges are part of the fun.

I am available [since->from|preposition] June 15 until the end of August, every week [accept->except|confusable] the first week of July, when my family is visiting relatives in Chicago. My soccer coach, Mr. Daniel Kim, and the director of the church camp, Mrs. Patricia Moore, have both agreed to give me a reference, and their contact details are attached.

If [your->you're|confusable] still looking for counselors, I would be happy to come for an interview at any time. Thank you for considering my application.

Sincerely,

Mariana Costa""",
    # american
    "bakery_anniversary_article": """Fifty Years of Bread on Maple Street

If you have ever walked down Maple Street early in the morning, you have probably smelled fresh bread before you noticed the small blue sign that says "Nowak's Bakery." This month the bakery celebrates its fiftieth birthday, so I visited the family to find out how a tiny shop has survived for half a century in a city full of supermarkets and coffee chains.

The bakery was opened in 1976 by Stanisław and Helena Nowak, who had moved to Cleveland from Kraków three years earlier. Helena, who is now 81, still remembers [a->the|article] morning they opened. "We had very little money and our English was terrible," she told me, "but we knew how to bake." Business was [slowly->slow|word_form] at first, and for several years the couple [won->earned|word_choice] barely enough to pay the rent. Stanisław [use to->used to|verb_form] get up at three o'clock every morning, while the street was still completely [quite->quiet|confusable], and he walked to work so they could save money on gas. By the time their son Marek was born in 1982, they [have->had|verb_form] already paid back the loan from Helena's brother.

Today the bakery, which [employ->employs|agreement] nine people, is run by Marek, who is married [with->to|preposition] a chemistry teacher named Angela. She helps out on weekends, and Marek, [whose->who's|confusable] worked in the shop since he was twelve, says that very little has changed. The recipes, which come from a notebook that belonged to Helena's mother, [has->have|agreement] not changed at all, and the rye bread and poppy seed rolls are still made by hand with [tradition->traditional|word_form] methods.

Not everything has been easy. In 1989 someone [robbed->stole|word_choice] the bakery's delivery van, and the family had to deliver bread to restaurants in their own car for almost a year. Marek also tried to modernize the menu in the [1990s, it->1990s. It|splice] was not a success. "I made bagels and muffins because I thought young people wanted them," he said, smiling. "Nobody bought them. People come here for my grandmother's bread, not for something they can get anywhere."

On Saturdays there is often a line around [corner->the corner|article] by 8 a.m., and the most popular loaves usually sell out [early, regular->early. Regular|splice] customers know that they should order the day before. When I asked Helena what the secret of the bakery's success is, she laughed. "Good flour, hard work and never closing on a Saturday," she said.

The anniversary party will take place next Saturday from 10 a.m. to 2 p.m., and everyone is welcome to come and try a free slice of Helena's famous honey cake. If you have never been inside, this is the perfect excuse to find out what the whole neighborhood has been talking about for fifty years.""",
}
