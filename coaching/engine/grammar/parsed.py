"""Rules read from the dependency parse (``Sentence.parse``, see parse.py): subject-verb
agreement, comma splices, and word forms that do not fit their slot.

The parser is trained on edited English, so on a learner's slip it usually still finds the
subject and the verb ('The school/nsubj have/ROOT'); it also tends to tag the wrong word as
if it were right ('A dog also make/VBP'). So a rule reads the structure (who is whose
subject, which clause hangs on which) and the lexicon's forms of the words (lemminflect),
not the parser's tag of the doubtful word.
"""

from __future__ import annotations

from typing import Any

from .. import morph
from ..lexicon import MODALS, TIME_NOUNS, UNCOUNTABLES
from ..ngrams import counts
from ..notes import Note
from ..text import Document, Sentence
from .common import (
    BE_HAVE_DO_PL,
    BE_HAVE_DO_SG,
    COLLECTIVES,
    INDEFINITE_SG,
    IRREGULAR_PLURALS,
    PLURAL_ONLY,
    QUOTES,
    SINGULAR_S,
    SUBORDINATORS,
    adverb_of,
    match_case,
    note,
    noun_number,
)

Tok = Any  # a spaCy token

_SG_PRONOUNS = frozenset({"he", "she", "it", "this", "that", "one", "each", "either"})
_PL_PRONOUNS = frozenset({"we", "they", "these", "those", "you", "both", "many", "few"})
_SUBJUNCTIVE_HEADS = frozenset(
    {"suggest", "recommend", "insist", "demand", "require", "propose", "ask", "request"}
    | {"important", "essential", "necessary", "vital", "crucial", "urge", "advise", "wish"}
)
# verbs whose object takes a bare infinitive ('saw him go', 'let it be', 'made them cry')
_BARE_INF_HEADS = frozenset(
    {"make", "let", "help", "see", "hear", "watch", "feel", "have", "notice", "bid", "rather"}
)
# the noun before 'of' passes the number on ('a lot of people are')
_PASS_ON = frozenset(
    {"lot", "lots", "plenty", "most", "some", "all", "half", "rest", "majority", "percent"}
    | {"%", "couple", "bunch", "range", "variety", "kind", "kinds", "type", "types", "sort"}
    | {"quarter", "third", "part", "proportion", "minority", "any", "more", "none", "number"}
    | {"cent"}  # "per cent"
)
# 'the number of X is' is singular; 'a number of X are' plural; the rest of these are both
_VAGUE_OF = frozenset(
    {"half", "rest", "majority", "kind", "type", "sort", "part", "proportion", "minority"}
    | {"none", "range", "variety", "quarter", "third", "percent", "%", "any", "more", "cent"}
)


_AMOUNTS = frozenset(
    {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "pounds", "dollars"}
    | {"euros", "miles", "kilometres", "kilometers", "metres", "meters", "percent", "points"}
    | {"kilos", "kilograms", "litres", "liters", "centuries", "decades", "nights", "pence"}
)


def _offsets(sent: Sentence, tok: Tok) -> tuple[int, int]:
    start = sent.start + tok.idx
    return start, start + len(tok.text)


def _low(tok: Tok) -> str:
    return str(tok.text).lower().replace("’", "'")


def _verbal(tok: Tok) -> bool:
    """A verb or auxiliary by its tag (the pipeline runs without the attribute ruler that
    would give coarse classes: it saves a third of the parse time)."""
    return bool(tok.tag_.startswith("VB") or tok.tag_ == "MD")


def _children(tok: Tok, *deps: str) -> list[Tok]:
    return [c for c in tok.children if c.dep_ in deps]


# ------------------------------------------------------------------ agreement


def _noun_num(tok: Tok) -> str | None:
    """'sg', 'pl' or None for a noun (or pronoun) heading a subject."""
    w = _low(tok)
    if w in INDEFINITE_SG or w in _SG_PRONOUNS:
        return "sg"
    if w in _PL_PRONOUNS:
        return "pl"
    if w == "i":
        return "i"
    if tok.tag_ == "PRP" or tok.tag_ in ("WP", "WDT", "EX"):
        return None
    if tok.text[:1].isupper() and tok.i > 0 and tok.tag_ in ("NN", "NNS"):
        return None  # a capital mid-sentence: a name the tagger took for a noun ('Crooks')
    if w in IRREGULAR_PLURALS or w in PLURAL_ONLY:
        return "pl"
    if w in SINGULAR_S:
        return "sg"
    if tok.tag_ in ("NNP", "NNPS"):
        # a name: singular when it is one word the lexicon does not know ('Bruno'); titles,
        # firms and plural-looking names are left alone
        if (
            tok.tag_ == "NNP"
            and not morph.is_known(w)
            and not w.endswith("s")
            and not any(c.dep_ in ("compound", "det", "amod", "poss") for c in tok.children)
        ):
            return "sg"
        return None
    if tok.tag_ not in ("NN", "NNS"):
        return None
    num = noun_number(w)
    if (
        num is None
        and tok.tag_ == "NN"
        and not morph.is_known(w)
        and w.isalpha()
        and w not in {"id", "im", "ive", "ill", "youre", "theyre", "dont", "cant"}
    ):
        num = "sg" if not w.endswith("s") else None  # 'app': a noun the lexicon lacks
    # 'millions' is also a noun of its own in the lexicon: plural when it has a base
    if (
        num is None
        and tok.tag_ == "NNS"
        and w.endswith("s")
        and any(lem != w and w.startswith(lem) for lem in morph.lemmas(w, "NOUN"))
    ):
        num = "pl"
    if num is None:
        return None
    if (num == "sg") != (tok.tag_ == "NN"):
        return None  # the lexicon and the parser disagree: no guess
    return num


def _subject_number(subj: Tok) -> tuple[str, Tok] | None:
    """(number, the word that decides it) for a subject, or None when unsure."""
    w = _low(subj)
    dets = {_low(c) for c in subj.children if c.dep_ in ("det", "predet")}
    conj = [c for c in subj.children if c.dep_ == "conj"]
    ccs = {_low(c) for c in subj.children if c.dep_ == "cc"}
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in subj.children):
        return None  # 'A coffee costs £2 and a slice ... is': a verb the parse took for a noun
    if conj:
        bare = [
            t
            for t in (subj, *conj)
            if t.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in t.children)
        ]
        if len(bare) == 1 + len(conj):
            return None  # 'science and technology is': one idea in two words
        if ccs == {"and"} and not dets & {"each", "every"} and w not in {"each", "every"}:
            return "pl", subj  # 'Factories and cars', 'My friend Jake and I'
        return None  # 'either ... or', 'as well as': no guess
    if any(c.dep_ == "appos" for c in subj.children):
        return None  # 'Crooks, the stable hand, is': a name and its description
    if any(
        c.dep_ in ("prep", "cc", "preconj") and _low(c) in {"with", "as", "along"}
        for c in subj.children
    ):
        return None  # 'My mother, with my father, ...'
    # 'a lot of people', 'the number of cars', 'one of my friends'
    of = [c for c in subj.children if c.dep_ == "prep" and _low(c) == "of"]
    if w in {"one", "each", "either", "neither", "every"} and of:
        return "sg", subj
    if w in _PASS_ON and of:
        if w == "number":
            if dets == {"a"}:
                return "pl", subj
            if dets & {"the", "this", "that"}:
                return "sg", subj
            return None
        if w in _VAGUE_OF:
            return None
        objs = _children(of[0], "pobj")
        if not objs:
            return None
        inner = _subject_number(objs[0])
        if inner is None or inner[0] == "i":
            return None
        if inner[0] == "sg" and _low(objs[0]) in COLLECTIVES:
            return None
        return inner
    if w == "number":
        return None
    if (
        (subj.tag_ == "VBG" or (subj.tag_ == "NN" and w.endswith("ing")))
        and subj.i > 0
        and _low(subj.doc[subj.i - 1]) in {"that", ",", "because", "think", "believe"}
        and not any(c.dep_ in ("det", "poss", "nsubj") for c in subj.children)
    ):
        return "sg", subj  # 'believe that working teach teenagers': an activity is one thing
    num = _noun_num(subj)
    if num is None:
        return None
    if num == "sg" and w in COLLECTIVES and not dets & {"every", "each", "another"}:
        return None  # British English lets a group take a plural verb ('the team are')
    if num == "pl" and w in _AMOUNTS and any(c.dep_ == "nummod" for c in subj.children):
        return None  # 'two weeks is a long time', 'ten pounds is enough': an amount
    if num == "sg" and dets & {"these", "those", "many", "several", "both", "few"}:
        return None  # a determiner slip, not agreement
    if num == "pl" and dets & {"a", "an", "every", "each", "this", "that", "another"}:
        return None
    return num, subj


def _finite(verb: Tok) -> Tok | None:
    """The word that carries the clause's tense: its first auxiliary, else the verb."""
    auxes = sorted(
        (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i),
        key=lambda c: c.i,
    )
    if any(a.tag_ == "TO" or _low(a) == "to" for a in auxes):
        return None
    return auxes[0] if auxes else verb


def _verb_fix(num: str, fin: Tok, verb: Tok) -> tuple[str, bool] | None:
    """(the form that agrees, sure) when the finite word disagrees with the number."""
    w = _low(fin)
    if w in MODALS or fin.tag_ == "MD" or w in {"'s", "'re", "'m", "ai", "'ve", "'d"}:
        return None
    if num == "i":
        if w in {"is", "are"}:
            return "am", True
        if w in {"has", "does"}:
            return {"has": "have", "does": "do"}[w], True
        if w in {"isn't", "doesn't", "hasn't"}:
            return {"isn't": "am not", "doesn't": "don't", "hasn't": "haven't"}[w], True
        num = "pl"  # otherwise 'I' takes the plural form ('I go', 'I have')
        if w in BE_HAVE_DO_SG or w in {"was", "wasn't"}:
            return None  # 'I was'
    if num == "sg" and w in BE_HAVE_DO_PL:
        return BE_HAVE_DO_PL[w], True
    if num == "pl" and w in BE_HAVE_DO_SG:
        return BE_HAVE_DO_SG[w], True
    if w in BE_HAVE_DO_SG or w in BE_HAVE_DO_PL or w in {"am", "be", "been", "being"}:
        return None
    if fin is not verb or (not fin.text.islower() and fin.i != fin.sent.start):
        return None
    tg = morph.tags(w)
    base = morph.base_verb(w)
    if not base or not tg & {"VB", "VBP", "VBZ"}:
        return None
    if "VBD" in tg:
        return None  # 'put', 'cut', 'read': past forms too
    if num == "sg" and base == w:
        fix = morph.inflect(base, "VBZ")
        return (fix, True) if fix and fix != w else None
    if num == "pl" and w.endswith("s") and base != w and morph.inflect(base, "VBZ") == w:
        return base, True
    return None


def _agreement_subject(verb: Tok) -> tuple[str, Tok] | None:
    subjects = _children(verb, "nsubj", "nsubjpass")
    expl = _children(verb, "expl")
    if expl and not subjects:
        # 'There was real rockets': the real subject follows the verb
        if _low(verb) not in {"is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't"}:
            return None
        attrs = [c for c in verb.children if c.dep_ in ("attr", "nsubj") and c.i > verb.i]
        if (
            len(attrs) != 1
            or attrs[0].tag_ not in ("NN", "NNS")
            or {_low(c) for c in _children(attrs[0], "cc")} & {"or", "nor"}
        ):
            return None  # 'there is one or two sellers': no guess
        found = _subject_number(attrs[0])
        if found and found[0] == "sg" and _low(verb) in {"are", "were", "aren't", "weren't"}:
            return None  # 'there are a dog and a cat' / parse slips: only plural after 'is'
        return found
    if len(subjects) != 1:
        return None
    subj = subjects[0]
    w = _low(subj)
    if w in {"who", "that", "which"} and verb.dep_ == "relcl":
        ante = verb.head
        fin = _finite(verb)
        singular_be = fin is not None and _low(fin) in {"is", "was", "has"}
        plural_verb = fin is not None and fin.tag_ == "VBP" and _low(fin) != "am"
        if w == "which" and (singular_be or (subj.doc[subj.i - 1].text == "," and not plural_verb)):
            # '(,) which is very important': 'which' may stand for the clause (and then the
            # verb is singular too, so ', which include' is wrong either way)
            return None
        nxt = subj.doc[verb.i + 1] if verb.i + 1 < len(subj.doc) else None
        if (
            w == "that"
            and singular_be
            and nxt is not None
            and (nxt.tag_ in ("WRB", "WP", "DT") or _low(nxt) in {"because", "why", "what"})
        ):
            return None  # 'our houses that is why ...': the pronoun 'that', not a relative
        if ante.dep_ == "pobj" and _low(ante.head) == "of" and ante.head.head.tag_ == "CD":
            return None  # 'one of the actors, who was ...'
        outer = ante.head.head if ante.dep_ == "pobj" else None
        if outer is not None and outer.tag_ in ("NN", "NNS") and outer.tag_ != ante.tag_:
            return None  # 'signs above every bin which explain': either noun may be meant

        if (
            ante.tag_ not in ("NN", "NNS", "NNP")
            or _children(ante, "conj")
            or any(
                _low(c) == "one" or (_low(c) == "only" and ante.tag_ == "NNS")
                for c in ante.subtree
                if c.i < ante.i
            )
        ):
            return None  # 'one of the people who ...': either number is heard
        return _subject_number(ante)
    if subj.tag_ in ("WP", "WDT") or any(_low(t) in {"what", "whatever"} for t in subj.subtree):
        return None  # 'what I hope is ...': a clause as the subject
    if any(t.text == "," for t in subj.doc[subj.right_edge.i + 1 : verb.i]):
        return None  # 'Tina, guess who ...', 'Now Kim, tell me': a name called, then a command
    before = subj.left_edge.i - 1
    if before >= 0 and subj.doc[before].tag_.startswith("VB") and subj.tag_ != "PRP":
        return None  # 'made the switch have solved': the parser took an object for a subject
    return _subject_number(subj)


def rule_agreement(sent: Sentence, doc: Document) -> list[Note]:
    parsed = sent.parse
    if parsed is None or any(t.text in QUOTES for t in parsed):
        return []
    out: list[Note] = []
    for verb in parsed:
        if not _verbal(verb) and not (
            # 'My uncle work/NN for ...', 'The festival last/JJ three days': the slip makes
            # the tagger miss the verb, but the parse still gives it a subject
            verb.dep_ in ("ROOT", "conj")
            and _children(verb, "nsubj")
            and morph.lemmas(_low(verb), "VERB")
        ):
            continue
        if verb.dep_ in ("aux", "auxpass"):
            continue
        found = _agreement_subject(verb)
        if found is None:
            continue
        num, head = found
        fin = _finite(verb)
        if fin is None:
            continue
        subj_toks = _children(verb, "nsubj", "nsubjpass")
        # a bare infinitive after 'see/let/make him', or a subjunctive after 'suggest that'
        top = verb  # '... recommend that the centre install X and that the town extend Y'
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        if top.dep_ in ("ccomp", "xcomp") and fin is verb and num != "pl":
            gov = top.head
            if _lemma(gov) in _BARE_INF_HEADS or _low(gov) in _BARE_INF_HEADS:
                continue
            if _low(gov).endswith("ed") and _low(gov)[:-1] in _BARE_INF_HEADS:
                continue  # 'maked it look easy': the head's own slip hides its lemma
            if _lemma(gov) in _SUBJUNCTIVE_HEADS or _low(gov) in _SUBJUNCTIVE_HEADS:
                continue
        if subj_toks and _low(subj_toks[0]) in {"him", "her", "them", "me", "us"}:
            continue
        marks = {_low(c) for c in verb.children if c.dep_ == "mark"}
        if (
            "that" in marks
            and fin is verb
            and verb.tag_ in ("VB", "VBP")
            and any(_lemma(t) in _SUBJUNCTIVE_HEADS for t in parsed[: verb.i])
        ):
            continue  # 'we recommend ... and that the township extend ...'
        if _low(fin) in {"were", "weren't"} and (marks & {"if", "as", "though"} or num == "i"):
            continue  # 'if it were', 'as it were'
        if fin.i > 0 and _low(parsed[fin.i - 1]) in {"to", "not"} and fin is verb:
            continue
        fix = _verb_fix(num, fin, verb)
        if fix is None:
            continue
        form, _sure = fix
        start, end = _offsets(sent, fin)
        other = None  # the subject's other number
        if head.tag_ == "NN" and num == "sg" and _low(head) not in INDEFINITE_SG:
            other = morph.inflect(_low(head), "NNS")
        elif head.tag_ == "NNS" and num == "pl" and _low(head) not in IRREGULAR_PLURALS:
            lems = morph.lemmas(_low(head), "NOUN")
            other = lems[0] if lems and lems[0] != _low(head) else None
        if other and fin.i == head.i + 1 and not _children(head, "nummod"):
            # 'some concert hall were': either word may be the slip, so the message names
            # both fixes; the note marks the verb (on FCE train, marking both words as well
            # left its tokens right 0.69 of the time against 0.79 for the verb alone)
            out.append(
                note(
                    (start, end),
                    "grammar",
                    f"'{head.text}' and '{fin.text}' do not agree: write "
                    f"'{head.text} {form}' or '{match_case(head.text, other)} {fin.text}'.",
                    [match_case(fin.text, form)],
                    "agreement",
                )
            )
            continue
        out.append(
            note(
                (start, end),
                "grammar",
                f"The verb should agree with its subject '{head.text}'.",
                [match_case(fin.text, form)],
                "agreement",
            )
        )
    return out


# ------------------------------------------------------------------ comma splices

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl")
# adverbs that may stand between the comma and the second clause's subject
_SPLICE_ADVERBS = frozenset({"also", "now", "still", "however", "therefore", "then"})
_REPORTING = frozenset(
    {"think", "believe", "guess", "suppose", "know", "say", "hope", "mean", "see", "agree"}
    | {"feel", "fear", "admit", "imagine", "reckon", "understand", "tell", "promise", "bet"}
    | {"swear", "remember", "expect", "assume", "wonder", "ask", "add", "explain", "reply"}
)
_SAYING = frozenset({"say", "tell", "ask", "reply", "answer", "shout", "whisper"})
_SUBORDINATE_OPENERS = SUBORDINATORS | {"where", "even", "who", "which"}
_SPLICE_MESSAGE = (
    "This comma joins two sentences (a comma splice). Use a full stop ('{stop}'), or join "
    "them with a word such as 'and', 'but', 'so' or 'because' ('{joined}')."
)


def _lemma(tok: Tok) -> str:
    return morph.base_verb(_low(tok)) or _low(tok)


def _clause_head(verb: Tok) -> bool:
    """A finite clause with a subject of its own and no word that makes it subordinate."""
    if not _children(verb, *_SUBJECT_DEPS):
        return False
    fin = _finite(verb)
    if fin is None or fin.tag_ in ("VBG", "VBN", "TO"):
        return False
    if (
        fin is verb
        and fin.tag_ == "VB"
        and (_lemma(verb.head) in _BARE_INF_HEADS or verb.dep_ in ("xcomp", "advcl"))
    ):
        return False  # 'let me stay', 'made them cry': no finite verb
    return not any(
        c.dep_ == "mark" or (c.tag_ in ("WRB", "WDT", "WP") and c.i < verb.i) for c in verb.children
    )


# linking words set off by commas between two sentences ('..., however, they do not ...',
# '..., in fact, he laughed'): the splice is at the comma before them
_LINKS_BETWEEN = ("however", "therefore", "nevertheless", "otherwise", "instead", "in fact")


def _comma_before_link(parsed: Tok, k: int) -> int:
    for link in _LINKS_BETWEEN:
        n = len(link.split())
        j = k - n - 1
        if (
            j >= 1
            and parsed[j].text == ","
            and " ".join(_low(t) for t in parsed[j + 1 : k]) == link
        ):
            return j
    return k


def _left_clause(b: Tok, comma: int) -> Tok | None:
    """The clause before the comma that the clause after it is joined to."""
    if b.dep_ in ("conj", "ccomp", "parataxis", "advcl") and b.head.i < comma:
        return b.head
    if b.dep_ == "ROOT":
        # an 'advcl' with a subject and a finite verb but no 'when' / 'because' (checked by
        # the caller's _clause_head) is a sentence the parser hung on the next one
        before = [
            c
            for c in b.children
            if c.dep_ in ("ccomp", "parataxis", "conj", "advcl")
            and c.i < comma
            and c.right_edge.i == comma - 1
        ]
        if len(before) == 1:
            return before[0]
    return None


def _opening_comma(b: Tok, subj: Tok) -> int | None:
    """The comma just before clause b's own words (its subject, or a linking adverb or a
    prepositional phrase and then its subject: ', in my country we had ...'), or None."""
    doc = b.doc
    k = subj.left_edge.i - 1
    while k >= 1 and doc[k].text != ",":
        # a word of an adverb or a prepositional phrase hanging on b, before the subject
        top = doc[k]
        while top.head != b and top.head != top and top.i != b.i:
            top = top.head
        if top.head != b or top.dep_ not in ("advmod", "prep", "npadvmod"):
            return None
        if top.tag_ in ("WRB", "CC", "IN") and top.dep_ != "prep":
            return None
        if top.dep_ == "advmod" and _low(top) not in _SPLICE_ADVERBS:
            return None
        k -= 1
    return k if k >= 1 else None


_LEADS_IN_ADJ = frozenset(
    {"sorry", "sure", "afraid", "honest", "glad", "certain", "true", "course", "fact"}
)
_LEAD_INS = frozenset({"and", "but", "so", "then", "also", "now", "yet", "or"})
_LEFT_DEPS = ("ROOT", "conj", "ccomp", "parataxis", "advcl")
# a time phrase that names its own time ('The next morning we went ...') cannot be the head
# of a clause without 'that' ('The day I left, ...')
_DEFINITE_TIME = frozenset({"next", "following", "previous", "same"})


# a phrase set off by two commas inside a clause, which the clause's words run across
_ASIDES = frozenset(
    {"for example", "for instance", "however", "of course", "in fact", "though", "too"}
    | {"therefore", "in my opinion", "in my view", "as a result", "in particular"}
)


def _aside_before(doc: Tok, j: int) -> int | None:
    """Where the words before an aside start when the comma at j closes one ('My uncle, for
    example, owns'): the comma that opens it must follow a word of the clause, not start the
    sentence ('For example, ...' is an opening phrase)."""
    for i in range(j - 1, max(j - 5, 0), -1):
        if doc[i].text == ",":
            phrase = " ".join(_low(t) for t in doc[i + 1 : j])
            if phrase in _ASIDES and i > 0 and doc[i - 1].text not in {",", ";", ":"}:
                prev = max((m + 1 for m in range(i) if doc[m].text in {",", ";", ":"}), default=0)
                return prev
            return None
    return None


def _left_span_start(doc: Tok, k: int) -> int | None:
    """Where the words before the comma at k start (after the previous comma, semicolon or
    the sentence's start), or None when they hold a subordinating word ('when', 'because',
    'once': an introductory clause, not a sentence of its own)."""
    start = 0
    for j in range(k - 1, -1, -1):
        if doc[j].text in {",", ";", ":"}:
            # past an aside ('My uncle, for example, owns ...') to the words before it
            aside = _aside_before(doc, j)
            start = j + 1 if aside is None else aside
            break
    if any(
        _low(t) in _SUBORDINATE_OPENERS - {"so", "than"} and t.dep_ != "prep" for t in doc[start:k]
    ):
        return None  # ('After the first episode I was hooked': 'after' is a preposition)
    return start


def _starts_with_subject(a: Tok, start: int, k: int) -> bool:
    """The words before the comma open with the subject of clause a (or of a clause joined
    to it by 'and' / 'but'), after a leading 'and' or a short phrase of time or place with
    no verb in it ('In my school the uniform is ...'); not 'On the night a mob gathers ...'."""
    doc = a.doc
    while start < len(doc) - 1 and _low(doc[start]) in _LEAD_INS:
        start += 1
    lead = doc[start]
    while lead.head.i != lead.i and not _verbal(lead.head) and lead.head.i < k:
        lead = lead.head  # 'Last' -> 'year' in 'Last year I worked ...'
    if lead.dep_ in ("prep", "npadvmod", "advmod") and _verbal(lead.head):
        span = list(lead.subtree)
        if any(_verbal(t) for t in span) or span[0].i != start:
            return False
        if (
            any(t.dep_ in ("pobj", "npadvmod") and _low(t) in TIME_NOUNS for t in span)
            and any(_low(t) in {"the", "that", "every", "each", "any"} for t in span)
            and not any(_low(t) in _DEFINITE_TIME for t in span)
        ):
            return False  # 'On the night (that) a mob gathers', 'Every time he ...': a clause
        start = span[-1].i + 1
        if start < len(doc) and doc[start].text == ",":
            start += 1
    first = doc[start]
    if not (
        morph.is_known(_low(first))
        or first.tag_ in ("PRP", "DT", "PRP$")
        or (first.tag_ == "NNP" and first.i > 0)  # 'Luckily, Marco wasn't ...': a name
    ):
        return False  # 'Becuase the bus was late, we ...': a misspelt word may be a 'because'
    verbs = [a, *(c for c in a.children if c.dep_ == "conj" and c.i < k)]
    return any(
        s.left_edge.i == start and s.i < k and s.text[:1].isalpha()
        for v in verbs
        if v.i >= start and _clause_head(v)
        for s in _children(v, *_SUBJECT_DEPS)
    )


def rule_comma_splice_parse(sent: Sentence, doc: Document) -> list[Note]:
    parsed = sent.parse
    if parsed is None or any(t.text in QUOTES for t in parsed):
        return []
    found: list[tuple[Tok, Tok, Tok, Tok]] = []
    starts = 0  # clauses that open after a comma
    for b in parsed:
        subjects = _children(b, *_SUBJECT_DEPS)
        if len(subjects) != 1 or not _clause_head(b):
            continue
        subj = subjects[0]
        k = _opening_comma(b, subj)
        if k is None:
            continue
        k = _comma_before_link(parsed, k)  # 'to cycle, however, they do not ...'
        prev = max((j + 1 for j in range(k) if parsed[j].text in {",", ";"}), default=0)
        if any(_clause_head(t) for t in parsed[prev:k]):
            starts += 1  # a clause before this comma, and one after it
        a = _left_clause(b, k)
        if a is None or not _clause_head(a) or a.dep_ not in _LEFT_DEPS:
            continue
        start = _left_span_start(parsed, k)
        if start is None or k - start < 3 or not _starts_with_subject(a, start, k):
            continue
        if _low(parsed[start]) == "the" and parsed[start + 1].tag_ in ("JJR", "RBR"):
            continue  # 'the more you read, the better you write'
        if any(t.text in {";", ":", "(", ")", "-", "–"} for t in parsed[start:k]):
            continue
        # the clause after the comma: its words up to the end or the next comma
        end = b.right_edge.i
        right = [t for t in parsed[k + 1 : end + 1] if not t.is_punct]
        if len(right) < 3 or (parsed[-1].text == "?" and len(right) <= 3):
            continue  # '..., isn't it?'
        if len(right) <= 5 and {_low(t) for t in right} & {
            "sure",
            "certain",
            "afraid",
            "convinced",
        }:
            continue  # a closing comment: '..., I am sure of it.'
        if _lemma(b) in _REPORTING and (
            len(right) <= 3 or (b.i + 1 < len(parsed) and parsed[b.i + 1].is_punct)
        ):
            continue  # '..., I think.' / '..., I think, ...'
        if _low(parsed[k - 1]) in _LEADS_IN_ADJ:
            continue  # 'I am sorry, I have not written'
        if {_low(c) for c in _children(b, "cc")} & {"and", "or"} and any(
            c.dep_ == "conj" and _verbal(c) and _children(c, *_SUBJECT_DEPS) for c in b.children
        ):
            continue  # 'My father cooks, my mother cleans and I tidy up': a list of clauses
        if _low(parsed[k + 1]) in {"so", "yet"}:
            continue  # ', so successful collisions occur': 'so' joins the clauses
        if any(
            t.tag_ in ("WDT", "WP", "WP$") and (t.i == k + 1 or t.dep_ == "pobj" or t.tag_ == "WP$")
            for t in parsed[k + 1 : subj.right_edge.i + 1]
        ):
            continue  # ', most of which arrive', ', whose sea walls have': a relative clause
        if "NNS" in morph.tags(_low(b)) and any(c.dep_ in ("relcl", "acl") for c in subj.children):
            continue  # 'chlorophyll, the pigment that gives leaves their colour': a noun
        fin_b = _finite(b)
        if (
            fin_b is b
            and subj.tag_ == "NN"
            and not _children(subj, "det", "poss")
            and morph.tags(_low(b)) & {"NNS"}
        ):
            continue  # 'fashions, sport wears, make up': a list of nouns, not a clause
        if _lemma(a) in _REPORTING and (a.right_edge.i <= a.i + 1 or k - a.i <= 2):
            continue  # 'I must say, it was ...'
        if any(
            t.tag_.startswith("VB") and _lemma(t) in _SAYING for t in parsed[max(start, k - 3) : k]
        ):
            continue  # 'I would like to say Thanks, I never ...': words as said
        found.append((a, b, parsed[k], parsed[k + 1]))
    if (
        len(found) >= 2
        or starts >= 2
        or (
            found
            and any(
                t.text == "," and _low(t.nbor()) in {"and", "or"}
                for t in parsed[found[-1][3].i : -1]
            )
        )
    ):
        return []  # a list of clauses ('I had a cold, I had forgotten my costume, I had ...')
    if not found and starts == 0:
        found = _pronoun_splice(parsed)
    out = []
    for _a, _b, comma, nxt in found:
        word = str(nxt.text)
        # the note marks the comma (where examiners mark a splice); a full stop is offered as
        # a replacement only when the next word needs no capital ('I', a name)
        sugg = [", and"] + (["."] if word[:1].isupper() else [])
        cap = word[:1].upper() + word[1:]
        out.append(
            note(
                _offsets(sent, comma),
                "punctuation",
                _SPLICE_MESSAGE.format(stop=f". {cap}", joined=f", and {word}"),
                sugg,
                "comma-splice-parse",
            )
        )
    return out


# the words after which a clause's comma may only end an opening phrase or a dependent
# clause, or start a list: if one stands before the comma, the pronoun rule stays quiet
_NOT_MAIN = SUBORDINATORS | {"who", "which", "that", "where", "whose", "whom", "what", "how"}
_NOT_MAIN |= {"and", "or", "but", "yes", "no", "well", "however", "also", "then"}
_SPLICE_PRONOUNS = frozenset({"i", "he", "she", "we", "they", "it", "this", "you"})
_FINITE_TAGS = ("VBP", "VBZ", "VBD", "MD")
# adverbs that may stand between the comma and the second clause's subject
_LEAD_ADVERBS = frozenset({"also", "then", "now", "sometimes", "still", "however"})
_SPLICE_DETS = frozenset({"this", "that", "these", "those", "the", "my", "our", "his", "her"})
_SPLICE_DETS |= {"their", "its", "your", "some", "many", "most", "every"}


def _joins_subjects(left: Any, i: int) -> bool:
    """'and' between a noun and a subject pronoun ('my cousin and I walked'): two people
    as one subject, not a list of clauses."""
    return (
        _low(left[i]) == "and"
        and 0 < i < len(left) - 1
        and left[i - 1].tag_ in ("NN", "NNP")
        and _low(left[i + 1]) in {"i", "he", "she", "we", "they"}
    )


def _pronoun_splice(parsed: Tok) -> list[tuple[Tok, Tok, Tok, Tok]]:
    """A comma splice read from the words' tags where the parse of the first clause went
    astray ('Many animals in zoos show/compound signs of stress, they walk ...'): one comma,
    a subject pronoun and a finite verb after it, and before it a clause that opens with
    its subject (a determiner, noun or pronoun first), has a finite verb of its own and no
    word that would make it dependent, a list or an opening phrase."""
    commas = [t.i for t in parsed if t.text == ","]
    if len(commas) != 1:
        return []
    k = commas[0]
    if k < 3 or k + 3 >= len(parsed):
        return []
    lead = 1 if _low(parsed[k + 1]) in _LEAD_ADVERBS else 0  # ', also they stop ...'
    if k + 3 + lead >= len(parsed):
        return []
    subj, verb = parsed[k + 1 + lead], parsed[k + 2 + lead]
    if lead and (_low(subj) not in _SPLICE_PRONOUNS or _low(subj) == "this"):
        return []
    if _low(subj) not in _SPLICE_PRONOUNS:
        # or a noun phrase as the subject: 'this system works', 'shops could work',
        # 'Jake gave' (a determiner, up to two describing words, then the noun)
        j = k + 1
        if _low(parsed[j]) in _SPLICE_DETS:
            j += 1
        while (
            j < len(parsed) - 1
            and j <= k + 4
            and parsed[j].tag_ in ("JJ", "NN")
            and (parsed[j + 1].tag_ in ("NN", "NNS", "JJ"))
        ):
            j += 1
        if j + 1 >= len(parsed) or parsed[j].tag_ not in ("NN", "NNS", "NNP"):
            return []
        if parsed[j].tag_ == "NNP" and j != k + 1:
            return []
        subj, verb = parsed[j], parsed[j + 1]
        if subj.dep_ not in ("nsubj", "nsubjpass") or subj.head.i != verb.i:
            return []  # the parse must agree that the noun is the verb's subject
    if verb.tag_ not in _FINITE_TAGS:
        return []
    if _low(parsed[k + 1 + lead]) == "this" and verb.tag_ not in ("VBZ", "MD"):
        return []
    if _lemma(verb) in _REPORTING or _low(parsed[k - 1]) in _LEADS_IN_ADJ:
        return []  # '..., I think', 'I am sorry, I ...'
    right = [t for t in parsed[k + 1 + lead :] if not t.is_punct]
    if len(right) < 3 or parsed[-1].text == "?":
        return []
    left = parsed[:k]
    first = left[0]
    if first.tag_ not in ("DT", "PRP", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "CD", "EX"):
        return []  # 'In the end, ...', 'After dinner, ...', 'Yesterday, ...'
    if any(
        (_low(t) in _NOT_MAIN and not _joins_subjects(left, t.i)) or t.tag_ in ("WDT", "WP", "WRB")
        for t in left
    ):
        return []
    if any(t.text in QUOTES or t.text in {";", ":", "(", ")", "-"} for t in parsed):
        return []
    if not any(t.tag_ in _FINITE_TAGS for t in left[1:]):
        return []
    return [(left[0], verb, parsed[k], parsed[k + 1])]


_RUN_ON_SUBJECTS = frozenset({"i", "we", "he", "she", "they", "it"})
_CLAUSE_VERBS = frozenset({"make", "find", "show", "prove", "notice", "realise", "realize"})
# describing words that take a clause after them ('glad I came', 'sure we will')
_CLAUSE_ADJ = frozenset(
    {"glad", "sure", "afraid", "happy", "sorry", "certain", "aware", "proud", "lucky"}
    | {"pleased", "worried", "convinced", "confident", "sad", "surprised", "amazed", "well"}
    | {"thankful", "grateful", "disappointed", "shocked", "relieved", "scared", "angry"}
)


def rule_joined_past(sent: Sentence, doc: Document) -> list[Note]:
    """'We left at seven and travel to London': a plain verb joined by 'and' to a past one,
    sharing its subject, is past too."""
    parsed = sent.parse
    if parsed is None:
        return []
    out = []
    for tok in parsed:
        head = tok.head
        w = _low(tok)
        if tok.dep_ != "conj" or tok.tag_ not in ("VB", "VBP") or head.tag_ != "VBD":
            continue
        if not tok.text.islower() or tok.i <= head.i or morph.base_verb(w) != w:
            continue
        after = parsed[tok.i + 1] if tok.i + 1 < len(parsed) else None
        if after is not None and after.tag_ in ("NN", "NNS") and "NN" in morph.tags(w):
            continue  # 'the egg and spoon race': a noun before a noun
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
            continue
        if any(c.dep_ in ("aux", "auxpass") for c in head.children):
            continue  # 'had left and ...': not a simple past
        if any(t.tag_ == "TO" for t in parsed[head.i : tok.i]):
            continue  # 'asked me to attend, survey students and report': infinitives
        cc = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < tok.i]
        if not cc or _low(cc[-1]) != "and" or cc[-1].i != tok.i - 1:
            continue
        past = morph.inflect(w, "VBD")
        if not past or past == w:
            continue
        out.append(
            note(
                _offsets(sent, tok),
                "grammar",
                f"'{head.text}' tells this in the past, so the verb joined to it is past too: "
                f"'{past}'.",
                [past],
                "joined-past",
            )
        )
    return out


def rule_run_on_parse(sent: Sentence, doc: Document) -> list[Note]:
    """Two sentences with nothing between them, where the first ends on a describing word or
    a clock time and the second starts with its subject pronoun ('It is warm and sunny it is
    the perfect time', 'at four o'clock we finally got back'); not after a clause that
    'when', 'although' or 'if' makes dependent ('Although it was cold we went out')."""
    parsed = sent.parse
    if parsed is None or any(t.text in QUOTES for t in parsed):
        return []
    out = []
    for p in parsed[2:]:
        q = parsed[p.i - 1]
        if _low(p) not in _RUN_ON_SUBJECTS or p.dep_ != "nsubj":
            continue
        if not (q.tag_ == "JJ" or _low(q) == "o'clock") or not q.text.islower():
            continue
        if _low(q) in _CLAUSE_ADJ or (not p.text.islower() and _low(p) != "i"):
            continue  # 'I am glad I won': the clause is what the describing word takes
        v, h = p.head, q.head
        # a 'ccomp' of a verb that takes no clause ('is ... sunny it is') is a second sentence
        joined = v.dep_ in ("ROOT", "parataxis", "conj") or (
            v.dep_ == "ccomp" and _lemma(v.head) not in _REPORTING | _CLAUSE_VERBS
        )
        if not joined or v.head.i == q.i:
            continue  # 'nothing important I did': a clause hung on a word before
        while h.dep_ not in ("ROOT", "conj", "ccomp", "advcl", "parataxis") and h.head.i != h.i:
            h = h.head  # from the describing word up to the verb of its clause
        if h.i >= p.i or v.i <= p.i or v.left_edge.i != p.i or h.i == v.i:
            continue
        if not (_clause_head(v) and _clause_head(h)):
            continue
        if any(_low(t) in SUBORDINATORS or t.tag_ in ("WDT", "WP", "WRB") for t in parsed[: p.i]):
            continue
        word = str(p.text)
        cap = word[:1].upper() + word[1:]
        out.append(
            note(
                _offsets(sent, p),
                "punctuation",
                "Two sentences run together here with nothing between them: end the first "
                f"with a full stop ('. {cap}') or join them with a word such as 'and' or 'so'.",
                [cap] if word != "I" else [],
                "run-on-parse",
            )
        )
    return out


# ------------------------------------------------------------------ a missing 'a'

# a singular noun with describing words and no determiner, as the object or complement of
# these verbs ('to be complete disappointment', 'is also good way') or after 'without'
_NP_TAKERS = frozenset({"be", "have", "find", "buy", "need", "want", "get", "become"})
_NP_TAKERS |= {"visit", "open", "choose", "see", "notice", "meet"}
# describing words that make a bare noun normal English ('took first place', 'was vice
# captain', 'became head coach', 'have enough time')
_RANK_WORDS = frozenset(
    {"first", "second", "third", "last", "next", "top", "sole", "joint", "vice", "head"}
    | {"chief", "main", "same", "own", "half", "whole", "enough", "more", "less", "most"}
    | {"further", "other", "such", "much", "little", "full", "free"}
)
# (a + an) pairs per unigram count on ngrams.py's scale above which a singular noun is one
# English counts with 'a' (disappointment 3.4, machine 2.0, way 1.6, idea 1.1); below it a
# noun goes bare as often (fun 0.9, space 0.8, president 0.7, work 0.14)
_A_SHARE = 1.0
_NOT_SUP = frozenset({"most", "least", "last", "next", "latest", "rest"})
_BARE_SUPERLATIVE = frozenset({"practice", "man", "friend", "regards", "wishes", "seller"})
_EVENT_NOUNS = frozenset({"day", "night", "week", "evening", "morning", "afternoon", "weekend"})
_EVENT_NOUNS |= {"year", "time", "term", "season"}
# counted nouns that still go bare in set phrases ('is common sense', 'have good reason',
# 'is top priority', 'was history')
_BARE_IN_PHRASES = frozenset({"sense", "reason", "priority", "success", "history", "place"})


def rule_missing_article_phrase(sent: Sentence, doc: Document) -> list[Note]:
    parsed = sent.parse
    if parsed is None:
        return []
    ng = counts()
    out = []
    for x in parsed:
        xl = _low(x)
        if x.tag_ != "NN" or not x.text.islower() or xl in UNCOUNTABLES or xl in _BARE_IN_PHRASES:
            continue
        if xl.endswith("s") or morph.tags(xl) & {"VBD", "VBN", "VBG", "IN"}:
            continue
        if any(c.dep_ in ("det", "poss", "nummod", "predet", "quantmod") for c in x.children):
            continue
        mods = [c for c in x.children if c.i < x.i]
        if xl in _EVENT_NOUNS:
            continue  # 'Last Friday was sports day': a day's name
        sup = [c for c in mods if c.tag_ == "JJS" and c.dep_ == "amod" and _low(c) not in _NOT_SUP]
        if any(c.tag_ == "JJS" for c in mods) and (not sup or xl in _BARE_SUPERLATIVE):
            continue  # 'was best man', 'most people': never 'a'
        first_mod = min((c.left_edge.i for c in mods), default=x.i)
        before = parsed[first_mod - 1] if first_mod > 0 else None
        if sup and (before is None or before.is_punct or before.tag_.startswith("VB")):
            # 'In my opinion, best solution is ...': a superlative needs 'the' (not 'the
            # point of loudest resonance', 'in shortest supply')
            start = _offsets(sent, parsed[min(c.left_edge.i for c in mods)])[0]
            word = str(parsed[min(c.left_edge.i for c in mods)].text)
            out.append(
                note(
                    (start, start),
                    "grammar",
                    f"A superlative like '{sup[0].text}' needs 'the' before it: 'the {word}'.",
                    [f"the {word}"],
                    "missing-the-superlative",
                )
            )
            continue
        if sup:
            continue
        if not mods or any(
            c.dep_ not in ("amod", "compound")
            or not c.text.islower()
            or _low(c) in _RANK_WORDS
            or not all(morph.is_known(_low(ch)) for ch in c.subtree)  # a misspelling first
            or any(ch.dep_ in ("det", "poss", "nummod") for ch in c.subtree)
            for c in mods
        ):
            continue
        if x.i + 1 < len(parsed) and parsed[x.i + 1].tag_ in ("NN", "NNS", "POS", "NNP"):
            continue
        head = x.head
        if x.dep_ == "pobj":
            # 'without washing machine'; not 'without apparent effort' (a set phrase)
            if _low(head) != "without" or any(c.dep_ != "compound" for c in mods):
                continue
        elif x.dep_ not in ("attr", "dobj", "oprd") or _lemma(head) not in _NP_TAKERS:
            continue
        uni = ng.unigram(xl)
        if uni < 2_000_000 or (ng.bigram("a", xl) + ng.bigram("an", xl)) < _A_SHARE * uni:
            continue
        first = min(c.left_edge.i for c in mods)
        if parsed[first].tag_ in ("DT", "PRP$", "CD"):
            continue
        start = _offsets(sent, parsed[first])[0]
        end = _offsets(sent, x)[1]
        phrase = sent.text[start - sent.start : end - sent.start]
        word = str(parsed[first].text)
        art = "an" if word[:1].lower() in "aeiou" else "a"
        # a mark where the word is missing, as the other missing-word rules make
        out.append(
            note(
                (start, start),
                "grammar",
                f"'{x.text}' is a word we count: it needs '{art}' (or 'the') here: "
                f"'{art} {phrase}'.",
                [f"{art} {word}"],
                "missing-article-phrase",
            )
        )
    return out


# ------------------------------------------------------------------ word forms

# how an adjective is made from a noun ('violence' -> 'violent', 'health' -> 'healthy'):
# (ending of the noun, ending of the adjective), tried in turn; a candidate counts only
# when the lexicon knows it as an adjective
_NOUN_TO_ADJ = (
    ("ibility", "ible"),
    ("ability", "able"),
    ("ivity", "ive"),
    ("osity", "ous"),
    ("arity", "ar"),
    ("iness", "y"),
    ("ness", ""),
    ("ence", "ent"),
    ("ance", "ant"),
    ("ety", "e"),
    ("ity", ""),
    ("ty", ""),
    ("y", ""),
    ("ion", "ive"),
    ("ion", "ional"),
    ("th", "thy"),
    ("y", "ic"),
    ("y", "iful"),
    ("e", "ous"),
    ("e", "ive"),
    ("e", "al"),
    ("e", "y"),
    ("er", "ry"),
    ("", "y"),
    ("", "ful"),
    ("", "ous"),
    ("", "able"),
    ("", "al"),
    ("", "ic"),
)
_ADJ_TO_NOUN = (
    ("ible", "ibility"),
    ("able", "ability"),
    ("ent", "ence"),
    ("ant", "ance"),
    ("thy", "th"),
    ("ous", "osity"),
    ("ive", "ion"),
    ("y", "iness"),
    ("", "ness"),
)
_DEGREE = frozenset({"very", "so", "too", "more", "really", "quite", "extremely", "most"})
_LINKING = frozenset(
    {"be", "become", "seem", "look", "feel", "sound", "smell", "taste", "appear", "get", "go"}
    | {"turn", "grow", "stay", "remain", "keep", "make", "find", "leave", "consider", "call"}
    | {"prove", "hold", "set", "come", "fall", "paint", "die", "marry", "arrive", "break"}
    | {"return", "sit", "stand", "lie", "wake", "live", "end", "run", "want", "like", "need"}
    | {"prefer", "think", "believe", "deem", "rate", "judge", "declare", "label", "eat", "serve"}
    | {"cut", "play", "have", "let", "see", "take", "buy", "sell", "wear", "start", "be"}
    | {"drive", "push"}  # 'the ads drive you crazy'
)
# adjectives that tell the subject's state, not the manner ('came home happy')
_STATE_ADJ = frozenset(
    {"happy", "sad", "angry", "alone", "alive", "tired", "hungry", "safe", "sick", "ill"}
    | {"asleep", "awake", "naked", "dead", "free", "rich", "poor", "drunk", "wet", "dry"}
    | {"full", "empty", "ready", "sure", "late", "early", "open", "close", "clear", "right"}
    | {"wrong", "tight", "loose", "straight", "fair", "flat", "quiet", "still", "busy"}
)


def _derive(word: str, table: tuple[tuple[str, str], ...], tag: str) -> str | None:
    """The commonest word made from ``word`` by the table that the lexicon knows as ``tag``."""
    found = []
    for old, new in table:
        if word.endswith(old) and len(word) - len(old) >= 3:
            cand = word[: len(word) - len(old)] + new
            if cand != word and tag in morph.tags(cand):
                found.append(cand)
    if not found:
        return None
    return max(found, key=lambda w: counts().unigram(w))


def _is_adj(w: str) -> bool:
    return bool(morph.lemmas(w, "ADJ"))


def _is_noun_sg(w: str) -> bool:
    return w in morph.lemmas(w, "NOUN")


def _form_note(sent: Sentence, tok: Tok, fix: str, msg: str, rule: str) -> Note:
    return note(_offsets(sent, tok), "grammar", msg, [match_case(tok.text, fix)], rule)


# subjects whose complement names a thing ('Another argument is comfort', 'The key is
# patience'): after them a noun is what the sentence needs
_NAMING_SUBJECTS = frozenset(
    {"argument", "reason", "factor", "point", "issue", "problem", "advantage", "benefit"}
    | {"concern", "priority", "answer", "key", "goal", "aim", "question", "difference"}
    | {"disadvantage", "drawback", "result", "secret", "solution", "value", "theme", "topic"}
)


def _names_a_thing(verb: Tok) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and _low(c) in _NAMING_SUBJECTS for c in verb.children
    )


def rule_word_form_parse(sent: Sentence, doc: Document) -> list[Note]:
    parsed = sent.parse
    if parsed is None or any(t.text in QUOTES for t in parsed):
        return []
    out: list[Note] = []
    for tok in parsed:
        w = _low(tok)
        if not w.isalpha() or not tok.text.islower():
            continue
        tg = morph.tags(w)
        prev = _low(parsed[tok.i - 1]) if tok.i > 0 else ""
        nxt = parsed[tok.i + 1] if tok.i + 1 < len(parsed) else None
        head = tok.head
        # 1. an adjective where an adverb tells how: 'the weather changed sudden', 'they are
        # easy influenced', 'we had done really good'
        if (
            _is_adj(w)
            and not morph.lemmas(w, "VERB")
            and not morph.lemmas(w, "NOUN")
            and "RB" not in tg
            and tok.dep_ in ("advmod", "oprd", "npadvmod")
            and head.tag_.startswith("VB")
            and _lemma(head) not in _LINKING
            and w not in _STATE_ADJ
            and not [c for c in tok.children if _low(c) not in _DEGREE]
            and (tok.i > head.i or (tok.i == head.i - 1 and head.tag_ in ("VBN", "VBG")))
            and (nxt is None or nxt.tag_ not in ("NN", "NNS", "JJ", "NNP"))
        ):
            adv = adverb_of(w)
            if adv:
                out.append(
                    _form_note(
                        sent,
                        tok,
                        adv,
                        f"This word tells how something is done: use the adverb '{adv}'.",
                        "word-form-adverb",
                    )
                )
                continue
        # 2. a noun where the sentence needs an adjective: 'games are very violence', 'cycling
        # is cheap and health', 'games can be addiction'
        if (
            _is_noun_sg(w)
            and not _is_adj(w)
            and not any(
                c.dep_ in ("det", "poss", "compound", "nummod", "relcl", "acl")
                or (c.dep_ == "amod" and _low(c) not in _DEGREE)
                or (c.dep_ == "prep" and _low(c) != "with")
                for c in tok.children
            )
            and (
                (tok.dep_ in ("attr", "acomp") and _lemma(head) in {"be", "become", "seem"})
                or (tok.dep_ == "conj" and head.tag_ == "JJ" and head.dep_ in ("acomp", "attr"))
            )
            and (nxt is None or nxt.tag_ not in ("NN", "NNS", "IN", "TO"))
            and not _names_a_thing(head)
        ):
            adj = _derive(w, _NOUN_TO_ADJ, "JJ")
            c = counts()
            coordinated = tok.dep_ == "conj"
            if adj and (coordinated or c.bigram(prev, adj) >= 3 * max(1, c.bigram(prev, w))):
                out.append(
                    _form_note(
                        sent,
                        tok,
                        adj,
                        f"The sentence needs an adjective here: '{adj}', not the noun.",
                        "word-form-noun-adj",
                    )
                )
                continue
        # 3. an adjective where a noun is needed: 'good for our healthy', 'it is our responsible'
        if (
            prev in {"my", "our", "his"}  # 'their happy to', 'your sure': they're, you're
            and _is_adj(w)
            and not morph.lemmas(w, "NOUN")
            and tok.tag_ == "JJ"
            and (nxt is None or _low(nxt) not in {",", "and", "or"})
            and (
                nxt is None
                or nxt.tag_ not in ("NN", "NNS", "NNP", "JJ", "CD", "VBG", "JJS", "HYPH")
            )
        ):
            noun = _derive(w, _ADJ_TO_NOUN, "NN")
            if noun:
                out.append(
                    _form_note(
                        sent,
                        tok,
                        noun,
                        f"After '{prev}' the sentence needs a noun: '{noun}'.",
                        "word-form-adj-noun",
                    )
                )
    return out


# where the phrase after a describing word ends ('speak three languages fluent before ...')
_PHRASE_END = frozenset(
    {".", ",", ";", "!", "?", "and", "but", "before", "after", "when", "because", "than"}
    | {"on", "at", "in", "with", "to", "for", "so", "if", "now", "today", "every", "all"}
)
# verbs after which 'good' says how well something was done ('we had done really good')
_DONE_WELL = frozenset(
    {"do", "play", "work", "perform", "sing", "write", "cook", "drive", "speak", "behave"}
    | {"manage", "treat", "dance", "swim", "run", "score", "sleep", "eat"}
)
# adverbs in -ly that say how likely, how often or how much, or that are adjectives
# themselves: after 'be' they are not a describing word gone wrong
_NOT_MANNER_LY = frozenset(
    {"only", "really", "actually", "probably", "certainly", "definitely", "clearly"}
    | {"obviously", "usually", "generally", "mostly", "mainly", "partly", "largely"}
    | {"simply", "nearly", "exactly", "entirely", "completely", "totally", "fully"}
    | {"extremely", "highly", "especially", "particularly", "currently", "recently"}
    | {"finally", "eventually", "suddenly", "immediately", "early", "likely", "unlikely"}
    | {"friendly", "lovely", "lonely", "ugly", "silly", "elderly", "lively", "costly"}
    | {"daily", "weekly", "monthly", "yearly", "deadly", "holy", "hourly", "orderly"}
    | {"chilly", "jolly", "curly", "oily", "hilly", "smelly", "kindly", "surely", "truly"}
    | {"fortunately", "unfortunately", "hopefully", "apparently", "seriously", "briefly"}
    | {"directly", "personally", "originally", "naturally", "exclusively", "strictly"}
    | {"initially", "previously", "properly", "slightly", "equally", "rarely", "badly"}
)
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"})


def _adjective_of(adverb: str) -> str | None:
    """'terribly' -> 'terrible', 'softly' -> 'soft', 'easily' -> 'easy'."""
    if not adverb.endswith("ly") or adverb in _NOT_MANNER_LY:
        return None
    stem = adverb[:-2]
    for cand in (stem + "le" if adverb.endswith("bly") else "", stem[:-1] + "y", stem):
        if cand and len(cand) > 2 and "JJ" in morph.tags(cand) and adverb_of(cand) == adverb:
            return cand
    return None


def _ends_phrase(parsed: Tok, i: int) -> bool:
    return i >= len(parsed) or _low(parsed[i]) in _PHRASE_END


def rule_adverb_adjective(sent: Sentence, doc: Document) -> list[Note]:
    """Describing words in the wrong form, read from the slot: 'use it responsible', 'speak
    three languages fluent', 'drives more careful than', 'are easy influenced', 'had done
    really good' (the adverb), and 'the park looks terribly', 'a bit dangerously' after
    'be' (the adjective)."""
    parsed = sent.parse
    if parsed is None or any(t.text in QUOTES for t in parsed):
        return []
    out: list[Note] = []
    for tok in parsed:
        w = _low(tok)
        if not w.isalpha() or not tok.text.islower():
            continue
        prev = parsed[tok.i - 1] if tok.i > 0 else None
        head = tok.head
        adv = adverb_of(w) if tok.tag_ in ("JJ", "RB") and "RB" not in morph.tags(w) else None
        if (
            adv is None
            and w in {"easy", "quick", "slow", "careful", "proper", "clear", "serious"}
            and tok.i + 1 < len(parsed)
            and parsed[tok.i + 1].tag_ == "VBN"
        ):
            adv = adverb_of(w)  # 'easy' is an adverb too, but not before a participle
        why = ""
        if adv and w not in _STATE_ADJ and not morph.lemmas(w, "VERB"):
            p = _low(prev) if prev is not None else ""
            if (
                prev is not None
                and (p in {"it", "them"} or (prev.tag_ == "NNS" and prev.dep_ == "dobj"))
                and prev.head.tag_.startswith("VB")
                and _lemma(prev.head) not in _LINKING
                and prev.head.i < prev.i
                and _ends_phrase(parsed, tok.i + 1)
            ):
                why = "after-object"  # 'use it responsible', 'speak languages fluent'
            elif (
                tok.dep_ == "acomp"
                and head.tag_.startswith("VB")
                and morph.lemmas(_low(head), "VERB")
                and _lemma(head) not in _LINKING
                and (tok.i + 1 >= len(parsed) or _low(parsed[tok.i + 1]) != "as")
                and any(_low(c) in _DEGREE for c in tok.children)
            ):
                why = "degree"  # 'she drives more careful than my father'
            elif (
                p in _BE_FORMS
                and tok.i + 1 < len(parsed)
                and parsed[tok.i + 1].tag_ == "VBN"
                and not morph.lemmas(w, "NOUN")
            ):
                why = "before-participle"  # 'young people are easy influenced'
        if why and adv:
            out.append(
                _form_note(
                    sent,
                    tok,
                    adv,
                    f"This word tells how something is done: use the adverb '{adv}'.",
                    "word-form-adverb-slot",
                )
            )
            continue
        if (
            w == "good"
            and tok.dep_ in ("advmod", "acomp", "oprd", "dobj")
            and _lemma(head) in _DONE_WELL
            and head.i < tok.i
            and all(_low(t) in _DEGREE for t in parsed[head.i + 1 : tok.i])
            and _ends_phrase(parsed, tok.i + 1)
            and not any(c.dep_ in ("det", "amod", "prep") for c in tok.children)
        ):
            out.append(
                _form_note(
                    sent, tok, "well", "To say how something was done, use 'well'.", "good-well"
                )
            )
            continue
        adj = _adjective_of(w)
        nxt_w = _low(parsed[tok.i + 1]) if tok.i + 1 < len(parsed) else "."
        # only where the phrase ends: before a clause ('it is precisely when ...') the -ly
        # word says something about that clause
        if adj and nxt_w in _PHRASE_END - SUBORDINATORS - {"than"}:
            j = tok.i - 1
            while j >= 0 and _low(parsed[j]) in _DEGREE | {"a", "bit", "little", "rather"}:
                j -= 1
            if j >= 0 and _low(parsed[j]) in _BE_FORMS | {"looks", "look", "looked", "seems"}:
                out.append(
                    _form_note(
                        sent,
                        tok,
                        adj,
                        f"After '{_low(parsed[j])}' the sentence describes the subject: use "
                        f"the adjective '{adj}'.",
                        "word-form-adjective-slot",
                    )
                )
    return out


_LAST_UNITS = frozenset(
    {"year", "month", "week", "summer", "winter", "spring", "autumn", "weekend", "night"}
    | {"term", "season", "august", "july", "june", "september", "october", "december"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_AGO_BEFORE = frozenset({"years", "months", "weeks", "days", "year", "month", "week", "day"})
_AGO_BEFORE |= {"hours", "minutes", "decades", "centuries", "time", "while"}


_MARKER_WORDS = _AGO_BEFORE | {"last", "a", "an", "few", "several", "many", "some", "one"}


def _past_marker(parsed: Tok, tok: Tok) -> bool:
    w = _low(tok)
    before = _low(parsed[tok.i - 1]) if tok.i else ""
    if w == "yesterday":
        return before not in {"than", "since", "from", "until", "like"}
    if w == "ago":
        return before in _AGO_BEFORE
    return w in _LAST_UNITS and before == "last"


def rule_past_time_parse(sent: Sentence, doc: Document) -> list[Note]:
    """A present tense or a present perfect whose clause names a finished time, read from
    the parse, whatever the subject: 'Last month our class go on a trip', 'My brother has
    moved to Milan two years ago' (forms.py reads the same with a pronoun subject)."""
    parsed = sent.parse
    if parsed is None or any(t.text in QUOTES for t in parsed):
        return []
    out: list[Note] = []
    for m in parsed:
        if not _past_marker(parsed, m):
            continue
        j = m.i - 1  # the word before the whole marker ('with 100 years ago', 'since last year')
        while j >= 0 and (parsed[j].tag_ == "CD" or _low(parsed[j]) in _MARKER_WORDS):
            j -= 1
        if j >= 0 and (parsed[j].tag_ in ("IN", "TO") or _low(parsed[j]) in {"than", "as"}):
            continue
        verb = m.head
        if verb.dep_ == "xcomp" and verb.head.tag_.startswith("VB"):
            verb = verb.head  # 'has started to recycle plastic two years ago'
        if not verb.tag_.startswith("VB") or not _children(verb, "nsubj", "nsubjpass"):
            continue
        auxes = _children(verb, "aux", "auxpass")
        if any(_low(a) in MODALS or a.tag_ == "MD" for a in auxes):
            continue
        if verb.dep_ in ("relcl", "advcl", "ccomp") and verb.i > m.i:
            continue  # 'Last year, the book that he writes ...': the time may be another clause's
        have = [a for a in auxes if _low(a) in {"has", "have", "'ve"}]
        if have and verb.tag_ == "VBN" and _low(verb) not in {"been", "had"}:
            aux = have[0]
            base = morph.base_verb(_low(verb))
            past = morph.inflect(base, "VBD") if base else None
            if past:
                out.append(
                    note(
                        (sent.start + aux.idx, sent.start + verb.idx + len(verb.text)),
                        "grammar",
                        f"'{m.text}' marks a finished time: use the past tense ('{past}'), "
                        f"not '{aux.text} {verb.text}'.",
                        [past],
                        "past-marker-perfect",
                    )
                )
            continue
        if auxes or not verb.text.islower():
            continue
        w = _low(verb)
        tags = morph.tags(w)
        if not tags & {"VBP", "VBZ"} or tags & {"VBD", "VBN", "MD"}:
            continue
        base = morph.base_verb(w)
        past = morph.inflect(base, "VBD") if base else None
        if past and past != w and w not in {"be", "am", "is", "are"}:
            out.append(
                note(
                    _offsets(sent, verb),
                    "grammar",
                    f"'{m.text}' is in the past, so use the past tense.",
                    [past],
                    "past-time",
                )
            )
    return out


RULES = (
    rule_agreement,
    rule_comma_splice_parse,
    rule_run_on_parse,
    rule_joined_past,
    rule_missing_article_phrase,
    rule_word_form_parse,
    rule_adverb_adjective,
    rule_past_time_parse,
)
