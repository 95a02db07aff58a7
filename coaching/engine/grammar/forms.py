"""Word forms (an adjective where an adverb belongs, a noun where an adjective belongs,
'-ed' and '-ing' feelings) and verb forms that depend on a nearby word (a past time
marker, 'since', 'make someone do', 'before doing', 'if ... will')."""

from __future__ import annotations

from .. import morph
from ..lexicon import CARDINALS, FEELING_ING, MODALS
from ..ngrams import counts
from ..notes import Note
from ..text import Document, Sentence, Token
from .common import (
    ALL_DETS,
    OBJECT_PRONOUNS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    adverb_of,
    is_noun,
    low,
    match_case,
    note,
)

_DEGREE = frozenset({"very", "so", "too", "really", "quite", "extremely", "more", "most"})
_BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "'m", "'re", "'s"})
_LINKING = _BE | {"seem", "seems", "seemed", "look", "looks", "looked", "feel", "feels", "felt"}
_LINKING |= {"become", "becomes", "became", "sound", "sounds", "sounded", "get", "got", "gets"}
# nouns that learners put where the adjective belongs ('very importance')
NOUN_TO_ADJ = {
    "importance": "important",
    "difference": "different",
    "danger": "dangerous",
    "health": "healthy",
    "comfort": "comfortable",
    "beauty": "beautiful",
    "success": "successful",
    "anger": "angry",
    "necessity": "necessary",
    "confidence": "confident",
    "patience": "patient",
    "silence": "silent",
    "happiness": "happy",
    "sadness": "sad",
    "luck": "lucky",
    "fame": "famous",
    "responsibility": "responsible",
    "pollution": "polluted",
    "dirt": "dirty",
    "help": "helpful",
    "use": "useful",
    "care": "careful",
    "power": "powerful",
    "peace": "peaceful",
    "wealth": "wealthy",
    "energy": "energetic",
    "expense": "expensive",
    "independence": "independent",
    "convenience": "convenient",
    "intelligence": "intelligent",
    "creativity": "creative",
    "popularity": "popular",
    "ability": "able",
    "possibility": "possible",
    "simplicity": "simple",
    "stress": "stressed",
    "fun": "funny",
}
# verbs whose '-ed' / '-ing' forms are feelings ('I was bored', 'it was boring')
FEELINGS = frozenset(
    {"bore", "excite", "interest", "tire", "surprise", "amaze", "annoy", "embarrass"}
    | {"disappoint", "frighten", "confuse", "satisfy", "shock", "relax", "worry", "exhaust"}
    | {"terrify", "depress", "thrill", "fascinate", "amuse", "scare", "please", "stress"}
)
_INTENSIFIER_ADJ = {
    "real": "really",
    "complete": "completely",
    "total": "totally",
    "extreme": "extremely",
    "incredible": "incredibly",
    "absolute": "absolutely",
    "terrible": "terribly",
    "awful": "awfully",
    "special": "specially",
    "surprising": "surprisingly",
    "amazing": "amazingly",
    "financial": "financially",
    "emotional": "emotionally",
    "physical": "physically",
    "mental": "mentally",
    "environmental": "environmentally",
}
# 'a real big problem': 'real' before an adjective is 'really' even after 'a'
_A_REAL = frozenset({("real", "a"), ("real", "an")})
_NOT_ADVERB_SLIP = frozenset(
    {"only", "really", "usually", "always", "certainly", "probably", "definitely", "actually"}
    | {"clearly", "obviously", "simply", "exactly", "nearly", "mostly", "finally", "also"}
    | {"largely", "entirely", "particularly", "especially", "generally", "hardly", "merely"}
    | {"truly", "totally", "likely", "early", "daily", "weekly", "monthly", "yearly", "only"}
    | {"completely", "fully", "partly", "mainly", "slightly", "highly", "quickly", "currently"}
)
_PERSONS = frozenset(
    {"i", "we", "you", "they", "he", "she", "people", "students", "children", "teenagers"}
)
_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", "and", "but", "when", "because", "so"})
_I_WE = frozenset({"i", "we"})
# prepositions an adjective takes after 'be' ('be careful with', 'be serious about')
_ADJ_PREPS = frozenset({"with", "about", "of"})


def _feeling(word: str) -> str | None:
    """The verb whose -ed/-ing form the word is, when it is a feeling verb."""
    for suffix in ("ing", "ed", "d"):
        if word.endswith(suffix):
            base = morph.base_verb(word)
            if base in FEELINGS:
                return base
    return None


def _adj_of_adverb(word: str) -> str | None:
    if not word.endswith("ly") or word in _NOT_ADVERB_SLIP:
        return None
    tg = morph.tags(word)
    if not tg or not tg <= {"RB", "RBR", "RBS"}:
        return None
    for cand in (word[:-2], word[:-2] + "e", word[:-3] + "y", word[:-1] + "e"[:0], word[:-2]):
        if cand and "JJ" in morph.tags(cand):
            return cand
    if word.endswith("ibly") or word.endswith("ably"):
        cand = word[:-1] + "e"
        if "JJ" in morph.tags(cand):
            return cand
    return None


def rule_word_form(sent: Sentence, doc: Document) -> list[Note]:
    toks = sent.tokens
    lows = [low(t) for t in toks]
    n = len(toks)
    out: list[Note] = []
    for i, w in enumerate(lows):
        tok = toks[i]
        prev = lows[i - 1] if i else ""
        nxt = lows[i + 1] if i + 1 < n else "."
        # 'very importance' -> 'very important'
        if prev in _DEGREE - {"more", "most"} and w in NOUN_TO_ADJ and nxt not in {"of"}:
            out.append(
                note(
                    tok,
                    "grammar",
                    f"After '{toks[i - 1].text}' use the adjective: '{NOUN_TO_ADJ[w]}'.",
                    [match_case(tok.text, NOUN_TO_ADJ[w])],
                    "word-form-noun",
                )
            )
            continue
        # 'I was very exciting' -> 'excited'; 'it was very annoyed' -> 'annoying'
        base = _feeling(w) if tok.text.islower() else None
        if base and i >= 2:
            j = i - 1
            while j > 0 and lows[j] in _DEGREE | {"not", "a", "bit", "so", "both", "all", "also"}:
                j -= 1
            if lows[j] in _LINKING and j >= 1:
                subj = lows[j - 1]
                if subj == "to":  # 'I was starting to feel really frightening'
                    subj = next(
                        (lows[m] for m in range(j - 2, max(j - 7, -1), -1) if lows[m] in _I_WE),
                        subj,
                    )
                ed = morph.inflect(base, "VBN")
                ing = morph.inflect(base, "VBG")
                if subj in {"i", "we"} and w == ing and ed:
                    out.append(
                        note(
                            tok,
                            "grammar",
                            f"For how you feel, use '{ed}'; '{w}' describes what causes it.",
                            [ed],
                            "word-form-ed-ing",
                        )
                    )
                    continue
                if (
                    subj in {"it", "this", "that", "which"}
                    and w == ed
                    and ing
                    and nxt in _CLAUSE_END
                ):
                    out.append(
                        note(
                            tok,
                            "grammar",
                            f"For what causes a feeling, use '{ing}'; '{w}' is how a person feels.",
                            [ing],
                            "word-form-ed-ing",
                        )
                    )
                    continue
            if (
                w == morph.inflect(base, "VBG")
                and nxt in {"in", "about"}
                and lows[j] in _BE
                and j >= 1
                and lows[j - 1] in _PERSONS  # 'the film was interesting in many ways' is right
            ):
                ed = morph.inflect(base, "VBN")
                if ed:
                    out.append(
                        note(
                            tok,
                            "grammar",
                            f"'{w} {nxt}' is how a person feels: '{ed} {nxt}'.",
                            [ed],
                            "word-form-ed-ing",
                        )
                    )
                    continue
        # 'very relax' -> 'relaxed' / 'relaxing'
        if (
            w in FEELINGS
            and (prev in _DEGREE or prev in _LINKING)
            and tok.text.islower()
            and "JJ" not in morph.tags(w)
        ):
            ed, ing = morph.inflect(w, "VBN"), morph.inflect(w, "VBG")
            out.append(
                note(
                    tok,
                    "grammar",
                    f"Here the word needs an adjective form: '{ed}' (how someone feels) or "
                    f"'{ing}' (what causes the feeling). Check which you mean.",
                    [],
                    "word-form-feeling",
                )
            )
            continue
        # 'real big' -> 'really big'
        if w in _INTENSIFIER_ADJ and i + 1 < n:
            tg = morph.tags(nxt)
            after = lows[i + 2] if i + 2 < n else "."
            if (
                tg
                # 'terrible loud,': a word that is an adverb too counts where the phrase ends
                and (tg <= {"JJ", "JJR"} or (tg <= {"JJ", "RB"} and after in _CLAUSE_END))
                and toks[i + 1].text.islower()
                and (prev not in ALL_DETS | {"very", "so", "quite", "more"} or (w, prev) in _A_REAL)
            ):
                adv = _INTENSIFIER_ADJ[w]
                out.append(
                    note(
                        tok,
                        "grammar",
                        f"Before an adjective use the adverb: '{adv} {nxt}'.",
                        [match_case(tok.text, adv)],
                        "word-form-adverb",
                    )
                )
                continue
        # 'the uniform is very cheaply.' -> 'cheap'
        adj = _adj_of_adverb(w)
        if adj and (
            nxt in _CLAUSE_END
            or (nxt in _ADJ_PREPS and counts().bigram(adj, nxt) > 3 * counts().bigram(w, nxt))
        ):
            j = i - 1
            while j > 0 and lows[j] in _DEGREE - {"more", "most"}:
                j -= 1
            if nxt in _ADJ_PREPS or lows[j] in {"more", "most"}:
                # 'been much more carefully with': only after a form of 'be'
                while j > 0 and lows[j] in _DEGREE | {"much", "even", "far"}:
                    j -= 1
                if lows[j] not in _BE:
                    j = -1
            if j >= 0 and lows[j] in _LINKING - {"get", "got", "gets"}:
                out.append(
                    note(
                        tok,
                        "grammar",
                        f"After '{toks[j].text}' use the adjective: '{adj}'.",
                        [match_case(tok.text, adj)],
                        "word-form-adjective",
                    )
                )
                continue
        manner = _MANNER.get(w)
        if manner and tok.text.islower() and _manner_slot(toks, lows, i):
            out.append(
                note(
                    tok,
                    "grammar",
                    f"To say how something is done, use the adverb: '{manner}'.",
                    [manner],
                    "word-form-manner",
                )
            )
            continue
        if w == "others" and prev == "each":
            out.append(note(tok, "grammar", "The phrase is 'each other'.", ["other"], "each-other"))
    return out


# adjectives learners use for how something is done ('speak English fluent'); their
# adverbs are words of manner only
_MANNER = {
    "kind": "kindly",
    "patient": "patiently",
    "gentle": "gently",
    "calm": "calmly",
    "quick": "quickly",
    "slow": "slowly",
    "fluent": "fluently",
    "careful": "carefully",
    "careless": "carelessly",
    "different": "differently",
    "bad": "badly",
    "proper": "properly",
    "correct": "correctly",
    "serious": "seriously",
    "polite": "politely",
    "regular": "regularly",
    "efficient": "efficiently",
    "independent": "independently",
    "beautiful": "beautifully",
    "successful": "successfully",
    "effective": "effectively",
    "good": "well",
}
# verbs after which an adjective describes the subject or the object, not the action
_NOT_MANNER_VERBS = frozenset(
    {"be", "become", "seem", "look", "feel", "sound", "smell", "taste", "appear", "get", "go"}
    | {"turn", "grow", "stay", "remain", "keep", "make", "find", "leave", "consider", "call"}
    | {"prove", "hold", "set", "come", "fall", "want", "need", "prefer", "like", "paint"}
    | {"take", "play", "do", "have", "let", "believe", "see", "eat", "serve", "cut"}
    | {"deem", "rate", "judge", "declare", "label", "feel", "die", "marry", "arrive", "break"}
)
_DEGREE_ADV = frozenset({"very", "so", "too", "really", "quite", "more", "pretty", "extremely"})
_AFTER_MANNER = _CLAUSE_END | {"!", "?", ";", "one", "every", "now", "today", "all"}
_INDEFINITES = frozenset(
    {"something", "anything", "nothing", "everything", "someone", "anyone", "somebody"}
    | {"anybody", "nobody", "everyone", "everybody", "none", "one", "ones", "way", "ways"}
)


def _action_verb(word: str) -> bool:
    tags = morph.tags(word)
    if not tags & {"VB", "VBP", "VBZ", "VBD", "VBG"} or tags & {"MD", "DT", "IN", "JJ"}:
        return False
    base = morph.base_verb(word) or word
    return base not in _NOT_MANNER_VERBS and word not in _BE and word not in _LINKING


def _verb_here(lows: list[str], j: int) -> bool:
    """An action verb at ``j``: a word that is only a verb, or one that follows a subject
    pronoun, 'to' or a modal ('I think', 'to share', 'can speak')."""
    if j < 0 or not _action_verb(lows[j]):
        return False
    return not is_noun(lows[j]) or (j >= 1 and lows[j - 1] in _BEFORE_VERB)


_BEFORE_VERB = SUBJECT_PRONOUNS | {"to", "can", "could", "will", "would", "should", "must"}


# adjectives that learners put where a degree adverb belongs ('complete different')
_DEGREE_ADJECTIVES = frozenset(
    {"complete", "total", "absolute", "real", "extreme", "incredible", "terrible", "awful"}
    | {"perfect", "entire", "true", "full", "extreme", "unbelievable", "surprising"}
)


def _manner_slot(toks: list[Token], lows: list[str], i: int) -> bool:
    """The adjective at ``i`` ends a clause after an action verb or the verb's object:
    'speak English fluent', 'share photos very quick', 'we think different'."""
    nxt = lows[i + 1] if i + 1 < len(lows) else "."
    if nxt not in _AFTER_MANNER:
        return False
    if nxt in {"and", "or"} and i + 2 < len(lows) and "JJ" in morph.tags(lows[i + 2]):
        return False  # 'good and bad': a pair of adjectives describes a noun
    if i > 0 and lows[i - 1] in _DEGREE_ADJECTIVES:
        return False  # 'was complete different': the slip is the word before (its own rule)
    j = i - 1
    while j >= 0 and lows[j] in _DEGREE_ADV:
        j -= 1
    if j < 0 or lows[j] in SUBJECT_PRONOUNS or lows[j] in ALL_DETS:
        return False
    if _verb_here(lows, j):
        return True
    # an object between: a pronoun, or a short noun phrase ('English', 'photos and news')
    if lows[j] in OBJECT_PRONOUNS | {"it"}:
        return _verb_here(lows, j - 1)
    if lows[j] in _INDEFINITES or "'" in lows[j]:
        return False
    proper = toks[j].text[:1].isupper() and toks[j].text.isalpha() and lows[j] != "i"
    if not is_noun(lows[j]) and not (proper and j > 0):
        return False
    k = j - 1
    while (
        k >= 0
        and j - k <= 4
        and not _verb_here(lows, k)
        and (lows[k] in ALL_DETS | {"and"} or is_noun(lows[k]) or morph.tags(lows[k]) == {"JJ"})
    ):
        if lows[k] in ALL_DETS:
            k -= 1
            break  # the noun phrase starts here
        k -= 1
    return _verb_here(lows, k)


_PAST_START = (
    ("last", "year"),
    ("last", "month"),
    ("last", "week"),
    ("last", "summer"),
    ("last", "winter"),
    ("last", "weekend"),
    ("last", "night"),
    ("last", "time"),
    ("last", "season"),
    ("yesterday",),
)
_NP_DETS = frozenset({"my", "our", "his", "her", "their", "the", "a", "your"})


def rule_verb_form(sent: Sentence, doc: Document) -> list[Note]:
    toks = sent.tokens
    lows = [low(t) for t in toks]
    n = len(toks)
    out: list[Note] = []
    # 'Last year my teacher show us ...' -> 'showed'
    for marker in _PAST_START:
        m = len(marker)
        if tuple(lows[:m]) != marker:
            continue
        j = m + (1 if m < n and lows[m] == "," else 0)
        if j + 2 < n and lows[j] in _NP_DETS and is_noun(lows[j + 1]):
            v = j + 2
            w = lows[v]
            tg = morph.tags(w)
            nxt = lows[v + 1] if v + 1 < n else "."
            if (
                toks[v].text.islower()
                and tg & {"VBP", "VBZ"}
                and not tg & {"VBD"}
                and (nxt in OBJECT_PRONOUNS | ALL_DETS | {"to", "that"} or not tg & {"NN", "NNS"})
            ):
                base = morph.base_verb(w)
                past = morph.inflect(base, "VBD") if base else None
                if past and past != w:
                    out.append(
                        note(
                            toks[v],
                            "grammar",
                            f"'{' '.join(marker)}' is in the past, so use the past tense.",
                            [past],
                            "past-marker-noun",
                        )
                    )
        break
    for i, w in enumerate(lows):
        nxt = lows[i + 1] if i + 1 < n else "."
        # 'makes people to relax' -> 'makes people relax'
        if w in {"make", "makes", "made", "making", "let", "lets", "letting"} and i + 3 < n:
            k = i + 1
            if lows[k] in OBJECT_PRONOUNS | {"people", "students", "children", "everyone"}:
                k += 1
            elif lows[k] in _NP_DETS and is_noun(lows[k + 1]):
                k += 2
            else:
                continue
            if (
                k + 1 < n
                and lows[k] == "to"
                and morph.tags(lows[k + 1]) & {"VB"}
                and (lows[k + 1] != "be" or w.startswith("let"))
            ):
                out.append(
                    note(
                        toks[k],
                        "grammar",
                        f"After '{toks[i].text} someone' the verb takes no 'to'.",
                        [""],
                        "make-to",
                    )
                )
        # 'helps students remembering' -> 'remember'
        if w in {"help", "helps", "helped", "helping"} and i + 2 < n:
            k = i + 1
            if lows[k] in OBJECT_PRONOUNS | {"people", "students", "children"}:
                g = lows[k + 1]
                tg = morph.tags(g)
                if g.endswith("ing") and tg and tg <= {"VBG"}:
                    base = morph.base_verb(g)
                    if base:
                        out.append(
                            note(
                                toks[k + 1],
                                "grammar",
                                "After 'help someone' use the plain verb (or 'to' + verb).",
                                [base],
                                "help-ing",
                            )
                        )
        # 'before to buy' -> 'before buying'
        if w in {"before", "after", "without"} and nxt == "to" and i + 2 < n:
            g = lows[i + 2]
            if morph.tags(g) & {"VB"} and toks[i + 2].text.islower():
                ing = morph.inflect(morph.base_verb(g) or g, "VBG")
                out.append(
                    note(
                        (toks[i + 1].start, toks[i + 2].end),
                        "grammar",
                        f"After '{toks[i].text}' use the -ing form of the verb.",
                        [ing] if ing else [],
                        "prep-ing",
                    )
                )
        # 'If we will act' -> 'If we act'
        if (
            w == "if"
            and i == 0  # a condition; 'ask if I will need' (whether) is right
            and i + 3 < n
            and lows[i + 2] == "will"
            and lows[i + 1] in SUBJECT_PRONOUNS
            and morph.tags(lows[i + 3]) & {"VB"}
        ):
            out.append(
                note(
                    toks[i + 2],
                    "grammar",
                    "After 'if', use the present tense for the future ('if we act').",
                    [""],
                    "if-will",
                )
            )
        # 'I use to think' -> 'I used to think'
        if (
            w == "use"
            and i >= 1
            and lows[i - 1] in SUBJECT_PRONOUNS
            and nxt == "to"
            and i + 2 < n
            and morph.tags(lows[i + 2]) & {"VB"}
            and not any(x in {"did", "didn't", "do", "does", "don't", "doesn't"} for x in lows[:i])
        ):
            out.append(
                note(
                    toks[i],
                    "grammar",
                    "For something that was true in the past, write 'used to'.",
                    ["used"],
                    "used-to",
                )
            )
    out.extend(_since_present(toks, lows))
    out.extend(_past_time(toks, lows))
    return out


# a time in the past: 'last summer', 'yesterday', 'two years ago' ('the last year', 'over
# the last year', 'since last year' run up to now and are not counted)
_LAST_WHAT = frozenset(
    {"year", "month", "week", "summer", "winter", "spring", "autumn", "weekend", "night"}
    | {"term", "holiday", "holidays", "season", "monday", "tuesday", "wednesday", "thursday"}
    | {"friday", "saturday", "sunday", "christmas", "easter"}
)
_NOT_BEFORE_LAST = frozenset(
    {"the", "this", "these", "over", "in", "for", "during", "past", "since", "until", "than"}
    | {"from", "like", "as", "of", "my", "our", "his", "her", "their", "your", "its", "at"}
)
_AGO_UNITS = frozenset({"years", "months", "weeks", "days", "year", "month", "week", "day"})
# what stops a past time from reaching a verb: another clause, a comparison
_CLAUSE_BREAK = (
    SUBORDINATORS
    | {",", ";", ":", "which", "who", "what", "how", "why", "where", "but", "and"}
    | {"(", ")", '"', "think", "believe", "hope"}
)
_NOT_TENSED = frozenset(
    {"am", "is", "are", "be", "have", "has", "do", "does", "can", "will", "must", "may"}
    | {"shall", "need", "dare", "let", "'m", "'re", "'s", "'ve", "think", "know", "believe"}
    | {"remember", "hope", "guess", "mean", "suppose", "feel", "miss", "wish", "want", "like"}
    | {"love", "hate", "say", "says", "see", "agree", "realise", "realize", "forget", "doubt"}
)


def _past_time_at(lows: list[str], i: int) -> int:
    """The length of a past time marker starting at ``i`` (0: none)."""
    w = lows[i]
    before = lows[i - 1] if i else ""
    if w == "yesterday" and before not in {"than", "since", "from", "until", "like"}:
        return 1
    if (
        w == "last"
        and i + 1 < len(lows)
        and lows[i + 1] in _LAST_WHAT
        and before not in _NOT_BEFORE_LAST
    ):
        return 2
    if i + 2 < len(lows) and lows[i + 1] in _AGO_UNITS and lows[i + 2] == "ago":
        return 3 if before not in {"than", "since", "from", "until"} else 0
    return 0


def _present_verb(tok: Token, w: str) -> str | None:
    """The past tense for a present-tense verb form ('go' -> 'went'), or None."""
    if not tok.text.islower() or w in _NOT_TENSED:
        return None
    tags = morph.tags(w)
    if not tags & {"VBP", "VBZ"} or tags & {"VBD", "VBN", "MD"}:
        return None
    base = morph.base_verb(w)
    past = morph.inflect(base, "VBD") if base else None
    return past if past and past != w else None


def _past_time(toks: list[Token], lows: list[str]) -> list[Note]:
    """A present tense or a present perfect in a clause that names a past time:
    'Last summer I go to Ireland', '... and we understand the lesson better', 'I have learnt
    a lot from such a lesson last year', 'My teacher once give me a project'."""
    n = len(toks)
    out: list[Note] = []
    markers = [(i, k) for i in range(n) if (k := _past_time_at(lows, i))]
    for i in range(n - 1):
        # 'My teacher once give me': 'once' between a subject and a verb is a past time
        if (
            lows[i] == "once"
            and i >= 1
            and (lows[i - 1] in SUBJECT_PRONOUNS or is_noun(lows[i - 1]))
        ):
            past = _present_verb(toks[i + 1], lows[i + 1])
            if past and lows[i + 1] not in {"time", "times", "more", "again", "upon"}:
                out.append(
                    _past_note(toks[i + 1], "'once' here means at one time in the past", past)
                )
    if not markers:
        return out
    first, width = markers[0]
    # the subject and verb right after a past time that opens the sentence
    if first == 0:
        j = width + (1 if width < n and lows[width] == "," else 0)
        if j + 1 < n and lows[j] in SUBJECT_PRONOUNS - {"it"}:
            past = _present_verb(toks[j + 1], lows[j + 1])
            if past:
                out.append(
                    _past_note(toks[j + 1], f"'{' '.join(lows[:width])}' is in the past", past)
                )
        # '... and we understand': a clause joined on to it
        for k in range(j, n - 2):
            if lows[k] in {"and", "so", "but", "then"} and lows[k + 1] in SUBJECT_PRONOUNS - {"it"}:
                past = _present_verb(toks[k + 2], lows[k + 2])
                if past:
                    out.append(
                        _past_note(toks[k + 2], f"'{' '.join(lows[:width])}' is in the past", past)
                    )
            if lows[k] in SUBORDINATORS | {"that", "which", "who"}:
                break
    # 'I go to Ireland last summer' / 'I have learnt a lot ... last year': subject, verb and
    # the past time in one clause
    for m, width in markers:
        if m < 2 or (m + width < n and lows[m + width] not in _END_MARK):
            continue
        if lows[0] not in SUBJECT_PRONOUNS - {"it"}:
            continue
        if any(x in _CLAUSE_BREAK for x in lows[1:m]):
            continue
        w = lows[1]
        if w in {"have", "has", "'ve"} and m > 2:
            perfect = lows[2]
            tags = morph.tags(perfect)
            if tags & {"VBN", "VBD"} and perfect not in {"been", "had"}:
                base = morph.base_verb(perfect)
                past = perfect if "VBD" in tags else morph.inflect(base, "VBD") if base else None
                if past:
                    out.append(
                        note(
                            (toks[1].start, toks[2].end),
                            "grammar",
                            f"'{' '.join(lows[m : m + width])}' is a finished time: use the past "
                            f"tense ('{past}'), not 'have {perfect}'.",
                            [past],
                            "past-marker-perfect",
                        )
                    )
            continue
        past = _present_verb(toks[1], w)
        if past:
            out.append(
                _past_note(toks[1], f"'{' '.join(lows[m : m + width])}' is in the past", past)
            )
    return out


_END_MARK = frozenset({".", "!", "?", ",", ";"})


def _past_note(tok: Token, why: str, past: str) -> Note:
    return note(
        tok, "grammar", f"{why[:1].upper()}{why[1:]}, so use the past tense.", [past], "past-time"
    )


def _since_present(toks: list[Token], lows: list[str]) -> list[Note]:
    """'I play tennis since I was eight' / 'I am living here for two years'."""
    n = len(toks)
    if "since" not in lows and "for" not in lows:
        return []
    if any(
        w in {"have", "has", "had", "'ve", "been", "will", "would", "was", "were"} for w in lows[:3]
    ):
        return []
    if any(w in {"ago", "yesterday", "tomorrow", "every", "usually", "next"} for w in lows):
        return []
    if n < 4 or lows[0] not in SUBJECT_PRONOUNS:
        return []
    k = 1
    progressive = False
    if lows[k] in {"am", "is", "are", "'m", "'re"} and k + 1 < n and lows[k + 1].endswith("ing"):
        progressive = True
        k += 1
    w = lows[k]
    tg = morph.tags(w)
    if not toks[k].text.islower() or not tg & ({"VBG"} if progressive else {"VBP", "VBZ"}):
        return []
    if w in {"am", "is", "are", "have", "has", "do", "does", "can", "will", "must"}:
        return []
    rest = lows[k + 1 :]
    cut = next((j for j, x in enumerate(rest) if x in {"since", "for"}), len(rest))
    if any(x in {",", ";", "and", "but", "because", "when", "if"} for x in rest[:cut]):
        return []
    since = "since" in rest and rest.index("since") + 1 < len(rest)
    for_years = progressive and any(
        rest[j] == "for" and j + 2 < len(rest) and rest[j + 2] in {"years", "months"}
        for j in range(len(rest))
    )
    if not since and not for_years:
        return []
    base = morph.base_verb(w) or w
    perfect = morph.inflect(base, "VBN")
    span = (toks[1].start, toks[k].end) if progressive else (toks[k].start, toks[k].end)
    return [
        note(
            span,
            "grammar",
            "With 'since' or 'for' and a time up to now, English uses the present perfect "
            f"('have {perfect}'). Check the tense.",
            [],
            "since-perfect",
        )
    ]


# 'less' and 'much' before a counted plural: the word to use and an example
_FEWER_MANY = {"less": ("fewer", "mistakes"), "much": ("many", "things")}
# one-syllable adjectives (and a few in -y) that compare with -er, never 'more'
_ER_FORMS = {
    "loud": "louder", "big": "bigger", "small": "smaller", "fast": "faster", "cheap": "cheaper",
    "hard": "harder", "high": "higher", "long": "longer", "old": "older", "young": "younger",
    "short": "shorter", "tall": "taller", "strong": "stronger", "quick": "quicker",
    "slow": "slower", "rich": "richer", "poor": "poorer", "warm": "warmer", "cold": "colder",
    "hot": "hotter", "safe": "safer", "clean": "cleaner", "dark": "darker", "deep": "deeper",
    "large": "larger", "great": "greater", "nice": "nicer", "low": "lower", "wide": "wider",
    "weak": "weaker", "bright": "brighter", "smart": "smarter", "cool": "cooler",
    "thin": "thinner", "thick": "thicker", "sweet": "sweeter", "soft": "softer",
    "easy": "easier", "happy": "happier", "busy": "busier", "heavy": "heavier",
    "funny": "funnier", "lucky": "luckier", "noisy": "noisier", "dirty": "dirtier",
    "early": "earlier", "near": "nearer", "late": "later", "new": "newer", "bad": "worse",
    "good": "better", "far": "farther",
}  # fmt: skip
# what may follow the adjective for the comparison to end there ('got more loud, and')
_AFTER_ADJ = frozenset(
    {".", ",", ";", ":", "!", "?", "than", "and", "but", "or", "to", "for", "in", "with"}
    | {"at", "because", "when", "so", "if", "now", "every", "each", "today", "then"}
)
# plural nouns that are not counted one by one or name one thing ('less news', 'less physics')
_NOT_COUNTED = frozenset(
    {"means", "news", "series", "species", "physics", "economics", "mathematics", "maths"}
    | {"politics", "athletics", "gymnastics", "ethics", "clothes", "data", "people's"}
)
# names of countries, continents and planets that take no 'the' ('exploring the Mars')
_NO_THE_NAMES = frozenset(
    {"Mars", "Venus", "Jupiter", "Saturn", "Neptune", "Uranus", "Pluto", "Europe", "Africa"}
    | {"Asia", "Australia", "Antarctica", "China", "Japan", "France", "Germany", "Italy"}
    | {"Spain", "England", "Scotland", "Wales", "Ireland", "Britain", "India", "Brazil"}
    | {"Canada", "Mexico", "Russia", "Egypt", "Greece", "Poland", "Portugal", "Nigeria"}
    | {"Kenya", "Argentina", "Peru", "Colombia", "Vietnam", "Thailand", "Turkey", "Sweden"}
    | {"Norway", "Finland", "Denmark", "Pakistan", "Indonesia", "Morocco", "Ghana", "Chile"}
)
_NAME_END = _AFTER_ADJ | {"is", "was", "has", "are", "were", "will", "can", "could", "should"}


_DESCRIBING_SKIP = frozenset({"very", "really", "quite", "so", "too", "more", "most", "less"})
_QUANTITY_WORDS = frozenset({"few", "couple", "lot", "lots", "number", "dozen", "many", "deal"})
# abstract nouns that, in general statements, take no 'the' ('the nature is beautiful')
_GENERIC_NOUNS = frozenset(
    {"nature", "society", "creativity", "happiness", "humanity", "mankind", "friendship"}
    | {"honesty", "freedom", "imagination", "patience", "kindness"}
)
_GENERIC_NEXT = frozenset(
    {".", "!", "?", ";", "is", "are", "was", "has", "can", "will", "makes", "helps", "gives"}
    | {"should", "must", "brings", "means", "matters", "affects"}
)


_COMMON_ADJECTIVES = frozenset(
    {"big", "small", "new", "old", "nice", "bad", "important", "different", "beautiful"}
    | {"long", "short", "real", "special", "interesting", "useful", "serious", "strong"}
    | {"good", "great", "modern", "famous", "popular", "local", "free", "happy", "difficult"}
)


def _describing(word: str) -> bool:
    """Only a describing word ('modern'), or a common one that is a noun too ('important')
    - not 'video', 'head' or 'about', which the word list also counts as adjectives."""
    tags = morph.tags(word)
    return word in _COMMON_ADJECTIVES or ("JJ" in tags and not tags & {"IN", "NN", "NNS", "VB"})


def _counted_plural(word: str) -> bool:
    """A plural of a counted noun ('mistakes', 'things'), not an uncounted word in -s."""
    tags = morph.tags(word)
    if "NNS" not in tags or word in _NOT_COUNTED or not word.endswith("s"):
        return False
    if "NN" not in tags:
        return True
    singulars = [x for x in morph.lemmas(word, "NOUN") if x != word]
    return bool(singulars) and not tags & {"JJ", "VB", "VBD"}


def _plural_after_article(toks: list[Token], lows: list[str], i: int) -> int | None:
    """'a good plans', 'a beautiful places': 'a' before a noun that is only plural (up to
    three describing words between; not 'a sports bag', 'a few', 'a lot')."""
    n = len(toks)
    if i > 0 and toks[i].text[:1].isupper():
        return None  # 'Site A lies upstream', 'got an A': a label, not the article
    k = i + 1
    while k < n and k <= i + 3 and (lows[k] in _DESCRIBING_SKIP or _describing(lows[k])):
        if lows[k] in _QUANTITY_WORDS:
            return None  # 'a few months', 'a great many'
        k += 1
    if k >= n:
        return None
    tags = morph.tags(lows[k])
    if not toks[k].text.islower() or "NNS" not in tags or tags - {"NNS", "VBZ"}:
        return None
    if lows[k] in _NOT_COUNTED or not lows[k].endswith("s"):
        return None
    if k + 1 < n and toks[k + 1].text in {"'", "\u2019"} and toks[k + 1].start == toks[k].end:
        return None  # "a beginners' course": the plural's possessive
    if k + 1 < n and morph.tags(lows[k + 1]) & {"NN", "NNS"} and lows[k + 1] not in _GENERIC_NEXT:
        return None  # 'a sports bag', 'a savings account'
    return k


def _generic_after_the(toks: list[Token], lows: list[str], i: int) -> int | None:
    """'the nature is beautiful', 'the climate change is serious' ('the nature of ...' is not)."""
    n = len(toks)
    if i + 1 >= n or not toks[i + 1].text.islower():
        return None
    k = i + 1
    if lows[k] == "climate" and k + 1 < n and lows[k + 1] == "change":
        k += 1
    elif lows[k] not in _GENERIC_NOUNS:
        return None
    nxt = lows[k + 1] if k + 1 < n else "."
    return k if nxt in _GENERIC_NEXT else None


def _amount_of_doing(prev: str, after: str) -> bool:
    """'how much students sleep', 'so much people eat': the amount is of the verb after the
    plural, its subject ('how much students are there' is no such verb)."""
    if prev not in {"how", "so", "too", "as", "that"}:
        return False
    return bool(morph.tags(after) & {"VBP", "VBD"}) and after not in _AUXILIARIES


_AUXILIARIES = MODALS | {"are", "were", "do", "did", "have", "had", "need"}


def rule_degree_and_names(sent: Sentence, doc: Document) -> list[Note]:
    """'less mistakes' (fewer), 'got more loud' (louder), 'exploring the Mars' (Mars)."""
    toks = sent.tokens
    lows = [low(t) for t in toks]
    n = len(toks)
    out: list[Note] = []
    for i, w in enumerate(lows[:-1]):
        prev = lows[i - 1] if i else ""
        nxt = lows[i + 1]
        after = lows[i + 2] if i + 2 < n else "."
        if (
            w in _FEWER_MANY
            and prev not in {"more", "or", "no", "very"}  # 'more or less', 'very much'
            and toks[i + 1].text.islower()
        ):
            if _counted_plural(nxt) and not _amount_of_doing(prev, after):
                better, example = _FEWER_MANY[w]
                out.append(
                    note(
                        toks[i],
                        "grammar",
                        f"With things you can count, use '{better}' ({better} {example}); "
                        f"'{w}' is for amounts ({w} time).",
                        [match_case(toks[i].text, better)],
                        f"{w}-{better}",
                    )
                )
        elif (
            w == "more"
            and nxt in _ER_FORMS
            and prev not in {"the", "and", "no", "any", "much", "once"}
            and after in _AFTER_ADJ
        ):
            er = _ER_FORMS[nxt]
            out.append(
                note(
                    (toks[i].start, toks[i + 1].end),
                    "grammar",
                    f"A short adjective compares with '-er': '{er}', not 'more {nxt}'.",
                    [match_case(toks[i].text, er)],
                    "more-er",
                )
            )
        elif w in {"a", "an"} and (k := _plural_after_article(toks, lows, i)) is not None:
            out.append(
                note(
                    (toks[i].start, toks[k].end),
                    "grammar",
                    f"'{toks[k].text}' is plural: leave out '{toks[i].text}' (or use one thing).",
                    [],
                    "article-plural",
                )
            )
        elif w == "the" and (k := _generic_after_the(toks, lows, i)) is not None:
            noun = " ".join(t.text for t in toks[i + 1 : k + 1])
            out.append(
                note(
                    (toks[i].start, toks[k].end),
                    "grammar",
                    f"Speaking of {noun} in general takes no 'the': '{noun}'.",
                    [match_case(toks[i].text, noun)],
                    "article-generic",
                )
            )
        elif w == "the" and toks[i + 1].text in _NO_THE_NAMES and after in _NAME_END:
            name = toks[i + 1].text
            out.append(
                note(
                    (toks[i].start, toks[i + 1].end),
                    "grammar",
                    f"Names of countries, continents and planets take no 'the': '{name}'.",
                    [name],
                    "article-name",
                )
            )
    return out


_MODAL_WORDS = frozenset(
    {"can", "could", "will", "would", "should", "must", "may", "might", "cannot", "can't"}
    | {"couldn't", "won't", "wouldn't", "shouldn't", "mustn't", "ca", "wo"}
)
_STOP = frozenset({"stop", "stops", "stopped", "stopping", "prevent", "prevents", "prevented"})
_STOP_OBJECTS = OBJECT_PRONOUNS | {"people", "students", "children", "pupils", "teenagers"}


def _verb_only(w: str) -> bool:
    """A verb's base form that is no noun as well ('sit', 'express'; not 'show', 'work')."""
    return "VB" in morph.tags(w) and w in morph.lemmas(w, "VERB") and not morph.lemmas(w, "NOUN")


# things (not people) that a feeling word describes: 'the music was amazed' -> 'amazing'
_THINGS = frozenset(
    {"music", "film", "movie", "book", "lesson", "lessons", "trip", "party", "game", "match"}
    | {"concert", "show", "holiday", "weekend", "food", "story", "journey", "visit"}
    | {"festival", "experience", "programme", "program", "museum", "view", "weather", "exam"}
    | {"test", "situation", "result", "results", "video", "documentary", "performance"}
    | {"competition", "race", "event", "evening", "meal", "lecture", "speech", "novel"}
    | {"activity", "day", "place", "hobby", "sport", "subject", "week", "job"}
)
_ED_TO_ING = {ed: ing for ing, ed in FEELING_ING.items() if ed != "tired"}
_FEELING_CLOSE = frozenset({".", ",", "!", "and", "but", "because", "so", ";"})


def rule_thing_feeling(sent: Sentence, doc: Document) -> list[Note]:
    """'The music was amazed and we danced' -> 'amazing': a thing causes a feeling, so it
    takes the -ing word (not before 'by' or 'with', where it may have been moved)."""
    toks = sent.tokens
    lows = [low(t) for t in toks]
    n = len(toks)
    out: list[Note] = []
    for i in range(n - 2):
        if lows[i] not in _THINGS or lows[i + 1] not in {"is", "was", "were", "are"}:
            continue
        before = lows[max(0, i - 3) : i]
        if {"of", "about", "in", "at", "for", "after", "during", "from", "by"} & set(before):
            continue  # 'the people at the concert were amazed'
        j = i + 2
        while j < n and lows[j] in _DEGREE | {"a", "bit"}:
            j += 1
        if j >= n or lows[j] not in _ED_TO_ING:
            continue
        if j + 1 < n and lows[j + 1] not in _FEELING_CLOSE:
            continue
        ing = _ED_TO_ING[lows[j]]
        out.append(
            note(
                toks[j],
                "grammar",
                f"A {lows[i]} causes the feeling: use '{ing}' ('{lows[j]}' is how a person feels).",
                [ing],
                "thing-feeling",
            )
        )
    return out


def rule_verb_patterns(sent: Sentence, doc: Document) -> list[Note]:
    """'he can't sleeping' (the base form after a modal), 'I am not agree' ('do not agree'),
    'uniforms stop people to express themselves' ('from expressing'), 'instead of just
    show them' ('showing')."""
    toks = sent.tokens
    lows = [low(t) for t in toks]
    n = len(toks)
    out: list[Note] = []
    for i, w in enumerate(lows):
        prev = lows[i - 1] if i else ""
        if (
            w.endswith("ing")
            and morph.tags(w) == {"VBG"}
            and (
                prev in _MODAL_WORDS
                or (prev in {"not", "n't"} and i > 1 and lows[i - 2] in _MODAL_WORDS)
            )
        ):
            base = morph.base_verb(w)
            if base:
                out.append(
                    note(
                        toks[i],
                        "grammar",
                        f"After '{toks[i - 1].text}' use the verb's base form: '{base}'.",
                        [match_case(toks[i].text, base)],
                        "modal-ing",
                    )
                )
        elif (
            w == "thinking"
            and prev in {"am", "is", "are", "'m", "'re"}
            and i + 1 < n
            and lows[i + 1] == "that"
        ):
            think = "thinks" if prev == "is" else "think"
            out.append(
                note(
                    (toks[i - 1].start, toks[i].end),
                    "grammar",
                    f"For an opinion use the simple form: 'I {think} that', not '{prev} thinking'.",
                    [think],
                    "thinking-that",
                )
            )
        elif w == "agree" and (
            prev in {"am", "is", "are", "'m"}
            or (prev == "not" and i > 1 and lows[i - 2] in {"am", "is", "are", "'m"})
        ):
            be = i - 1 if prev != "not" else i - 2
            do = {"am": "do", "'m": "do", "are": "do", "is": "does"}[lows[be]]
            out.append(
                note(
                    (toks[be].start, toks[i].end),
                    "grammar",
                    f"'Agree' is a verb: say 'I agree' or 'I {do} not agree', without 'be'.",
                    [match_case(toks[be].text, f"{do} not agree" if prev == "not" else "agree")],
                    "be-agree",
                )
            )
        elif (
            w == "to"
            and i >= 2
            and lows[i - 2] in _STOP
            and prev in _STOP_OBJECTS
            and i + 1 < n
            and "VB" in morph.tags(lows[i + 1])
            and lows[i + 1] in morph.lemmas(lows[i + 1], "VERB")
        ):
            ing = morph.inflect(lows[i + 1], "VBG")
            if ing:
                out.append(
                    note(
                        (toks[i].start, toks[i + 1].end),
                        "grammar",
                        f"We stop someone from doing something: 'from {ing}'.",
                        [f"from {ing}"],
                        "stop-from",
                    )
                )
        elif w == "of" and prev == "instead" and i + 1 < n:
            j = i + 2 if lows[i + 1] in {"just", "only", "simply"} else i + 1
            after = lows[j + 1] if j + 1 < n else ""
            if (
                j < n
                and toks[j].text.islower()
                and (
                    _verb_only(lows[j])
                    or (
                        "VB" in morph.tags(lows[j])
                        and lows[j] in morph.lemmas(lows[j], "VERB")
                        and (after in OBJECT_PRONOUNS or after in ALL_DETS)
                    )
                )
            ):
                ing = morph.inflect(lows[j], "VBG")
                if ing:
                    out.append(
                        note(
                            toks[j],
                            "grammar",
                            f"After 'instead of' use the -ing form: '{ing}'.",
                            [ing],
                            "instead-of-ing",
                        )
                    )
    return out


# adverbs that stand between 'have' and its participle ('had ever tried')
_PERFECT_ADVERBS = frozenset(
    {"ever", "never", "already", "just", "always", "recently", "finally", "also", "even"}
)
# what may follow a verb where the word could also be a noun ('had ever try.')
_AFTER_VERB = frozenset({".", ",", "!", "?", "and", "but", "it", "them", "him", "her", "me"})
_AFTER_VERB |= {"us", "the", "a", "an", "my", "his", "their", "our", "your", "this", "that"}
# subjects a plain present verb agrees with ("we give up and went")
_PLAIN_VERB_SUBJECTS = frozenset({"i", "we", "they", "you"})
# verbs that take 'to' and a verb, never '-ing' ('plan to save', 'decide to go')
_TO_VERBS = frozenset(
    {"plan", "plans", "planned", "planning", "decide", "decides", "decided", "deciding"}
    | {"want", "wants", "wanted", "agree", "agreed"}
    | {"refuse", "refused", "promise", "promised", "expect", "expected", "manage", "managed"}
    | {"afford", "offer", "offered", "intend", "intended", "wish", "wished"}
)
_BE_ALL = frozenset({"be", "is", "are", "was", "were", "am", "'s", "'re", "been", "get", "feel"})
_BE_ALL |= {"seem", "seems", "look", "looks", "sound", "sounds", "become", "became"}


# plain verbs that follow 'have' rightly ('had better', 'have got', 'you had better go')
_NOT_AFTER_HAVE = frozenset({"better", "got", "to", "be"})
# words between a verb and the 'and' that joins the next verb to it ('give up and went')
_PARTICLES = frozenset({"up", "out", "down", "off", "back", "away", "home", "in", "on", "over"})
_PARTICLES |= {"it", "them", "him", "her", "us", "me", "there"}


def _plain_verb(w: str) -> bool:
    """A verb's base form whose past and participle differ from it ('try', not 'put')."""
    tags = morph.tags(w)
    return (
        "VB" in tags
        and not tags & {"VBD", "VBN", "JJ"}
        and morph.base_verb(w) == w
        and morph.inflect(w, "VBN") not in (None, w)
    )


def rule_tense_pairs(sent: Sentence, doc: Document) -> list[Note]:
    """'he had ever try' (the base form after 'have' and an adverb) and 'we give up and went
    home' (a present verb joined by 'and' to a past one with the same subject)."""
    toks = sent.tokens
    lows = [low(t) for t in toks]
    n = len(toks)
    out: list[Note] = []
    for i, w in enumerate(lows):
        # 'had forget' (no adverb: only a word that is never a noun), 'had ever try'
        adv = 1 if i + 1 < n and lows[i + 1] in _PERFECT_ADVERBS else 0
        if (
            w in {"has", "have", "had"}
            and i + 2 + adv < n
            and toks[i + 1 + adv].text.islower()
            and _plain_verb(lows[i + 1 + adv])
        ):
            v = lows[i + 1 + adv]
            after = lows[i + 2 + adv] if i + 2 + adv < n else "."
            noun_too = bool(morph.tags(v) & {"NN", "NNS"})
            if (not noun_too and (adv or v not in _NOT_AFTER_HAVE)) or (
                adv and after in _AFTER_VERB
            ):
                pp = morph.inflect(v, "VBN")
                out.append(
                    note(
                        toks[i + 1 + adv],
                        "grammar",
                        f"After '{toks[i].text}' the verb takes its past participle: '{pp}'.",
                        [match_case(toks[i + 1 + adv].text, pp or v)],
                        "perfect-base",
                    )
                )
        # 'If our school will introduce uniforms, ...' -> 'introduces'
        if w == "if" and (i == 0 or not toks[i - 1].is_word or lows[i - 1] in {"and", "but"}):
            k = next((m for m in range(i + 2, min(i + 6, n - 1)) if lows[m] == "will"), None)
            if (
                k is not None
                and "VB" in morph.tags(lows[k + 1])
                and all(
                    t.is_word and lows[m] not in _CLAUSE_END
                    for m, t in enumerate(toks[i + 1 : k], i + 1)
                )
            ):
                out.append(
                    note(
                        (toks[k].start, toks[k].end),
                        "grammar",
                        "After 'if', talk about the future with the present tense: 'if it "
                        "rains', not 'if it will rain'.",
                        [""],
                        "if-will",
                    )
                )
        # 'I'm planning saving' -> 'planning to save'
        if w in _TO_VERBS and i + 1 < n and lows[i + 1].endswith("ing"):
            g = lows[i + 1]
            base = morph.base_verb(g)
            if base and morph.tags(g) == {"VBG"} and g not in {"going"}:
                out.append(
                    note(
                        toks[i + 1],
                        "grammar",
                        f"After '{toks[i].text}' use 'to' and the verb: 'to {base}'.",
                        [f"to {base}"],
                        "verb-to-ing",
                    )
                )
        # 'how easy you can make new cards' -> 'how easily'
        if w == "how" and i + 3 < n and lows[i + 2] in SUBJECT_PRONOUNS:
            adverb = adverb_of(lows[i + 1]) if "JJ" in morph.tags(lows[i + 1]) else None
            verb = lows[i + 3]
            if adverb and (
                (verb in _MODAL_WORDS and i + 4 < n and lows[i + 4] not in _BE_ALL)
                or (
                    morph.tags(verb) & {"VBP", "VBD", "VBZ"}
                    and verb not in _BE_ALL
                    and (morph.base_verb(verb) or verb) not in _LINKING
                )
            ):
                out.append(
                    note(
                        toks[i + 1],
                        "grammar",
                        f"This word tells how something is done: use the adverb '{adverb}'.",
                        [match_case(toks[i + 1].text, adverb)],
                        "how-adverb",
                    )
                )
        if w in _PLAIN_VERB_SUBJECTS and i + 3 < n and _plain_verb(lows[i + 1]):
            if w == "you" and i > 0 and lows[i - 1] not in {",", "and", "but", "so", "then"}:
                continue  # 'told you go ...': 'you' may be an object
            q = i + 2
            while q < n and q <= i + 4 and lows[q] in _PARTICLES:
                q += 1
            if q + 1 >= n or lows[q] != "and":
                continue
            nxt = lows[q + 1]
            tags = morph.tags(nxt)
            past = morph.inflect(lows[i + 1], "VBD")
            if "VBD" in tags and not tags & {"VB", "VBP", "VBZ"} and past:
                out.append(
                    note(
                        toks[i + 1],
                        "grammar",
                        f"'{toks[q + 1].text}' tells this in the past, so this verb is past "
                        f"too: '{past}'.",
                        [match_case(toks[i + 1].text, past)],
                        "tense-pair",
                    )
                )
    return out


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _only_noun(w: str) -> bool:
    tags = morph.tags(w)
    return bool(tags) and tags <= {"NN", "NNS"}


# before a thing ('a relaxing activity') these feelings are safe to name too; the lexicon's
# list leaves them out because after 'I was' they are as often verbs ('we were relaxing')
_ED_TO_ING_BEFORE_THING = _ED_TO_ING | {
    "relaxed": "relaxing",
    "fascinated": "fascinating",
    "exhausted": "exhausting",
}


def rule_feeling_thing(sent: Sentence, doc: Document) -> list[Note]:
    """'a relaxed activity', 'a bored lesson': a thing is what causes the feeling (-ing)."""
    toks = sent.tokens
    lows = [low(t) for t in toks]
    out: list[Note] = []
    for i in range(1, len(toks) - 1):
        w = lows[i]
        if (
            w in _ED_TO_ING_BEFORE_THING
            and lows[i + 1] in _THINGS
            and lows[i - 1] in ALL_DETS | _DEGREE
        ):
            ing = _ED_TO_ING_BEFORE_THING[w]
            out.append(
                note(
                    toks[i],
                    "grammar",
                    f"A thing causes the feeling: '{ing} {toks[i + 1].text}'; '{w}' is how a "
                    "person feels.",
                    [ing],
                    "word-form-ed-ing",
                )
            )
    return out


def rule_lookalikes(sent: Sentence, doc: Document) -> list[Note]:
    """Look-alikes told apart by the words after them: "it's pronunciation made" ('its'),
    'were the food was' ('where'), 'when your fifteen' ("you're"), "who's volunteers take"
    ('whose')."""
    toks = sent.tokens
    lows = [low(t) for t in toks]
    n = len(toks)
    out: list[Note] = []

    def tag(k: int) -> frozenset[str]:
        return morph.tags(lows[k]) if k < n else frozenset()

    for i, w in enumerate(lows[: n - 2]):
        fix = None
        plural_after = (
            "NNS" in tag(i + 1)
            and lows[i + 1].endswith("s")
            and lows[i + 2] not in {"who", "that", "which"}
        )
        if (
            w in {"it's", "it’s"}
            and _only_noun(lows[i + 1])
            and lows[i + 1] not in ALL_DETS
            and (tag(i + 2) & _FINITE or plural_after)
        ):
            fix, why = (
                "its",
                "'its' (without an apostrophe) is what belongs to it; 'it's' is 'it is'.",
            )
        elif (
            w == "were"
            and i > 0
            and lows[i - 1] == ","
            and lows[i + 1] in {"the", "a", "my", "our", "we", "they", "i", "you", "he", "she"}
            and any(lows[m] in {"was", "were", "is", "are"} for m in range(i + 2, min(i + 5, n)))
        ):
            fix, why = "where", "For a place, use 'where'; 'were' is a form of 'be'."
        elif (
            w == "your"
            and (lows[i + 1] in CARDINALS or lows[i + 1].isdigit())
            and (i + 2 >= n or not toks[i + 2].is_word or lows[i + 2] in {"and", "but", "so"})
        ):
            fix, why = (
                "you're",
                "'You're' is 'you are' ('you're fifteen'); 'your' is what belongs to you.",
            )
        elif (
            w == "their"
            and i + 2 < n
            and (morph.tags(lows[i + 1]) or {"NN"}) <= {"JJ"}
            and lows[i + 2] in {"to", "about", "with", "that", "of", ",", ".", "and", "but"}
        ):
            fix, why = (
                "they're",
                "'They're' is 'they are' (they're happy); 'their' is what belongs to them.",
            )
        elif (
            w == "quite"
            and lows[i + 1] in {"at", "during", ",", ".", "and", "now", "again"}
            and (lows[i + 1] != "at" or lows[i + 2] not in {"home", "ease", "all", "odds", "first"})
            and i > 0
            and (
                lows[i - 1] in _BE_ALL
                or (i > 1 and lows[i - 2] in _BE_ALL and lows[i - 1] not in {"not", "n't"})
            )
        ):
            fix, why = "quiet", "'Quiet' means with little noise; 'quite' means 'fairly'."
        elif (
            w in {"who's", "who’s"}
            and "NNS" in tag(i + 1)
            and _only_noun(lows[i + 1])
            and "VBP" in tag(i + 2)
        ):
            fix, why = "whose", "'Whose' is what belongs to someone; 'who's' is 'who is'."
        if fix:
            out.append(note(toks[i], "grammar", why, [match_case(toks[i].text, fix)], "lookalike"))
    return out


RULES = (
    rule_lookalikes,
    rule_feeling_thing,
    rule_tense_pairs,
    rule_word_form,
    rule_verb_form,
    rule_degree_and_names,
    rule_verb_patterns,
    rule_thing_feeling,
)
