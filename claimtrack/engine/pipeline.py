"""The engine's pipeline: segment, attribute sentence by sentence, float, resolve, decide stance.

run_pipeline(text) never raises: on an internal error it returns what it can (at worst an empty
Extraction), because ingestion calls it on arbitrary articles. The one exception is the caller's
budget: when it expires (it is asked between sentences) the article fails with ExtractionTooSlow.

The work is linear in the article's length, whatever its shape: a run-on "sentence" (a line without
sentence punctuation, "Kirby said Kirby said ...") is read in pieces of at most MAX_SENTENCE_TOKENS
tokens and MAX_SENTENCE_CUES cue words, so the rules' scans over a sentence, repeated once per cue,
stay bounded; the duplicate search looks back over at most DEDUPE_LOOKBACK candidates; and an
article with more than MAX_CANDIDATES attributions is analysed up to there and says so
(Extraction.truncated_at).
"""
from __future__ import annotations

import bisect
import dataclasses
import re

from claimtrack.engine import lexicon as lx
from claimtrack.engine import rules
from claimtrack.engine.attribution import (
    Candidate,
    attribute_sentence,
    initial_subject,
    quoted_fragment_by_subject,
)
from claimtrack.engine.coreference import Resolver
from claimtrack.engine.cues import FORMS
from claimtrack.engine.model import Budget, ExtractedClaim, Extraction, ExtractionTooSlow
from claimtrack.engine.polls import POLL_NOUNS, poll_finding
from claimtrack.engine.questions import questions_put
from claimtrack.engine.quotes import Quote, find_quotes, looks_like_title, mask, word_count
from claimtrack.engine.rules import Rule
from claimtrack.engine.speakers import Mention, restrictive_relative
from claimtrack.engine.stance import settle_stances, stance_of
from claimtrack.engine.text import (
    Invisibles,
    Sentence,
    Token,
    paragraphs,
    split_sentences,
    tokenize,
)
from claimtrack.engine.verdicts import SHORT_SENTENCE, article_verdicts
from claimtrack.vocabulary import ClaimKind, Stance

# "- Maria Gonzalez, Dover." / "— Senator Jane Roe" under a quotation
DASH_SIGNATURE = re.compile(r"[-—–―]+\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")
# "ANNA SMITH: ..." at the start of a transcript paragraph
# (A stray opening quotation mark before the label, left by a copied transcript, is read through.)
SPEAKER_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}):\s+")
# "Lynch: No outside influence ..." / "Gillibrand on the speeches: 'I think she will'" as a headline: a name
# of one to four capitalised words (small name words such as "of" and "de" inside), then ':' or ' on ...:'
HEADLINE_LABEL = re.compile(
    r"[\"“‘']?([A-Z][\w.'’&\-]*(?: (?:of|de|van|von|al|bin|[A-Z][\w.'’&\-]*)){0,2}(?: [A-Z][\w.'’&\-]*)?)"
    r"(?: on [^:\n]{1,80})?:\s+(?=\S)")
# Any word that can be a cue (a cheap pre-filter before tokenizing a sentence).
# ("states" is never a cue: "the United States", "battleground states"; see cues._verbal_context)
CUE_WORDS = (frozenset(FORMS) | lx.CUE_WORDS_BEYOND_VERBS | POLL_NOUNS) - {"states"}
LOWER_WORD = re.compile(r"[a-z]+")
MIN_QUOTE_WORDS = 4  # shorter quotations are fragments or scare quotes, not claims on their own
# Stances of a claim that stays a claim when it is reported inside another's words (see _reported_inside).
STANDS_NESTED = frozenset({Stance.ALLEGES, Stance.ACCUSES, Stance.DENIES, Stance.REJECTS, Stance.ADMITS,
                           Stance.CONFIRMS, Stance.URGES, Stance.PROMISES, Stance.WARNS})
FLOAT_PARAGRAPHS = 2  # a floating quotation inherits a speaker at most this many paragraphs back
# The longest stretch read as one sentence: news sentences run to about 100 tokens (220 at most in
# the evaluation corpora; a quotation is one token). Longer runs are cut, at a comma where one is near.
MAX_SENTENCE_TOKENS = 400
# The most cue words in one sentence: at most 7 in the evaluation corpora. Every cue scans its
# sentence, so this bounds the work per token (a run of "Kirby said Kirby said ...").
MAX_SENTENCE_CUES = 24
# Attributions considered in one article; beyond, the rest of the article is left out (truncated_at).
MAX_CANDIDATES = 30_000
# Earlier candidates a candidate is compared with for duplicates (nearest first).
DEDUPE_LOOKBACK = 200
FINISH_CHECK_EVERY = 1024  # claims resolved between two looks at the budget


class _Stopped(Exception):
    """The budget expired; *position* is where the analysis had got to."""

    def __init__(self, position: int) -> None:
        super().__init__(position)
        self.position = position


def run_pipeline(text: str, budget: Budget | None = None) -> Extraction:
    if not isinstance(text, str) or not text.strip():
        return Extraction()
    seen = Invisibles(text)
    try:
        found = _Run(seen.text, budget).extract()
    except _Stopped as stop:
        assert budget is not None  # only a budget stops a run
        raise ExtractionTooSlow(budget.allowed, seen.start(stop.position), len(text)) from None
    except Exception:  # pragma: no cover - a guard for ingestion; tests assert it never fires
        return Extraction()
    return found if seen.text is text else _as_given(found, text, seen)


def _as_given(found: Extraction, text: str, seen: Invisibles) -> Extraction:
    """Offsets found in the text without invisible characters, moved back onto the text as given."""
    def at(start: int, end: int) -> tuple[int, int]:
        return seen.start(start), seen.end(end)

    def maybe_at(start: int | None, end: int | None) -> tuple[int | None, int | None]:
        return (None, None) if start is None or end is None else at(start, end)

    def moved(c: ExtractedClaim) -> ExtractedClaim:
        start, end = at(c.start, c.end)
        speaker_start, speaker_end = maybe_at(c.speaker_start, c.speaker_end)
        cue_start, cue_end = maybe_at(c.cue_start, c.cue_end)
        return dataclasses.replace(
            c, start=start, end=end, text=text[start:end],
            speaker_start=speaker_start, speaker_end=speaker_end,
            cue_start=cue_start, cue_end=cue_end, cue=text[cue_start:cue_end] if c.cue is not None else None,
            spans=tuple(at(a, b) for a, b in c.spans),
        )

    truncated_at = None if found.truncated_at is None else seen.start(found.truncated_at)
    return Extraction(tuple(map(moved, found.claims)), found.speakers, truncated_at,
                      tuple(map(moved, found.verdicts)))


def _bounded(sent: Sentence, toks: list[Token]) -> list[tuple[Sentence, list[Token]]]:
    """The sentence, or a run-on one in pieces of at most MAX_SENTENCE_TOKENS tokens and
    MAX_SENTENCE_CUES cue words, each cut after a comma, semicolon or colon in its second half
    where there is one."""
    cue_words = [k for k, t in enumerate(toks) if t.kind == "w" and t.low in CUE_WORDS]
    if len(toks) <= MAX_SENTENCE_TOKENS and len(cue_words) <= MAX_SENTENCE_CUES:
        return [(sent, toks)]
    out = []
    a, n, c = 0, len(toks), 0
    while a < n:
        b = min(n, a + MAX_SENTENCE_TOKENS)
        while c < len(cue_words) and cue_words[c] < a:
            c += 1
        if c + MAX_SENTENCE_CUES < len(cue_words):
            b = min(b, cue_words[c + MAX_SENTENCE_CUES])  # the piece ends before its cue word too many
        if b < n:
            for k in range(b - 1, a + (b - a) // 2, -1):
                if toks[k].kind == "p" and toks[k].text in ",;:":
                    b = k + 1
                    break
        part = toks[a:b]
        out.append((Sentence(sent.paragraph, part[0].start, part[-1].end), part))
        a = b
    return out


class _Run:
    def __init__(self, text: str, budget: Budget | None = None) -> None:
        self.text = text
        self.budget = budget
        self.limit: int | None = None  # where the analysis stopped (MAX_CANDIDATES)
        self.paras = paragraphs(text)
        self.quotes: list[Quote] = find_quotes(text, self.paras)
        self.masked = mask(text, self.quotes)
        self.lowered = self.masked.lower()
        self.short_sentences: list[Sentence] = []
        self.words = [word_count(text, q) for q in self.quotes]
        self.pieces_by_para: dict[int, list[tuple[int, int, int]]] = {}
        starts = [p.start for p in self.paras]
        for qi, q in enumerate(self.quotes):
            for a, b in q.pieces:
                pi = bisect.bisect_right(starts, a) - 1
                self.pieces_by_para.setdefault(pi, []).append((a, b, qi))
        self.quote_para = {
            qi: bisect.bisect_right(starts, q.start) - 1 for qi, q in enumerate(self.quotes)
        }
        self._index_quotes()

    def _index_quotes(self) -> None:
        self.quote_starts = [q.start for q in self.quotes]  # quotes come in text order
        self.end_order = sorted(range(len(self.quotes)), key=lambda qi: self.quotes[qi].end)
        self.quote_ends = [self.quotes[qi].end for qi in self.end_order]

    def _check(self, position: int) -> None:
        if self.budget is not None and self.budget.expired():
            raise _Stopped(position)

    def _truncate(self, limit: int) -> None:
        """Too many candidates: the article is analysed up to *limit*, its quotations there included."""
        self.limit = limit
        # Quotations are in text order and never overlap: those ending by the limit are a prefix.
        self.quotes = self.quotes[:bisect.bisect_right([q.end for q in self.quotes], limit)]
        self._index_quotes()

    # --- attribution -------------------------------------------------------------------------
    def extract(self) -> Extraction:
        cands: list[Candidate] = []
        sentences: list[tuple[Sentence, list[Token]]] = []
        for para in self.paras:
            if para.skip:
                continue
            pieces = sorted(self.pieces_by_para.get(para.index, []))
            # Quotations never overlap, so pieces sorted by start are sorted by end too: the pieces
            # meeting a sentence are found by bisection, not by a scan per sentence.
            piece_starts = [a for a, _, _ in pieces]
            piece_ends = [b for _, b, _ in pieces]
            for sent in split_sentences(self.text, para, self.masked):
                self._check(sent.start)
                if sent.end - sent.start <= SHORT_SENTENCE:
                    self.short_sentences.append(sent)  # "She hadn't." may be the article's verdict
                lo = bisect.bisect_right(piece_ends, sent.start)
                hi = bisect.bisect_left(piece_starts, sent.end, lo)
                local = pieces[lo:hi]
                if not self._may_attribute(sent, local):
                    continue  # no cue word, no quotation: tokenizing it would find nothing
                toks = tokenize(self.text, sent.start, sent.end, local)
                for part, part_toks in _bounded(sent, toks):
                    if len(cands) >= MAX_CANDIDATES:
                        self._truncate(part.start)
                        break
                    if part is not sent:
                        self._check(part.start)
                    sentences.append((part, part_toks))
                    found = attribute_sentence(self.text, part, part_toks)
                    found.extend(questions_put(self.text, part, part_toks))
                    poll = poll_finding(self.text, part, part_toks, found)
                    cands.extend(found if poll is None else [poll])
                if self.limit is not None:
                    break
            if self.limit is not None:
                break
        self._link_adjacent_quotes(cands)
        cands = [c for c in cands if c.pieces]
        used = {qi for c in cands for qi in c.quotes}
        for sent, toks in sentences:
            extra = quoted_fragment_by_subject(self.text, sent, toks, used)
            if extra is not None and not self._title_only(extra):
                cands.append(extra)
                used |= extra.quotes
        cands.extend(self._introduced_paragraphs(sentences, used))
        cands.extend(self._transcript_turns(cands))
        cands.extend(self._headline_label())
        self._expand_quotes(cands)
        cands = self._dedupe(cands)
        cands.extend(self._floating(cands))
        cands.extend(self._unattributed_quotes(cands))
        cands.sort(key=lambda c: (c.pieces[0][0], -c.pieces[-1][1]))
        return self._finish(cands, _reported_inside(cands))

    def _may_attribute(self, sent: Sentence, pieces: list[tuple[int, int, int]]) -> bool:
        if self.text[sent.end - 1] == ":" or any(a < sent.end and b > sent.start for a, b, _ in pieces):
            return True
        return not CUE_WORDS.isdisjoint(LOWER_WORD.findall(self.lowered, sent.start, sent.end))

    def _introduced_paragraphs(self, sentences: list[tuple[Sentence, list[Token]]], used: set[int]) -> list[Candidate]:
        """Quotations signed with a dash ('"..." ― Dev Patel'), and quote paragraphs introduced by a
        colon ("The chairman ended with a warning:") or signed with a dash on the next line
        ("- Maria Gonzalez, Dover.") (P4 / P13)."""
        signed = self._signed_quotes(used)
        return signed + self._quote_paragraphs(sentences, used)

    def _line_end(self, qi: int) -> int:
        """The end of the paragraph where quotation *qi* ends."""
        return self.paras[self.quote_para[qi] + len(self.quotes[qi].pieces) - 1].end

    def _signed_quotes(self, used: set[int]) -> list[Candidate]:
        """'"..." ― Dev Patel': a quotation signed with a dash on its own line (P13)."""
        out: list[Candidate] = []
        skip_paras = {p.index for p in self.paras if p.skip}
        for qi, q in enumerate(self.quotes):
            if qi in used or self.quote_para[qi] in skip_paras or self.words[qi] < 2:
                continue
            line_end = self._line_end(qi)
            m = DASH_SIGNATURE.match(self.text, _skip_spaces(self.text, q.end, line_end), line_end)
            if m and not any(ch in ".!?" for ch in self.text[m.end():line_end].rstrip(". ")):
                a, b = m.span(1)
                out.append(_quote_claim(Sentence(self.quote_para[qi], q.start, line_end),
                                        Mention(0, 0, a, b, self.text[a:b], "name"),
                                        rules.DASH_SIGNATURE_SAME_LINE, q, qi))
                used.add(qi)
        return out

    def _quote_paragraphs(self, sentences: list[tuple[Sentence, list[Token]]], used: set[int]) -> list[Candidate]:
        """A paragraph that is one quotation, introduced by a colon at the end of the paragraph before
        it (P4) or signed with a dash on the next line (P13)."""
        out: list[Candidate] = []
        last_sentence: dict[int, list[Token]] = {}
        for sent, toks in sentences:
            last_sentence[sent.paragraph] = toks
        by_start = {q.start: qi for qi, q in enumerate(self.quotes)}
        for i, para in enumerate(self.paras):
            qi = by_start.get(para.start)
            if qi is None or qi in used or para.skip or self.words[qi] < 2:
                continue
            q = self.quotes[qi]
            if any(ch.isalpha() for ch in self.masked[q.end:self._line_end(qi)]):
                continue  # the paragraph goes on after the quote: not a quote paragraph
            found = self._quote_paragraph_speaker(i, qi, last_sentence)
            if found is None:
                continue
            mention, rule = found
            out.append(_quote_claim(Sentence(para.index, para.start, para.end), mention, rule, q, qi))
            used.add(qi)
        return out

    def _quote_paragraph_speaker(self, i: int, qi: int, last_sentence: dict[int, list[Token]]
                                 ) -> tuple[Mention, Rule] | None:
        """The speaker of the quote paragraph self.paras[i] (quotation *qi*): the subject of the
        paragraph before it when that one ends with a colon, else a dash signature after it."""
        prev = self.paras[i - 1] if i > 0 else None
        nxt_i = self.quote_para[qi] + len(self.quotes[qi].pieces)
        nxt = self.paras[nxt_i] if nxt_i < len(self.paras) else None
        mention: Mention | None = None
        rule: Rule | None = None
        if prev is not None and not prev.skip and self.text[prev.end - 1] == ":" and prev.index in last_sentence:
            toks = last_sentence[prev.index]
            mention = initial_subject(toks, self.text, len(toks))
            rule = rules.SPEAKER_COLON_QUOTE_PARAGRAPH
        if mention is None and nxt is not None:
            m = DASH_SIGNATURE.match(self.text, nxt.start, nxt.end)
            if m:
                a, b = m.span(1)
                mention = Mention(0, 0, a, b, self.text[a:b], "name")
                rule = rules.DASH_SIGNATURE_NEXT_LINE
        if mention is None or rule is None or mention.kind == "relative":
            return None
        return mention, rule

    def _transcript_turns(self, cands: list[Candidate]) -> list[Candidate]:
        """Interview transcripts: "ANNA SMITH: The minister released a video ..." (P14).

        Only where the article has turns by at least two labelled speakers, so that one-off
        labels ("EMAIL:", "Contributing:", "Smith: A late surge") are left alone."""
        turns = []
        for para in self.paras:
            if para.skip or (self.limit is not None and para.end > self.limit):
                continue
            m = SPEAKER_LABEL.match(self.text, para.start, para.end)
            if not m or m.group(1).lower().rstrip(".") in lx.NOT_SPEAKER_LABELS:
                continue
            a, b = m.span(1)
            s, e = m.end(), para.end
            while e > s and self.text[e - 1] in " .":
                e -= 1
            if len(self.text[s:e].split()) >= 4:
                turns.append((para, a, b, s, e))
        if len({self.text[a:b] for _, a, b, _, _ in turns}) < 2:
            return []
        out: list[Candidate] = []
        for para, a, b, s, e in turns:
            mention = Mention(0, 0, a, b, self.text[a:b].title(), "name")
            c = Candidate(Sentence(para.index, para.start, para.end), None, (b, b + 1), mention,
                          rules.TRANSCRIPT_SPEAKER_LABEL, rules.TRANSCRIPT_SPEAKER_LABEL.own_confidence)
            c.pieces = [(s, e)]
            c.quotes = {qi for qi, q in enumerate(self.quotes) if s <= q.start and q.end <= e}
            out.append(c)
        return out

    def _headline_label(self) -> list[Candidate]:
        """A headline that gives its words to a speaker: "Lynch: No outside influence on FBI probe",
        "Campbell: E-mail row 'silly fuss'", "Gillibrand on the transcripts: 'I think she will'" (P16).

        Only the article's first line, where a body follows, and only a label that reads as a name
        (no section label such as "Profile:", "The Latest:", "Breaking:", no words such as "Wades In"),
        whose last word the body names again."""
        if len(self.paras) < 2 or (self.limit is not None and self.paras[0].end > self.limit):
            return []
        head = self.paras[0]
        m = HEADLINE_LABEL.match(self.text, head.start, head.end)
        if m is None:
            return []
        words = m.group(1).split()
        if words[0].lower() in lx.NOT_SPEAKER_LABELS or words[0].lower() in lx.HEADLINE_LABELS \
                or any(w.lower() in lx.NOT_IN_A_NAME or (len(w) > 3 and w.isupper()) for w in words):
            return []
        body = self.text[self.paras[1].start:]
        if re.search(rf"\b{re.escape(words[-1])}\b", body) is None:
            return []
        a, b = m.span(1)
        s, e = m.end(), head.end
        if self.text[e - 1] == ".":
            e -= 1
        if len(self.text[s:e].split()) < 3 or self.text[e - 1] == "?":  # "Ted Cruz: a typical politician?"
            return []
        mention = Mention(0, 0, a, b, self.text[a:b], "name")
        colon = self.text.index(":", b)
        c = Candidate(Sentence(head.index, head.start, head.end), None, (colon, colon + 1), mention,
                      rules.HEADLINE_SPEAKER_LABEL, rules.HEADLINE_SPEAKER_LABEL.own_confidence)
        c.pieces = [(s, e)]
        c.quotes = {qi for qi, q in enumerate(self.quotes) if s <= q.start and q.end <= e}
        return [c]

    def _title_only(self, c: Candidate) -> bool:
        return all(looks_like_title(self.text, self.quotes[qi]) for qi in c.quotes)

    def _link_adjacent_quotes(self, cands: list[Candidate]) -> None:
        """'"Q." Kirby said.' and 'He added:' + a quote paragraph: attach the neighbouring quote."""
        used = {qi for c in cands for qi in c.quotes}
        for c in cands:
            if c.needs_prev_quote:
                qi = self._quote_before(c.sentence.start, c.sentence.paragraph)
                if qi is not None and qi not in used and self.words[qi] >= 2:
                    self._take_quote(c, qi, rules.QUOTE_THEN_SPEAKER_CUE)
                    used.add(qi)
            elif c.needs_next_quote:
                qi = self._quote_after(c.sentence.end, c.sentence.paragraph)
                if qi is not None and qi not in used:
                    self._take_quote(c, qi, rules.SPEAKER_CUE_NEXT_QUOTE)
                    used.add(qi)

    def _take_quote(self, c: Candidate, qi: int, rule: Rule) -> None:
        c.pieces = list(self.quotes[qi].pieces)
        c.quotes = {qi}
        c.rule, c.confidence = rule, rule.own_confidence

    def _quote_before(self, pos: int, para: int) -> int | None:
        """The last quotation ending before *pos* in the same paragraph, only space between."""
        i = bisect.bisect_right(self.quote_ends, pos) - 1
        while i >= 0:
            qi = self.end_order[i]
            if self.quote_para[qi] == para and self._only_space(self.quotes[qi].end, pos):
                return qi
            if self.quotes[qi].end < pos - 400:
                return None
            i -= 1
        return None

    def _quote_after(self, pos: int, para: int) -> int | None:
        """The first quotation starting after *pos* (same or next paragraph), only space between."""
        i = bisect.bisect_left(self.quote_starts, pos)
        if i < len(self.quotes):
            qi = i
            if self.quote_para[qi] <= para + 1 and self._only_space(pos, self.quotes[qi].start):
                return qi
        return None

    def _only_space(self, a: int, b: int) -> bool:
        return b - a < 400 and not any(ch.isalnum() for ch in self.masked[a:b])

    def _expand_quotes(self, cands: list[Candidate]) -> None:
        """A quotation running over paragraphs is one content: all its pieces."""
        for c in cands:
            multi = [qi for qi in c.quotes if len(self.quotes[qi].pieces) > 1]
            if not multi:
                continue
            spans = set(c.pieces)
            for qi in multi:
                q = self.quotes[qi]
                lo = min(a for a, _ in c.pieces)
                hi = max(b for _, b in c.pieces)
                for a, b in q.pieces:
                    if not (lo <= a and b <= hi):
                        spans.add((a, b))
            merged = sorted(spans)
            out: list[tuple[int, int]] = []
            for a, b in merged:
                if out and a <= out[-1][1]:
                    out[-1] = (out[-1][0], max(out[-1][1], b))
                else:
                    out.append((a, b))
            c.pieces = out

    def _dedupe(self, cands: list[Candidate]) -> list[Candidate]:
        """Two attributions of (nearly) the same content: keep the more confident one."""
        keep: list[Candidate] = []
        starts: list[int] = []  # kept candidates' first offsets, sorted, for a local search
        by_start: list[Candidate] = []
        longest = 0
        for c in sorted(cands, key=lambda c: -c.confidence):
            lo, hi = c.pieces[0][0], c.pieces[-1][1]
            size = _size(c.pieces)
            dup = False
            i = bisect.bisect_left(starts, hi)
            floor = max(0, i - DEDUPE_LOOKBACK)
            while i > floor and starts[i - 1] >= lo - longest:
                i -= 1
                k = by_start[i]
                inter = _intersection(c.pieces, k.pieces)
                if inter and inter / (size + _size(k.pieces) - inter) > 0.8 \
                        and k.parent is not c and c.parent is not k:
                    dup = True
                    break
            if not dup:
                keep.append(c)
                j = bisect.bisect_left(starts, lo)
                starts.insert(j, lo)
                by_start.insert(j, c)
                longest = max(longest, hi - lo)
        return keep

    def _floating(self, cands: list[Candidate]) -> list[Candidate]:
        """A quotation with no cue inherits the speaker of the attribution just before it (P12)."""
        used: set[int] = set()
        for c in cands:
            used |= c.quotes
        out: list[Candidate] = []
        skip_paras = {p.index for p in self.paras if p.skip}
        ordered = sorted(cands, key=lambda c: c.pieces[0][0])
        starts = [c.pieces[0][0] for c in ordered]
        last_end: dict[int, int] = {}  # id(source) -> where its last quotation ends (kept up to date)
        for qi, q in enumerate(self.quotes):
            if qi in used or self.quote_para[qi] in skip_paras:
                continue
            if not self._stands_alone(q):
                continue
            title = looks_like_title(self.text, q)
            k = bisect.bisect_left(starts, q.start) - 1
            source = None
            while k >= 0:
                prev = ordered[k]
                if self.quote_para[qi] - prev.sentence.paragraph > FLOAT_PARAGRAPHS:
                    break
                if prev.mention is not None and prev.parent is None and prev.rule not in rules.NO_FLOOR \
                        and not restrictive_relative(self.text, prev.mention):  # named in passing, or asked
                    source = prev
                    break
                k -= 1
            if source is None:
                continue
            if self._continues(source, qi, last_end) and (not title or self.words[qi] >= 2):
                # '"Q1," he said. "Q2."': the same utterance, one claim with several spans
                # (even when every word is capitalised: '"Here he comes," she said. "The Chief."').
                # (Appended in place when in order: a paragraph of thousands of continuations
                # must not re-sort the claim's pieces each time.)
                if source.pieces[-1] <= q.pieces[0]:
                    source.pieces.extend(q.pieces)
                else:
                    source.pieces = sorted(source.pieces + list(q.pieces))
                source.quotes.add(qi)
                last_end[id(source)] = max(last_end[id(source)], q.end)
                used.add(qi)
                continue
            if title or self.words[qi] < MIN_QUOTE_WORDS:
                continue
            c = _quote_claim(source.sentence, source.mention, rules.FLOATING_QUOTE, q, qi)
            c.inherits = source
            out.append(c)
            used.add(qi)
        return out

    def _unattributed_quotes(self, cands: list[Candidate]) -> list[Candidate]:
        """A quotation of a whole phrase (4+ words) that no rule attributed is still somebody's
        words: keep it as a low-confidence claim (P15). It takes the speaker of the attribution
        just before it in the same paragraph, if any; otherwise it has no speaker. Shorter
        quotations (scare quotes, names, slogans), titles and the first line are left out."""
        used: set[int] = set()
        for c in cands:
            used |= c.quotes
        skip_paras = {p.index for p in self.paras if p.skip}
        ordered = sorted((c for c in cands if c.mention is not None and c.parent is None),
                         key=lambda c: c.pieces[0][0])
        starts = [c.pieces[0][0] for c in ordered]
        out: list[Candidate] = []
        for qi, q in enumerate(self.quotes):
            if qi in used or self.quote_para[qi] in skip_paras or self.quote_para[qi] == 0 \
                    or self.words[qi] < MIN_QUOTE_WORDS or looks_like_title(self.text, q):
                # (the first line is the headline, even when it reads as a sentence)
                continue
            para = self.quote_para[qi]
            k = bisect.bisect_left(starts, q.start) - 1
            source = ordered[k] if k >= 0 and ordered[k].sentence.paragraph == para else None
            c = _quote_claim(Sentence(para, q.start, q.end), source.mention if source else None,
                             rules.UNATTRIBUTED_QUOTE, q, qi)
            c.inherits = source
            out.append(c)
        return out

    def _continues(self, source: Candidate, qi: int, last_end: dict[int, int]) -> bool:
        """The quote follows a direct claim in the same paragraph."""
        if not source.quotes or self.quote_para[qi] != source.sentence.paragraph:
            return False
        last = last_end.get(id(source))
        if last is None:
            last = last_end[id(source)] = max(self.quotes[k].end for k in source.quotes)
        if last > self.quotes[qi].start or (source.rule is not None and not source.rule.takes_following_quotes):
            return False
        # Only the rest of the attribution's sentence may stand between them:
        # '"Q1," he said on Monday. "Q2."'
        gap = self.masked[max(last, source.sentence.end):self.quotes[qi].start]
        return not any(ch.isalpha() for ch in gap)

    def _stands_alone(self, q: Quote) -> bool:
        """The quotation is a sentence of its own, not a fragment inside running prose."""
        a = q.start
        b = q.end
        i = a - 1
        while i >= 0 and self.text[i].isspace() and self.text[i] != "\n":
            i -= 1
        before_ok = i < 0 or self.text[i] in "\n.!?:\"”" or self.masked[i] == "_"
        j = b
        while j < len(self.text) and self.text[j].isspace() and self.text[j] != "\n":
            j += 1
        after_ok = j >= len(self.text) or self.text[j] in "\n\"“" or self.text[j].isupper() \
            or self.text[b - 2: b - 1] in (".", "?", "!")
        return before_ok and after_ok

    def _whole_utterance(self, qi: int) -> bool:
        """A short quotation that is a sentence of its own ('"Hello there," said Bob Jones.',
        'He said: "We lost."'), not a fragment inside reported speech ('called it "a disgrace"')."""
        q = self.quotes[qi]
        para = self.paras[self.quote_para[qi]]
        text = self.text
        i = q.start
        while i > para.start and text[i - 1] in " \t\u00a0":
            i -= 1
        if i > para.start:
            before = text[i - 1]
            if before == ",":
                w = LOWER_WORD.findall(self.lowered, max(para.start, i - 30), i - 1)
                if not w or w[-1] not in lx.SPEECH_VERBS:
                    return False  # 'as the paper put it, "the operator."'
            elif before not in ".!?:\"”»":
                return False
        a, b = q.pieces[-1]
        inner_end = b - 1
        while inner_end > a and text[inner_end] in "\"“”„«»'’‘`":
            inner_end -= 1
        if text[inner_end] in ",.!?…—-":
            return True  # '"Hello there," said', '"Why?" she asked'
        j = b
        end = self._line_end(qi)
        while j < end and text[j] in " \t\u00a0":
            j += 1
        return j >= end or text[j] in ".!?,;:"

    # --- speakers and output -------------------------------------------------------------------
    def _finish(self, cands: list[Candidate], hidden: set[int]) -> Extraction:
        """The claims, speakers resolved in text order. A *hidden* candidate is resolved (its speaker is
        still a mention the text made) but is no claim of its own."""
        resolver = Resolver(self.paras, self.masked)
        claims: list[ExtractedClaim] = []
        index = {id(c): i for i, c in enumerate(c for c in cands if id(c) not in hidden)}
        for n, c in enumerate(cands):
            if n % FINISH_CHECK_EVERY == FINISH_CHECK_EVERY - 1:
                self._check(c.pieces[0][0])
            entity, mention = resolver.resolve(c)
            if id(c) in hidden:
                continue
            pieces = c.pieces
            start, end = pieces[0][0], pieces[-1][1]
            content = self.text[start:end]
            kind = self._kind(c)
            direct = kind is ClaimKind.DIRECT
            stance = stance_of(c.cue, content, direct)
            conf = c.confidence
            if entity is None:
                conf -= rules.UNRESOLVED_SPEAKER_PENALTY
            claims.append(ExtractedClaim(
                start=start, end=end, text=content, kind=kind, stance=stance,
                confidence=round(max(rules.CONFIDENCE_FLOOR, min(1.0, conf)), 2),
                rule=(c.rule or rules.SPEAKER_CUE_CLAUSE).label,
                speaker=entity.name if entity else None,
                speaker_start=mention[0] if mention else None,
                speaker_end=mention[1] if mention else None,
                cue=self.text[c.cue_span[0]:c.cue_span[1]] if c.cue_span else None,
                cue_start=c.cue_span[0] if c.cue_span else None,
                cue_end=c.cue_span[1] if c.cue_span else None,
                spans=tuple(pieces) if len(pieces) > 1 else (),
                parent=index.get(id(c.parent)) if c.parent is not None else None,
            ))
        entities = resolver.entities()
        settled = settle_stances(tuple(claims), entities)
        verdicts = article_verdicts(self.text, self.masked, self.lowered, self.paras, settled, self.short_sentences)
        return Extraction(settled, entities, self.limit, verdicts)

    def _kind(self, c: Candidate) -> ClaimKind:
        quoted = 0
        for qi in c.quotes:
            for a, b in self.quotes[qi].pieces:
                quoted += b - a
        total = sum(b - a for a, b in c.pieces)
        if c.quotes and quoted >= total - 2 * len(c.pieces):
            if all(self.words[qi] < MIN_QUOTE_WORDS for qi in c.quotes) \
                    and not any(self._whole_utterance(qi) for qi in c.quotes):
                return ClaimKind.PARTIAL
            return ClaimKind.DIRECT
        return ClaimKind.MIXED if c.quotes else ClaimKind.INDIRECT


def _reported_inside(ordered: list[Candidate]) -> set[int]:
    """The ids of the claims held inside another claim's content that are not claims of their own: a
    belief, an intention or a position reported inside someone's words ("Ames said she thinks the plan
    will fail", "Ames said Brook wants a wall"). The words are Ames's claim; read alone, the inner one
    would repeat it, or give Brook a claim Brook never made. Kept as claims: reported speech ("Ames said
    Brook told her ..."), what is alleged, accused, admitted, confirmed or denied (the contradiction finder
    pairs it with its answer), quoted words, a transcript's turns, and whatever a denial reports ("denied
    Brook's claim that ..."). *ordered* is sorted by start, the longer first."""
    hidden: set[int] = set()
    reach = -1  # the furthest end of a claim that started earlier, and that claim
    holder: Candidate | None = None
    for c in ordered:
        end = c.pieces[-1][1]
        if holder is not None and end <= reach and _only_reported(c) \
                and (holder.cue is None or holder.cue.lemma not in lx.ANSWER_CUES):
            hidden.add(id(c))
            continue
        if end > reach:
            reach, holder = end, c
    return hidden


def _only_reported(c: Candidate) -> bool:
    """A belief, intention or position (no quotation, no speech cue, no contested stance)."""
    if c.quotes or c.cue is None or c.rule is rules.TRANSCRIPT_SPEAKER_LABEL:
        return False
    return c.cue.lemma not in lx.INVERTING_CUES and c.cue.lemma not in lx.FINDING_CUES \
        and lx.CUE_LEMMAS.get(c.cue.lemma) not in STANDS_NESTED


def _quote_claim(sentence: Sentence, mention: Mention | None, rule: Rule, q: Quote, qi: int) -> Candidate:
    """A claim whose content is one quotation (all its pieces), attributed by *rule*."""
    c = Candidate(sentence, None, None, mention, rule, rule.own_confidence)
    c.pieces = list(q.pieces)
    c.quotes = {qi}
    return c


def _skip_spaces(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _size(pieces: list[tuple[int, int]]) -> int:
    return sum(b - a for a, b in pieces)


def _intersection(p: list[tuple[int, int]], q: list[tuple[int, int]]) -> int:
    return sum(max(0, min(b, d) - max(a, c)) for a, b in p for c, d in q)


__all__ = ["run_pipeline"]
