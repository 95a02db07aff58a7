"""Spelling: Harper finds the words; pyspellchecker's frequency list vets and ranks them."""

from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from . import morph
from .lexicon import DAYS, MONTHS, NATIONALITIES
from .notes import Note
from .text import Document
from .variety import Detection

# Standard words that Harper's dictionary and the frequency list lack (checked by hand):
# never a misspelling, never split ('wellbeing' -> 'well being').
EXTRA_WORDS = frozenset(
    {
        "wellbeing",
        "smartphone",
        "eco",
        "smartphones",
        "app",
        "apps",
        "selfie",
        "selfies",
        "cyberbullying",
        "makerspace",
        "makerspaces",
        "livestream",
        "livestreams",
        "homeschooling",
        "underfunded",
        "screentime",
        # the usual spelling in both varieties (American 'ocher' is the rarer); a company's
        # legal form ('Caparo Industries plc')
        "ochre",
        "ochres",
        "plc",
    }
)

_CAPITALISED_SET = DAYS | MONTHS | NATIONALITIES | {"english", "england", "london"}
_CAPITALISED_WORDS = sorted(_CAPITALISED_SET)


def _edit1(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


# American -> British endings (the British form must be among Harper's suggestions)
_US_UK_ENDINGS = (
    ("ter", "tre"),
    ("ters", "tres"),
    ("er", "re"),
    ("ers", "res"),
    ("or", "our"),
    ("ors", "ours"),
    ("orite", "ourite"),
    ("orites", "ourites"),
    ("orful", "ourful"),
    ("ored", "oured"),
    ("eling", "elling"),
    ("eled", "elled"),
    ("eler", "eller"),
    ("elers", "ellers"),
    ("ize", "ise"),
    ("ized", "ised"),
    ("izing", "ising"),
    ("ization", "isation"),
    ("og", "ogue"),
    ("ense", "ence"),
    ("orhood", "ourhood"),
    ("ered", "red"),
)


def british_form(word: str, suggestions: tuple[str, ...] | list[str]) -> str | None:
    """The British spelling among ``suggestions`` when ``word`` is its American form."""
    w = word.lower()
    for sugg in suggestions:
        s = sugg.lower()
        for us, uk in _US_UK_ENDINGS:
            if w.endswith(us) and s == w[: len(w) - len(us)] + uk:
                return sugg
        if "our" in s and s.replace("our", "or") == w:
            return sugg
    return None


def american_form(word: str, suggestions: tuple[str, ...] | list[str]) -> str | None:
    """The American spelling among ``suggestions`` when ``word`` is its British form."""
    for sugg in suggestions:
        if british_form(sugg, (word,)) is not None:
            return sugg
    return None


_VARIETY_NAME = {"british": "British", "american": "American"}


class SpellingFilter:
    def __init__(self, dialect: str = "british") -> None:
        from .ngrams import spell_checker, spell_counts

        self.dialect = dialect  # the variety when none is given per essay

        # one list per process, shared with the word-pair counts (was loaded twice: ~0.3 s)
        self._sc = spell_checker()
        self._freq: Mapping[str, int] = spell_counts()
        ranked = sorted(self._freq.items(), key=lambda kv: (-kv[1], kv[0]))
        self.common_words: frozenset[str] = frozenset(w for w, _ in ranked[:4000])

    def is_known(self, word: str) -> bool:
        w = word.lower()
        return w in self._freq or w in EXTRA_WORDS or morph.is_known(w)

    def frequency(self, word: str) -> int:
        return self._freq.get(word.lower(), 0)

    def filter_harper(
        self,
        doc: Document,
        notes: list[Note],
        *,
        variety: str | None = None,
        explicit: bool = True,
        names: frozenset[str] = frozenset(),
        terms: frozenset[str] = frozenset(),
        strong_names: frozenset[str] = frozenset(),
        defined: frozenset[str] = frozenset(),
    ) -> list[Note]:
        """Vet Harper's spelling findings for an essay checked as ``variety`` (and mark its
        un-/non- swap on a dictionary's word as a doubt: ``WRONG_NEGATIVE_KNOWN``).

        A word spelt the other variety's way gets a note only when the assignment asks for
        one variety (``explicit``); in auto mode it is the student's own spelling and is
        left alone (see ``variety_note`` for mixed spelling). ``terms`` (quoted words,
        titles, placeholders: ``trust.terms_in``) are never misspellings; ``names``
        (``trust.names_in``), sentence-initial capitalised words, words the essay repeats
        and parts of hyphenated words only when they look like a slip of a known word;
        ``defined`` (words the essay defines: ``trust.defined_in``) only when one edit away
        from a common word."""
        variety = variety or self.dialect
        text = doc.text
        letters = [c for c in text if c.isalpha()]
        mostly_caps = bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
        sentence_starts = {s.words[0].start for s in doc.sentences if s.words}
        lower_counts = Counter(t.text for t in doc.tokens if t.is_word and t.text.islower())
        all_counts = Counter(_singular(t.lower) for t in doc.tokens if t.is_word)
        out = []
        for n in notes:
            if n.rule == "harper:SplitWords" or (
                n.rule == "harper:SpellCheck" and any(" " in s for s in n.suggestions)
            ):
                word = text[n.start : n.end]
                low = word.lower()
                if low in terms or low in EXTRA_WORDS or _foreign_compound(text, n.start, n.end):
                    continue
                if low in defined and not self._one_slip(low, n.suggestions):
                    continue  # 'green volcanic stone called cantera
                n = self._prefer_one_word(word, n)
                if n.rule == "harper:SplitWords" and self._split_is_junk(word, n):
                    continue  # 'relit' -> 'rel it': a real word split into a non-word
                if n.rule == "harper:SplitWords" and _possessive_of_known(low):
                    continue  # "in another's": a known word's possessive
                if n.rule == "harper:SplitWords" and not self._split_is_likely(n):
                    # 'antinode' -> 'anti node': a rare real word the list knows, a word the
                    # essay uses again, a name: unless it is one slip from a known word
                    doubtful = (
                        self._freq.get(low, 0) >= 50
                        or lower_counts[word] >= 2
                        or low in names
                        or _hyphen_part(text, n.start, n.end)
                    )
                    if not self._typo_like(word, n.suggestions):
                        if doubtful:
                            continue
                        # 'snowmelt' -> 'snow melt' and 'golfshoes' -> 'golf shoes' alike:
                        # English never writes the pair apart in the word-pair counts, so
                        # this may be a closed compound; the gate shows it only where
                        # errors are common (gate.STANDS_ALONE leaves it out)
                        n = Note(
                            n.start,
                            n.end,
                            n.category,
                            n.message,
                            n.suggestions,
                            UNPAIRED_SPLIT,
                            n.priority,
                        )
            if n.rule == "harper:WrongNegative" and rare_real_word(text[n.start : n.end].lower()):
                # 'unconformity' -> 'nonconformity': a dictionary's word is a doubt
                # ('unpleased', 'unpolite' on learners' essays still show there)
                n = Note(n.start, n.end, n.category, n.message, n.suggestions, WRONG_NEGATIVE_KNOWN)
            # a term the essay keeps using ('quadrat' five times in a field notebook) is a
            # doubt, shown only where the writing is not fluent (a learner's 'tecnology' five
            # times among other slips still shows)
            term = all_counts[_singular(_base(text[n.start : n.end]))] >= TERM_MIN_USES
            if n.rule.startswith("harper:SplitWords") and term:
                n = Note(n.start, n.end, n.category, n.message, n.suggestions, RARE_WORD)
            if n.rule == "harper:SpellCheck":
                word = text[n.start : n.end]
                base = _base(word)
                if base in EXTRA_WORDS:
                    continue  # before the variety: 'ochre' is right in both
                other = self._other_variety(word, n.suggestions, variety)
                if other is not None:
                    if explicit and word[:1].islower():
                        name = _VARIETY_NAME[variety]
                        out.append(
                            Note(
                                n.start,
                                n.end,
                                "spelling",
                                f"This assignment asks for {name} spelling: write '{other}'.",
                                (other,),
                                f"harper:SpellCheck:{variety}",
                                n.priority,
                            )
                        )
                    continue
                if base in terms or base in strong_names:
                    continue
                if _foreign_compound(text, n.start, n.end) or _unit(text, n.start):
                    continue
                if _species_name(text, n.start, n.end):
                    continue  # '(Mytilus californianus)', '(Lavandula angustifolia)'
                keep = self._keep(text, word, n.start, mostly_caps, sentence_starts)
                if keep and (base in defined or self._closed_compound(base)):
                    # 'bibimbap, which is a bowl', 'streambed', 'stormwater': a word the essay
                    # defines or one made of two common words is kept only as a slip
                    keep = self._one_slip(base, n.suggestions)
                doubtful = (
                    (n.start in sentence_starts and word.istitle() and not mostly_caps)
                    or (word.islower() and lower_counts[word] >= 2)  # 'catalase' twice
                    or base in names
                    or _hyphen_part(text, n.start, n.end)
                )
                rule = n.rule
                # lowercase, or capitalised only to open a sentence ('Interactionist ...')
                plain = word.islower() or (n.start in sentence_starts and word.istitle())
                rare = plain and rare_real_word(base)
                if keep and (rare or (plain and self.built_word(base))):
                    # 'harmattan', 'benthic' (a dictionary's words) and 'dechlorinated',
                    # 'rehabilitator' (a known word with a regular prefix or suffix): a
                    # note stands alone only for a slip, one edit from a common word and
                    # alike ('wether', 'untill'); otherwise ('unuseful', 'accidently',
                    # 'technics' on learners' essays) it needs company (gate.py)
                    if not (
                        self._typo_like(word, n.suggestions) and self._one_slip(base, n.suggestions)
                    ):
                        if rare or doubtful:
                            keep = self._typo_like(word, n.suggestions)
                        rule = RARE_WORD
                elif keep and doubtful:
                    keep = self._typo_like(word, n.suggestions)  # 'Becuase', not 'Priya'
                if keep and term:
                    rule = RARE_WORD
                if not keep:
                    continue
                sugg = sorted(n.suggestions, key=lambda s: -self._freq.get(s.lower(), 0))
                if word[:1].isupper():
                    sugg = [s[:1].upper() + s[1:] for s in sugg]
                if word.isupper() and len(word) > 1:
                    sugg = [s.upper() for s in sugg]
                n = Note(
                    n.start,
                    n.end,
                    "spelling",
                    "This word looks misspelled.",
                    tuple(sugg[:3]),
                    rule,
                    n.priority,
                )
            out.append(n)
        return out

    def _other_variety(self, word: str, suggestions: tuple[str, ...], variety: str) -> str | None:
        """``word``'s spelling in ``variety`` when the student wrote the other variety's."""
        from .variety import other_form

        form = other_form(word, variety)
        if form is not None:
            return form
        if variety == "british":
            return british_form(word, suggestions)
        return american_form(word, suggestions)

    def _typo_like(self, word: str, suggestions: tuple[str, ...]) -> bool:
        """A common word (the lexicon's, or a day, month or nationality) spelt almost the
        same (SequenceMatcher ratio >= 0.8; Harper's suggestions and words one edit away):
        'Becuase', 'Secondely', 'leafet', 'wether' are slips, while 'Priya' -> 'Pray',
        'Aoife' -> 'Abide', 'Kasia' -> 'Kasai', 'catalase' -> 'catalyst' are names and
        terms."""
        low = word.lower()
        options = {s.lower() for s in suggestions if " " not in s}
        options |= self._sc.known(self._sc.edit_distance_1(low)) - {low}
        for s in options:
            if (
                self._freq.get(s, 0) >= TYPO_MIN_COUNT
                and (morph.is_known(s) or s in self.common_words or s in _CAPITALISED_SET)
                and _ratio(low, s) >= TYPO_MIN_RATIO
            ):
                return True
        return False

    def built_word(self, low: str) -> bool:
        """A word a dictionary accounts for by regular word building: a known word of five
        or more letters after a prefix ('dechlorinated', 'ecotoxicology', 'unshaded') or
        before '-or', '-ist', '-less', '-ness', '-ism' ('rehabilitator', 'fervourless'), or
        the plural of a dictionary's word ('caddisflies'). A slip of a common word can look
        built too ('misstake'): the caller keeps a note when it is one edit from one."""

        def known(w: str) -> bool:
            return len(w) >= 5 and (
                morph.is_known(w)
                or self._freq.get(w, 0) >= SPLIT_PART_MIN_COUNT
                or rare_real_word(w)
            )

        for prefix in _BUILD_PREFIXES:
            if low.startswith(prefix) and known(low[len(prefix) :].lstrip("-")):
                return True
        for suffix in _BUILD_SUFFIXES:
            stem = low[: -len(suffix)]
            if low.endswith(suffix) and (known(stem) or known(stem + "e")):
                return True
        if low.endswith("ies"):
            return rare_real_word(low[:-3] + "y")
        if low.endswith("es") and low[:-2].endswith(("s", "x", "z", "ch", "sh")):
            return rare_real_word(low[:-2])  # 'boxes', never 'raincoates'
        return low.endswith("s") and not low.endswith("ss") and rare_real_word(low[:-1])

    def _closed_compound(self, low: str) -> bool:
        """Two common words written as one ('streambed', 'caddisfly', 'stormwater'), each
        at least three letters long (not 'alot', 'infact': those are Harper's splits)."""
        from .ngrams import counts

        ng = counts()
        return any(
            self._common_part(low[:i])
            and self._common_part(low[i:])
            and low[i:] not in _SUFFIX_LIKE
            and ng.bigram(low[:i], low[i:]) <= ng.bi_floor  # 'bestfriend': written apart
            for i in range(4, len(low) - 2)
        )

    def _one_slip(self, low: str, suggestions: tuple[str, ...]) -> bool:
        """One edit from a common word among Harper's suggestions ('freind' -> 'friend'),
        not a rare word that merely looks like one ('etiolation' -> 'violation')."""
        return any(
            _edit1(low, s.lower()) and self._freq.get(s.lower(), 0) >= TYPO_MIN_COUNT
            for s in suggestions
            if " " not in s
        )

    def _split_is_likely(self, n: Note) -> bool:
        """Harper's split ('eachother' -> 'each other') is kept when the two words are a
        pair the word-pair counts know."""
        from .ngrams import counts

        ng = counts()
        for s in n.suggestions:
            a, _, b = s.lower().partition(" ")
            if b and ng.bigram(a, b) > ng.bi_floor:
                return True
        return False

    def _split_is_junk(self, word: str, n: Note) -> bool:
        """A word the frequency list knows (or one made regularly from a known word) that
        Harper splits only into pieces that are not all common words ('relit' -> 'rel it',
        'regripped' -> 'reg ripped'): no split to offer and no slip to point at."""
        splits = [s.lower().split() for s in n.suggestions if " " in s]
        if not splits or any(" " not in s for s in n.suggestions):
            return False
        low = word.lower()
        if self._freq.get(low, 0) < 50 and not derived_word(low):
            return False
        return all(any(not self._common_part(p) for p in parts) for parts in splits)

    def _common_part(self, part: str) -> bool:
        return part in {"a", "i"} or (
            self._freq.get(part, 0) >= SPLIT_PART_MIN_COUNT and morph.is_known(part)
        )

    def _prefer_one_word(self, word: str, n: Note) -> Note:
        """Harper's split suggestions ('usefull' -> 'use full') are wrong when a single real
        word is the likelier correction: give that word instead, unless the split is a far
        more common pair than the word is a word ('noone' -> 'no one')."""
        one = self.one_word_corrections(word)
        if not one:
            return n
        splits = [s for s in n.suggestions if " " in s]
        doubled_end = len(word) > 3 and word[-1] == word[-2] and one[0] == word[:-1].lower()
        if splits and not doubled_end:
            from .ngrams import counts

            ng = counts()
            a, _, b = splits[0].lower().partition(" ")
            if ng.bigram(a, b) > 10 * max(1, ng.unigram(one[0])):
                return n
        sugg = one[:3]
        if word[:1].isupper():
            sugg = [s[:1].upper() + s[1:] for s in sugg]
        return Note(
            n.start,
            n.end,
            "spelling",
            "This word looks misspelled.",
            tuple(sugg),
            "harper:SplitWords:word" if n.rule == "harper:SplitWords" else n.rule,
            n.priority,
        )

    def one_word_corrections(self, word: str) -> list[str]:
        """Single real words one edit away that a learner plausibly meant, best first: the
        word without a doubled last letter ('usefull'), then by frequency. Leaves out
        changes to the first letter ('alot' -> 'plot') and deleted letters other than the
        last or one of a doubled consonant ('noone' -> 'none')."""
        low = word.lower()
        if len(low) < 4 or not low.isalpha() or derived_word(low):
            return []  # 'relit' is re + lit, no slip of 'relic'
        found: list[tuple[int, int, str]] = []
        # every known word one edit away: candidates() gives a known word only itself, and
        # 'wether' got Harper's 'wet her' instead of 'whether'
        for c in self._sc.known(self._sc.edit_distance_1(low)):
            if c == low or not c or c[0] != low[0] or " " in c:
                continue
            freq = self._freq.get(c, 0)
            if freq < 1000 or not _plausible_edit(low, c):
                continue
            doubled = int(not (low[-1] == low[-2] and c == low[:-1]))
            found.append((doubled, -freq, c))
        return [c for _, _, c in sorted(found)]

    def _keep(
        self, text: str, word: str, start: int, mostly_caps: bool, sentence_starts: set[int]
    ) -> bool:
        low = word.lower()
        if len(word) <= 2 or not re.fullmatch(r"[A-Za-z]+(?:['’][A-Za-z]+)?", word):
            return False  # abbreviations, initials, numbers
        # a word that the frequency list or the lexicon knows is not flagged, except a
        # lowercase word the lexicon does not know and the list has only rarely seen
        # (a typo that happens to be a rare word: 'yong', 'worser')
        freq = self._freq.get(low, 0)
        if morph.is_known(low) or (freq >= 50 and not (word.islower() and freq < 1000)):
            return False
        if _in_short_line(text, start):
            return False  # headings, greetings and signatures are mostly names
        if word.isupper():
            return mostly_caps and self._near_known(low)
        if word[:1].isupper() and not mostly_caps and start not in sentence_starts:
            # a capitalised word inside a sentence is usually a name
            return any(_edit1(low, c) for c in _CAPITALISED_WORDS)
        return True

    def _near_known(self, low: str) -> bool:
        return bool((self._sc.candidates(low) or set()) - {low})


# a split piece is a common word when the frequency list has seen it this often (and the
# lexicon knows it): 'rel', 'reg' are not
SPLIT_PART_MIN_COUNT = 1000
# regular word building: a prefix on a verb form ('relit', 'outran'), '-er' on a noun or
# verb ('swamper', 'faller', 'skidder'); never '-er' on a comparative ('worser')
_VERB_PREFIXES = ("re", "un", "out", "over", "under", "mis", "pre")
_VERB_TAGS = frozenset({"VB", "VBD", "VBN", "VBG", "VBZ", "VBP"})


@lru_cache(maxsize=1)
def _webster() -> array:
    """Webster's Second International (1934, public domain; the `english-words` package's
    'web2' list, 234,000 words): rare real words the frequency list lacks. Kept as a sorted
    array of 64-bit hashes (1.9 MB) rather than a set of strings (~25 MB in every worker)."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2", "gcide"], lower=True)
    hashes = array("Q", sorted({_word_hash(w) for w in words}))
    del words
    return hashes


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")


def rare_real_word(low: str) -> bool:
    hashes = _webster()
    h = _word_hash(low)
    i = bisect_left(hashes, h)
    return i < len(hashes) and hashes[i] == h


def derived_word(low: str) -> bool:
    """``low`` is a known word with a regular prefix or an agent '-er' ('relit' = re + lit,
    'swamper' = swamp + er, 'skidder' = skid + er): a real word, not a slip."""
    for prefix in _VERB_PREFIXES:
        rest = low[len(prefix) :]
        if low.startswith(prefix) and len(rest) >= 3 and morph.tags(rest) & _VERB_TAGS:
            return True
    for suffix in ("ers", "er"):
        if not low.endswith(suffix) or len(low) < len(suffix) + 3:
            continue
        stem = low[: -len(suffix)]
        stems = [stem, stem + "e"]
        if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
            stems.append(stem[:-1])  # 'skidder'
        for st in stems:
            tags = morph.tags(st)
            if tags & {"NN", "VB"} and not tags & {"JJ", "JJR", "RBR"}:
                return True
    return False


# prefixes and suffixes that build words regularly (for ``built_word``)
_BUILD_PREFIXES = (
    "anti", "bio", "co", "counter", "de", "dis", "eco", "hyper", "hypo", "inter", "macro",
    "micro", "mis", "multi", "non", "out", "over", "post", "pre", "re", "semi", "sub", "super",
    "trans", "un", "under",
)  # fmt: skip
_BUILD_SUFFIXES = ("or", "ors", "ist", "ists", "less", "ness", "ism")


# word endings that are also words: 'secondally' is no compound of 'second' and 'ally'
_SUFFIX_LIKE = frozenset({"ally", "able", "less", "ness", "ment", "ship", "hood", "ward"})
_SUFFIX_LIKE |= {"wise", "like", "some", "ling", "ster", "ful", "ish", "ties", "ings"}
# a split Harper offers whose two words the word-pair counts never list together
UNPAIRED_SPLIT = "spelling:unpaired-split"
# a dictionary's rare word or a built word that is no clear slip of a common word
RARE_WORD = "spelling:rare-word"
# Harper's un-/in-/dis- swap on a word a dictionary lists ('unconformity')
WRONG_NEGATIVE_KNOWN = "harper:WrongNegative:dictionary-word"


def _possessive_of_known(low: str) -> bool:
    base = re.sub(r"['\u2019]s$", "", low)
    return base != low and morph.is_known(base)


def _plausible_edit(word: str, cand: str) -> bool:
    """cand is word with a letter inserted, changed or swapped, or with its last letter or
    one of a doubled consonant left out."""
    if len(cand) >= len(word):
        return True
    if cand == word[:-1]:
        return True
    for i in range(1, len(word)):
        if word[i] == word[i - 1] and word[i] not in "aeiou" and word[:i] + word[i + 1 :] == cand:
            return True
    return False


def _in_short_line(text: str, pos: int) -> bool:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a : b if b != -1 else len(text)]
    return len(line.split()) <= 3 and all(w[:1].isupper() for w in line.split() if w[:1].isalpha())


# what makes an unknown name-like word a typo: a word spelt almost the same that the
# frequency list has seen this often (chosen on the clean essays' names and FCE train's
# sentence-initial typos: scripts/bench/gate_stats.py)
TYPO_MIN_RATIO = 0.8
TYPO_MIN_COUNT = 100
# a word used this often (any case, singular and plural together) is a term of the essay's
TERM_MIN_USES = 3


def _ratio(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _hyphen_part(text: str, start: int, end: int) -> bool:
    """Part of a hyphenated word ('well-orginised', 'papier-mâché')."""
    return text[start - 1 : start] == "-" or text[end : end + 1] == "-"


def _unit(text: str, start: int) -> bool:
    """A unit after a number ('0.2 mol/dm³', '5 km')."""
    from .trust import UNITS

    m = re.match(r"[A-Za-z]+", text[start:])
    before = text[max(0, start - 12) : start].rstrip()
    return bool(m and m.group().lower() in UNITS and before[-1:].isdigit())


_GENUS_BEFORE = re.compile(r"(?:^|[(\s])([A-Z][a-z]{2,}) $")
_LATIN_END = re.compile(r"(?:us|um|a|ae|is|es|ii|i|ensis|ica|ata|oides|ens|ix|ax)$")


def _base(word: str) -> str:
    """The word lowercased, without a possessive 's."""
    return re.sub(r"['\u2019]s$", "", word.lower())


def _singular(low: str) -> str:
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def _species_name(text: str, start: int, end: int) -> bool:
    """A lowercase word after a capitalised genus inside parentheses ('(Tegula
    funebralis)'), or after one that is no English word ('Pisaster ochraceus'), with a
    Latin ending: the second half of a scientific name."""
    word = text[start:end]
    if not word.islower() or not _LATIN_END.search(word):
        return False
    m = _GENUS_BEFORE.search(text[max(0, start - 40) : start])
    if m is None:
        return False
    genus = m.group(1)
    opened = text.rfind("(", 0, start) > text.rfind(")", 0, start)
    return opened or not morph.is_known(genus.lower())


def _foreign_compound(text: str, start: int, end: int) -> bool:
    """A hyphenated word whose other part is not plain English either ('papier-mâché')."""
    m = re.search(r"[\w\u00c0-\u024f'-]*$", text[:start])
    n = re.match(r"[\w\u00c0-\u024f'-]*", text[end:])
    whole = (m.group() if m else "") + text[start:end] + (n.group() if n else "")
    others = [p for p in whole.split("-") if p and p != text[start:end]]
    return bool(others) and not any(morph.is_known(p) and p.isascii() for p in others)


def variety_note(detection: Detection, variety: str) -> Note | None:
    """One gentle note for an essay that mixes British and American spelling (auto mode):
    on the first word spelt the less used way."""
    if not detection.mixed:
        return None
    minority = [m for m in detection.markers if m.variety != variety]
    majority = [m for m in detection.markers if m.variety == variety]
    if not minority or not majority:
        return None
    m = minority[0]
    return Note(
        m.start,
        m.end,
        "spelling",
        f"You use both British and American spelling (here '{m.word}', elsewhere "
        f"'{majority[0].word}'). Either is fine; keep to one: '{m.other}'.",
        (m.other,),
        "variety:mixed",
        0,
    )
