"""Planted-error essays, held-out half: written with dev.py, never looked at while tuning."""

# ruff: noqa: E501

ESSAYS: dict[str, str] = {
    "online_shopping": """More and more people buy things on the internet instead of going to shops. I think online shopping has advantages and disadvantages.

The biggest advantage is that it saves time. You can order clothes or books at midnight[, they->and they|splice] arrive two days later. Prices on the internet [is->are|agreement] often lower [then->than|confusable] in the shops, because the companies do not pay for expensive buildings. My mother [buy->buys|agreement] almost everything online now, even food.

However, you cannot touch the products before you buy them. Last month I [order->ordered|verb_form] a jacket, but when it arrived it was too small and the colour was [complete->completely|word_form] different. I had to send it back and wait [during->for|preposition] two weeks for my money. This was very [annoyed->annoying|word_form].

Another problem is that small shops in my town [is closing->are closing|agreement]. The owners cannot compete with big companies[, many->. Many|splice] of them have lost [there->their|confusable] jobs. I think this is sad, because the town centre [become->becomes|agreement] empty and boring.

In my opinion, we should use [the->|article] online shopping carefully. It is [an->a|article] useful service, but we should also [make->do|word_choice] some shopping in local shops. Everybody [have->has|agreement] to think [about->about the|article] future of their town before they click "buy". I [am thinking->think|verb_form] that a balance is possible.""",
    "part_time_jobs": """Should teenagers have part-time jobs? Many students in my country work in cafés or shops at the weekend, and I [has->have|agreement] done it too.

A job teaches young people to be responsible. When you work, you must arrive [in->on|preposition] time and be polite to customers. You also learn how [much->many|word_choice] things cost and how hard it is to earn money. Last year I [work->worked|verb_form] in a bakery every Saturday[, it->and it|splice] was a great experience. The owner [learned->taught|word_choice] me how to make bread.

On the other hand, school must come first. If a student [work->works|agreement] too many hours, he [can't sleeping->can't sleep|verb_form] enough and his marks go down. My friend [were->was|agreement] so tired last winter that he fell asleep in a maths lesson. His parents were very [worry->worried|word_form] about him.

I think the best solution is to work only at weekends or [in->during|preposition] the holidays. Parents and teachers should [discuss about->discuss|preposition] it with the student. A job of eight hours a week [are->is|agreement] enough to earn some money without [effecting->affecting|confusable] school work.

In conclusion, a part-time job can be [an->a|article] useful experience for [teenager->a teenager|article], but it must not be [more important then->more important than|confusable] education. [Its->It's|confusable] a question of balance, and every family [have->has|agreement] to find [it's->its|confusable] own answer.""",
    "pets": """Many families have a pet, and I think [its->it's|confusable] a good thing for children. We have had a dog for five years[, his->. His|splice] name is Bruno.

A pet teaches children to be responsible. Every morning I [has->have|agreement] to give Bruno his food and take him for a walk. At first I [didn't wanted->didn't want|verb_form] to get up early, but now I enjoy it. A dog also [make->makes|agreement] you more active, because you must go outside even when it [rain->rains|agreement].

Pets are good for our [healthy->health|word_form] too. Scientists say that people who have animals are [less stress->less stressed|word_form] and live longer. When I am sad, Bruno [sit->sits|agreement] next to me and I feel better [immediate->immediately|word_form].

However, having a pet is not always easy. Animals cost a lot of money, and you need [the->a|article] big garden for a large dog. When we go on holiday, my grandparents [looks->look|agreement] after Bruno. Some people buy a puppy as a present and then they [let->leave|word_choice] it in the street when it grows up[, this->, and this|splice] is terrible.

In my opinion, every child should grow up with [animal->an animal|article]. But parents must think carefully [before to buy->before buying|verb_form] a pet, because it is a responsibility [for->for the|article] whole family for many years. I would [advice->advise|confusable] everybody to visit an animal shelter first[, there->. There|splice] are many dogs and cats waiting there for a home.""",
    "public_transport": """In my city the traffic is terrible, and the air is very [dirt->dirty|word_form]. I believe that public transport is the answer [to->for|preposition] this problem, but it needs to improve.

At the moment, the buses [is->are|agreement] old and often late. Yesterday I waited forty minutes at the bus stop[, I->and I|splice] [arrive->arrived|verb_form] late [to->at|preposition] school. My teacher was not happy. Many people [prefers->prefer|agreement] to use their cars, because they are faster and more [comfort->comfortable|word_form].

The city council should buy new buses and make tickets cheaper. In some countries public transport [are->is|agreement] free for students and old people. This would [effect->affect|confusable] the number of cars in the centre, and the air would become [more clean->cleaner|word_form]. The council could also build more cycle lanes, because cycling is cheap and [health->healthy|word_form].

Some people say that the city has no money for these projects. However, a lot of money [are->is|agreement] spent on new roads every year[, roads->. Roads|splice] only bring more cars. I think the politicians should [do->make|word_choice] a brave decision and invest in buses and trams.

If the government [listen->listens|agreement] to young people, the city will [became->become|verb_form] a better place to live. We all want to breathe clean air and [loose->lose|confusable] less time in traffic jams. I hope that in [the->|article] ten years my city will look very different.""",
    "museum": """Last month our class [go->went|verb_form] on a trip to the science museum in the capital. It was one of the best days of the school year.

We left school at seven o'clock [in->in the|article] morning and travelled by coach for three hours. When we arrived, a guide [was waiting->was waiting for|preposition] us at the entrance. She [explained us->explained to us|preposition] the rules and gave us a map. The museum [have->has|agreement] five floors, and each floor [show->shows|agreement] a different part of science.

My favourite part was the space exhibition. There [was->were|agreement] real rockets and a model of the moon[, we->. We|splice] could even touch a small piece of rock from Mars. I had never seen anything like it before. My friend Tom was so [interesting->interested|word_form] that he asked the guide a hundred questions.

After lunch we [made->did|word_choice] an experiment with electricity. It was a bit [dangerously->dangerous|word_form], but the guide helped us. Then we visited the shop, and I bought [a->an|article] interesting book about planets.

On the way home everybody [were->was|agreement] tired but happy. I think school trips are [more useful then->more useful than|confusable] lessons in the classroom, because you can see things with your own eyes. I [knew->learnt|word_choice] more in one day [then->than|confusable] in a month of lessons. I want to go back there with my parents[, they->because they|splice] would love it too.""",
    "climate": """Climate change is one of the biggest problems in the world today. Scientists [says->say|agreement] that the temperature of the earth is rising because of pollution.

There are many causes. Factories and cars [produces->produce|agreement] a lot of gases, and people cut down forests to build farms. Every year the summers [becomes->become|agreement] hotter[, in->. In|splice] my country we had no rain for three months last summer. The rivers were almost empty and many animals [dead->died|word_form].

What can we do? First, governments should invest [on->in|preposition] clean energy like wind and solar power. Second, people can change [there->their|confusable] habits. For example, we can use bicycles instead of cars and [save->switch off|word_choice] the lights when we leave a room. My family [has started->started|verb_form] to recycle plastic two years ago, and now we throw away much less rubbish.

Some people think that one person cannot change anything. I [am not agree->do not agree|verb_form] with this idea. If millions of people [makes->make|agreement] small changes, the [affect->effect|confusable] will be enormous. Also, young people can [say->tell|word_choice] politicians what they want.

In conclusion, [the->|article] climate change is serious and we must act now. It is our [responsible->responsibility|word_form] to protect the planet for the next generations. If we [will act->act|verb_form] together, I am sure we can make [a->the|article] world a better place.""",
    "teacher": """The person I admire most is my English teacher, Mrs Brown. She [teaches->has taught|verb_form] at my school for ten years and everybody likes her.

Mrs Brown is very patient. When a student [don't->doesn't|agreement] understand something, she explains it again [in->in a|article] different way. She never [shout->shouts|agreement] at us, even when we are noisy. Her lessons are [funny->fun|word_choice] and interesting, because she uses songs, games and videos.

Last year I had problems with my writing[, she->. She|splice] helped me after school every Tuesday. She [gived->gave|verb_form] me extra exercises and [correct->corrected|verb_form] them the next day. Thanks to her, my marks went up a lot. I was very [proudly->proud|word_form] when I passed my exam.

She also [encourage->encourages|agreement] us to read books in English. She says that reading is the best way to [gain->learn|word_choice] new words. She [borrowed->lent|word_choice] me her own copy of a famous novel, and I read it in two weeks. I was [surprise->surprised|word_form] that I understood almost everything.

I think good teachers are very [importance->important|word_form] for young people. They can change [a->the|article] way we see the world. I hope Mrs Brown will still be at our school when my little sister [start->starts|agreement] there next year[, she->. She|splice] will love her lessons.""",
    "festival": """Every summer my town [organise->organises|agreement] a music festival in the park. It is the most popular event of the year, and people come [from->from the|article] whole region.

The festival [last->lasts|agreement] three days. There are concerts [in->on|preposition] a big stage, food stalls and activities for children. This year I [go->went|verb_form] with my friends on Saturday evening. The music was [amazed->amazing|word_form] and we danced for hours[, we->. We|splice] did not want to go home.

However, not everybody likes the festival. Some people who live near the park [complains->complain|agreement] about the noise. They say they cannot sleep and that the visitors [leaves->leave|agreement] rubbish everywhere. I understand them, because the park looks [terribly->terrible|word_form] on Monday morning.

I think the organisers should [take->pay|word_choice] more attention to these problems. They could finish the concerts earlier and put more bins [on->in|preposition] the park. Volunteers [could cleaned->could clean|verb_form] the streets after the festival.

In my opinion, the festival is [a->an|article] important tradition for our town. It [bring->brings|agreement] money to local shops and it [make->makes|agreement] young people happy. [Their->There|confusable] is nothing else to do in summer, so I hope it [continue->continues|agreement] for many years. If the organisers listen to [there->their|confusable] neighbours, everybody will be [more happy->happier|word_form]. I am already [excited->excited about|preposition] next year's festival.""",
}
