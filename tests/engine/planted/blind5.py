"""Planted-error essays, blind half 5: written on 2026-12-08 by an author who had never seen
the engine, its rules, its word lists, its notes on any essay or the other halves' essays.
Reported by scripts/bench/planted_errors.py, never gated, never tuned on."""

# ruff: noqa: E501

ESSAYS: dict[str, str] = {
    # british
    "garden_centre_letter": """Dear Mrs Pritchard,

I am writing to apply for the position of summer assistant at Willowbrook Garden Centre, which I saw advertised in the Ashford Gazette last Tuesday. I am sixteen years old and I have just finished my GCSE exams at Highfield Academy, so I am available from the middle of July until the beginning of September.

I have been interested in plants since I was a small child. My grandmother, who [have->has|agreement] an allotment near the railway station, used to take me there every Saturday morning, and she taught me how to grow tomatoes, beans and sweet peas. I love being outdoors in [the nature->nature|article], and nowadays I look after the vegetable patch in our back garden on my own[, last summer->. Last summer|splice] we had so many courgettes that my mum started giving them away to the neighbours. At school I am a member of the eco club, and together we have planted a wildflower meadow behind the sports hall.

As well as gardening, I have some experience of working with the public. Since last October I [work->have worked|verb_form] every Saturday at my uncle's bakery, where I serve customers, take payments and keep the shelves tidy. I am used to [deal->dealing|verb_form] with people of all ages, and my uncle says that I am very [patience->patient|word_form], even when the shop is full and everyone is in a hurry. I think this would be useful at the garden centre, because I imagine that many of your customers ask for advice [of->about|preposition] which plants to choose for their gardens.

I would describe myself as hard-working and reliable. I am also good [in->at|preposition] organising things: last year I helped to run the school's plant sale, which raised more than three hundred pounds for a local hospice. I realise that the work can be physically [demand->demanding|word_form], as it involves lifting heavy bags of compost and working outside in all weathers[, this->. This|splice] does not worry me at all, because I enjoy being active and I play hockey for a local club twice a week.

To be honest, I would like this job for two reasons. Firstly, I would like to [win->earn|word_choice] some money to pay for a school trip to Iceland next spring. Secondly, I hope to study horticulture at college, and one day I would like to become [gardener->a gardener|article] myself, so working with experienced staff would teach me a lot.

I have attached my CV and a reference from my form tutor, Mr Okafor. I can come for an interview at any time, and I would be grateful if you could let me know [weather->whether|confusable] you need any further information.

I look forward to [hear->hearing|verb_form] from you.

Yours sincerely,

Ella Morgan""",
    # american
    "recipe_app_review": """PantryPal: Is It Worth the Download?

Like many teenagers, I had never cooked anything more complicated [then->than|confusable] instant noodles until last fall. Then my parents both started working late three nights a week, and I became responsible for dinner. My cousin recommended an app called PantryPal, and I [am using->have been using|verb_form] it ever since. After four months, I think I can give [a honest->an honest|article] opinion about it.

The idea behind PantryPal is simple. You type in the ingredients you already have in your kitchen, and the app suggests recipes that you can make with them. You can also filter the results by cooking time, diet, or difficulty. The design is bright and [colorfully->colorful|word_form], and the menus are easy to use, even for someone like my grandfather, who hates anything with a touchscreen.

The best feature, in my opinion, is the step-by-step mode. Each of the recipes [are->is|agreement] divided into short steps with a photo, and a timer starts automatically when you need to boil or bake something. This was really helpful for me at the beginning[, I->. I|splice] didn't even know how long pasta should cook. There are also short videos for difficult techniques like chopping onions or separating eggs. Thanks to these videos, I finally learned how to flip a pancake without [drop->dropping|verb_form] it on the floor. I was also surprised [of->by|preposition] the "leftovers" button, which suggests what to cook with the food that is left in the fridge. The app even [remembers->reminds|word_choice] you when the milk or the yogurt is about to expire.

However, the app is not perfect. First, the free version shows an advertisement after every recipe, which gets annoying very quickly. If you want to get rid [from->of|preposition] the ads, you have to pay $4.99 a month, and I think that is too expensive for a student. Second, the ingredient search is not always accurate[, sometimes->. Sometimes|splice] it suggests a recipe with shrimp even though I typed in only chicken and rice. Finally, the portions are often [to->too|confusable] small. A dish for "four people" is usually only enough for my brother and me, so now I always [do->make|word_choice] double the amount.

Despite these problems, PantryPal has changed the way I think about food. [The cooking->Cooking|article] is now one of my favorite hobbies, and last month I prepared a three-course dinner for my mom's birthday. She couldn't believe that I had cooked everything myself.

Overall, I would give PantryPal four stars out of five. It has made me much more [confidence->confident|word_form] in the kitchen, and I would definitely recommend it to anyone who wants to learn the basics. Just be ready to spend a few dollars on the premium version if the ads drive you crazy.""",
    # british
    "recycling_report": """Report on the Recycling Scheme at Kingsmead School

Introduction

The aim of this report is to describe the recycling scheme which was introduced at Kingsmead School last September and to suggest some ways of improving it. The information is based [in->on|preposition] a questionnaire that 120 students completed in March, and on interviews with two of the caretakers.

How the scheme works

At the moment there are blue bins for paper and green bins for plastic bottles and cans in every classroom and corridor. The bins [is emptied->are emptied|agreement] twice a week by volunteers from Year 9, who take the contents to the large containers behind the canteen. In addition, once a month a local company collects [an old->old|article] batteries and ink cartridges from the school office.

Results

The questionnaire shows that the scheme has been quite [success->successful|word_form]. Almost 80% of students said that they use the recycling bins regularly, and the amount of rubbish that the school sends to landfill [have->has|agreement] fallen by about a third since the autumn. According to Mr Hughes, one of the caretakers, the school is also saving money, because [it's->its|confusable] rubbish collection costs have gone down.

Problems

However, the scheme is not working perfectly. Firstly, many students still throw food or dirty paper cups into the paper [bins they->bins. They|splice] probably do not realise that one dirty cup can spoil a whole bin of clean paper. Secondly, the bins in the corridors are often full by Wednesday, because the volunteers only empty them on Mondays and Fridays. Thirdly, several students [told->said|word_choice] that they did not know which bin to use for things like yoghurt pots and crisp packets. Finally, the Year 9 volunteers feel that nobody notices their hard work, and some of them have decided [giving up->to give up|verb_form] after Easter.

Recommendations

I would like to make the following suggestions. First, I recommend [to put->putting|verb_form] up posters above every bin which explain clearly what can and cannot be recycled. Second, the bins in the corridors should be emptied more [frequent->frequently|word_form], perhaps every day [on->at|preposition] lunchtime. Third, it would be a good idea to give the volunteers certificates or merit points, so that they feel their work is valued. Finally, the school could organise a competition between form groups[, the->. The|splice] group that recycles the most each term could win a trip to the cinema.

Conclusion

To sum up, the recycling scheme has already had a positive [affect->effect|confusable] on the school, and most students seem to support it. If the suggestions above are carried out, I am confident that even more students will [make->do|word_choice] their bit and the amount of waste will fall further.""",
    # american
    "storm_story": """Biscuit and the Storm

It was the last Friday of summer vacation, and the weather forecast had warned everyone about a big storm. Dylan was home alone with his dog, Biscuit, because his parents [have gone->had gone|verb_form] to a wedding in Denver and his older sister was working at the movie theater until midnight.

At about eight o'clock, the sky turned dark purple and the wind started [blow->blowing|verb_form] through the trees. Biscuit hated thunder. As soon as he heard the first rumble, he ran under the kitchen table and lay there, shaking. Dylan sat down next to him on the floor and stroked his ears[, he->. He|splice] tried to stay calm, but his own heart was beating fast too.

Suddenly there was a huge flash of lightning, and all the lights went out. The wind blew the back door open with a bang, and by the time Dylan found his phone and switched on the flashlight, Biscuit was gone. Dylan felt [terrifying->terrified|word_form]. He tried to call his sister[, however she->; however, she|splice] didn't answer. There was no time to [loose->lose|confusable], so he put on his raincoat, grabbed the leash and ran outside.

The streets of the neighborhood [was->were|agreement] completely empty, and every one of the streetlights [were->was|agreement] dark. The rain was so heavy that Dylan could hardly see the end of his own arm. He walked up and down the block, shouting Biscuit's name, but [their->there|confusable] was no answer. He checked the park, the bus stop and the yard behind the school, where Biscuit loved chasing squirrels, but he couldn't find him anywhere.

After almost an hour, Dylan was cold, wet and exhausted. He was about to give up when he [listened->heard|word_choice] a quiet whine coming from under the porch of the Nguyens' house at the end of the street. He got down on his knees and shone the flashlight under the steps. There, curled up between two old flowerpots, was Biscuit, covered in mud and trembling. Dylan was so [relief->relieved|word_form] that he almost started to cry.

He carried Biscuit all the way home. The electricity was still off, so Dylan dried him with [towel->a towel|article], and they sat together on the couch [at->in|preposition] the dark, listening to the thunder as it moved slowly away.

Two hours later, the lights came back on and his parents arrived home. When they heard the story, his mom hugged him for a long time, and his dad promised to fix the lock on the back door [in the next day->the next day|preposition]. It had been [a worst->the worst|article] night of Dylan's life, but it had a happy ending.

Since then, Biscuit has never left Dylan's side during a storm. Whenever he hears thunder, he climbs onto Dylan's bed and stays there until the sky is quiet again, and Dylan doesn't mind at all.""",
    # british
    "uniform_opinion": """School Uniform: Should We Keep It?

In most secondary schools in Britain, students [has->have|agreement] to wear a uniform, which usually means a blazer, a tie and dark trousers or a skirt. Recently, however, some parents and students have started to ask whether uniforms are really necessary. In this essay I will look at both sides of the argument.

The main argument in favour of uniform is that it makes everyone equal. When everybody [wear->wears|agreement] the same clothes, it is impossible to tell which students come from rich families and which do not. This matters, because teenagers can be very cruel [with->to|preposition] classmates who cannot afford designer trainers or the latest jackets. I once spent a week at my cousin Priya's school in Manchester, where there is no uniform[, Priya->. Priya|splice] told me that some girls there spend an hour every morning choosing their clothes. That sounds exhausting to me.

Secondly, uniform saves both time and money. I never waste time in the morning [to decide->deciding|verb_form] what to wear, and my parents say that one uniform is much [cheap->cheaper|word_form] than a new outfit every few weeks. Finally, a uniform gives students [sense->a sense|article] of belonging. When we [make->take|word_choice] part in sports matches or go on school trips, everyone can see which school we come from, and I think this makes us behave better. It also [learns->teaches|word_choice] young people how to dress smartly, which will be useful when they start work.

On the other hand, there are some strong arguments against uniform. Some of my friends [complains->complain|agreement] that the blazers are uncomfortable, especially in June and July when [its->it's|confusable] hot. Others feel that wearing the same clothes as a thousand other people stops them from showing their personality. In addition, uniforms can be surprisingly expensive, because many schools insist [in->on|preposition] parents buying them from one particular shop. For families with three or four children, this can be a real problem.

Personally, I believe that school uniform should stay. However, it is not perfect[, there->. There|splice] are several ways in which it could be improved. Schools should listen [students->to students|preposition] and give them more choice. For example, students could be allowed [choosing->to choose|verb_form] between trousers and a skirt, or to wear a polo shirt instead of a shirt and tie during the summer term. Schools could also sell second-hand uniforms at low prices to help families who are struggling.

To sum up, uniform helps to create a fair and friendly atmosphere in schools. If schools were a little more flexible, I am sure that most students would be happy to wear it.""",
    # american
    "community_garden_article": """From Trash to Tomatoes: Our Neighborhood Garden

Three years ago, the corner of Maple Street and Fifth Avenue was [a ugly->an ugly|article] empty lot full of broken glass and old tires. Today it is the Maple Street Community Garden, one of the most popular places in our neighborhood. I [have visited->visited|verb_form] it last Saturday to find out how this amazing change happened.

The garden was the idea of Rosa Delgado, a retired science teacher who has lived on Maple Street for forty years. She was tired of seeing trash every time she walked to the bus stop, so she started a petition and collected more than three hundred signatures. After six months she finally persuaded the city council to let the neighbors use the land[, then->. Then|splice] she organized a cleanup day. More than fifty volunteers showed up with gloves, shovels and wheelbarrows, and by the evening the lot was clear.

Nowadays the garden has thirty raised beds, and each of them [belong->belongs|agreement] to a different family or group. Local families grow tomatoes, peppers and squash, while the elementary school next door uses two of the beds for its science classes. There is also a small orchard with apple and peach trees, and a shady bench where older residents like to sit and chat [at->on|preposition] sunny afternoons. It is a perfect place to [pass->spend|word_choice] a quiet hour with a book.

One of the gardeners I talked to [were->was|agreement] Marcus Bell, a junior at Lincoln High School. He has been coming here every weekend [since->for|preposition] two years. "At first I only came because my mom made me," he laughed. "Now I can't imagine my weekends without it[, it's->. It's|splice] so relaxing to be outside with my hands in the dirt." Rosa also believes the garden has brought people together. "Before, neighbors hardly said hello to each other," she told me. "Now everyone is much [more friendlier->friendlier|word_form]."

Of course, running a garden is not always easy. In summer the plants need watering every day, and last year somebody [stealed->stole|verb_form] all the pumpkins just before Halloween. Water is also expensive, so the volunteers are now [rising->raising|confusable] money for a rainwater tank that will collect rain from the roof of the school.

If you would like to get involved, the garden is open to visitors every Saturday from 9 a.m. to noon. Whether [your->you're|confusable] an experienced gardener or a complete beginner, you will be welcome. Rosa and the other volunteers are always happy to [explain you->explain to you|preposition] how everything works, and if you help out, you might even go home with [bag->a bag|article] of fresh vegetables.""",
    # british
    "cafe_proposal": """Proposal for a Student Café

Introduction

The purpose of this proposal is to suggest opening a small café, run by students, in the old music room, which has been empty [from->since|preposition] the new arts block opened in January. It explains how the café would work and why I believe it would benefit the whole school.

The current situation

At the moment, the only place in the school where students can buy food [are->is|agreement] the canteen, which [close->closes|agreement] at half past one. The queues at lunchtime are extremely long[, many->. Many|splice] students give up and go hungry, or they buy crisps and fizzy drinks from the newsagent's across the road. Moreover, sixth formers often complain that there is nowhere comfortable to relax between lessons, as their common room is far too small.

How the café would work

I suggest that the café should be open from 8 a.m. until 3 p.m. every weekday. It would sell sandwiches, soup, fruit and hot drinks at low prices. The food would be [prepare->prepared|verb_form] each morning by students taking the food technology course, and volunteers from Years 10 to 13 would serve customers in shifts of one hour. Any profit would be [gave->given|verb_form] to the school's chosen charity, which this year is a local children's hospice.

Benefits

I believe the café would have three main benefits. Firstly, students would eat more [healthy->healthily|word_form], since they would no longer need to rely on the newsagent's for snacks. Secondly, the volunteers would learn how to handle money, serve customers and work as [team->a team|article]. These skills are [high->highly|word_form] valued by employers, and they would be particularly useful for students who are interested in [the business->business|article]. Thirdly, the café would be a place where students from different year groups could meet and [do->make|word_choice] friends.

Costs

The room already has a sink and several sockets, so we would only need to buy a fridge, a coffee machine and some furniture. The total cost would be around £1,500. The Parents' Association has already offered to pay half of this amount, and we could raise the rest by organising a sponsored walk in the spring. Because the music room is in a separate building behind the sports hall, the noise would not [molest->disturb|word_choice] lessons. Teachers would be welcome too, as long as [their->they're|confusable] happy to queue like everyone else!

Conclusion

In conclusion, I strongly believe that a student café would make the school a healthier and friendlier place[, I->. I|splice] would be delighted to [discuss about->discuss|preposition] this proposal with you at any time that suits you.""",
    # american
    "food_bank_email": """Hi Carlos,

Thanks for [you're->your|confusable] email! It sounds like you had an amazing time at your uncle's ranch. Sorry it took me so long to answer, but I've been really busy since school [has started->started|verb_form].

You asked me about our community service project, so here's the whole story. Last Saturday my entire class volunteered at the Riverside Food Bank, which gives free groceries to families who [doesn't->don't|agreement] have enough money to buy food. We had to get there at 7:30 in the morning, so I was pretty sleepy when we arrived. The manager, a friendly woman named Denise, divided us [in->into|preposition] three groups and explained what each group had to do.

My group's job was to sort the donations. We checked every can and box to make sure it wasn't past its expiration date, and we threw away anything that was [damage->damaged|word_form]. It sounds boring, but it was actually really [funny->fun|word_choice]. My friend Tyler found a can of beans from 2009[, everybody->. Everybody|splice] laughed so hard that Denise came over to see what was going on.

In the afternoon, we packed boxes for families. Each box had rice, pasta, canned vegetables, peanut butter and cereal, and we tried to add something special for the kids, like cookies or hot chocolate. At three o'clock, people started arriving to pick up their boxes. I helped an old man carry his box to his car, and we talked for a while. He [said->told|word_choice] me that he used to work at a car factory, but the factory closed last year and now he depends [of->on|preposition] the food bank. He was really cheerful, though, and he kept [to make->making|verb_form] jokes about his favorite baseball team.

Before we left, Denise told us that the food bank helps more than four hundred families every month, and that the number [keep->keeps|agreement] growing. It has doubled since [the last year->last year|article]. I had no idea that so many people in our town were struggling.

The whole day really [effected->affected|confusable] me. I'm planning [go->to go|verb_form] back next month with my sister, and maybe you could come with us when you visit in [the December->December|article]? Denise says they always need more help before the holidays.

Write back soon and tell me how your soccer season is going!

Your friend,

Maya""",
}
