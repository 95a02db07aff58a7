"""Planted-error essays, fresh half: written blind on 2026-12-07, after the held-out half had
been looked at. Its notes were read later that day, so it is no longer blind (blind.py is)."""

# ruff: noqa: E501

ESSAYS: dict[str, str] = {
    "social_media": """[The young->Young|article] people today cannot imagine life without their phones. Almost every teenager [use->uses|agreement] social media, and in my class only one boy [don't->doesn't|agreement] have an account. The others think he is a bit strange. In my opinion social media has good and bad sides.

On the positive side, it is easy to keep in touch with friends. My cousin moved to Canada two years ago[, we->, but we|splice] still talk almost every day. We send each other photos and videos, so I don't feel that she is far away. Social media can also be useful for school. Our class has a group where we share notes and ask questions when somebody is ill.

On the other hand, many young people spend [to much->too much|confusable] time on their phones. Last year I [have spent->spent|verb_form] four or five hours a day on one app, and my marks went down. I was always [tiring->tired|word_form] in the morning because I used my phone in bed. My mother [said me->told me|word_choice] to leave it in the kitchen at night[, at->. At|splice] first I was angry, but now I sleep much better.

Another problem is that people only show the best moments of their lives. When you look at photos of beautiful holidays and perfect bodies all day, you can start to feel that your own life is boring. Some studies say that social media [effects->affects|confusable] the self-confidence of teenage girls especially. I think [its->it's|confusable] important to remember that these photos are often not [honesty->honest|word_form].

In conclusion, social media is not good or bad in itself. It depends [of->on|preposition] how we use it. Parents and schools should teach children to use it [responsible->responsibly|word_form], and we should all spend more time with our friends [in the real life->in real life|article].""",
    "learning_languages": """Learning a foreign language is one of the most useful things a person can do. I [am learning->have been learning|verb_form] English [since->for|preposition] six years, and last September I also started German.

There are many reasons [for learn->for learning|verb_form] languages. First, they help you to find a better job. Many companies [needs->need|agreement] workers who can speak with clients from other countries. My father works for [a->an|article] international company, and he says that his English was the main reason he got the job.

Second, languages make travelling more [enjoy->enjoyable|word_form]. Last summer I went to Malta with my family[, I->, and I|splice] could talk to people in shops and restaurants without any problems. My little brother [can't->couldn't|verb_form] say anything, so he was [quiet->quite|confusable] jealous of me.

However, learning a language is not easy. You have to [make->do|word_choice] a lot of exercises and learn hundreds of new words. Many students [gives->give|agreement] up after a few months because they don't see any results. In my opinion the best way to improve is to watch series and listen [music->to music|preposition] in the language you are learning. This way you learn words that people really use.

Some people think that [in future->in the future|article] we will not need to learn languages, because computers will translate everything for us. I don't agree. A translation app [are->is|agreement] useful, but it cannot help you to make real friends or to understand [a->the|article] culture of a country.

In conclusion, I think everyone should learn at least one foreign language. It opens doors and it [make->makes|agreement] your life richer. My dream is to speak three languages [fluent->fluently|word_form] before I am twenty-five.""",
    "boat_trip": """Last August my family and I [spend->spent|verb_form] a week [in->at|preposition] the seaside in the south of Spain. The hotel was small but very [comfort->comfortable|word_form], and it was only five minutes from the beach.

On the third day, my father decided to rent a small boat. My mother was [afraid from->afraid of|preposition] the water, so she stayed on the beach with a book. My father, my sister and I [goes->went|verb_form] out to sea. At first everything was wonderful. The water was so clear that we could see fish under the boat[, my->, and my|splice] sister took a lot of photos.

After an hour, the weather changed [sudden->suddenly|word_form]. The wind became very strong and the waves [was->were|agreement] higher and higher. My father tried to start the engine, but it [didn't worked->didn't work|verb_form]. My sister started to cry[, I->. I|splice] was scared too, but I tried to stay calm.

Then we saw a fishing boat. My father waved his arms and shouted, and luckily the fisherman [listened->heard|word_choice] us. He pulled our boat back to the beach with a rope. When we arrived, my mother was standing [in->on|preposition] the beach and her face was white. She hugged us and said that we were [more lucky->luckier|word_form] than we knew.

That evening we went to [a->an|article] expensive restaurant to celebrate. The man from the boat company came to our hotel and apologised. He said that the boat had a problem with [it's->its|confusable] engine and gave my father all his money back.

I will never forget that day. Now I always check the weather forecast [before to go->before going|verb_form] out to sea, and I understand why my mother [don't->doesn't|agreement] like boats.""",
    "zoos": """Zoos have existed for hundreds of years, but today many people believe that they [should be close->should be closed|verb_form]. I partly agree with this opinion.

Firstly, wild animals need a lot of space. A lion in [the->|article] nature can walk twenty kilometres in a day, but in a zoo [it's->its|confusable] home is often smaller [then->than|confusable] a football pitch. Many animals in zoos show signs of stress[, they->. They|splice] walk up and down the same path all day. Secondly, some zoos care more about money [that->than|confusable] about the animals. They keep dolphins and tigers because visitors love them, even though these animals suffer the most in small spaces.

On the other hand, modern zoos [does->do|agreement] important work. They protect species that [is->are|agreement] in danger, such as the snow leopard, and they send animals back to the wild when it is possible. Scientists in zoos [make->do|word_choice] research that helps animals all over the world. Zoos also [learn->teach|word_choice] children about nature. When I was eight, I saw an elephant for the first time and I was [amazing->amazed|word_form]. I think that day made me [interested for->interested in|preposition] animals.

In my opinion, zoos should not be closed, but they [must to change->must change|verb_form]. Big animals like elephants and polar bears should live in large parks outside the city, not in small cages. Zoos that cannot give their animals enough space should [loose->lose|confusable] their licence. If zoos change in this way, they can become places that protect animals instead of [just show->just showing|verb_form] them to visitors. A visit to the zoo should teach people to respect animals, not only entertain them.""",
    "school_uniform": """I think school uniforms should be banned because [their->they're|confusable] uncomfortable and expensive[, also->. Also,|splice] they stop students from showing who they are.

First of all, uniforms cost a lot of money. My mum [payed->paid|verb_form] nearly eighty pounds for my blazer[, it->, and it|splice] was too small by March. Some families [has->have|agreement] three or four kids at the same school, so [its->it's|confusable] a massive cost for them. Normal clothes are [more cheap->cheaper|word_form] because you can wear them at the weekend as well.

Secondly, the uniform is horrible to wear in summer. The trousers are made of a thick material and the ties are pointless. We [was->were|agreement] so hot last July that we could hardly concentrate on our lessons. The heat [had an affect->had an effect|confusable] on how well we could work, and the teachers still would not let us take our blazers off.

Teachers say that uniforms stop bullying, but I don't think this is true. People can still tell who has the expensive shoes and bags[, bullies->, so bullies|splice] will always find something to pick on. [Less->Fewer|word_choice] students would be bullied if schools dealt with the bullies instead of worrying about ties.

Finally, uniforms stop people [to express->from expressing|verb_form] themselves. Clothes are a way of showing your personality, and teenagers should be [aloud->allowed|confusable] to choose what they wear. If students [could of->could have|verb_form] voted on it, the uniform would have been banned years ago.

In conclusion, uniforms are expensive and uncomfortable, and they don't stop bullying. Schools should [listen->listen to|preposition] students for once and let them wear [there->their|confusable] own clothes.""",
    "video_games": """Are video games bad for young people? Many parents [are thinking->think|verb_form] that games are a waste of time, but I don't completely agree.

I [play->have played|verb_form] video games since I was seven years old. My favourite games are football games and strategy games, where you have to build a city and [take->make|word_choice] decisions. These games [helps->help|agreement] me to think quickly and to plan. Some games are also good for [learn->learning|verb_form] English, because all the instructions and conversations are in English.

Playing online is also a social activity. I often play with my friends in the evening[, we->, and we|splice] talk to each other through headphones. My best friend moved to another city last year, but we still play together every weekend.

However, games can be [addiction->addictive|word_form]. Some of my classmates play until two or three o'clock [in the night->at night|preposition] and then fall asleep in class. One boy in my school [spend->spends|agreement] all his money on games[, his->. His|splice] parents don't know about it. Also, some games are very [violence->violent|word_form], and I think small children should not play them.

Parents should control how much time their children [spends->spend|agreement] on games. In my family, I can play for two hours on [the school days->school days|article] and a bit longer at the weekend. At first I didn't [agreed->agree|verb_form] with this rule, but now I think [its->it's|confusable] fair.

In conclusion, video games are not bad if you play [with moderation->in moderation|preposition]. They can be fun and even useful. Still, playing football with real friends in the park is [more fun then->more fun than|confusable] any game.""",
    "my_town": """I live in a small town near the mountains in the north of Italy. About eight thousand people [lives->live|agreement] here, and almost everybody [know->knows|agreement] each other.

The best thing about my town is [the->|article] nature. In winter you can ski only twenty minutes from the centre, and in summer many tourists come to walk in the forests and swim in the lake[, the->. The|splice] water is very cold but very clean. The town also has a beautiful old church and a small market every Saturday morning.

There [is->are|agreement] also some problems. For young people there is not much to do, especially [in->on|preposition] Sundays. We don't have a cinema, and the nearest shopping centre is forty kilometres away. If you don't have a car, you [depend from->depend on|preposition] the bus, and it only [pass->passes|agreement] four times a day.

Many young people leave the town when they finish school, because there are not many jobs. My older brother [has moved->moved|verb_form] to Milan two years ago [for study->to study|verb_form] engineering. He says that life in the city is exciting, but he [lacks->misses|word_choice] the quiet streets and the fresh air. He comes home almost every month.

In the future I would like to study abroad, but I think I will come back one day. My town is not perfect, but [its->it's|confusable] my home. I would like the local council to open a youth centre, because teenagers need [an->a|article] place where they can meet when the weather is bad. I am sure that [the life->life|article] here would be [more better->better|word_form] for everybody if young people had more reasons to stay.""",
    "fast_food": """In many countries the number of overweight children [are->is|agreement] growing every year. Some people believe that the government should ban fast-food restaurants near schools. In this essay I will explain why I [am agree->agree|verb_form] with this idea.

Firstly, fast food [contain->contains|agreement] a lot of fat, sugar and salt. If students eat burgers and chips every day, they can have serious [healthy->health|word_form] problems later in life, for example diabetes or heart disease. Near my school there are three fast-food restaurants[, every->, and every|splice] lunchtime they are full of teenagers.

Secondly, young people are [easy->easily|word_form] influenced by advertising. Fast-food companies spend millions on adverts with bright colours and famous footballers. It is difficult for a fourteen-year-old to [resist to->resist|preposition] this kind of advertising.

On the other hand, a ban would not solve the whole problem. Teenagers can still buy unhealthy snacks in supermarkets and eat them on the way to school. Also, the owners of the restaurants would [loose->lose|confusable] money, and some of their workers might lose their jobs.

I think the best solution is [combine->to combine|verb_form] a ban with education. Schools should [learn->teach|word_choice] students how to cook simple, healthy meals, and school canteens should offer food that is both cheap and tasty. If the food at school [will be->is|verb_form] better, fewer students will go out at lunchtime.

In conclusion, banning fast food near schools is [an->a|article] useful step, but it is not enough [by its own->on its own|preposition]. We also need to change [a->the|article] way young people think about food, and this must start at home and at school.""",
    "new_country": """Two years ago my family [move->moved|verb_form] from Brazil to Portugal because my father got [job->a job|article] in Lisbon. It was the biggest change of my life.

At the beginning everything was difficult. Although people in Portugal [speaks->speak|agreement] Portuguese like us, the accent is very different[, I->, and I|splice] couldn't understand my classmates. They [was->were|agreement] friendly, but I felt shy and I didn't [knew->know|verb_form] what to say. For the first few weeks I ate my lunch alone and counted the days until the holidays. In my first week, a girl called Inês [borrowed->lent|word_choice] me her notes and [explained me->explained to me|preposition] how everything worked. Now she is my best friend. My teachers were also patient with me and always checked that I had understood the homework.

Some things were a nice surprise. I missed my grandmother's cooking very much, but I soon discovered that Portuguese cakes are [more good->better|word_form] than the cakes in my old town. Other things were harder. In winter it rains a lot, and many houses [doesn't->don't|agreement] have heating, so I was cold all the time.

Now, after two years, I feel at home. I have good friends, I play in the school football team, and my marks are good. I still [lose->miss|word_choice] Brazil, especially my cousins, but we talk [in->on|preposition] the phone every Sunday and I visit them every summer.

Moving to another country [teached->taught|verb_form] me to be [patience->patient|word_form] with myself. Learning to live in a new place takes time, and it is normal to feel sad at the beginning. When a new student in my class [feel->feels|agreement] lonely, I always try to talk to them, because I remember how it felt.""",
    "sports_day": """Last Friday was sports day at our school and it was the best one we have ever had. Sports day is usually boring[, the->, but the|splice] PE teachers [done->did|verb_form] it in teams this year instead of just races, so everyone had to join in.

My friend Jake and I [was->were|agreement] in the blue team. [Are->Our|confusable] first event was the tug of war, and we won easily because half of [there->their|confusable] team had gone to buy ice creams. After that, Jake's shoe broke and he asked if he could [lend->borrow|word_choice] my trainers for the long jump.

The next event was the relay. I had to run the last part[, Jake->. Jake|splice] gave me the baton and I could see the yellow team's runner right next to me. I ran [passed->past|confusable] him just before the finish line and everyone on our side went mad.

After lunch it was the egg and spoon race, which is meant for little kids, but the teachers made us do it anyway. Jake's egg fell [of->off|confusable] his spoon about five times. I [should of->should have|verb_form] practised more, because I was even [more worse->worse|word_form] than him.

At the end Mr Patel [add->added|verb_form] up the points. We lost by two points[, it->, which|splice] was really annoying. The yellow team, [who's->whose|confusable] captain was in Year 11, won the cup. Mr Patel told us we had done really [good->well|word_form] and that he was proud of us, and everyone got [a->an|article] ice cream from the van.

Even though we lost, I think it was a brilliant day. It was [more fun then->more fun than|confusable] normal lessons and everyone [were->was|agreement] in a good mood[, next->. Next|splice] year we are definitely going to win.""",
}
