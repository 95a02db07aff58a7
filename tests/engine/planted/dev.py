"""Planted-error essays, dev half (rules may be tuned on these). Written for this repo."""

# ruff: noqa: E501

ESSAYS: dict[str, str] = {
    "tablets": """Nowadays many schools are thinking about giving tablets to every student instead of books. In my opinion this is a good idea, but it has some problems too.

First of all, tablets are light. A student [need->needs|agreement] to carry many heavy books every day[, this->, and this|splice] is bad for the back. With a tablet, all the books are in one small machine. [Tablets is->Tablets are|agreement] also more expensive [then->than|confusable] books, so [the school have->the school has|agreement] to buy them with a lot of money.

Secondly, students can find information very fast. Last year my teacher [show->showed|verb_form] us a video about volcanoes and we [understand->understood|verb_form] the lesson better. However, some students play games instead of working, and this is a [real->really|word_form] big problem.

I think tablets are the future, [but->but the|article] price must come down. If the government [help->helps|agreement] schools, every child will [has->have|verb_form] the chance to use one. It is very [importance->important|word_form] for our education. Teachers should also [learn->teach|word_choice] students how to use them well.

In conclusion, I [am agree->agree|verb_form] with the idea, but schools need [a good plans->good plans|article] before they buy tablets.""",
    "holiday": """Last summer I went to the seaside with my family. We stayed in a small hotel near the beach for two weeks.

On the first day the weather was terrible. It rained all morning [we->, so we|splice] stayed in our room and played cards. My little brother was very [boring->bored|word_form] and he [cryed->cried|verb_form] a lot. In the afternoon the sun came out and we went for a walk [in->on|preposition] the beach.

The hotel was [quiet->quite|confusable] old but the rooms were clean. Every evening we had dinner in a restaurant [who->which|word_choice] was famous for its fish. My father [say->said|verb_form] it was the best fish he had ever eaten. I [didn't liked->didn't like|verb_form] it, because I prefer meat.

One day we visited [a old->an old|article] castle on a hill. The guide told us that it [was build->was built|verb_form] in the twelfth century. [It's->Its|confusable] walls are very thick, and from the top you can see the whole town. I took many photos[, my->. My|splice] mother said I should put them in an album.

I really [enjoy->enjoyed|verb_form] it and I hope we can go back next year. The holiday was very [relax->relaxing|word_form] and I learned a lot about the history of the area. I was very [exciting->excited|word_form] when we arrived home, because I wanted to tell my friends [for->about|preposition] it.""",
    "uniforms": """Should students wear a school uniform? This question is discussed in many countries, and [their->there|confusable] are good arguments on both sides.

Some people think that uniforms are [a good->good|article] for discipline. When everybody [wear->wears|agreement] the same clothes, nobody can laugh at poor students. Also, parents do not need to spend money [for->on|preposition] fashionable clothes every month. In my school the uniform is [very cheaply->very cheap|word_form][, it->, so it|splice] is not a problem for families.

On the other hand, many teenagers [says->say|agreement] that uniforms are ugly and uncomfortable. They want to show [there->their|confusable] personality with their clothes. I [can understanding->can understand|verb_form] this opinion, because I also like to choose what I wear.

In my opinion, uniforms are useful, but schools should [listen students->listen to students|preposition] when they choose the design. A uniform that is [more comfortable then->more comfortable than|confusable] the old one would make everybody happier. The rules of my school [is->are|agreement] very strict, and we cannot even wear a coloured scarf in winter. I think this rule [effects->affects|confusable] our mood, and it should change.

Finally, a uniform does not [make->do|word_choice] any harm to learning. It is [the->a|article] simple way to make the school look organised.""",
    "city_life": """Many young people want to live in [big city->a big city|article] when they finish school. I grew up in a village, so I know both sides of this question.

Life in the city is exciting. There are cinemas, theatres and shops, and the public transport [are->is|agreement] good. You can meet new friends every week. My cousin [live->lives|agreement] in the capital and she [go->goes|agreement] to concerts almost every weekend. However, the city is noisy and the air is [pollution->polluted|word_form]. Rents are also very high[, many->, and many|splice] young people cannot pay them.

In the village life is slower. People know each other and they help [each others->each other|word_form] when there is a problem. [The nature->Nature|article] is beautiful, and you can [make->go for|word_choice] long walks in the forest. On the other hand, there are not many jobs[, young->. Young|splice] people have to travel a long way to work.

When I was [child->a child|article] I [use to->used to|verb_form] think that the village was boring. Now I think [different->differently|word_form]. I [am living->have lived|verb_form] in the city for two years, and sometimes I miss the silence. I think the best solution is to live in a small town [near of->near|preposition] a big city. Then you can enjoy both worlds and you don't have to [loose->lose|confusable] anything.""",
    "homework": """Teachers give students a lot of homework, and many parents [thinks->think|agreement] that it is too much. I want to [discuss about->discuss|preposition] this topic.

Homework is useful when it is short. It helps students [remembering->to remember|verb_form] what they learn in the lesson. For example, when I practise maths exercises at home, I [understood->understand|verb_form] them better the next day. But if a student [have->has|agreement] three hours of homework every evening, he has no time for sport or friends[, he->, and he|splice] becomes tired.

In my class, some students [make->do|word_choice] their homework on the bus in the morning. This shows that homework is not always [affective->effective|confusable]. Teachers should give tasks that are interesting and not only [repeat->repetitive|word_form] exercises.

I also think that homework should be different for each student. Some students are [good in->good at|preposition] languages and others are good at [the->|article] science. [An->A|article] useful task for one student can be too easy for another one. My teacher once [give->gave|verb_form] me a project about my grandfather's life and I [have enjoyed->enjoyed|verb_form] it very much.

To sum up, homework is necessary, but it must be reasonable[, teachers->. Teachers|splice] must think about how much time it takes. [Your->You're|confusable] never too young to need free time.""",
    "social_media": """Social media is a big part of young people's lives today. Almost everyone in my class [have->has|agreement] an account on at least one app.

There are many advantages. We can stay in contact with friends who live far away, and we can share photos and news very [quick->quickly|word_form]. Last month my friend [post->posted|verb_form] a video of our school concert and hundreds of people watched it. Social media also [help->helps|agreement] students to find information for their projects.

However, there are also dangers. Some people [spends->spend|agreement] more [then->than|confusable] five hours a day on their phones[, this->, and this|splice] is not healthy. They sleep badly and they do not [make->do|word_choice] enough exercise. It is also easy to [loose->lose|confusable] your privacy, because many users do not know who can see their posts.

I think parents should [explain their->explain to their|preposition] children how to use social media safely. Schools can help too[, they->. They|splice] can organise lessons about the internet. I [have learnt->learnt|verb_form] a lot from such a lesson last year.

In conclusion, social media is [an useful->a useful|article] tool, but we must use it carefully. If we spend less time online, we will be [more happier->happier|word_form] and healthier. The most important thing is [an->a|article] healthy balance.""",
    "sport": """Sport is very important for teenagers, but many young people [doesn't->don't|agreement] do enough exercise. In this essay I will discuss why sport matters.

Firstly, sport keeps us healthy. When you play football or go swimming, your heart [become->becomes|agreement] stronger and you feel better. I [play->have played|verb_form] tennis since I was eight, and I almost never get ill. Doctors say that children should be active for at least [a->an|article] hour a day.

Secondly, sport teaches us to work in a team. In my basketball team every player [know->knows|agreement] that we can only win together. Last season we [loosed->lost|verb_form] many matches at the beginning[, we->. We|splice] trained hard and won the final. It was the [happyest->happiest|word_form] day of my life.

However, some students are [not interesting->not interested|word_form] in sport at all. They prefer to [look->watch|word_choice] television or play video games. I think schools should offer more activities, for example dance or climbing, because not everybody likes football. [Its->It's|confusable] important that every student can find something they enjoy.

To conclude, sport [have->has|agreement] many benefits for the body and the mind. We should not [spend->waste|word_choice] our free time sitting on the sofa. Everybody should find a sport that they [likes->like|agreement] and practise it regularly. It is [a->an|article] excellent way to stay healthy and it makes people [to relax->relax|verb_form].""",
    "languages": """Learning a foreign language is one of the most useful things a young person can do. I have studied English [since->for|preposition] six years, and I want to explain why it is important for me.

First, a language opens doors. When you speak English, you can travel to many countries and [know->meet|word_choice] new people. Last summer I [go->went|verb_form] to Ireland on a language course. I [was stayed->stayed|verb_form] with a family [who->whose|confusable] children were very friendly. We talked every evening[, I->and I|splice] improved my speaking a lot.

Second, many companies [needs->need|agreement] workers who speak foreign languages. If you want a good job, English is almost necessary. My uncle [work->works|agreement] for an international company and he uses English every day.

Of course, learning a language is not easy. You have to learn a lot of grammar and new words, and sometimes you feel nervous when you [do->make|word_choice] mistakes. My teacher always says that mistakes are [normally->normal|word_form] and that we learn from them. She [said->told|word_choice] us to read English books and watch films with subtitles.

In my opinion, students should start learning languages [in->at|preposition] an early age. Young children learn faster [then->than|confusable] adults. The school [don't->doesn't|agreement] need to buy expensive materials[, songs->; songs|splice] and games are enough for [youngest->the youngest|article] children. I hope I will speak English [fluent->fluently|word_form] one day and maybe learn [a other->another|article] language too.""",
}
