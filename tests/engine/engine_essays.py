"""Test essays written for these tests (not taken from any corpus)."""

PROMPT = (
    "Should schools ban mobile phones? Discuss the advantages and disadvantages of banning "
    "phones in schools and give your own opinion."
)

GOOD = """Mobile phones have become part of every teenager's life, and many schools are now \
deciding whether to ban them. I believe that schools should not ban phones completely, but \
they should set clear rules for when students may use them.

Firstly, phones can be valuable tools for learning. For example, students can check a fact, \
use a dictionary or record their homework in a calendar. In my own class, our science \
teacher asks us to photograph experiments so that we can write better reports at home.

On the other hand, some people argue that phones distract students and make bullying \
easier. This concern is reasonable, because a single message can interrupt a whole lesson. \
However, a complete ban does not teach young people how to manage technology. Clear rules, \
such as keeping phones in bags during lessons, solve most of the problem.

In conclusion, a sensible policy is better than a ban. Schools should allow phones for \
learning and switch them off when they are not needed, so that students learn self-control \
as well as the subject."""

WEAK = """i think phones is good. In my opinion schools should not ban they. my friend go \
to school every day and he dont have problems with his phone. Their is many informations \
on the internet and students can searching it. Phones are more better then books. \
I look forward to hear from you. We was happy when the teacher said we can use it. \
This books are very old and much people dont read them."""

FRENCH = """Les téléphones portables font partie de la vie quotidienne des élèves. Je pense \
que les écoles ne devraient pas les interdire complètement, mais elles doivent fixer des \
règles claires pour leur utilisation pendant les cours et les récréations. Les enseignants \
peuvent aussi les utiliser pour des activités pédagogiques intéressantes."""

GIBBERISH = """asdf qwer zxcv hjkl pqwo eirt yuio ghfj dkslq wpeoi rutyz mxncb vbnm \
lkjh gfds poiu ytre wqas zxdc frtg bhyu jmki olpq xswe dcvf rtgb nhyj mkio plqa zswx edcr \
vfrt bgty hnuj mkol pqaz wsxe dcrf vtgb yhnu jmik olpa qzsw xedc rfvt gbyh nujm ikol"""

OFF_TOPIC = """My favourite holiday was a trip to the mountains with my grandparents. We \
walked for hours every morning and cooked dinner over a small fire in the evening. The \
views from the top of the hills were wonderful, and we saw eagles, deer and even a fox. \
At night we counted the stars and told stories until we fell asleep. I would love to go \
back there next summer with my cousins, because the fresh air and the quiet valleys made \
me feel calm and happy for the whole week."""
