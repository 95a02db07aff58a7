"""Planted-error essays, blind half 3: written on 2026-12-08 by an author who had never seen
the engine, its rules, its word lists or its notes on any essay. Reported by
scripts/bench/planted_errors.py, never gated, never tuned on."""

# ruff: noqa: E501

ESSAYS: dict[str, str] = {
    # british
    "host_family_letter": """Dear Mr and Mrs Thompson,

My name is Lucía Fernández, and I am the Spanish student who will be staying with you for three weeks in October. The exchange organisers gave me your address, so I wanted to write to you before I arrive and tell you a little about myself and my family.

I am sixteen years old, and I live with my parents and my younger brother in [flat->a flat|article] near the centre of Valencia. My father works as a nurse at the city hospital, and my mother teaches maths at a secondary school. My brother, Pablo, is eleven and he is crazy about football[, he->. He|splice] plays for a local team every Saturday and watches every match on television. We also have a lazy grey cat called Miso, who sleeps on my bed every night.

At school my favourite subjects are biology and English. I have been learning English [since->for|preposition] six years, but I have never been to England before, so I am a bit nervous but mostly very [exciting->excited|word_form]. My teacher says that living with a family is the best way to improve, because you have to speak English all day. Please correct me when I [do->make|word_choice] mistakes, as I really want to become more fluent.

In my free time I enjoy swimming, reading and cooking. Last summer I [have taken->took|verb_form] a cooking course, and now I can make a very good paella. If you like, I would be happy to cook it for you one evening. I also play the guitar, but I will not bring it with me because it is [to->too|confusable] big for my suitcase.

I have a few questions, if you don't mind. First, what is the weather usually like in Bristol in October? My friends say that it rains all the time in England, but I am not sure if [their->they're|confusable] joking. Second, is there anything I should know about meals? I eat almost everything except mushrooms, which I find [disgusted->disgusting|word_form]. Third, how will I get to the language school every day? The organisers told us that it is quite far [of->from|preposition] your house, so I would like to know if there is a bus.

My parents, who visited London on their honeymoon, [says->say|agreement] that English people are very polite and always queue patiently, so I am practising my manners! My mother also asked me to [remember->remind|word_choice] you that my flight lands at Bristol Airport at half past six in the evening on 4 October.

I am really looking forward to meeting you and your daughter, Emma[, my coordinator->. My coordinator|splice] told me that she is the same age as me and that she also loves music. I am bringing a small present for each of you from Spain, but I will not tell you what it is, because I want it to be [surprise->a surprise|article].

Thank you very much for agreeing to have me in your home.

Best wishes,

Lucía""",
    # american
    "flashcard_app_review": """FlashDeck: The App That Helped Me Pass Chemistry

Our school magazine asked students to review an app that helps them with their studies, so I decided to write about FlashDeck, a flashcard app that I [use->have used|verb_form] since the beginning of the school year.

FlashDeck is free to download on both iPhone and Android phones. The idea is simple: you create digital flashcards with a word or question on one side and the answer on the other, and the app tests you on them. What makes it different from paper cards is that the app remembers which cards you get wrong and shows them to you more often. Every card that you answer correctly [disappear->disappears|agreement] for a few days and then comes back, so you review it just before you forget it.

The thing I like most is how [easy->easily|word_form] you can make new cards. You can type them, take a picture of a page in your textbook, or choose from thousands of ready-made decks that other users have shared. The number of shared decks [are->is|agreement] growing every day. Last month I [find->found|verb_form] a deck with all the chemistry formulas we needed for our unit test, and it saved me hours of work. The app also sends you a reminder when it is time to practice[, this->. This|splice] is really useful for people like me who always forget.

Another great feature is the statistics page, which shows how many cards you have studied and how many days in a row you have used the app. Before I [make->take|word_choice] a test, I check this page to see which topics I need to review again. I was always worried [for->about|preposition] chemistry, but last week I got a B+ on the midterm, and I am sure FlashDeck was part of the reason.

However, the app is not perfect. The free version shows you [a->an|article] advertisement after every twenty cards, which is very [annoyed->annoying|word_form]. To remove the ads, you have to pay $4.99 a month, and I think that is too expensive for a student. Also, the app works best on a big screen, so at first I [lent->borrowed|word_choice] my brother's tablet to use it, but the tablet version crashed several times and I lost some of my cards.

Finally, the voice that reads words in foreign languages sounds like a robot. My Spanish teacher tried the app, and [it's->its|confusable] pronunciation made her laugh out loud.

Overall, I would give FlashDeck four stars out of five. Whether it works for you depends [of->on|preposition] how often you use it, but I think [the students->students|article] of all ages can benefit from it. Just be ready to ignore the ads!""",
    # british
    "science_museum_report": """Report on the Year 10 Trip to the Science Museum

Introduction
The aim of this report is to describe our class trip to the Science Museum in London [at->on|preposition] 18 November and to suggest how future trips could be improved. Thirty-two students and three teachers took part in the visit.

Travel
We met at the school gates at half past seven and [travel->travelled|verb_form] to London by coach. The journey took almost three hours because of heavy traffic on the motorway[, several->. Several|splice] students felt sick and we had to stop twice at service stations. As a result, we arrived an hour later than planned.

The museum
The museum is enormous, so the teachers divided us into small groups. Each student [were->was|agreement] given a worksheet with questions about the exhibits, which helped us to concentrate on the most important things. The most popular gallery was Wonderlab, where there [is->are|agreement] more than fifty interactive experiments. We watched a demonstration about electricity, and a volunteer's hair stood on end, which made everyone laugh. Learning in this way was much more interesting [then->than|confusable] reading about it in a textbook.

Many students also found the space gallery [fascinated->fascinating|word_form]. We saw a real space capsule, and a member of staff [said->told|word_choice] us that it had [flew->flown|verb_form] around the Moon. It was surprisingly small for three astronauts. Visitors were allowed to take photos in most galleries, so we took lots of pictures for our project.

Problems
There were also some problems. We had lunch in the museum café, [were->where|confusable] the food was expensive and the queues were very long. Some students waited [during->for|preposition] almost forty minutes, and by the time everybody had eaten, there was no time left to visit [gift shop->the gift shop|article]. The coach was waiting outside at four [o'clock we->o'clock. We|splice] finally got back to school at seven, tired but happy.

Recommendations
Overall, the trip was a success, and I would recommend repeating it next year. The visit showed us that [the science->science|article] can be exciting when you can touch and try things yourself. However, I would suggest leaving earlier to avoid the traffic and asking everyone to bring a packed lunch. It would also be better to spend more time in fewer galleries, as we had to rush through several of them.""",
    # american
    "city_cycling_article": """Why Riverton Needs More Bike Lanes

Every morning at eight o'clock, the streets of Riverton are full of cars. Drivers honk their horns, buses are stuck in traffic, and the air smells of gasoline. Now imagine a city where most people [goes->go|agreement] to work and school by bike. It sounds like a dream, but I believe it could become a reality if the city council makes cycling safer.

Riverton has [an->a|article] university with over twenty thousand students, and most of them live less than three miles from campus. Two years ago, the city council [has built->built|verb_form] a bike lane along Main Street, and the results have been impressive. The lane is a good example of what we can do[, it->. It|splice] is used by more than a thousand riders every day, including many of my classmates.

Many more people would like to cycle[, however->. However|splice], they do not feel [safety->safe|word_form] on roads without bike lanes. My mother, for example, refuses to ride her bike downtown because she thinks it is too dangerous. She also worries that thieves will [rob->steal|word_choice] her bike if she leaves it outside a store, because there are very few secure places to park it.

Cycling has many benefits. Riding a bike for thirty minutes a day [help->helps|agreement] you stay fit, and it is good for your [healthy->health|word_form]. It is also a great way to [loose->lose|confusable] weight without paying for a gym. In addition, cars produce a lot of air pollution, which can [effect->affect|confusable] people with asthma, especially children and older people. Every person who rides a bike instead of driving helps to make the air cleaner.

Some drivers complain that bike lanes take space away from cars and make traffic worse. However, at a public meeting last month, the mayor [told->said|word_choice] that traffic on Main Street had actually improved since the lane opened, because fewer people were driving.

So what should the city do? First, it should build bike lanes on all the main roads, not just one. Second, it should put more lights along the lanes, because many students cycle home [in->at|preposition] night after evening classes. Finally, it should install bike racks outside schools, stores and parks. If the city built a proper network, thousands more people [will->would|verb_form] leave their cars at home.

Cycling is cheap, healthy and clean. It is time for Riverton to give it the space it deserves.""",
    # british
    "wrong_train_story": """The Wrong Train

It was a cold Saturday morning in February, and I was on my way to visit my grandmother in Norwich. I had made the journey many times before, so I did not bother to check the departure board. I got on the first train at platform four, put my headphones in and closed my eyes.

When I woke up, the train was standing at a tiny station that I had never seen before, and I [have realised->realised|verb_form] that something was wrong. Outside the window there was nothing [accept->except|confusable] fields, a few sheep and the grey sea in the distance. I grabbed my bag and jumped off just before the doors closed. To make things worse, the battery on my phone was flat, and I had [forget->forgotten|verb_form] my purse at home.

I was starting to feel really [frightening->frightened|word_form] when I noticed [old woman->an old woman|article] sweeping the platform. She asked me if I was lost, and I explained what had happened. "Don't worry, love," she said, smiling [kind->kindly|word_form]. "The next train back isn't until six o'clock. Come and have something warm to eat."

Her name was Mrs Pike, and she owned [small café->a small café|article] opposite the station. We walked [passed->past|confusable] the harbour, where a few fishing boats were moving gently in the wind. The café was warm and smelled of fresh bread. She made me a bowl of tomato soup with homemade [bread I->bread. I|splice] ate every bit of it.

Her husband, a retired fisherman, was sitting by the fire. Mrs Pike had been married [with->to|preposition] him for fifty years, and he had a story for everything. While we waited, he [learnt->taught|word_choice] me how to tie three different sailors' knots, and she let me phone my grandmother, who was very relieved to hear from me.

By six o'clock I did not want to leave. In fact, I was enjoying myself so much that I nearly [lost->missed|word_choice] my train. Mr Pike had to run with me down the road, and we arrived [to->at|preposition] the platform just as the train was pulling in.

That was three years ago. Since then I have gone back to the village every summer to help in the café, and now everyone there [know->knows|agreement] me by name. I have learnt to bake bread, to sail a small boat and to tie every knot Mr Pike knows. Getting on the wrong train that morning was careless, but I have never regretted it. It was the best mistake I had ever made.""",
    # american
    "uniform_opinion": """Should Students Wear School Uniforms?

In many countries, students have to wear a uniform to school, but in the United States most public schools allow students to choose their own clothes. Recently, our principal suggested introducing uniforms at Westfield High, and the idea has caused a lot of debate. In this essay, I will [discuss about->discuss|preposition] the arguments on both sides and give my own opinion.

Parents who [supports->support|agreement] uniforms say that they save time and money. Students do not have to decide what to wear every morning, and families do not have to spend a fortune [for->on|preposition] designer clothes. Supporters also believe that uniforms reduce bullying[, students->. Students|splice] who cannot afford expensive brands are not made fun of when everyone looks the same.

On the other hand, many students are against the idea. Teenagers want to express their personality, and many of them are very interested in [the fashion->fashion|article]. When [your->you're|confusable] fifteen, the clothes you wear are an important part of who you are. In addition, uniforms are not cheap. A full uniform, which [include->includes|agreement] a blazer, two shirts and two pairs of pants, usually costs over a hundred dollars, and the prices [raise->rise|word_choice] every year. Families with three or four children would have to buy several sets.

Another argument is comfort. Students learn better when they can dress [comfortable->comfortably|word_form], especially in hot weather. My mother always [says->tells|word_choice] me that nobody can concentrate when they are too hot or too cold, and I think she is right. Wearing a stiff shirt and tie all day in June would make it hard to focus on schoolwork.

Personally, I am against strict uniforms, but I understand why some people want them. In my opinion, [best solution->the best solution|article] is a simple dress code. Students could wear their own clothes, but things like offensive slogans would not be allowed[, that->. That|splice] way, everyone would be happy.

If our school [will introduce->introduces|verb_form] uniforms next year, I will wear mine, of course, but I do not think they will make us better students. What really matters is what happens in the classroom, not what we wear. Students who feel relaxed and [confidence->confident|word_form] learn more, whatever they are wearing.""",
    # british
    "cafe_job_email": """Hi Jess,

Thanks for your email! Sorry I haven't written back sooner, but I've been really busy because I've finally got a part-time job. I [am working->have been working|verb_form] at the Blue Door café on the high street since the beginning of September, so I thought I'd tell you all about it.

I work there every Saturday and Sunday from nine o'clock [at->in|preposition] the morning until three in the afternoon. My main job is to serve customers and clear the tables, but I also have to [make->do|word_choice] the washing-up when it gets busy. The owner, Marco, who [come->comes|agreement] from Naples, makes the best coffee in town, and he is teaching me how to use the big coffee machine. [Its->It's|confusable] harder than it looks!

I have to wear [an->a|article] uniform: a black T-shirt and a long green apron with the café's name on it. I look a bit silly, but at least I don't have to think about what to put on in the morning.

My first day was a disaster. I was so nervous that I dropped a whole tray of cups[, the->. The|splice] entire café went silent and everybody turned to look at me. I wanted the floor to open up and swallow me. Luckily, Marco wasn't angry at all[, in fact->. In fact|splice], he just laughed and said that everyone breaks something on their first day. One of the other waitresses [are->is|agreement] a girl from my maths class, and we have become good friends.

The best thing about the job is the money, of course. I [win->earn|word_choice] about seventy pounds every weekend, and I'm planning [saving->to save|verb_form] enough for a new laptop by Christmas. The worst thing is that I'm always [tiring->tired|word_form] on Sunday evenings, and sometimes I still have homework to finish. My mum is worried that the job will affect my marks, so I've promised her that I'll stop if my grades go down.

Anyway, what about you? You said in your last email that you wanted to find a job too. If you like, I can ask Marco if he needs someone else. Do you have any [advise->advice|confusable] for me about balancing work and school? You're much better [in->at|preposition] organising your time than I am!

Write back soon.

Love,

Chloe""",
    # american
    "charity_run_proposal": """Proposal: A Charity Fun Run for Second Chance Animal Shelter

Introduction
The purpose of this proposal is to suggest a charity event for the end of the school year. The student council would like to organize a fun run in Lincoln Park [on->in|preposition] late May and give all the money we raise to Second Chance, a local animal shelter.

Why a fun run?
Last year the council [organize->organized|verb_form] a bake sale, which was popular with students. However, most of the money [were->was|agreement] spent on ingredients, so we only raised about $150 for charity. A fun run is much cheaper to organize[, we->. We|splice] only need some signs, bottles of water and a few volunteers to direct the runners. The park can be [use->used|verb_form] for free if we apply to the city two weeks in advance. The weather in late May is usually warm and [sunny it->sunny. It|splice] is the perfect time of year for an outdoor event.

Why Second Chance?
Second Chance is a small shelter [who's->whose|confusable] volunteers take care of over two hundred dogs and cats. Several students at our school have adopted pets from there. The shelter, which [depend->depends|agreement] entirely on donations, badly needs a new roof before winter, so our donation would have a real [affect->effect|confusable] on the animals' lives.

Organization
The route would be five kilometers long, and the run would last about [a->an|article] hour, so students, teachers and parents could all take part, whether they are fast runners or not. Each runner would pay a $10 entry fee and ask family and friends to sponsor them. We have planned the route [careful->carefully|word_form] so that it stays inside the park and does not cross any roads. We would also need [first-aid tent->a first-aid tent|article] near the finish line, and the school nurse has already agreed to help. Parents who [assist->attend|word_choice] the event could buy snacks and drinks from a stand run by the ninth graders, which would raise even more money.

Conclusion
We believe the fun run would be a [success->successful|word_form] event that brings the whole school together while helping animals in need. If you agree, we would like to start advertising it in April. Thank you for considering our proposal.

Daniel Kim, Student Council President""",
}
