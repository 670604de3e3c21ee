"""Sentence-level attribution: cue -> speaker -> content, over tokens with quotations masked.

Every cue looks for its speaker (left subject, inverted subject, "according to S", or the subject
shared with an earlier cue in the sentence), then for its content: forward ("S said (that) X",
"S said: Q") or trailing ("X, S said"; "Q," S said, "Q2"). A later attribution that begins after a
clause boundary (", while", "but", ";") ends the earlier content; one that begins inside it
without a boundary is nested in it (its `parent`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from claimtrack.engine import lexicon as lx
from claimtrack.engine import rules
from claimtrack.engine.cues import FORMS, STATEMENT_NOUNS, Cue, find_cues
from claimtrack.engine.rules import Rule
from claimtrack.engine.speakers import Mention, subject_left, subject_right, with_apposition
from claimtrack.engine.text import Sentence, Token

MAX_RESTRICTIVE_ANTECEDENT = 5  # tokens of "Tory spokesman Julian Lewis who said"


@dataclass
class Candidate:
    """One attribution found in one sentence, before speakers are resolved."""

    sentence: Sentence
    cue: Cue | None
    cue_span: tuple[int, int] | None
    mention: Mention | None  # the speaker mention the attribution rests on
    rule: Rule | None  # None until the content is found
    confidence: float
    pieces: list[tuple[int, int]] = field(default_factory=list)  # content, character spans
    quotes: set[int] = field(default_factory=set)
    parent: Candidate | None = None
    inherits: Candidate | None = None  # shares the speaker of this candidate
    needs_prev_quote: bool = False  # "Kirby said." after a quote sentence
    needs_next_quote: bool = False  # "He added:" before a quote paragraph
    antecedent: Mention | None = None  # for "who said": the noun phrase before ", who"
    entity: object | None = None  # set by the resolver
    # token bookkeeping inside the sentence
    a: int = 0  # first token of the attribution (speaker or cue)
    after: int = 0  # first token after the cue (and after an inverted speaker)
    fwd: tuple[int, int] | None = None  # content tokens
    trailing: bool = False  # content to the left: "X, S said"
    inverted: bool = False  # '"...," said S'
    middle: bool = False  # "X, S said, Y" (P11)
    participle: bool = False  # ", saying ..." sharing the sentence's subject
    split_from: int | None = None  # token index where a split quote's second part starts


def attribute_sentence(text: str, sent: Sentence, toks: list[Token]) -> list[Candidate]:
    cues = [c for c in find_cues(toks) if not _non_cue_phrase(text, toks, c)]
    items: list[Candidate] = []
    for cue in cues:
        cand = _speaker_for(text, sent, toks, cue, items)
        if cand is None:
            continue
        items.append(cand)
    # Content extents.
    for idx, c in enumerate(items):
        _content_extent(toks, c, items, idx)
    for idx, c in enumerate(items):
        if c.trailing:
            _trailing_region(toks, c, items, idx)
    out = []
    for c in items:
        if c.fwd is None and not c.needs_prev_quote and not c.needs_next_quote:
            continue
        if c.fwd is not None:
            a, b = c.fwd
            second: list[tuple[int, int]] = []
            if c.split_from is not None:
                stop = len(toks) if c.middle else _end_of_quote_run(toks, c.split_from)
                second = [(c.split_from, stop)]
            _set_content(text, toks, c, [(a, b), *second])
            if not c.pieces:
                if c.needs_next_quote:
                    out.append(c)
                continue
            if not _plausible_content(toks, c):
                continue
        out.append(c)
    return out


def _non_cue_phrase(text: str, toks: list[Token], cue: Cue) -> bool:
    a = toks[max(0, cue.head - 2)].start
    b = toks[min(len(toks) - 1, cue.end + 2)].end
    window = text[a:b]
    return lx.NON_CUE_PHRASE.search(window) is not None


def _participle_after_comma(toks: list[Token], cue: Cue) -> bool:
    """", arguing that ...", "by publishing ...": an -ing cue after a comma or a linking preposition,
    with no auxiliary ("..., was insisting" is finite)."""
    return cue.form == "ing" and cue.group_start > 0 and (
        toks[cue.group_start - 1].text == "," or toks[cue.group_start - 1].low in lx.PARTICIPLE_LINKS) \
        and not any(t.low in lx.AUXILIARIES for t in toks[cue.group_start:cue.head])


def _speaker_for(text: str, sent: Sentence, toks: list[Token], cue: Cue, items: list[Candidate]) -> Candidate | None:
    """The attribution *cue* makes, with its speaker; None when it has none."""
    site = _CueSite(text, sent, toks, cue, (toks[cue.group_start].start, toks[cue.end - 1].end))
    if cue.lemma == "according to":
        return _source_after_according_to(site)
    if cue.passive:
        return _agent_of_passive(site)
    finders = _PARTICIPLE_FINDERS if _participle_after_comma(toks, cue) else _SPEAKER_FINDERS
    for find in finders:
        c = find(site, items)
        if c is not None:
            return c
    return None


@dataclass(frozen=True, slots=True)
class _CueSite:
    """A cue in its sentence: what every way of finding its speaker looks at."""

    text: str
    sent: Sentence
    toks: list[Token]
    cue: Cue
    span: tuple[int, int]  # the cue's characters, auxiliaries included

    @property
    def before(self) -> Token | None:
        """The token just before the cue's group."""
        return self.toks[self.cue.group_start - 1] if self.cue.group_start > 0 else None

    def candidate(self, mention: Mention | None, confidence: float, rule: Rule | None = None,
                  a: int | None = None) -> Candidate:
        return Candidate(self.sent, self.cue, self.span, mention, rule, confidence,
                         a=self.cue.group_start if a is None else a)


def _source_after_according_to(site: _CueSite) -> Candidate | None:
    """"according to S"."""
    m = subject_right(site.toks, site.cue.end, site.text, loose=True)
    if m is None:
        return None
    c = site.candidate(m, rules.ACCORDING_TO.own_confidence, rules.ACCORDING_TO)
    c.after = m.last
    return c


def _agent_of_passive(site: _CueSite) -> Candidate | None:
    """"X was claimed by S"."""
    m = subject_right(site.toks, site.cue.end + 1, site.text)  # after "by"
    if m is None:
        return None
    c = site.candidate(m, rules.PASSIVE_BY_SPEAKER.own_confidence, rules.PASSIVE_BY_SPEAKER)
    c.after = m.last
    return c


def _subject_before_cue(site: _CueSite, items: list[Candidate]) -> Candidate | None:
    """"Kirby said", "the mayor, who called ..."."""
    toks, cue = site.toks, site.cue
    m = subject_left(toks, cue.group_start, 0, site.text)
    if m is None or (m.kind == "relative" and m.text.lower() == "which" and not _quote_near(toks, cue)):
        return None
    if cue.form == "ing" and cue.group_start == cue.head:
        m = _name_before_participle(toks, m, site.text)
    if m.first > 0 and toks[m.first - 1].low in lx.WH_CLAUSE_OPENERS and (
            cue.end >= len(toks) or toks[cue.end].kind == "p"):
        return None  # "moved by what people said.": a noun phrase, no report of words
    c = site.candidate(m, rules.SPEAKER_BEFORE_CUE, a=_wh_phrase_start(toks, m.first))
    if m.kind == "relative" and m.first > 0 and toks[m.first - 1].text == ",":
        c.antecedent = subject_left(toks, m.first - 1, 0, site.text)  # "the mayor, who called ..."
    elif m.kind == "relative" and m.first > 0 and toks[m.first - 1].kind == "w":
        c.antecedent = _restrictive_antecedent(toks, m.first, site.text)  # "Home Secretary Charles Clarke who said"
    c.after = cue.end
    return c


def _restrictive_antecedent(toks: list[Token], who: int, text: str) -> Mention | None:
    """The noun phrase right before a "who" with no comma ("a union leader who said"): the words after
    the last preposition of the subject scan ("responding to Tory spokesman Julian Lewis who said" gives
    the spokesman, "right against governments who thought" the governments), and nothing when the word
    before "who" is no noun ("the person first of all who asked", "in Parliament itself who")."""
    m = subject_left(toks, who, 0, text)
    if m is None:
        return None
    a = m.last
    name = toks[a - 1].capitalised  # "met harbour master Tom Bell who said": the name alone
    while a > m.first and toks[a - 1].kind == "w" and not _breaks_antecedent(toks, a - 1) \
            and (not name or toks[a - 1].capitalised or toks[a - 1].low in lx.NOUN_PHRASE_CONNECTORS):
        a -= 1
    while a < m.last and not toks[a].capitalised and toks[a].low in lx.NOUN_PHRASE_CONNECTORS:
        a += 1
    if a == m.last or m.last - a > MAX_RESTRICTIVE_ANTECEDENT:
        return None
    return Mention(a, m.last, toks[a].start, toks[m.last - 1].end, text[toks[a].start:toks[m.last - 1].end],
                   "name" if toks[m.last - 1].capitalised else "nominal")


def _breaks_antecedent(toks: list[Token], k: int) -> bool:
    t = toks[k]
    if t.capitalised or t.low not in lx.ANTECEDENT_BREAKS:
        return False
    return not (t.low == "of" and k + 1 < len(toks) and toks[k + 1].capitalised)  # "Institute of Fiscal Studies"


def _wh_phrase_start(toks: list[Token], first: int) -> int:
    """Where an attribution inside a wh-clause starts: ", engaging in what analysts described as" opens
    at "engaging" (an earlier content ends at the comma); "between what Trump says", "and what they
    claim" at their subject, as any attribution."""
    if first == 0 or toks[first - 1].low not in lx.WH_CLAUSE_OPENERS:
        return first
    k = first - 1
    for j in range(k - 1, max(-1, k - 5), -1):
        if toks[j].kind == "p" and toks[j].text == ",":
            # a participle after the comma opens the phrase (", engaging in what ..."); else the subject
            return j + 1 if toks[j + 1].low.endswith("ing") else first
        if toks[j].kind != "w" or toks[j].capitalised:
            break
    return first


def _name_before_participle(toks: list[Token], m: Mention, text: str) -> Mention:
    """"The ad uses footage of Hillary Clinton asking", "with footage of Trump saying": the name right
    before the participle is its speaker, not the noun phrase that holds it."""
    b = m.last
    a = b
    while a > m.first and toks[a - 1].kind == "w" and toks[a - 1].capitalised:
        a -= 1
    if a == b or a == m.first or toks[a - 1].kind != "w" or toks[a - 1].low not in ("of", "with", "showing", "shows"):
        return m
    return Mention(a, b, toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end], "name")


def _speaker_after_cue(site: _CueSite, items: list[Candidate]) -> Candidate | None:
    """'"...," said Kirby', '"...," said Mary Brown, the minister'."""
    toks, cue, prev = site.toks, site.cue, site.before
    if cue.form not in ("ed", "s") or cue.lemma not in lx.INVERTING_CUES or not (
        prev is None or prev.kind == "q" or prev.text in ",:—–"
    ):
        return None
    m = subject_right(toks, cue.end, site.text)
    if m is None or _subject_of_reported_clause(toks, m.last):
        return None
    if cue.lemma in lx.INVERTING_PAST_ONLY and (cue.form != "ed" or m.kind in ("pronoun", "relative")):
        return None
    after = _skip_apposition(toks, m.last)
    name = _appositive_name(toks, m, site.text)
    if name is not None:
        m, after = name, name.last  # 'said Labour's shadow minister, Jo Platt'
    elif after > m.last and m.kind == "name":
        m = with_apposition(m, toks, m.last + 1, after, site.text)  # 'said Mary Brown, the minister'
    c = site.candidate(m, rules.SPEAKER_AFTER_CUE)
    c.after = after
    c.inverted = True
    return c


def _subject_of_earlier_cue(site: _CueSite, items: list[Candidate]) -> Candidate | None:
    """A coordinated or participial cue sharing the subject of an earlier one: "did not deny ...
    but rejected", '"...," he said, adding that'."""
    prev = site.before
    if not items or prev is None or not (
        prev.low in lx.SHARED_SUBJECT_LINKS or prev.text in ",;—–" or _ends_with_comma(prev)
    ):
        return None
    base = items[-1]
    while base.inherits is not None:
        base = base.inherits
    c = site.candidate(base.mention, rules.SPEAKER_OF_EARLIER_CUE)
    c.inherits = base
    c.after = site.cue.end
    return c


def _subject_of_coordinated_cue(site: _CueSite, items: list[Candidate]) -> Candidate | None:
    """"The ministry reviewed the file and says it will not act ...": the sentence's subject."""
    toks, cue, prev = site.toks, site.cue, site.before
    if prev is None or prev.low not in lx.CLAUSE_COORDINATORS or items or not (
        cue.lemma in lx.SAY_LIKE_CUES or (cue.lemma in lx.QUOTE_ONLY_CUES and _quote_after(toks, cue.end))
    ):
        return None
    return _sentence_subject_speaks(site, rules.SPEAKER_OF_COORDINATED_CUE)


def _subject_of_participle(site: _CueSite, items: list[Candidate]) -> Candidate | None:
    """", saying ...", "by warning ...", "issued a statement saying ...": the sentence's subject."""
    prev = site.before
    if site.cue.form != "ing" or prev is None or not (
        prev.text in ",;—–" or prev.low in lx.PARTICIPLE_LINKS or prev.low in STATEMENT_NOUNS
    ):
        return None
    return _sentence_subject_speaks(site, rules.SPEAKER_OF_PARTICIPLE)


def _sentence_subject_speaks(site: _CueSite, confidence: float) -> Candidate | None:
    m = initial_subject(site.toks, site.text, site.cue.group_start)
    if m is None:
        return None
    c = site.candidate(m, confidence)
    c.after = site.cue.end
    c.participle = True
    return c


# The ways a cue finds its speaker, tried in order; the first that finds one wins.
_SPEAKER_FINDERS: tuple[Callable[[_CueSite, list[Candidate]], Candidate | None], ...] = (
    _subject_before_cue, _speaker_after_cue, _subject_of_earlier_cue, _subject_of_coordinated_cue,
    _subject_of_participle,
)
# ", arguing that ...", ", promising to ...": a participle after a comma shares the subject of the
# clause it hangs on (an earlier cue's, else the sentence's), not the noun phrase before the comma
# ("Trump revised his plan after complaints over its costs, promising to ...").
_PARTICIPLE_FINDERS: tuple[Callable[[_CueSite, list[Candidate]], Candidate | None], ...] = (
    _subject_of_earlier_cue, _subject_of_participle, _subject_before_cue, _speaker_after_cue,
    _subject_of_coordinated_cue,
)


def _quote_after(toks: list[Token], k: int) -> bool:
    """A quotation follows within the clause ("and called the plan "a farce"")."""
    for t in toks[k:k + 12]:
        if t.kind == "q":
            return True
        if t.kind == "p" and t.text in ";.":
            return False
    return False


def _quote_near(toks: list[Token], cue: Cue) -> bool:
    return any(t.kind == "q" for t in toks[max(0, cue.head - 3): cue.end + 3])


def initial_subject(toks: list[Token], text: str, limit: int) -> Mention | None:
    """The sentence's opening noun phrase, for ", saying ..." participles and colon intros."""
    k = _main_clause_start(toks, limit)
    if k is not None and k + 1 < limit and toks[k].kind == "q":
        # '"...," the singer says before adding, "..."': the subject follows the opening quote
        if toks[k + 1].kind == "p" and toks[k + 1].text == ",":
            k += 2
        elif _ends_with_comma(toks[k]):
            k += 1
    if k is None or k >= limit or toks[k].kind != "w":
        return None
    m = subject_right(toks, k, text, loose=True)
    if m is None and toks[k].capitalised:
        b = k  # '"...," Nia Brooks sings to the crowd before asking': the opening name
        while b < limit and toks[b].kind == "w" and toks[b].capitalised:
            b += 1
        m = Mention(k, b, toks[k].start, toks[b - 1].end, text[toks[k].start:toks[b - 1].end], "name")
    if m is None or m.last > limit:
        return None
    return m


def _appositive_name(toks: list[Token], m: Mention, text: str) -> Mention | None:
    """A nominal speaker followed by ", Firstname Lastname" and the end of the clause."""
    k = m.last
    if m.kind != "nominal" or k + 1 >= len(toks) or toks[k].text != ",":
        return None
    b = k + 1
    while b < len(toks) and toks[b].kind == "w" and toks[b].capitalised:
        b += 1
    if b - (k + 1) < 2 or (b < len(toks) and not (toks[b].kind == "p" and toks[b].text in ".,;:")):
        return None
    return Mention(k + 1, b, toks[k + 1].start, toks[b - 1].end, text[toks[k + 1].start:toks[b - 1].end], "name")


def _subject_of_reported_clause(toks: list[Token], k: int) -> bool:
    """The noun phrase after "said" goes on with its own verb: it is the subject of the reported
    clause, not an inverted speaker ("Mike Hobday, from the league, said video evidence of the law
    was to be passed on", "told him the passport had been found")."""
    if k >= len(toks) or toks[k].kind != "w" or toks[k].capitalised:
        return False
    low = toks[k].low
    return (low in lx.AUXILIARIES and low not in ("'s", "’s")) or low in lx.IRREGULAR_PAST


def _skip_apposition(toks: list[Token], k: int) -> int:
    """After '"...," said John Kirby' step over ", the White House spokesman," if present."""
    n = len(toks)
    if k < n and toks[k].kind == "p" and toks[k].text == "," and k + 1 < n and toks[k + 1].kind == "w" and (
        toks[k + 1].low in lx.INVERTED_APPOSITION_STARTS or toks[k + 1].low in lx.ROLE_NOUNS
    ):
        j = k + 1
        while j < n and not (toks[j].kind == "p" and toks[j].text in ",.;:") and toks[j].kind != "q":
            j += 1
        return j
    return k


def _skip_adjuncts(toks: list[Token], j: int, addressee: bool) -> int:
    n = len(toks)
    moved = True
    while moved and j < n:
        moved = False
        t = toks[j]
        if t.kind != "w":
            break
        if t.low in lx.DAYS:
            j += 1
            moved = True
            continue
        if t.low in lx.DAY_QUALIFIERS and j + 1 < n and toks[j + 1].low in lx.DAYS:
            j += 2  # "told reporters this weekend he would ..."
            moved = True
            continue
        if t.low in lx.ADJUNCT_OPENERS:
            k = j + 1
            while k < n and k - j <= 8 and toks[k].kind == "w" and toks[k].low != "that" \
                    and toks[k].low not in lx.SUBJECT_PRONOUNS and toks[k].low not in lx.AUXILIARIES:
                k += 1
            if k >= n or (toks[k].kind == "p" and toks[k].text in ",:.") or toks[k].low == "that" \
                    or toks[k].kind == "q":
                j = k
                moved = True
                continue
        if addressee and (t.low == "the" or not _ends_addressee(t.low)):
            k = _addressee_end(toks, j)
            if k > j:
                j = k
                addressee = False
                moved = True
                continue
    return j


def _ends_addressee(low: str) -> bool:
    """What ends an addressee: a stop word ("told reporters that ...") or a day ("told CNN Monday")."""
    return low in lx.ADDRESSEE_STOPS or low in lx.DAYS


def _addressee_end(toks: list[Token], j: int) -> int:
    """After "told": "reporters", "CNN", "the BBC", "a news conference in Kyiv", "her audience".

    The addressee ends where a new noun phrase or clause starts: "told the BBC the documents
    showed ..." keeps "the documents showed ..." as the content."""
    n = len(toks)
    start = j + 1 if j < n and toks[j].kind == "w" and toks[j].low in lx.ADDRESSEE_DETERMINERS else j
    k = _addressee_words_end(toks, j, start)
    if k > start and k + 1 < n and toks[k].text == ",":
        # "told her audience, a mix of students and workers, that ..."
        close = next((i for i in range(k + 1, min(n, k + 12)) if toks[i].text == ","), None)
        if close is not None and close + 1 < n and toks[close + 1].low == "that":
            k = close + 1
    return k if k > start else j


def _addressee_words_end(toks: list[Token], j: int, start: int) -> int:
    """The end of the addressee's words from toks[start] (after its determiner at toks[j], if any)."""
    n = len(toks)
    k = start
    while k < n and k - start < 6 and toks[k].kind == "w":
        low = toks[k].low if not (toks[k].capitalised and k > start) else ""  # "Any Questions"
        if _ends_addressee(low) or low in lx.ADDRESSEE_DETERMINERS or low in lx.SUBJECT_PRONOUNS \
                or low in lx.CLAUSE_BOUNDARIES or low in FORMS:
            break
        if k > start and not toks[k].capitalised and toks[k - 1].capitalised and not low.endswith(("'s", "’s")):
            break  # "told CNN the attack": a lowercase word after a name starts the content
        k += 1
        if k == start + 1 and not toks[start].capitalised and toks[j].low not in lx.ADDRESSEE_DETERMINERS:
            break  # "told reporters": one plain noun
    return k


def _content_extent(toks: list[Token], c: Candidate, items: list[Candidate], idx: int) -> None:
    """Where the content of *c* lies: after its cue (c.fwd), before it (c.trailing, settled by
    _trailing_region), or in the quotation after the sentence (c.needs_next_quote)."""
    if c.cue is not None and c.cue.refused:
        # "declined to comment on the cost": the content is what was refused
        j = c.cue.end
        c.fwd = (j, _forward_end(toks, j, items, idx))
        c.rule = rules.SPEAKER_REFUSED
        return
    j, sep = _content_start(toks, c)
    if not _content_is_elsewhere(toks, c, j, sep, items, idx):
        _forward_content(toks, c, j, sep, items, idx)


def _takes_addressee(toks: list[Token], c: Candidate) -> bool:
    """The cue's object is its addressee ("told reporters", "warned them"), not the content."""
    lemma = c.cue.lemma if c.cue else ""
    if lemma not in lx.ADDRESSEE_CUES or lemma in lx.TARGET_CUES:
        return False
    after = c.after
    # "urged caution": a plain lower-case word after these is no addressee
    return not (lemma in lx.ADDRESSEE_OPTIONAL_CUES and after < len(toks) and toks[after].kind == "w"
                and not toks[after].capitalised and toks[after].low not in lx.USUAL_ADDRESSEES)


def _content_start(toks: list[Token], c: Candidate) -> tuple[int, str | None]:
    """The first token after the cue's adjuncts, addressee, separator ("," or ":") and "that"; and
    that separator."""
    n = len(toks)
    j = _skip_adjuncts(toks, c.after, _takes_addressee(toks, c))
    sep = None
    if j < n and toks[j].kind == "p" and toks[j].text in ",:—–":
        sep = toks[j].text
        j += 1
        j = _skip_adjuncts(toks, j, False)
        if j < n and toks[j].kind == "p" and toks[j].text in ",:":
            sep = toks[j].text
            j += 1
    if sep == "," and (clause := _that_after_insertion(toks, j)) is not None:
        return clause, None  # "stated, while testifying before Congress, that X"
    if j < n and toks[j].kind == "w" and toks[j].low == "that":
        j += 1
    elif sep is None and _takes_addressee(toks, c) and (clause := _that_after_addressee(toks, j)) is not None:
        return clause, None  # "told one of his young proteges on a regular basis that X"
    return j, sep


ADDRESSEE_WORDS = 10  # the longest rest of an addressee and its adjuncts before "that" (tokens)


def _that_after_addressee(toks: list[Token], j: int) -> int | None:
    """The start of a that-clause a few plain words after the cue's addressee, when the addressee
    scan stopped early; None at any punctuation or quotation first."""
    for k in range(j, min(len(toks) - 1, j + ADDRESSEE_WORDS)):
        t = toks[k]
        if t.kind != "w" or (not t.capitalised and (t.low in lx.AUXILIARIES or t.low in FORMS
                                                     or t.low in lx.IRREGULAR_PAST or t.low.endswith("ed"))):
            return None  # ("told BBC News care was needed to ensure that": the content has begun)
        if t.low == "that":
            return k + 1
    return None


INSERTION_WORDS = 16  # the longest insertion between a cue's comma and its "that" (tokens)


def _that_after_insertion(toks: list[Token], j: int) -> int | None:
    """The start of a that-clause past an insertion between commas after the cue ("stated, while
    testifying before Congress, that X"); None when the words after the comma are no insertion."""
    for k in range(j, min(len(toks) - 2, j + INSERTION_WORDS)):
        t = toks[k]
        if t.kind == "q" or (t.kind == "p" and t.text in ".!?;:"):
            return None
        if t.kind == "p" and t.text == ",":
            after = toks[k + 1]
            return k + 2 if after.kind == "w" and after.low == "that" else None
    return None


def _content_is_elsewhere(toks: list[Token], c: Candidate, j: int, sep: str | None,
                          items: list[Candidate], idx: int) -> bool:
    """Settles a content that is not simply the words after the cue: one before it ('"Q," she
    said'), the quotation after the sentence ("He added:"), or the quotation after a comma when
    the words before the attribution are no content. False when the content follows the cue."""
    if c.a > 0 and c.inherits is None and _comma_quote_before(toks, c.a):
        # '"...," she said introducing the next speaker': a quote closed by a comma is this cue's content.
        c.trailing = True
        if sep == "," and j < len(toks) and toks[j].kind == "q":
            c.split_from = j
        return True
    if all(t.kind == "p" and t.text in ".!?;" for t in toks[j:]):  # nothing after the cue
        if sep == ":":
            c.needs_next_quote = True
            c.fwd = None
            c.rule = c.rule or rules.SPEAKER_CUE_QUOTE
        else:
            c.trailing = True
        return True
    if toks[j].kind == "p" and toks[j].text == ";" and c.a > 0 and not (c.cue and c.cue.passive) \
            and _has_content_before(toks, c.a):
        c.trailing = True  # "X, he said; Y": a semicolon after the cue starts no content of its own
        return True
    return c.a > 0 and _has_content_before(toks, c.a) and _content_by_words_before(toks, c, j, sep, items, idx)


def _content_by_words_before(toks: list[Token], c: Candidate, j: int, sep: str | None,
                             items: list[Candidate], idx: int) -> bool:
    """With words before the attribution, they are its content ("X, S said", "X according to S",
    "X, S said, Y"), or, when they are an adjunct, the quotation after a comma is ('Asked whether
    ..., the coach said, "Probably."'). False when the content follows the cue after all."""
    if sep == "," and toks[j].kind == "q" and not c.inverted and not _quote_before(toks, c.a):
        c.fwd = (j, _forward_end(toks, j, items, idx))
        c.rule = rules.SPEAKER_CUE_QUOTE
        return True
    # 'Said Ana Ruiz, who grew up nearby, "We were so proud."': an inverted cue opening the sentence
    # has no words before it, and its content follows.
    if c.inverted or sep == ",":
        c.trailing = True
        if toks[j].kind == "q":
            c.split_from = j
        elif sep == "," and _continues_clause(toks, j, c.a):
            c.split_from = j  # P11: "X, the company said, would be built ..."
            c.middle = True
        return True
    if c.cue is not None and c.cue.lemma == "according to":
        c.trailing = True  # "X according to S" without a comma
        return True
    return False


def _forward_content(toks: list[Token], c: Candidate, j: int, sep: str | None,
                     items: list[Candidate], idx: int) -> None:
    """The content after the cue, from toks[j]: "S said (that) X", 'S said: "Q"'."""
    end = _forward_end(toks, j, items, idx)
    if c.mention is not None and c.mention.kind == "relative":
        # "Ruiz, who said she rarely votes, said ...": the clause ends at its comma
        comma = next((i for i in range(j, end) if toks[i].kind == "p" and toks[i].text in ",—–-"), None)
        if comma is not None:
            end = comma
    end = _end_of_naming(toks, c, j, end)
    j = _colon_quote_start(toks, j, end)
    j, end = _named_quote(toks, j, end)
    c.fwd = (j, end)
    if c.rule is None:
        if toks[j].kind == "q" and (sep in (":", ",") or end - j == 1):
            c.rule = rules.SPEAKER_CUE_QUOTE
        else:
            c.rule = rules.SPEAKER_CUE_CLAUSE
    if c.participle or c.inherits is not None:
        c.confidence = min(c.confidence, rules.BORROWED_SPEAKER_CEILING)


def _end_of_naming(toks: list[Token], c: Candidate, j: int, end: int) -> int:
    """Quoted words that name close a content: 'Lee called the plan a "farce" on his radio show',
    'Lee described the plan as a "farce," but ...'."""
    if c.cue is not None and c.cue.lemma in lx.QUOTE_ONLY_CUES:
        # the naming ends with the quoted words, and the noun they describe ('called North Korea's
        # "reckless, provocative" actions.'): one plain word closing the clause
        last_q = max((i for i in range(j, end) if toks[i].kind == "q"), default=None)
        if last_q is None:
            return end
        head = last_q + 1
        if head < end and toks[head].kind == "w" and not toks[head].capitalised and toks[head].low.isalpha() \
                and toks[head].low not in lx.NOT_A_NAMED_HEAD and (head + 1 >= end or toks[head + 1].kind == "p"):
            return head + 1
        return last_q + 1 if _ends_with_comma(toks[last_q]) else _named_complement_end(toks, last_q + 1, end)
    # "as" + quoted words close the content
    as_q = next((i for i in range(j + 1, end) if toks[i].low == "as" and any(
        t.kind == "q" for t in toks[i + 1:i + 4])), None)
    last_q = None if as_q is None else max(
        (i for i in range(as_q + 1, end) if toks[i].kind == "q"), default=None)  # the quote may lie past the end
    return end if last_q is None else last_q + 1


NAMED_COMPLEMENT_WORDS = 6  # the longest "for its members" after a naming's quoted words (tokens)


def _named_complement_end(toks: list[Token], k: int, end: int) -> int:
    """Where a naming ends after its quoted words at *k*: past a complement of the name ('called Clinton a
    "champion" for its members', 'a "friend" of the poor'), which runs to the next punctuation; not past
    an adjunct ('a "farce" on his radio show') or a longer phrase."""
    if k + 1 >= end or toks[k].kind != "w" or toks[k].low not in ("for", "of") or toks[k + 1].low.endswith("ing"):
        return k  # ("... "wrong" for claiming ...": the reporter's reason)
    for i in range(k + 1, min(end, k + NAMED_COMPLEMENT_WORDS + 1)):
        t = toks[i]
        if t.kind != "w" or t.low in lx.CLAUSE_BOUNDARIES or t.low in FORMS:
            return i if t.kind == "p" and i > k + 1 else k
    return end if end - k <= NAMED_COMPLEMENT_WORDS else k


def _continues_clause(toks: list[Token], j: int, a: int) -> bool:
    """After "X, he said," the rest continues X when X is not a quotation and the rest does not
    start a new phrase of its own."""
    first = toks[j]
    if first.kind != "w" or first.low in lx.MIDDLE_STOPS or first.low.endswith("ing"):
        return False
    before = [t for t in toks[:a] if t.kind in ("w", "q")]
    return bool(before) and before[-1].kind != "q"


def _quote_before(toks: list[Token], a: int) -> bool:
    k = a - 1
    while k >= 0 and toks[k].kind == "p" and toks[k].text in ",—–":
        k -= 1
    return k >= 0 and toks[k].kind == "q"


def _titleish(t: Token) -> bool:
    """'"Morning Briefing,"': a quoted title, not quoted speech."""
    words = [w for w in t.text.strip("\"“”'’‘,.«» ").split() if w[:1].isalpha()]
    return 0 < len(words) <= 6 and words[0][0].isupper() and all(
        w[0].isupper() or w.lower() in lx.TITLE_SMALL_WORDS for w in words[1:])  # "Face the Nation,"


def _comma_quote_before(toks: list[Token], a: int) -> bool:
    k = a - 1
    if k >= 0 and toks[k].kind == "p" and toks[k].text == ",":
        k -= 1
        if k >= 0 and toks[k].kind == "q":
            return not _titleish(toks[k])
    if k >= 0 and toks[k].kind == "q":
        inner = toks[k].text.rstrip("\"”'’ ")
        return inner.endswith((",", "?", "!", "—", "-")) and not (inner.endswith(",") and _titleish(toks[k]))
    return False


def _has_content_before(toks: list[Token], a: int) -> bool:
    return any(t.kind in ("w", "q") for t in toks[:a])


def _boundary_run(toks: list[Token], a: int, floor: int) -> int:
    """Start of the run of boundary tokens (",", ";", "and", "but", "while") ending before *a*."""
    k = a
    while k > floor and (
        (toks[k - 1].kind == "p" and toks[k - 1].text in ",;—–")
        or (toks[k - 1].kind == "w" and toks[k - 1].low in lx.CONTENT_BOUNDARY_WORDS)
    ):
        k -= 1
    return k


def _ends_with_comma(t: Token) -> bool:
    return t.kind == "q" and t.text.rstrip("\"”'’“ ").endswith(",")


def _forward_end(toks: list[Token], j: int, items: list[Candidate], idx: int) -> int:
    """Where a content starting at toks[j] ends: at the sentence's end, a clause break, an adjunct
    of the report, the reporter's gloss or words after the last quotation, or the next attribution."""
    end = len(toks)
    while end > j and toks[end - 1].kind == "p" and toks[end - 1].text in ".!?;)":
        end -= 1
    end = _end_at_clause_break(toks, j, end)
    end = _end_before_report_adjunct(toks, j, end)
    end = _end_before_gloss(toks, j, end)
    end = _end_after_quote(toks, j, end)
    end = _trim_time_adjunct(toks, j, end)
    end = _end_of_opening_clause(toks, j, end)
    return _end_before_later_attribution(toks, j, end, items[idx + 1:])


def _end_of_opening_clause(toks: list[Token], j: int, end: int) -> int:
    """"Though she called for pay to be clawed back, Clinton restricted comments ...": a report inside a
    sentence's opening subordinate clause ends where the main clause begins (a comma, then its subject)."""
    if not toks or toks[0].kind != "w" or toks[0].low not in lx.OPENING_SUBORDINATORS \
            or any(t.kind == "p" and t.text == "," for t in toks[:j]):
        return end
    for k in range(j + 1, end - 1):
        nxt = toks[k + 1]
        if toks[k].kind == "p" and toks[k].text == "," and nxt.kind == "w" and (
                nxt.capitalised or nxt.low in lx.SUBJECT_PRONOUNS):
            return k
    return end


def _end_at_clause_break(toks: list[Token], j: int, end: int) -> int:
    """"He proposes X; she backs Y", "He proposes X — though ..."."""
    for k in range(j + 1, end):
        if toks[k].kind == "p" and toks[k].text == ";":
            return k
        if toks[k].kind == "p" and toks[k].text in "—–-" and k + 1 < end and toks[k + 1].kind == "w" \
                and toks[k + 1].low in lx.DASH_CLAUSE_JOINERS:
            return k
    return end


def _end_before_report_adjunct(toks: list[Token], j: int, end: int) -> int:
    """", compared with ...", ", referring to ...", ", implicitly putting ...": an adjunct of the report,
    not its content."""
    for k in range(j + 1, end - 1):
        nxt = toks[k + 1]
        if nxt.kind == "w" and (nxt.low in lx.CONTENT_STOPS or (nxt.low.endswith("ing") and nxt.low in FORMS)
                                or _adverb_and_participle(toks, k + 1, end)):
            if toks[k].kind == "p" and toks[k].text == ",":
                return k
            if toks[k].kind == "q" and _ends_with_comma(toks[k]):
                return k + 1
    return end


def _adverb_and_participle(toks: list[Token], k: int, end: int) -> bool:
    """", implicitly putting his name on the line": the reporter's comment on the report."""
    return k + 1 < end and toks[k].low.endswith("ly") and len(toks[k].low) > 4 and toks[k + 1].kind == "w" \
        and toks[k + 1].low.endswith("ing") and len(toks[k + 1].low) > 5


def _end_before_gloss(toks: list[Token], j: int, end: int) -> int:
    """"she backs the bill, which includes ...": a closing relative clause is the reporter's gloss,
    not the speaker's content."""
    for k in range(j + 1, end - 1):
        if toks[k].kind == "p" and toks[k].text == "," and toks[k + 1].low in lx.GLOSS_RELATIVES \
                and not any(t.kind == "p" and t.text == "," for t in toks[k + 2:end]):
            return k
    return end


def _end_before_later_attribution(toks: list[Token], j: int, end: int, later: list[Candidate]) -> int:
    """A later attribution after a boundary ends this content. In "X admitted A, his lawyer said"
    that boundary is the comma; the nesting is settled in _trailing_region. A later attribution
    inside the content without a boundary is nested in it."""
    for other in later:
        if other.a <= j or other.a >= end:
            continue
        k = _boundary_run(toks, other.a, j)
        if k < other.a:
            return k
    return end


def _trim_time_adjunct(toks: list[Token], j: int, end: int) -> int:
    """'said the plan had failed on Wednesday at a rally in Leeds': the closing "when"
    of the report is not part of what was said."""
    for t in range(max(j + 2, end - 8), end - 1):
        if toks[t].kind == "w" and toks[t].low in lx.TIME_ADJUNCT_STARTS \
                and toks[t + 1].low in lx.DAYS and all(x.kind == "w" for x in toks[t:end]):
            k = t
            while k > j and toks[k - 1].kind == "p" and toks[k - 1].text == ",":
                k -= 1
            return k
    return end


def _trailing_region(toks: list[Token], c: Candidate, items: list[Candidate], idx: int) -> None:
    """The content before the attribution: "X, S said", '"Q," said S', "X, S said, Y". Earlier
    attributions whose cue lies inside it are nested in it (their `parent`)."""
    earlier = items[:idx]
    end = _before_punctuation(toks, c.a, 0)
    start = _trailing_start(toks, _start_after_earlier_contents(toks, end, earlier), end)
    if end > start and toks[end - 1].kind == "w" and toks[end - 1].low in lx.SUBORDINATORS:
        if not (toks[end - 1].low == "as" and c.cue is not None and c.cue.lemma in lx.AS_CUES):
            # "..., as the crowd applauded": a subordinate clause, not an attribution
            _no_content(c)
            return
        end = _before_punctuation(toks, end - 1, start)  # "..., as the memo put it": the clause before "as"
        if start >= end and _as_opening(toks, c, items, idx):
            return  # "As the minister said, X": the clause after the comma
    if not c.middle and _opening_adjunct(toks, start, end):
        # "Weighing in on the debate, the senator agreed": an adjunct, not content
        _no_content(c)
        return
    if start >= end:
        c.needs_prev_quote = True
        c.trailing = True
        c.fwd = None
        return
    c.fwd = (start, end)
    for prev in earlier:
        if prev.cue is not None and start <= prev.cue.head < end and prev.parent is None:
            prev.parent = c
    c.rule = _trailing_rule(toks, c, start, end)
    c.confidence = c.rule.applied_to(c.confidence)


def _as_opening(toks: list[Token], c: Candidate, items: list[Candidate], idx: int) -> bool:
    """"As the minister said, the bridge will reopen": a sentence opening with "As S said," reports the
    clause after the comma. Settles the content there and says so."""
    j, sep = _content_start(toks, c)
    if sep != "," or j >= len(toks) or toks[j].kind != "w":
        return False
    c.trailing = False
    c.fwd = (j, _forward_end(toks, j, items, idx))
    c.rule = rules.SPEAKER_CUE_CLAUSE
    return True


def _no_content(c: Candidate) -> None:
    c.trailing = False
    c.fwd = None


def _before_punctuation(toks: list[Token], end: int, floor: int) -> int:
    """*end* moved back over the commas, dashes and opening brackets before it."""
    while end > floor and toks[end - 1].kind == "p" and toks[end - 1].text in ",—–(":
        end -= 1
    return end


def _start_after_earlier_contents(toks: list[Token], end: int, earlier: list[Candidate]) -> int:
    """A trailing content starts after the contents of the attributions before it in the sentence."""
    start = 0
    for prev in earlier:
        if prev.fwd is not None and prev.fwd[1] <= end and prev.parent is None:
            # content after a boundary that closed an earlier forward attribution
            if prev.fwd[1] < end:
                start = max(start, _past_boundary(toks, prev.fwd[1], end))
        elif prev.trailing and prev.a < end and prev.cue is not None:
            start = max(start, prev.after)
    return start


def _past_boundary(toks: list[Token], k: int, end: int) -> int:
    """*k* moved forward over a run of boundary tokens (",", ";", "and", "but", "while")."""
    while k < end and (
        (toks[k].kind == "p" and toks[k].text in ",;—–")
        or (toks[k].kind == "w" and toks[k].low in lx.CONTENT_BOUNDARY_WORDS)
    ):
        k += 1
    return k


def _trailing_start(toks: list[Token], start: int, end: int) -> int:
    """*start* moved to a quotation after a colon ('His final assessment: "..." he said'), then over
    punctuation and a leading "but", "and" or "so"."""
    for k in range(end - 1, start - 1, -1):
        if toks[k].kind == "p" and toks[k].text == ":" and k + 1 < end and toks[k + 1].kind == "q":
            start = k + 1
            break
    while start < end and toks[start].kind == "p":
        start += 1
    while start < end and toks[start].kind == "w" and toks[start].low in lx.LEADING_CONJUNCTIONS:
        start += 1
    return start


def _opening_adjunct(toks: list[Token], start: int, end: int) -> bool:
    """toks[start:end] is an adjunct ("Weighing in on the debate", "On Monday"), not a content:
    it opens with a participle or a preposition and has no finite verb and no quotation."""
    if start >= end:
        return False
    first = toks[start]
    return first.kind == "w" and (first.low.endswith("ing") or first.low in lx.ADJUNCT_OPENERS) \
        and not _has_finite_verb(toks[start:end]) and not any(t.kind == "q" and not _titleish(t)
                                                              for t in toks[start:end])


def _trailing_rule(toks: list[Token], c: Candidate, start: int, end: int) -> Rule:
    """The rule of a content before its cue, toks[start:end]."""
    if c.cue and c.cue.lemma == "according to":
        return rules.ACCORDING_TO
    if c.split_from is not None:
        return rules.CLAUSE_SPEAKER_CUE_CLAUSE if c.middle else rules.SPLIT_QUOTE
    if all(t.kind == "q" or t.kind == "p" for t in toks[start:end]):
        if c.inverted:
            return rules.QUOTE_CUE_SPEAKER
        if c.cue and c.cue.lemma in lx.ADDRESSEE_CUES:
            return rules.QUOTE_TOLD_ADDRESSEE
        return rules.QUOTE_SPEAKER_CUE
    return rules.CLAUSE_CUE_SPEAKER if c.inverted else rules.CLAUSE_SPEAKER_CUE


def _end_after_quote(toks: list[Token], j: int, end: int) -> int:
    """The reporter's own words after the last closing quotation are not the speaker's content:
    '... "a disgrace," and threatened to ...', '... "properly" before floating the idea ...',
    '... "New York values," saying ...', '... "the loophole," a flaw in the system ...'.
    Quoted words are never cut off ('a "bully," a "coward" and ...')."""
    k = max((i for i in range(j, end) if toks[i].kind == "q"), default=None)
    if k is None or k + 1 >= end:
        return end
    nxt, after = toks[k + 1], toks[k + 2] if k + 2 < end else None
    if nxt.kind == "p" and nxt.text in "—–-" and after is not None and after.low in lx.INDEFINITE_ARTICLES:
        return k + 1  # '... "suburbs of St. Petersburg" — a metaphor for ...': the reporter's gloss
    if nxt.kind != "w" or nxt.capitalised or after is None or after.kind != "w":
        return end
    return k + 1 if _reporter_goes_on(toks[k], nxt, after) else end


def _reporter_goes_on(quote: Token, nxt: Token, after: Token) -> bool:
    """After a closing quotation, the words *nxt* *after* are the reporter's: "and threatened", "before
    floating", ", saying", ", a flaw in ..."."""
    if nxt.low in lx.CLAUSE_COORDINATORS and not after.capitalised and (
        after.low in FORMS or after.low in lx.IRREGULAR_PAST or after.low.endswith(("ed", "ing"))
    ):
        return True
    if nxt.low in lx.QUOTE_CLOSING_CLAUSES and not (nxt.low == "when" and after.low == "it") \
            and (nxt.low != "as" or after.low in lx.SUBJECT_PRONOUNS) \
            and not (_bare_noun_clause(nxt, after) and not _ends_with_comma(quote)):  # "when it comes to" goes on
        return True
    return _ends_with_comma(quote) and (nxt.low.endswith("ing") or nxt.low in lx.INDEFINITE_ARTICLES)


def _bare_noun_clause(nxt: Token, after: Token) -> bool:
    """ "before details emerge", "until prices fall": a clause of the speaker's own with a bare noun as its
    subject (after a quoted fragment, not a quotation closed by a comma: '"Don't," until gunshots are
    heard'), not the reporter's "before floating the idea", "before he walked out", "after the vote"."""
    return nxt.low in ("before", "until") and not after.low.endswith("ing") and after.low not in lx.SUBJECT_PRONOUNS \
        and after.low not in lx.ADDRESSEE_DETERMINERS and after.low.endswith("s") and not after.low.endswith("ss")


def _fragment_clause_start(toks: list[Token], j: int, end: int) -> int:
    """'delivered a defence of "city values"', 'placed ads calling the deal a "mistake"': when a
    reporting word, "that" or a preposition stands before the first quotation, what is said
    starts there, not at the sentence's main verb."""
    first_q = next((i for i in range(j, end) if toks[i].kind == "q"), None)
    if first_q is None:
        return j
    for i in range(first_q - 1, j, -1):
        t = toks[i]
        if t.kind != "w":
            if t.kind == "p" and t.text in ",;:—–(":
                break
            continue
        if t.low == "that":
            return i
        if (t.low in FORMS and not t.capitalised) or t.low in lx.FRAGMENT_CLAUSE_PREPS:
            return i + 1
    return j


def _named_quote(toks: list[Token], j: int, end: int) -> tuple[int, int]:
    """'used the phrase "clean energy" often': the quoted words named by "the phrase",
    "the slogan", "the words" are the content by themselves."""
    if j + 2 < end and toks[j].low in lx.NAMING_DETERMINERS \
            and toks[j + 1].low in lx.NAMING_NOUNS and toks[j + 2].kind == "q":
        return j + 2, _end_of_quote_run(toks, j + 2)
    return j, end


def _colon_quote_start(toks: list[Token], j: int, end: int) -> int:
    """'S scolded him: "Q"', 'S had a new message: "Q"': a quotation introduced by a colon and
    running to the end of the content is the content by itself."""
    for k in range(j + 1, end - 1):
        if toks[k].kind == "p" and toks[k].text == ":" and toks[k + 1].kind == "q":
            if all(t.kind == "q" or t.kind == "p" for t in toks[k + 1:end]) and not any(
                    t.kind == "q" for t in toks[j:k]):
                return k + 1
            break
    return j


def _end_of_quote_run(toks: list[Token], j: int) -> int:
    k = j
    while k < len(toks) and toks[k].kind in ("q",):
        k += 1
    return k


def _set_content(text: str, toks: list[Token], c: Candidate, ranges: list[tuple[int, int]]) -> None:
    pieces: list[tuple[int, int]] = []
    for a, b in ranges:
        while a < b and toks[a].kind == "p" and toks[a].text in ",:;—–-":
            a += 1
        while b > a and toks[b - 1].kind == "p" and toks[b - 1].text in ",:;.—–-(":
            b -= 1
        if a >= b:
            continue
        for t in toks[a:b]:
            if t.kind == "q":
                c.quotes.add(t.quote)
        pieces.append((toks[a].start, toks[b - 1].end))
    c.pieces = pieces


def _plausible_content(toks: list[Token], c: Candidate) -> bool:
    """Weak cues ("found", "added", "showed") need a clause or a quote, not a bare object."""
    if c.fwd is None or c.cue is None:
        return True
    a, b = c.fwd
    words = [t for t in toks[a:b] if t.kind in ("w", "q")]
    if not words:
        return False
    if c.quotes or c.cue.refused:
        return True
    if c.cue.lemma in lx.QUOTE_ONLY_CUES:  # 'called the plan "a betrayal"'; unquoted, only a verdict on claims
        return c.cue.lemma in lx.VERDICT_CUES and lx.VERDICT_CONTENT.match(" ".join(t.text for t in words)) is not None
    if c.trailing:
        extra = 0
        if c.split_from is not None:
            extra = sum(1 for t in toks[c.split_from:] if t.kind in ("w", "q"))
        return len(words) + extra >= 3
    before = toks[a - 1] if a > 0 else None
    if c.cue.lemma in lx.EVIDENCE_CUES and _evidence(c.mention) and words[0].low != "by":
        return len(words) >= 3  # "a poll shows Sanders leading Clinton nationally": a finding, no verb needed
    return _plausible_object(c.cue.lemma, words, before is not None and before.kind == "w" and before.low == "that")


def _evidence(m: Mention | None) -> bool:
    """A poll, a survey, records, figures, footage: a source that shows, not a person."""
    if m is None or m.kind in ("pronoun", "relative"):
        return False
    words = m.text.lower().replace("’", "'").split()
    return bool(words) and words[0] != "according" and words[-1].removesuffix("'s") in lx.EVIDENCE_NOUNS


def _plausible_object(lemma: str, words: list[Token], had_that: bool) -> bool:
    """Whether the words after a cue of *lemma* (no quotation in them) make a content."""
    if lemma in lx.CALL_ONLY_CUES:  # "encouraged Americans to check out ...": someone, then "to" and a verb
        return any(w.low == "to" and k + 1 < len(words) and words[k + 1].kind == "w"
                   for k, w in enumerate(words[:CALL_ADDRESSEE_WORDS + 1]) if k > 0)
    if lemma in lx.INTENT_CUES and words[0].low == "to":
        return len(words) >= 3
    if lemma in lx.POSITION_CUES:
        return len(words) >= 1
    if lemma in lx.WEAK_CUES and not had_that:
        # a bare object is not a report ("added salt", "found the keys")
        return len(words) >= 4 and _has_finite_verb(words)
    return len(words) >= 2


CALL_ADDRESSEE_WORDS = 5  # the longest addressee before the "to" of a call ("encouraged all the party's members to")


def _has_finite_verb(words: list[Token]) -> bool:
    for t in words:
        low = t.low
        if low in lx.FINITE_HINTS or low.endswith(("ed", "n't", "n’t")):
            return True
    return False


# --- P5b: a quoted fragment in a sentence whose subject is a speaker ----------------------------


def _main_clause_start(toks: list[Token], limit: int) -> int | None:
    """Index where the main clause starts: after "But", and after an opening adjunct that ends
    with a comma ("In Brussels, ...", "Asked about the vote, ..."). None when unclear."""
    k = 0
    while k < limit and toks[k].kind == "w" and toks[k].low in lx.SENTENCE_START_SKIPS:
        k += 1
    while k < limit and toks[k].kind == "p" and toks[k].text in ",—–":
        k += 1
    if k < limit and toks[k].kind == "w" and (toks[k].low in lx.SUBORDINATE_STARTS or toks[k].low.endswith("ing")
                                               or _opening_past_participle(toks, k, limit)):
        comma = _adjunct_end(toks, k, limit)
        if comma is None or any(t.kind == "q" for t in toks[k:comma]):
            return None
        k = comma + 1
    return k


def _opening_past_participle(toks: list[Token], k: int, limit: int) -> bool:
    """"Chastened by the analyses, Trump revised ...", "Stung by ...": a participle and its agent open the sentence."""
    return k + 1 < limit and toks[k + 1].low == "by"


def _adjunct_end(toks: list[Token], k: int, limit: int) -> int | None:
    """The comma that closes an opening adjunct, past any ", as well as ...," or ", and ...," it goes on with."""
    comma = next((i for i in range(k, limit) if toks[i].kind == "p" and toks[i].text == ","), None)
    while comma is not None and comma + 1 < limit and toks[comma + 1].low in lx.ADJUNCT_CONTINUATIONS:
        comma = next((i for i in range(comma + 1, limit) if toks[i].kind == "p" and toks[i].text == ","), None)
    return comma


def quoted_fragment_by_subject(text: str, sent: Sentence, toks: list[Token], used: set[int]) -> Candidate | None:
    """'Ruiz branded the ruling "absurd."': no lexicon cue, but the sentence's subject
    says the quoted words. The verb after the subject is the cue; the rest is the content."""
    if not any(t.kind == "q" and t.quote not in used for t in toks):
        return None
    subject = _sentence_subject(text, toks)
    found = None if subject is None else _subject_and_verb(text, toks, subject)
    if found is None:
        return None
    mention, v = found
    end = _end_after_quote(toks, v + 1, _end_of_fragment_report(toks, v))
    start, end = _named_quote(toks, _colon_quote_start(toks, _fragment_clause_start(toks, v + 1, end), end), end)
    c = Candidate(sent, None, (toks[v].start, toks[v].end), mention, rules.QUOTED_FRAGMENT,
                  rules.QUOTED_FRAGMENT.own_confidence, a=mention.first)
    c.fwd = (start, end)
    _set_content(text, toks, c, [(start, end)])
    if not c.pieces or not (c.quotes - used) or c.quotes & used:
        return None
    return c


def _sentence_subject(text: str, toks: list[Token]) -> Mention | None:
    """The subject of the sentence's main clause, when it can be a speaker ("It", "Hours later" cannot)."""
    n = len(toks)
    k = _main_clause_start(toks, n)
    if k is None or k >= n or toks[k].kind != "w":
        return None
    if toks[k].low in lx.FRAGMENT_SPEAKER_PRONOUNS:
        return Mention(k, k + 1, toks[k].start, toks[k].end, toks[k].text, "pronoun")
    mention = subject_right(toks, k, text)
    if mention is None:
        return None
    head = toks[mention.last - 1].low
    if head in lx.DAYS or head in lx.NOT_SUBJECTS or toks[mention.first].low in lx.NOT_SUBJECTS:
        return None
    return mention


def _subject_and_verb(text: str, toks: list[Token], mention: Mention) -> tuple[Mention, int] | None:
    """The subject (with its apposition: "Ruiz, the party's leader,") and the index of its verb,
    past adverbs and auxiliaries; None when no active verb follows."""
    n = len(toks)
    v = _skip_apposition(toks, mention.last)
    if v > mention.last and mention.kind == "name":
        mention = with_apposition(mention, toks, mention.last + 1, v, text)
    if v < n and toks[v].kind == "p" and toks[v].text == ",":
        v += 1
    while v < n and toks[v].kind == "w" and (toks[v].low in lx.ADVERBS or toks[v].low in lx.AUXILIARIES
                                              or (toks[v].low.endswith("ly") and len(toks[v].low) > 4)):
        v += 1
    if v >= n or toks[v].kind != "w" or toks[v].capitalised or toks[v].low in lx.NOT_VERBS:
        return None
    verb = toks[v].low
    if verb.endswith("ing") or verb in lx.DAYS:
        return None
    if v > 0 and toks[v - 1].kind == "w" and toks[v - 1].low in lx.PASSIVE_AUXILIARIES:
        return None  # passive: "was identified as"
    return mention, v


def _end_of_fragment_report(toks: list[Token], v: int) -> int:
    """The report of the verb at toks[v] ends at a semicolon or at a second report of its own:
    'urged voters to "think again" and said ...'."""
    n = len(toks)
    for i in range(v + 1, n):
        if toks[i].kind == "p" and toks[i].text == ";":
            return i
        if toks[i].kind == "w" and toks[i].low in lx.CLAUSE_COORDINATORS and i + 1 < n and toks[i + 1].kind == "w" \
                and toks[i + 1].low in FORMS and any(t.kind == "q" for t in toks[v + 1:i]):
            return i
    return n
