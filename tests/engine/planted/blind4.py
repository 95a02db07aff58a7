"""Planted-error essays, blind half 4: written on 2026-12-08 by an author who had never seen
the engine, its rules, its word lists or its notes on any essay. Reported by
scripts/bench/planted_errors.py, never gated, never tuned on."""

# ruff: noqa: E501

ESSAYS: dict[str, str] = {
    # british
    "carnival_email": """Hi Jonas,

Thanks for your last email and for the photos of your new puppy. He looks so sweet! Sorry I haven't written for ages, but the last few weeks have been really busy because of the Harbour Carnival, which takes place in my town every August. You asked me to tell you about it, so here is everything.

The carnival is the biggest event of the year in Porthallow. It [begun->began|verb_form] more than a hundred years ago as a small festival for the local fishermen, and nowadays thousands of visitors come from all over the country to see it. For the whole weekend the streets near the harbour are closed to traffic, and [there is->there are|agreement] stalls everywhere selling food, jewellery and handmade toys. My favourite stall belongs to an old man who makes fudge in about twenty different flavours[, last year->. Last year|splice] I tried the lemon one, and I still dream about it.

The most important part is the parade on Saturday afternoon. Each school and sports club in the town [prepare->prepares|agreement] a float, which is a lorry decorated with flowers, lights and giant paper models. This year our drama club decided [making->to make|verb_form] an underwater world, so we spent three weeks painting fish and building an enormous octopus out of cardboard. I was responsible [of->for|preposition] the octopus's eight legs, and this was much harder [then->than|confusable] I had expected, because they kept falling off in the wind. In the end we fixed them with wire and [lot of->a lot of|article] tape.

On the day of the parade we all wore blue costumes and walked behind the float, dancing and throwing sweets to the children. The crowd was enormous and everybody was cheering[, Mum->. Mum|splice] said it was the best parade she had ever seen. Unfortunately, my little sister [lost->missed|word_choice] the parade because she had a high temperature and had to stay in bed, so I filmed most of it on my phone for her.

In the evening there is always a firework display over the sea. We watched it from the beach with my cousins, who had come down from Bristol for the weekend. The fireworks were reflected in the dark water, and it all looked [amazingly->amazing|word_form]. Afterwards we bought fish and chips and sat on the harbour wall until midnight, even though it was getting cold.

The only bad thing about the carnival is the litter. On Sunday morning the beach and the streets are covered in plastic cups and wrappers, and [its->it's|confusable] really sad to see. This year some volunteers from my school organised a clean-up, and I helped them for three hours. We filled forty bags with rubbish, and afterwards the mayor came to thank us and [said->told|word_choice] us that the whole town was grateful.

Why don't you come and visit next summer? You could stay with us, because we have a spare room now that my brother has gone to [the university->university|article]. I'm sure you would love the carnival, and my parents would be really happy to meet you at last.

Write soon and tell me all about your summer!

Best wishes,

Chloe""",
    # american
    "sports_camp_complaint": """Dear Mr. Dawson,

I am writing to complain about the Lakeside Summer Sports Camp, which I [assisted->attended|word_choice] from July 8 to July 19. I am fifteen years old and I love [making->doing|word_choice] sports. I have been going to summer camps since I was ten, so I know what a good camp looks like. Unfortunately, your camp was extremely [disappointed->disappointing|word_form].

Before I signed up, my parents and I read your brochure very carefully. It promised professional coaches, modern equipment and a swimming lesson every day. My parents paid $650 for the two weeks, which is a lot of money for our family[, however->. However|splice], almost nothing in the brochure turned out to be true.

Let me start with the activities. The list of sports on your website [include->includes|agreement] tennis, basketball, swimming and rock climbing, but during those two weeks we never [go->went|verb_form] climbing, not even once. When I asked one of the counselors about it, he explained that [climbing wall->the climbing wall|article] was broken and that nobody knew when it would be repaired. Instead, we played soccer almost every afternoon, even on the hottest days.

My second complaint is about the coaches. Most of them were college students who seemed more interested [for->in|preposition] their phones than in the campers. Our basketball coach arrived late almost every morning, and one day he did not come at all[, we->, so we|splice] sat on the bleachers for two hours with nothing to do. As for the swimming lessons, we had only three in two weeks, because the pool [was cleaning->was being cleaned|verb_form] most of the time.

My third complaint concerns the accommodations. There were twelve boys in a cabin built for eight, and the air conditioning did not work, so it was very hot. The cabins were never [quite->quiet|confusable] at night, and by the second week I felt [tiring->tired|word_form] all the time. When my mother called the office to ask about this, the woman who answered the phone simply said that there was nothing she could do.

I believe that the camp did not provide the services that were described in the brochure. I would therefore like to ask for a partial refund of $300. I have enclosed copies of the receipt and the brochure, as well as some photos of the cabin. If I do not receive an answer [until->by|preposition] the end of August, I will contact the consumer protection office in our state.

I look forward to [hear->hearing|verb_form] from you.

Sincerely,

Daniel Ortiz""",
    # british
    "library_report": """Report on the School Library

Introduction
The aim of this report is to describe the present situation of the school library and to suggest ways of improving it. For this report I interviewed twenty students from different year groups and spoke to the librarian, Mrs Okafor.

Opening hours
At present the library is open from 8.30 am to 4.00 pm [in->on|preposition] weekdays, but it is closed at lunchtime because there is nobody to supervise it. Many students said that this is the main problem, as lunchtime is the only part of the day when they are free. As a result, the number of students who use the library regularly [have->has|agreement] fallen considerably over the last two years.

Books and resources
The library has around eight thousand books, but many of them are old and in poor condition. Most of the novels were bought more than fifteen years ago, so students cannot find books by [there->their|confusable] favourite modern authors. One of the students I interviewed [were->was|agreement] surprised to learn that the library still has a large collection of cassettes. Mrs Okafor told me that she sometimes [borrows->lends|word_choice] her own books to students, because the library's budget is so small.

Technology is another weak point. There are only six computers, and two of them have not worked since September[, the others->. The others|splice] run so [slow->slowly|word_form] that students often give up and use their phones instead. Moreover, the library does not have [printer->a printer|article], so students have to go to the IT room to print their homework.

Atmosphere
Most students agreed that the library is a pleasant place, with large windows and comfortable armchairs. However, the room is very cold in winter, and some younger pupils use it as a place to chat, which makes it difficult for others to concentrate.

Recommendations
Based on these findings, I would like to [do->make|word_choice] the following recommendations. Firstly, the library should stay open at lunchtime, with sixth-form volunteers helping Mrs Okafor to supervise it. Secondly, the school should spend part of next year's budget [for->on|preposition] new books. Students could vote online for the titles they would most like to read[, this->. This|splice] would make sure that the new books are actually borrowed. Finally, the broken computers should be repaired, and [an used->a used|article] printer could be bought for very little money.

Conclusion
Reading for pleasure is extremely [benefit->beneficial|word_form] for teenagers, and a good library can encourage it. If these changes [will be made->are made|verb_form], I am confident that many more students will start using the library again.""",
    # american
    "series_review": """Northbound: A Review

Last spring my cousin told me to watch Northbound, a comedy-drama that [has started->started|verb_form] on a streaming service in 2023. I was not sure at first, because I usually prefer action movies, but after the first episode I was completely hooked[, I->. I|splice] watched all three seasons in less than two weeks.

The story takes place in a small town in Alaska, where the Brennan family runs [diner->a diner|article] next to the only gas station for fifty miles. At the beginning of the first season, the father has a heart attack, and his daughter Maggie, who [work->works|agreement] as a lawyer in Chicago, has to come home and take care of the business. Maggie has not been home for ten years, so at first she feels like a stranger in her own family.

The characters are the best thing about Northbound. Each of the Brennans [have->has|agreement] a secret, and the writers reveal them slowly, one episode at a time. My favorite character is Uncle Ray, a grumpy old fisherman who enjoys [to tell->telling|verb_form] long stories that nobody believes. The way the small town [effects->affects|confusable] each of the characters is also very interesting. Maggie's brother, for example, is married [with->to|preposition] a woman who wants to move to the city, and their arguments feel very real.

The series is based [in->on|preposition] a novel by a writer who grew up in Alaska, and you can tell. The landscapes are filmed [beautiful->beautifully|word_form], especially in the winter episodes, when the sun hardly rises at all. Kate Morrison, the actress who plays Maggie, [gained->won|word_choice] an Emmy for her performance last year, and she really deserved it.

My only complaint is about the third season. The first two seasons are excellent, but the third one is much slower[, there are->. There are|splice] whole episodes where almost nothing happens. Also, the final episode leaves too many questions unanswered, such as [whose->who's|confusable] going to inherit the diner. I hope the writers are planning a fourth season to explain everything.

Overall, I would give Northbound four stars out of five. You don't need to know anything about [the Alaska->Alaska|article] to enjoy it, because the story is really about family and the place you call home. If I [would be->were|verb_form] you, I would start watching it tonight.""",
    # british
    "locked_out_story": """As soon as I closed the door, I realised I had made a terrible mistake. My keys were still on the kitchen table, my phone was charging next to them, and my parents had left for my aunt's wedding in Scotland an hour earlier. They were not going to be back until Sunday evening.

It was a grey afternoon in November, and it was starting to rain. I stood on the doorstep in my slippers and tried to think calmly. Mrs Patel, who lives two doors away, is the only neighbour who [keep->keeps|agreement] a spare key to our house, so I ran to her house and rang the bell. Nobody answered. Then I remembered that she always goes swimming on Saturday [afternoons she->afternoons. She|splice] would not be back for hours.

I had no money with me, so I couldn't even buy a hot drink in a café. I was wearing only [T-shirt->a T-shirt|article] and jeans, and soon I was shaking with cold. Then I had an idea. My best friend, Tom, lives about two miles away, on the other side of [park->the park|article]. I had never walked there on my own, because his dad usually gives me a lift, but I thought I knew the way.

I set off, but after twenty minutes I realised that I [am->was|verb_form] completely lost. All the houses looked the same, and the rain was so heavy that I could hardly read the street names. [There was->There were|agreement] no people anywhere, because nobody wanted to go out in such terrible [whether->weather|confusable]. At last I saw an old man walking his dog. I asked him the way to Cherry Lane, and he [explained me->explained to me|preposition] how to get there. He even [borrowed->lent|word_choice] me his umbrella and told me to leave it at the newsagent's on the corner. It was very [kindly->kind|word_form] of him.

When I finally arrived [to->at|preposition] Tom's house, it was almost dark. His mother opened the door and stared at me in surprise. I told her the whole story, and she [did->made|word_choice] me a cup of hot chocolate while Tom found me some dry clothes. Later that evening Tom's dad drove me home, and by then Mrs Patel was back from the pool, so I could finally get into the house.

Since that day I [never forgot->have never forgotten|verb_form] my keys, although I still [loose->lose|confusable] my phone at least once a week. And whenever I go out, my mum [remembers->reminds|word_choice] me to check my pockets, just in case.""",
    # american
    "part_time_jobs_opinion": """Should Teenagers Have Part-Time Jobs?

Nowadays many high school students work after school or on weekends. In my class, for example, [the most->most|article] of the students have a job at a supermarket, a restaurant or a movie theater. Some adults believe that working [teach->teaches|agreement] teenagers to be responsible, while others think that it has a negative [affect->effect|confusable] on their grades. In my opinion, part-time jobs are a good idea, as long as students do not work too many hours.

First of all, a job helps young people to become [financial->financially|word_form] independent. When you earn your own money, you do not have to ask your parents every time you want to buy something. My older brother started working at a pizza restaurant when he was sixteen[, after->. After|splice] a few months he had saved enough money to buy his first car. He says that the job [learned->taught|word_choice] him more about money than any class at school.

Secondly, work experience is useful for the future. Employers usually prefer candidates who [has->have|agreement] already worked, even if it was only a summer job. At my own job at a grocery store, I have learned how to talk to customers, how to work in a team and how to stay [calmly->calm|word_form] when things go wrong.

Of course, there are also some disadvantages. Some students work until late [in->at|preposition] night, and then they are too tired to [make->do|word_choice] their homework. Last year a friend of mine [fail->failed|verb_form] two important exams because she was working thirty hours a week at a fast-food restaurant. If she had worked fewer hours, she probably [would pass->would have passed|verb_form] them.

For this reason, I think that parents and schools should make sure that teenagers do not work [to->too|confusable] many hours during the school year. The right number of hours depends [of->on|preposition] the student, because some people can manage their time better than others. In general, though, I believe that fifteen hours a week is a reasonable limit.

To sum up, I am convinced that part-time jobs are good for teenagers. Every job has [it's->its|confusable] difficulties, but the skills you learn and the money you earn are worth the effort. I think every student should try working at least once before they graduate.""",
    # british
    "market_article": """Why You Should Visit Our Saturday Market

If you have never been to Ashford Saturday Market, you are missing one of the best things about our town. The market [is held->has been held|verb_form] in Market Square since 1820, and today more than sixty stalls fill it every Saturday from seven in the morning until three in the afternoon.

The first thing you notice when you arrive is the noise. Stallholders shout about their special offers, a street musician [touches->plays|word_choice] the accordion next to the fountain, and the smell of fresh bread and coffee [come->comes|agreement] from every direction. It can feel a bit chaotic at first, but you soon get used to it.

The fruit and vegetable stalls are the heart of the market. Most of the produce is grown on farms less than twenty miles away, so it is fresher and often cheaper [then->than|confusable] in the supermarket. One of the farmers [sell->sells|agreement] nothing but apples, and he has more than thirty varieties. I also spoke to Gary Hughes, [who's->whose|confusable] family has run a cheese stall here for three generations. "People come here because they want to know where their food comes from," he told me. Like most of the stallholders, Gary is very [sympathetic->friendly|word_choice], and he is always happy to let you taste before you buy.

My favourite part, however, is the street food corner at the back of the square, where you can try dishes from all over [world->the world|article]. Last Saturday I had Ethiopian food for the first time and it was [delicious the->delicious. The|splice] cook even gave me a free sample of her homemade bread to take home.

Of course, the market is not perfect. On busy days it is very [crowd->crowded|word_form], and it can be hard to move between the stalls with a pushchair. Parking nearby is almost impossible[, I->, so I|splice] advise you to come [by->on|preposition] foot or [by the bus->by bus|article]. Also, some stalls only [except->accept|confusable] cash, so remember to bring some coins with you. The prices are [real->really|word_form] reasonable, though, and at the end of the day you can often pick up a bargain.

In my opinion, the market is the best place in town to spend a Saturday morning. So next weekend, why not leave your phone at home, take a shopping bag and come along? You will meet the people who grow your food, and I promise you will not go home empty-handed.""",
    # american
    "garden_proposal": """Proposal: A Garden for Lincoln High School

Introduction
The purpose of this proposal is to suggest [to create->creating|verb_form] a vegetable garden on the empty land behind the gym. Last month the student council [discussed about->discussed|preposition] several ways of making our school greener, and the idea that received the most votes from students [were->was|agreement] a school garden.

Current situation
At the moment, the land behind the gym is not used for anything. It is covered in weeds, and there are some old desks and chairs that nobody has moved for years. At the same time, the amount of food that our cafeteria throws away every day [are->is|agreement] shocking. Most of it ends up in the trash, although it could easily be turned into compost.

Benefits
A garden would have many advantages for our school. First, biology teachers could use it for outdoor lessons, and students would learn where their food comes from. Second, the vegetables could be served in the cafeteria, which would make lunches fresher and cheaper. Third, gardening is a [relaxed->relaxing|word_form] activity. Research shows that spending time in [the nature->nature|article] reduces stress, and many students at our school say they feel under pressure because of tests. Looking after plants would also make students more [responsibility->responsible|word_form].

Plan
The Environmental Club is ready to organize the project. Everyone in the club [want->wants|agreement] to help, and a local garden center has offered to sell us seeds and tools at half price. The work would start [on->in|preposition] March, when the weather gets warmer, and students would work in the garden for [a hour->an hour|article] after school twice a week. We have not decided yet [weather->whether|confusable] to grow flowers as well as vegetables.

Cost
We estimate that the project would cost about $800. The garden would not be expensive to maintain[, most->. Most|splice] of the tools could be donated by parents, and water is already available from the gym. We could also cover part of the cost by [sell->selling|verb_form] vegetables at the school fair, and we might even [do->make|word_choice] a small profit.

Conclusion
Although the land needs a lot of work before we can plant anything, the club members are ready to spend their weekends on it[, they->. They|splice] have already promised to clear away the old furniture themselves. We sincerely hope that you will support this proposal, and we would be happy to meet with you to discuss it further.""",
}
