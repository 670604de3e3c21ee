"""Reporting cues: verbs (and "according to") outside quotations, used as verbs.

A cue is the verb plus its auxiliaries, negation and adverbs ("did not directly deny"), so the
stance can see the negation and the subject scan starts to the left of the whole group.
"""
from __future__ import annotations

from dataclasses import dataclass

from claimtrack.engine import lexicon as lx
from claimtrack.engine.lexicon import STATEMENT_NOUNS as STATEMENT_NOUNS  # attribution.py imports it from here
from claimtrack.engine.text import Token


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    head: int  # token index of the verb
    end: int  # token index after the cue (after a particle: "called on", "according to")
    group_start: int  # first token of the verbal group (auxiliaries, negators, adverbs)
    form: str  # "base", "s", "ed", "ing", "prep"
    negated: bool = False
    refused: bool = False  # "declined to comment", "refused to confirm"
    passive: bool = False


def _inflections(lemma: str) -> dict[str, str]:
    if lemma in lx.IRREGULAR_FORMS:
        forms = {lemma: "base"}
        for f in lx.IRREGULAR_FORMS[lemma]:
            forms[f] = "ing" if f.endswith("ing") else ("s" if f.endswith("s") and f != lemma else "ed")
        return forms
    forms = {lemma: "base"}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms[lemma + "es"] = "s"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms[lemma[:-1] + "ies"] = "s"
    else:
        forms[lemma + "s"] = "s"
    if lemma.endswith("e"):
        forms[lemma + "d"] = "ed"
        forms[lemma[:-1] + "ing"] = "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms[lemma[:-1] + "ied"] = "ed"
        forms[lemma + "ing"] = "ing"
    else:
        forms[lemma + "ed"] = "ed"
        forms[lemma + "ing"] = "ing"
    if lemma in lx.DOUBLING:
        forms[lemma + lemma[-1] + "ed"] = "ed"
        forms[lemma + lemma[-1] + "ing"] = "ing"
    return forms


def _build_forms() -> dict[str, list[tuple[str, str, str | None]]]:
    table: dict[str, list[tuple[str, str, str | None]]] = {}
    for lemma in lx.CUE_LEMMAS:
        verb, _, particle = lemma.partition(" ")
        for form, kind in _inflections(verb).items():
            if lemma in lx.CALL_ONLY_CUES and kind != "ed":
                continue  # "encouraging", "encourages": no cue words at all (a subject scan reads through them)
            table.setdefault(form, []).append((lemma, kind, particle or None))
    for entries in table.values():
        entries.sort(key=lambda e: e[2] is None)  # particle cues first: "call on" before "call"
    return table


FORMS = _build_forms()


def _lemma_forms(lemma: str) -> frozenset[str]:
    return frozenset(_inflections(lemma))


SAY_FORMS = _lemma_forms("say")


def find_cues(toks: list[Token]) -> list[Cue]:
    cues: list[Cue] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.kind != "w":
            i += 1
            continue
        low = t.low
        # "according to S"
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            cues.append(Cue("according to", i, i + 2, i, "prep"))
            i += 2
            continue
        # "was quoted as saying"
        if low == "quoted" and i + 2 < n and toks[i + 1].low == "as" and toks[i + 2].low in SAY_FORMS:
            gs = _group_start(toks, i)
            cues.append(Cue("say", i, i + 3, gs, "ed"))
            i += 3
            continue
        entries = FORMS.get(low)
        if not entries or (t.text[:1].isupper() and i > 0):  # "The United States", "Claims Court"
            i += 1
            continue
        cue = _match(toks, i, entries)
        if cue is not None:
            cues.append(cue)
            i = max(cue.end, i + 1)
        else:
            i += 1
    return cues


def _match(toks: list[Token], i: int, entries: list[tuple[str, str, str | None]]) -> Cue | None:
    n = len(toks)
    for lemma, form, particle in entries:
        end = i + 1
        if particle:
            if end < n and toks[end].low == particle:
                end += 1
            else:
                continue
        if not _verbal_context(toks, i, form):
            return None
        if end < n and (lemma, toks[end].low) in lx.NOT_SPEECH_PARTICLES:
            return None  # "the sums do not add up", "has only added to the belief"
        if i >= 2 and toks[i - 1].low == "to" and toks[i - 2].low in lx.REFUSAL_VERBS:
            # "declined to comment": the cue is the refusal ("declined"); the content starts at "to"
            return Cue(lemma, i - 2, i - 1, _group_start(toks, i - 2), "ed", negated=True, refused=True)
        gs = _group_start(toks, i)
        if lemma in lx.CALL_ONLY_CUES and gs != i:
            return None  # "would encourage", "has encouraged": a policy's effect more often than a call
        group = [toks[k].low for k in range(gs, i)]
        negated = any(w in lx.CUE_NEGATORS or w.endswith(("n't", "n’t")) for w in group)
        passive = form == "ed" and any(w in lx.BE_FORMS for w in group) and lemma != "say"
        if passive and not (end < n and toks[end].low == "by"):
            return None  # "was accused of", "it was reported": no speaker in sight
        if form == "base" and _bare_infinitive(toks, i):
            return None
        return Cue(lemma, i, end, gs, form, negated, False, passive)
    return None


def _bare_infinitive(toks: list[Token], i: int) -> bool:
    """Infinitives report speech only after "went on to", "continued to"."""
    return i >= 1 and toks[i - 1].low == "to" and not (i >= 2 and toks[i - 2].low in lx.SPEECH_CONTINUATION_VERBS)


def _group_start(toks: list[Token], i: int) -> int:
    k = _continuation_start(toks, i)
    while k > 0:
        w = toks[k - 1]
        if w.kind != "w":
            break
        low = w.low
        if low in lx.ADVERBS or low in lx.AUXILIARIES or low in lx.CUE_GROUP_NEGATION \
                or low.endswith(("n't", "n’t")) or (low.endswith("ly") and len(low) > 4) \
                or _perfect_with_since(toks, k, "ed"):
            k -= 1
            continue
        break
    return k


def _continuation_start(toks: list[Token], i: int) -> int:
    """"Mr Kennedy went on to suggest", "she continued to argue": the group opens at the verb that
    carries the infinitive, so the subject is found before it."""
    if i >= 2 and toks[i - 1].low == "to" and toks[i - 2].low in lx.SPEECH_CONTINUATION_VERBS:
        k = i - 2
        if toks[k].low == "on" and k >= 1 and toks[k - 1].low in ("went", "goes", "go", "going"):
            k -= 1
        return k
    return i


def _comma_quote_follows(toks: list[Token], k: int) -> bool:
    """A comma and a quotation follow, with at most a short adjunct before them."""
    for m in range(k, min(len(toks) - 1, k + 10)):
        t = toks[m]
        if t.kind == "p" and t.text == ",":
            return toks[m + 1].kind == "q"
        if t.kind != "w" or t.low in lx.SUBJECT_PRONOUNS or t.low in lx.AUXILIARIES or t.low in lx.COMPLEMENTIZERS:
            return False
    return False


def _verbal_context(toks: list[Token], i: int, form: str) -> bool:
    """Is the cue word used as a verb here? ("the said firm", "his claims", "Add salt": no)."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if toks[i].low == "states":
        return False  # "battleground states", "the United States"
    if form == "s" and (_plural_noun(toks[i], prev, nxt) or _subject_of_plural_verb(prev, nxt)):
        return False
    if form == "base" and i > 1 and toks[i - 2].kind == "w" and toks[i - 2].low in ("a", "an"):
        return False  # "an EU demand for": after a singular article it is a noun, never a verb
    if form == "base" and _noun_after_name(toks, i, nxt):
        return False
    if _determined_noun(prev, form) and not _perfect_with_since(toks, i, form):
        return False
    if form == "base":
        return prev is not None and _finite_base_form(toks, i, nxt)
    if form == "ing":
        return prev is None or _participle_after(prev) or _participle_before_quote(toks, i, nxt)
    return True


def _noun_after_name(toks: list[Token], i: int, nxt: Token | None) -> bool:
    """"the latest Tory attack.", "the Harbour Party claim of": a determiner, a singular name used as
    an adjective, then the cue word ending its phrase is a noun ("as the Tories claim," is a verb)."""
    j = i - 1
    while j > 0 and toks[j].kind == "w" and toks[j].capitalised:
        j -= 1
    if j == i - 1 or toks[i - 1].low.endswith("s") or toks[j].kind != "w":
        return False
    if toks[j].low not in lx.DETERMINERS and toks[j].low not in ("latest", "new", "fresh", "last"):
        return False
    return nxt is None or nxt.kind == "p" or nxt.low in ("on", "against", "over", "by", "of", "for")


def _subject_of_plural_verb(prev: Token | None, nxt: Token | None) -> bool:
    """"the terror suspects are held", "Her comments have been": an -s word before a plural verb, after a
    possessive or a lower-case word that is no subject pronoun, is a plural noun, not a verb."""
    if nxt is None or nxt.kind != "w" or nxt.low not in ("are", "were", "have") or prev is None or prev.kind != "w":
        return False
    return prev.low in lx.POSSESSIVE_DETERMINERS or (prev.text[:1].islower() and prev.low not in lx.SUBJECT_PRONOUNS)


def _perfect_with_since(toks: list[Token], i: int, form: str) -> bool:
    """"She has since stressed that": "since" between the auxiliary and the participle is an adverb."""
    return form == "ed" and i > 1 and toks[i - 1].low == "since" and toks[i - 2].low in ("has", "have", "had")


def _plural_noun(t: Token, prev: Token | None, nxt: Token | None) -> bool:
    """"court challenges." is a noun; "challenges the ruling" and '"...," he notes.' are verbs."""
    if t.low not in lx.NOUNISH_S_FORMS:
        return False
    if prev is not None and prev.kind == "w" and prev.low in lx.SINGULAR_SUBJECT_PRONOUNS:
        return False
    return nxt is None or not _object_or_quote(nxt)


def _object_or_quote(nxt: Token) -> bool:
    if nxt.kind == "w":
        return nxt.low in lx.OBJECT_STARTS or nxt.capitalised
    return nxt.kind == "q" or (nxt.kind == "p" and nxt.text == ":")


# A word of these classes before a cue word makes it a noun ("the claims", "of remarks") unless the
# cue has one of the forms paired with the class: "paused and said", "further wrote", "before asking".
NOUN_CONTEXT_EXCEPTIONS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (lx.COORDINATORS, frozenset({"ed", "s"})),
    (lx.ADVERBS, frozenset({"ed"})),
    (lx.GERUND_PREPOSITIONS, frozenset({"ing"})),
)


def _determined_noun(prev: Token | None, form: str) -> bool:
    """A determiner, preposition or possessive before the cue word: "the claims", "the minister's claims"."""
    if prev is None or prev.kind != "w":
        return False
    plow = prev.low
    if plow in lx.NOUN_CONTEXT and not any(plow in words and form in forms for words, forms in NOUN_CONTEXT_EXCEPTIONS):
        return True
    return plow.endswith(("'s", "’s")) and form != "ed" and plow.replace("’", "'") not in lx.PRONOUN_BE_CONTRACTIONS


PLURAL_SUBJECT_REACH = 6  # "sources close to her campaign say": the plural noun this many words back at most


def _finite_base_form(toks: list[Token], i: int, nxt: Token | None) -> bool:
    """A base form with a subject before it ("Officials say"), not an imperative ("Add salt")."""
    k = i - 1
    while k > 0 and toks[k].kind == "w" and (toks[k].low in lx.ADVERBS or toks[k].low.endswith("ly")):
        k -= 1
    prev = toks[k]
    if prev.kind == "p" and prev.text == ",":
        return _subject_before_commas(toks, k, nxt)
    if prev.kind != "w":
        return False
    plow = prev.low
    if plow in lx.BASE_FORM_SUBJECT_PRONOUNS or plow in lx.MODALS or plow in lx.GROUP_NOUNS:
        return True
    if plow.endswith(("n't", "n’t")) or plow in lx.BASE_FORM_MODIFIERS:
        return True
    if prev.capitalised and i - 1 > 0:
        return True  # "Officials say", "Republicans argue"
    if plow.endswith("s") and plow[:-1] in lx.SPEAKER_NOUNS:
        return True
    return toks[i].low in lx.PLAIN_SPEECH_BASE_FORMS and _plural_subject_end(toks, k, nxt)


def _plural_subject_end(toks: list[Token], k: int, nxt: Token | None) -> bool:
    """"Some technologists say", "Sources close to her campaign say she ...", "Six in 10 say": a plural
    noun (or a count) ending the few words before a speech verb's base form, the reported clause after it.
    toks[k] is the word before the verb."""
    plow = toks[k].low
    if plow in lx.NOUN_CONTEXT or plow in lx.MODALS or plow in lx.AUXILIARIES or plow in lx.CLAUSE_BOUNDARIES:
        return False
    if plow[:1].isdigit() or plow == "percent":
        return True  # "Six in 10 say", "40 percent say"
    if nxt is None or not (nxt.kind == "q" or (nxt.kind == "w" and (
            nxt.low in lx.REPORTED_CLAUSE_STARTS or nxt.capitalised or nxt.low in lx.SUBJECT_PRONOUNS))):
        return False
    for j in range(k, max(-1, k - PLURAL_SUBJECT_REACH), -1):
        t = toks[j]
        if t.kind != "w" or t.low in lx.CLAUSE_BOUNDARIES or t.low in FORMS:
            return False
        if t.low in lx.PLURAL_NOUNS_WITHOUT_S or (
                t.low.endswith("s") and not t.low.endswith(("ss", "'s", "’s", "us", "is"))):
            return True
    return False


def _subject_before_commas(toks: list[Token], k: int, nxt: Token | None) -> bool:
    """A plural subject before a comma-enclosed insertion, the cue after it (toks[k] is the comma)."""
    if nxt is None or nxt.kind != "w":
        return False
    if (nxt.low in lx.REPORTED_CLAUSE_STARTS or nxt.capitalised) \
            and any(t.kind == "p" and t.text == "," for t in toks[max(0, k - 10):k]):
        return True  # "Critics, including the group X, say the ..."
    if nxt.capitalised:
        return False
    # "Economists, like their rivals, say taxing ..."
    commas = [m for m in range(max(0, k - 15), k) if toks[m].kind == "p" and toks[m].text == ","]
    if not commas or commas[-1] == 0:
        return False
    before = toks[commas[-1] - 1]
    return before.kind == "w" and (before.capitalised or before.low.endswith("s"))


def _participle_after(prev: Token) -> bool:
    """The word before an -ing cue makes it a verb: ", saying", "a statement saying", "while adding"."""
    if prev.kind == "p":
        return prev.text in ",;—–-("
    if prev.kind == "q":
        return prev.text.rstrip("\"”'’“ ").endswith(",")  # '"reckless," adding that'
    if prev.kind != "w":
        return False
    low = prev.low
    return (low in lx.STATEMENT_NOUNS  # "issued a statement saying"
            or low in lx.ING_CUE_LEADERS
            or low.replace("’", "'") in lx.PRONOUN_BE_CONTRACTIONS  # "he's predicting", "they're saying"
            or low in lx.ADVERBS)


def _participle_before_quote(toks: list[Token], i: int, nxt: Token | None) -> bool:
    """An -ing cue right before its quotation is a verb."""
    if nxt is not None and (nxt.kind == "q" or (nxt.kind == "p" and nxt.text == ":")):
        return True  # 'a voice-over saying: "..."', 'a hat reading "..."'
    # 'footage of the mayor asking, "..."', '... saying during the debate, "..."'
    return _comma_quote_follows(toks, i + 1)
