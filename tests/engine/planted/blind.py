"""Planted-error essays, blind half: written on 2026-12-07 by someone who had not seen the
engine, its rules or its notes on any essay. Reported by scripts/bench/planted_errors.py,
never gated, never tuned on."""

# ruff: noqa: E501

ESSAYS: dict[str, str] = {
    "recycling": """Every week my family [throw->throws|agreement] away two big bags of rubbish. When our science teacher showed us how much of it could be recycled, I was really [surprising->surprised|word_form]. In this essay I will explain why I think recycling should be compulsory for every household.

Firstly, recycling saves natural resources. If we recycle paper, fewer trees are cut down, and recycling aluminium cans uses much less energy [then->than|confusable] making new ones. The Earth does not have unlimited resources[, we->, so we|splice] have to use them carefully.

Secondly, recycling reduces the amount of rubbish that goes to landfill. Last year our class visited [landfill site->a landfill site|article] near my town. It was enormous, and the smell was so bad that two of my classmates felt sick. The guide told us that a plastic bottle can stay in the ground for hundreds of years and that the site will be full [until->by|preposition] 2030.

However, recycling is not always easy. In my street every house has three different bins, and a lot of people are confused [from->by|preposition] the rules. My grandmother puts everything in the same bin because she says the rules change every year. Some people also think that recycling doesn't make any difference, because big companies produce most of the waste.

I think the government should make recycling compulsory and explain the rules more clearly. In Germany, for example, people get money back when they return plastic bottles to the supermarket[, this->. This|splice] system works very well. Our town council could also [make->run|word_choice] a campaign on local radio and social media.

Schools can help too. At my school we have started a recycling club, and every Friday we check the bins in every classroom. Since we started, the amount of rubbish in our bins [has fell->has fallen|verb_form] by half.

Finally, everyone can make small changes at home. We can take our own bags to the shops, buy fewer things in plastic packaging and repair old things instead of [throw->throwing|verb_form] them away. If everybody does a little, the [affect->effect|confusable] will be huge.""",
    "robots": """[Robots is->Robots are|agreement] already part of our everyday life. They build cars, clean floors and even answer questions on websites. Many people are worried that in the future robots will take [there->their|confusable] jobs. Is this fear realistic?

On the one hand, it is true that machines have already replaced many workers. My uncle worked in a car factory for twenty years, but last year the company bought new robots and he lost his job. Machines don't get tired, they don't need holidays and they make [less->fewer|word_choice] mistakes than people. For a company, this means lower costs and higher profits. In the future, self-driving lorries could replace thousands of drivers[, shops->, and shops|splice] could work without any cashiers.

On the other hand, technology also creates new jobs. Twenty years ago nobody worked as [a->an|article] app developer or a social media manager. Somebody has to design the robots, repair them and write the programs that control them. These new jobs are often better paid and more [interested->interesting|word_form] than the old ones.

The problem is that not everyone can do these new jobs. My uncle is fifty-five, and he says he is too old to learn programming. I think the government should help people like him [for finding->to find|verb_form] new work. It could pay for training courses and give advice to workers who have lost their jobs.

Schools also need to change. We spend a lot of time learning facts by heart, but a computer can find any fact in a second. Instead, schools should teach the skills that robots [doesn't->don't|agreement] have, for example creativity, teamwork and communication. In my opinion, [the creativity->creativity|article] is the most important skill for the future.

In conclusion, I don't think robots will take all our jobs, but many jobs will change. We should not be afraid [from->of|preposition] technology[, we->. We|splice] should prepare for it. If we do this, robots could [do->make|word_choice] our lives easier than ever before.""",
    "volunteering": """Some people think that every teenager should do volunteer work as part of their education. I agree with this idea, because volunteering helps both the community and the volunteer.

Last year I started [help->helping|verb_form] at a food bank near my house every Saturday morning. At first I only did it because my mother [said me->told me|word_choice] to. The work was not difficult: we sorted cans, packed boxes and gave them to families. After a few weeks, though, I started to enjoy it. I met people of all ages, and an old man called Walter showed me how to organize the storage room [more efficient->more efficiently|word_form].

Volunteering teaches young people many important skills. You learn to work in a team, to be responsible and to talk to people who are different from you. These skills are useful for [the future jobs->future jobs|article]. Also, many colleges and employers like to see volunteer work on [a->an|article] application.

However, some students say that they [doesn't->don't|agreement] have time. They have homework, sports and music lessons, and some of them also have part-time jobs. I understand this problem, but volunteering doesn't have to take a lot of time. Even two hours a month can make a difference.

Another argument is that volunteering should be a free choice. If [everyone have->everyone has|agreement] to do it, some students will do it badly[, they->, and they|splice] will not learn anything. I think this is partly true. That's why schools should let students choose [there->their|confusable] own projects, for example helping at a hospital, cleaning a park or reading to younger children.

Volunteering also has a positive [affect->effect|confusable] on mental health. When I leave the food bank, I always feel happy and [relax->relaxed|word_form]. I am proud [on->of|preposition] the work we do there, and I have made two new friends.

In conclusion, I believe that volunteering should be part of every school's program. It is good for the community and good for us. It's also fun, and I will definitely continue next year.""",
    "camping_trip": """Last summer my best friend Marta and her parents invited me to go camping in the mountains for three days. I had never slept in a tent before, so I was excited but also a bit [worry->worried|word_form].

We [arrived to->arrived at|preposition] the campsite on Friday afternoon. It was next to a river and surrounded [with->by|preposition] tall trees. First we had to put up the tents. Marta's father [maked->made|verb_form] it look easy, but when we tried to put up our tent, it fell down three times. In the end, he had to help us.

In the evening we made a fire and cooked sausages. Marta's mother told us a story about a bear that visited the campsite when she was a child. I knew it was probably not true, but I couldn't [stop to think->stop thinking|verb_form] about it.

That night I couldn't sleep. In my imagination, every noise outside the tent [were->was|agreement] a bear. At about two o'clock I heard something moving near our food bag[, I->. I|splice] woke Marta up and we listened. The noise got [more loud->louder|word_form], and we held each other's hands. Finally Marta took the torch and opened the tent very slowly. It wasn't a bear. It was a small fox, and [it's->its|confusable] nose was inside our bag of crisps! We laughed so much that we woke up her parents.

The next day we walked for three hours to a lake. The water was too cold for swimming, but Marta's father jumped in anyway and shouted that it was [colder then->colder than|confusable] ice. We had [a lunch->lunch|article] on a big rock next to the water and watched the birds. In the afternoon Marta's father [learned->taught|word_choice] us how to find our way with a map and a compass.

On the last day it rained all morning, and we had to pack the wet tents into the car. Although there were some problems, it was one of the best trips of my life. I learned that you don't need an expensive hotel to have a great holiday. Next summer we want to go again, and this time I won't be afraid of foxes.""",
    "space": """Every year governments [spends->spend|agreement] billions of dollars on space exploration. Some people think this is a waste of money when there are so many problems on Earth. I partly agree, but I believe that space research is important for our future.

First, space exploration has given us many useful inventions. For example, some of the technology in phone cameras and water filters was first developed for space missions. Satellites [say->tell|word_choice] us what the weather will be like, and farmers use them to check their fields. Without satellites we could not use maps on our phones or [look->watch|word_choice] football matches from other continents on TV.

Second, space missions inspire young people. When I was ten, I watched a video of astronauts on the International Space Station, and I decided that I wanted to become [a->an|article] engineer. Since then I have read every book about planets in our school library. Many of my classmates are [interesting->interested|word_form] in science because of space.

On the other hand, space exploration is very expensive. A single rocket launch can cost [more then->more than|confusable] a hundred million dollars. This money could [be spend->be spent|verb_form] on hospitals, schools or clean energy. In my country many hospitals don't have enough doctors[, this->, and this|splice] is a bigger problem than exploring [the Mars->Mars|article].

Some people also worry about the environment. Rockets produce pollution, and thousands of pieces of old satellites are flying around the Earth at very high speed. Scientists say that it's becoming dangerous for new satellites and for astronauts.

In my opinion, governments should continue to explore space, but they should spend the money more wisely. Private companies should pay for part of the research, and countries should work together instead of competing [between->with|preposition] each other. If we [will work->work|verb_form] together, we can explore space and still solve our problems on Earth. After all, the Earth is the only planet we have, and we must not [loose->lose|confusable] it.""",
    "music_lessons": """Should music lessons be compulsory in high school? In my country students can stop studying music when they are fourteen, and most of them [does->do|agreement]. In my opinion this is a mistake.

First of all, music is good for the brain. I read an article that said that children who play an instrument learn languages and math more [easy->easily|word_form]. I [play->have played|verb_form] the violin since I was seven, and I think it has helped me to concentrate [in->on|preposition] my homework.

Second, music brings people together. My school [have->has|agreement] an orchestra with forty students, and we practice every Thursday after school. Some of my best friends are in the orchestra[, we->, and we|splice] go to concerts together on weekends. Last spring we played at a home for old people, and one woman cried because we played a song from when she was young.

However, not everybody likes music lessons. My friend Luca says that they are boring because the teacher never lets the students play modern music. I understand him, because I also prefer pop songs to classical music. Music lessons should be more practical and more fun. For example, students could learn how to use [a->an|article] app to record their own songs.

Another problem is that instruments are expensive. A good violin can cost more than a thousand dollars, and many families cannot pay for one. Schools should [borrow->lend|word_choice] instruments to students who cannot buy [there->their|confusable] own.

Finally, music is important for our culture. Every country has its own traditional songs and dances, and they are part of our history. If young people stop [to learn->learning|verb_form] music, who will play in orchestras and write new songs in the future?

In conclusion, I think music should be compulsory until the end of high school. It [effects->affects|confusable] us in many positive ways, and it makes school a [more happier->happier|word_form] place.""",
    "grandparents": """In my country it is quite common for grandparents to live with their children and grandchildren. My grandparents [move->moved|verb_form] into our flat three years ago, after my grandfather's operation. Living with them has advantages and disadvantages.

The biggest advantage is that there is always someone at home. Both my parents work until late, so my grandmother cooks lunch for me and my sister every day. Her food is much better than anything we can buy. My grandfather helps us with our homework, especially history, because he [know->knows|agreement] a lot about the past. He was [teacher->a teacher|article] for forty years.

However, there are also some problems. Our flat is small, and now I have to share my room with my sister[, we->, so we|splice] argue a lot. My grandparents go to bed early and get angry when we make noise in the evening. Sometimes they don't understand our way of life. For example, my grandfather thinks that [the computer games->computer games|article] are a waste of time, and he is always [saying->telling|word_choice] me to go outside and play football [instead to sit->instead of sitting|verb_form] in front of a screen.

Another problem is that my parents and my grandparents do not always agree about how to bring up children. My grandmother thinks my parents are too [softly->soft|word_form] with us, and my mother gets upset when she says this in front of us.

In spite of these problems, I am happy that my grandparents live with us. They have taught me to be patient and to [make->pay|word_choice] attention to other people. Thanks to my grandmother, I can cook some traditional dishes, and thanks to my grandfather, I know the names of all the trees in the park.

I think [its->it's|confusable] good for children to grow up with people of different ages. Old people often feel lonely, and many of them [depend of->depend on|preposition] their families. When I am older, I would like my own children to have the same experience.""",
    "exam_stress": """Exams are a big part of school life, and many teenagers feel a lot of stress before them. In my class almost everybody [feel->feels|agreement] nervous in May and June, when we have our final exams.

There are several reasons [of->for|preposition] this stress. Firstly, students worry about [there->their|confusable] future. They think that if they fail one exam, they will not get into a good university or find a good job. Secondly, parents put a lot of pressure on their children. My friend Tomás is afraid to go home when he gets a bad mark, because his parents always compare him with his older brother.

Stress can have a bad effect on students' health. Last year before my maths exam I couldn't sleep for three nights, and I [feeled->felt|verb_form] sick every morning. Some students stop eating properly, and others study all night and then fall asleep during the exam.

In my opinion, schools and families can do a lot to help. Teachers could give [less->fewer|word_choice] tests during the year and explain exactly what students need to learn. Schools could also give students [an advice->advice|article] about how to plan their revision.

Students can help themselves too. It is important to make a study plan and to start revising early, not the night before. I always study [since->for|preposition] forty minutes and then take a short break. Doing sport is also a good way [for relaxing->to relax|verb_form]. It is better to sleep eight hours than to study all night[, a->. A|splice] tired brain cannot remember anything.

Finally, we should remember that exams are important, but they are not everything. A bad mark is not the end of the world[, you->. You|splice] can always try again. My older sister failed her driving test twice, and now she drives [more careful->more carefully|word_form] than my father!

If students, parents and teachers work together, exams can be [less stressful experience->a less stressful experience|article].""",
}
