"""Planted-error essays, blind half 8: written on 2026-12-08 by an author who had never seen
the engine, its rules, its word lists, its notes on any essay or the other halves' essays.
Reported by scripts/bench/planted_errors.py, never gated, never tuned on."""

# ruff: noqa: E501

ESSAYS: dict[str, str] = {
    # british
    "washing_machine_flood": """The Washing Machine That Flooded My Flat

Last February my old washing machine decided to die in the most dramatic way possible. It was a Sunday evening, and I was sitting in the kitchen with a cup of tea when I heard a strange noise, something between a cough and a scream. When I opened the bathroom door, the floor was covered [by->with|preposition] soapy water and [machine->the machine|article] was shaking like a frightened animal.

I am not a practical person, but I knew that I [must to->had to|verb_form] switch off the electricity first. Then I tried to open the door of the machine to take out my clothes, but it was locked, and inside were all my work shirts for the week. Ten minutes later somebody knocked on the front door. It was Mrs Patel, my neighbour from the flat downstairs. "There is water coming through my ceiling," she said [quiet->quietly|word_form], "and it is dripping onto my television." I apologised again and again and promised to pay for any damage. She was very kind about [it, she->it. She|splice] [said->told|word_choice] me not to worry and even brought up some old towels to help me dry the floor.

The next morning I rang the letting agency. The woman on the phone was polite but not very helpful. She explained that [engineer->an engineer|article] could come on Thursday at the earliest, so for four days I had to [make->do|word_choice] my washing by hand in the [bath, it->bath. It|splice] was a terrible experience. I had never realised how heavy wet jeans are, or how long they take to dry in a cold English flat in winter.

On Thursday morning the engineer finally arrived. His name was Gary, and he and his young apprentice [was->were|agreement] in a very good mood, which was more than I could say for myself. Gary looked inside the machine for about two minutes and then started to laugh. "Here is your problem," he said, holding up a small black sock. It had got stuck in the pump, so the water could not escape. I felt [very embarrassing->very embarrassed|word_form], because I had been sure it was an expensive electrical fault. Gary [explained me->explained to me|preposition] that this happens much more often [then->than|confusable] people think.

Unfortunately, the machine was also fifteen years old and the rubber seal around the door was damaged, so he advised me to buy a new one. "[Its->It's|confusable] cheaper in the long run," he said, "and you won't have to buy Mrs Patel a new television."

The new machine arrived a week later. It is quieter, it uses less water, and it even plays a little tune when the programme finishes. Now I always check the pockets of my clothes before I [will put->put|verb_form] them in the drum. I also bought Mrs Patel a large box of chocolates, and luckily her television survived. She still laughs about the whole story whenever we meet on the stairs. "How is your dangerous sock?" she asks me. I tell her that it has retired.""",
    # american
    "learning_to_drive_in_ohio": """Learning to Drive at Thirty-Eight

In Seoul I never needed a car. The subway was fast, cheap and clean, and there was a convenience store on every corner. When my company transferred me to Columbus, Ohio, in 2024, everything changed. There is a bus stop near my apartment, but the bus comes only once an hour, and the nearest grocery store is three miles away. After two months of asking coworkers for rides, I finally decided [learning->to learn|verb_form] to drive.

My instructor was a retired police officer named Dwayne, who [teach->teaches|agreement] about forty students every year. He had a gray mustache, a calm voice and an old sedan with an extra brake pedal on the passenger side. Our first lesson was [in->on|preposition] a Saturday morning in an empty church parking lot. Dwayne asked me to drive slowly in a big circle, nothing more. I was so [nervously->nervous|word_form] that I forgot to breathe, and he had to [remember->remind|word_choice] me several times. "Breathe, Min-ji," he kept saying. "The car can't feel your fear, but I can."

The hardest part was not the steering or the pedals but the rules. In Korea I had only ever been a passenger, so I had never paid attention to road signs. Ohio also has many four-way stops, which [confuses->confuse|agreement] almost every new driver. At a four-way stop, the car that arrives first goes first, but what happens if two cars arrive at the same moment? I never knew [weather->whether|confusable] I should wait or go. Once I waited so long that the man behind me honked three times and shouted something I will not repeat here. I wanted to [disappear, Dwayne->disappear. Dwayne|splice] just laughed and told me that everybody has a day like that.

The written test was easy because I had studied [handbook->the handbook|article] every night for a month, but the road test was another story. On the day of the test it was raining heavily, and the examiner was [the->a|article] woman who did not smile once in twenty minutes. I made two small mistakes: I forgot to signal at one corner, and I stopped too far [behind of->behind|preposition] the white line at a traffic light. When she told me that I had passed, I was so surprised that I asked her to repeat it.

Now I drive to work every day, and [its->it's|confusable] hard to believe that I was ever afraid. Driving gives me a feeling of [free->freedom|word_form] that I never had in Seoul, where I always depended on train schedules. Last month I drove six hours to Chicago by [myself, I->myself. I|splice] listened to Korean pop music the whole way and sang very badly. Next spring I want to [learn->teach|word_choice] my wife to drive too, although she says she would rather take lessons from Dwayne.""",
    # british
    "night_coach_to_brighton": """The Night Coach to Brighton

I did not plan to spend a Saturday night on a coach, but sometimes life decides for you. I had gone to London with my friend Camille to see a concert, and we were supposed to catch the last train home at 23:15. Unfortunately, the concert finished late, and when we arrived at Victoria station, the train [has->had|verb_form] already left. A man in a yellow jacket told us that our only option was the night coach at one o'clock.

This coach, which [run->runs|agreement] every night of the year, is mostly used by cleaners, nurses and students who cannot afford a hotel. We had ninety minutes to wait, so we sat in a café near the station and watched the people outside. Even after midnight there were taxis, delivery bikes and tourists everywhere; [the life->life|article] in a big city never really stops.

When the coach finally came, it was almost full. We found two seats at the back, next to a young man who was eating a very strong-smelling kebab and an old lady who was knitting a long green scarf. Everybody on the coach [were->was|agreement] tired, and Camille fell asleep almost immediately. I could not sleep at all, because the driver [drived->drove|verb_form] very fast on the motorway and his radio was playing old rock songs.

The old lady's name was Margaret. She was eighty-one and had just [assisted->attended|word_choice] her granddaughter's wedding in Camden. She had a very [sympathetic->friendly|word_choice] face, and she showed me about fifty photos on her phone, including one of the bride's dog, [who's->whose|confusable] bow tie was bigger than its head.

[Than->Then|confusable], at about half past two, the coach stopped in the middle of nowhere. The driver announced that there was a [technique->technical|word_form] problem with the engine and that we had to wait for a mechanic. "How long will it take?" somebody shouted from the front. "It depends [of->on|preposition] the mechanic," the driver replied, which did not help anybody. We waited [during->for|preposition] forty minutes in the dark. It was [incredible->incredibly|word_form] cold, and Margaret lent me the scarf she was knitting, even though it was not finished.

Finally a mechanic arrived in a small van and fixed the problem in ten [minutes, everybody->minutes. Everybody|splice] clapped, even the man with the kebab. We arrived in Brighton at six o'clock in the morning, just as the sun was rising over [sea->the sea|article].

I was exhausted, but strangely happy. Camille says it was the worst night of her life, but for me it was one of the most interesting. I learnt more about the people of this country in those five hours than in a whole term of lessons. Margaret and I still send each other postcards, and the green scarf is now hanging in my wardrobe.""",
    # american
    "the_beagle_next_door": """The Beagle Next Door

When my husband and I moved into our townhouse in Edison, New Jersey, the real estate agent promised us that the neighborhood was "peaceful and family-friendly." For the first month, she was right. Then the family next door bought a beagle named Rocky.

Rocky is not a bad [dog, he->dog. He|splice] is small and friendly, with long brown ears that [touches->touch|agreement] the ground when he walks. The problem is his voice. Every morning at five thirty, when his owners [leaves->leave|agreement] for work, Rocky starts to howl, and he does not stop until they come home in the evening. I [am knowing->know|verb_form] that dogs bark, of course. In India my grandmother had three dogs, and they barked at every bicycle. But Rocky does not bark. He sings, loudly and sadly, for eleven hours a day.

I work from home as an accountant, and my clients can hear him on every video call. One of them asked me if I had a wolf in my kitchen. By October I had not slept properly [since->for|preposition] three months, and I felt very [frustrate->frustrated|word_form]. My husband suggested that we should [talked->talk|verb_form] to the neighbors instead of complaining to each other every night, so one Saturday in early November I baked a tray of coconut cookies and knocked on their door.

Mrs. Kowalski opened the door with Rocky in her arms. Before I could say anything, she sighed. "[Your->You're|confusable] not the first person to come here about him," she said. I felt embarrassed, but she invited me in, and we [discussed about->discussed|preposition] the problem for almost an hour. She spoke very [honest->honestly|word_form] about it. She [told->said|word_choice] that Rocky was only eight months old and that he panicked whenever he was alone. They had tried leaving the radio on and giving him special toys, but nothing worked.

In the end we made a plan together. They hired [dog trainer->a dog trainer|article], a young woman from Metuchen who visits twice a week, and she gave them [an advice->advice|article] that nobody had thought of: take Rocky for a long walk before work so that he is too tired to sing. Mrs. Kowalski even offered to [borrow->lend|word_choice] me her noise-canceling headphones until the training started to work.

The first week after our talk was [wonderful, Rocky->wonderful. Rocky|splice] howled for only ten minutes each morning and then fell asleep. Now, a month later, he is almost silent, and when I see him in the yard, he runs to the fence and waits for a cookie.

Last night, for the first time since the summer, I slept until seven o'clock. In the morning I heard a single short bark, almost polite, and I laughed out loud. I have learned that sometimes a plate of cookies solves more problems than an angry letter.""",
    # british
    "bookshop_on_skinner_street": """The Bookshop on Skinner Street

There is a small second-hand bookshop near my flat in Exeter which most people walk past without noticing. The window is dusty, the sign has lost two of its letters, and the door makes a noise like an old cat when you open it. I discovered it by accident last October, when it started to pour with rain and I needed somewhere to shelter.

The owner is a tall, thin man called Mr Hollis, who [look->looks|agreement] about seventy but says he is "fifty-something". He [is working->has been working|verb_form] in the shop since 1983, and he knows exactly where every book is, even though there [is->are|agreement] no labels on the shelves. When I told him I was from Thessaloniki, he disappeared [in->into|preposition] the back room and came back with an English translation of a novel by Kazantzakis. I had read it in Greek as a teenager but never in English, so I bought it [with->for|preposition] three pounds.

Since then I have been going there almost every Saturday. The shop has no computer and no card [machine, you->machine. You|splice] have to pay in cash, and Mr Hollis writes every sale in a notebook with a pencil. He says computers are [to->too|confusable] fast for books. Once I asked him whether I could [lend->borrow|word_choice] a book for a few days and read it at home before deciding, and he looked at me as if I [have->had|verb_form] insulted his mother. "This is a shop, not [library->a library|article]," he said. Then he smiled, [made->did|word_choice] me a favour and knocked a pound off the price.

What I love most is the atmosphere. The shop is so [quite->quiet|confusable] that you can hear the rain on the roof and the old heater clicking in the corner. Last month [the Eleni->Eleni|article], my flatmate, came with me for the first time. Eleni does not usually like old [things, she->things. She|splice] says they smell of other people's lives. But after ten minutes she was sitting on the floor with a [history->historical|word_form] novel about Byzantium, and an hour later I had to drag her out of the shop.

Last week Mr Hollis told me that his rent had almost doubled and that he might close the shop in the spring. I do not know what I will do on Saturdays without it. Now I tell everybody I meet about Skinner Street, and yesterday I saw two students inside, both holding books and neither of them looking at a phone. Perhaps the door will go on making its cat noise for a few more years.""",
    # american
    "sailing_course_lake_champlain": """Five Days on Lake Champlain

Last summer I [made->took|word_choice] a sailing course on Lake Champlain in Vermont. I had been living in Boston for two years, and my American colleagues were always talking about boats, so I decided it was time to try it myself. The course lasted five days and cost 650 dollars, which [were->was|agreement] a lot of money for me, but I do not regret a single cent.

There were six students in our group: a retired dentist from Montreal, two sisters from Brooklyn, a shy teenager named Owen, his father, and me. Our instructor, Lisa, has sailed across the Atlantic twice, and she [talk->talks|agreement] about the wind as if it were an old friend. On the first morning she showed us our boat, a small white sloop called Puffin. I was surprised how many ropes there [were, each->were. Each|splice] one seemed to have a different name. "Don't call them ropes," Lisa said. "On a boat, they are lines, sheets and halyards." I wrote everything down in my notebook, but [until->by|preposition] the afternoon I had forgotten half of it.

[In->On|preposition] the second day the wind became stronger, and we practiced [to turn->turning|verb_form] the boat through the wind, which sailors call tacking. Owen's father was at the tiller when a strong gust hit us and the boat leaned far to one side. The dentist screamed, one of the sisters dropped her sunglasses into the lake, and I [hold->held|verb_form] on to the side with both hands. Only Lisa stayed completely [calmly->calm|word_form]. "Let the sail out," she said, and a moment later the boat was level again. Nobody fell in, but after that I understood that sailing is not as [relaxed->relaxing|word_form] as it looks in the movies.

Everybody [accept->except|confusable] me seemed to learn the knots quickly. In the evenings, Owen sat with me on the dock and showed me the bowline again and again until I could tie it with my eyes closed. He is only sixteen, but he already knows that he wants to become [engineer->an engineer|article] and build boats himself. I was also afraid to [loose->lose|confusable] my glasses in the water, so Owen lent me a strap to tie them around my head.

On the last day we sailed [alone, Lisa->alone. Lisa|splice] followed us in a small motorboat and shouted instructions through a megaphone. The sky was clear, the water was dark blue, and for a few minutes there was no sound except the wind in the sail. In Germany I spent most of my weekends in the city, but on that afternoon I understood why people love [the nature->nature|article] so much.

I passed the final test and received a small certificate, which now hangs above my desk. Next summer I want to rent a boat with Owen's family for a weekend. My colleagues have stopped talking about boats when I am around, because now I talk about them more than they do.""",
    # british
    "power_station_visit_report": """Report on Our Visit to Marsh End Power Station

Introduction
This report describes the visit that our Tuesday evening English group made to Marsh End Power Station on 14 November. Eleven learners and two teachers took part. The aim of the visit was to find out how electricity is produced and to practise our English in a real situation outside the classroom.

The journey and arrival
We travelled by minibus and [arrive->arrived|verb_form] at half past nine. A guide called Derek met us at the gate and gave each of us a helmet, a yellow jacket and a pair of safety glasses. He asked us to switch off our phones, because radio signals can [effect->affect|confusable] some of the sensitive equipment. Most of us had never been inside such a big industrial building before, so we were a little nervous.

What we saw
First Derek [take->took|verb_form] us to the control room. He told us that the station [produce->produces|agreement] enough electricity for about 400,000 homes. The room was full of screens, and the engineers who [works->work|agreement] there watch them day and night. One engineer, Priya, said that she had worked at the station for twelve years and that she still found the job [interested->interesting|word_form]. After that we visited the turbine hall, which was extremely [noise->noisy|word_form]. Even with ear protectors, we could not [listen->hear|word_choice] Derek unless he shouted. The turbines spin three thousand times a [minute, this->minute. This|splice] movement is what creates the electricity.

Questions
At the end of the tour we [made->asked|word_choice] questions in a small meeting room while Derek's colleague brought us tea and biscuits. [Their->There|confusable] were many questions about safety and pollution. Minh wanted to know whether the station was dangerous for the people living nearby, and Ana asked how much the engineers earned. Derek said that the station would probably close in 2031 and that it would be replaced by [wind farm->a wind farm|article] out at sea. We were very interested [about->in|preposition] this answer, because some of us come from countries where coal is still very important.

Conclusion
The visit was very [useful, we->useful. We|splice] learnt a lot of new vocabulary, for example "turbine", "grid" and "cooling tower", and we saw how the English language is used at work. Derek was very good [in->at|preposition] explaining difficult ideas in simple words, and he was patient with all our questions.

Recommendation
I would recommend this visit to next year's group. However, I suggest that learners bring warm clothes and something to eat, because the visit lasted almost four hours and there is no café on the site.""",
    # american
    "six_hours_in_the_emergency_room": """Six Hours in the Emergency Room

I had always heard that emergency rooms in America are slow, but I did not really believe it until last March. My cousin Baraka, who [share->shares|agreement] an apartment with me in Minneapolis, was cutting onions for dinner when the knife slipped and went deep into his thumb. We wrapped his hand in a kitchen towel, but the bleeding [didn't stopped->didn't stop|verb_form], so at about nine o'clock I drove him to the hospital.

The waiting room was bright and cold. About thirty people [was->were|agreement] sitting on plastic chairs, and a television in the corner was showing a cooking program with the sound turned off. Baraka looked at the screen, then at his towel, and said, "I think I will never cook again." A nurse at the desk gave him [form->a form|article] to fill out, but because of his hand I had to write everything for him: his name, his date of birth, his allergies and [a->the|article] name of his doctor. "It won't be long," the nurse said. She was wrong.

Next to us sat an old man with a terrible cough and his wife, who was reading a thick romance novel. She told us that they [are waiting->had been waiting|verb_form] since four o'clock in the afternoon. Across the room, a young mother was trying to keep her twin boys [quite->quiet|confusable], but they were much too [excite->excited|word_form] to sit still. They ran between the chairs, counted the lights on the ceiling and asked everybody their names. I [borrowed->lent|word_choice] my phone charger to the old man, and in return his wife gave us two granola bars from her bag.

After two hours Baraka fell asleep on my [shoulder, I->shoulder. I|splice] could not move for forty minutes because I did not want to wake him. I kept [seeing->looking at|word_choice] the clock above the desk, but the hands seemed to be moving backward. Every time the door opened, all of us looked up like hungry birds, and every time a different name was called, all of us looked down again.

At a quarter [passed->past|confusable] three in the morning, a tired young doctor finally called Baraka's name. She cleaned the wound and put in five [stitches, it->stitches. It|splice] took only fifteen minutes. She said the cut was not [danger->dangerous|word_form], but he had to keep it dry for a week and come back if it became red or hot. Then she smiled and told him to buy a better cutting board.

We [reached to->reached|preposition] home just before four, and I made us both a cup of tea. Baraka's thumb is fine now, and he has a small scar that he shows to everyone. He still cooks, but now I chop the onions. When people complain about waiting, I remember the old couple with their romance novel and the twins counting the lights, and I think that six hours is not so bad when you have someone's shoulder to sleep on.""",
}
