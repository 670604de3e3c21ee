"""The engine's pipeline: segment, attribute sentence by sentence, float, resolve, decide stance.

run_pipeline(text) never raises: on an internal error it returns what it can (at worst an empty
Extraction), because ingestion calls it on arbitrary articles.
"""
from __future__ import annotations

import bisect

from claimtrack.engine import lexicon as lx
from claimtrack.engine.attribution import Candidate, attribute_sentence
from claimtrack.engine.model import ExtractedClaim, Extraction, SpeakerEntity
from claimtrack.engine.quotes import Quote, find_quotes, looks_like_title, mask, word_count
from claimtrack.engine.speakers import Entity, Title, first_name_gender, full_names, parse_title
from claimtrack.engine.stance import stance_of
from claimtrack.engine.text import Sentence, paragraphs, split_sentences, tokenize
from claimtrack.vocabulary import ClaimKind, SpeakerKind

MIN_QUOTE_WORDS = 4  # shorter quotations are fragments or scare quotes, not claims on their own
FLOAT_PARAGRAPHS = 2  # a floating quotation inherits a speaker at most this many paragraphs back
PRONOUN_PARAGRAPHS = 3


def run_pipeline(text: str) -> Extraction:
    if not isinstance(text, str) or not text.strip():
        return Extraction()
    try:
        return _Run(text).extract()
    except Exception:  # pragma: no cover - a guard for ingestion; tests assert it never fires
        return Extraction()


class _Run:
    def __init__(self, text: str) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self.quotes: list[Quote] = find_quotes(text, self.paras)
        self.masked = mask(text, self.quotes)
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

    # --- attribution -------------------------------------------------------------------------
    def extract(self) -> Extraction:
        cands: list[Candidate] = []
        sentences: list[tuple[Sentence, list]] = []
        for para in self.paras:
            if para.skip:
                continue
            pieces = self.pieces_by_para.get(para.index, [])
            for sent in split_sentences(self.text, para, self.masked):
                toks = tokenize(self.text, sent.start, sent.end, pieces)
                sentences.append((sent, toks))
                cands.extend(attribute_sentence(self.text, sent, toks))
        self._link_adjacent_quotes(cands, sentences)
        cands = [c for c in cands if c.pieces]
        self._expand_quotes(cands)
        cands = self._dedupe(cands)
        cands.extend(self._floating(cands))
        cands.sort(key=lambda c: (c.pieces[0][0], -c.pieces[-1][1]))
        return self._finish(cands)

    def _link_adjacent_quotes(self, cands: list[Candidate], sentences) -> None:
        """'"Q." Kirby said.' and 'He added:' + a quote paragraph: attach the neighbouring quote."""
        used = {qi for c in cands for qi in c.quotes}
        for c in cands:
            if c.needs_prev_quote:
                qi = self._quote_before(c.sentence.start, c.sentence.paragraph)
                if qi is not None and qi not in used and self.words[qi] >= 2:
                    self._take_quote(c, qi, "P1 quote, speaker cue (next sentence)", 0.8)
                    used.add(qi)
            elif c.needs_next_quote:
                qi = self._quote_after(c.sentence.end, c.sentence.paragraph)
                if qi is not None and qi not in used:
                    self._take_quote(c, qi, "P4 speaker cue: quote", 0.85)
                    used.add(qi)

    def _take_quote(self, c: Candidate, qi: int, rule: str, conf: float) -> None:
        c.pieces = list(self.quotes[qi].pieces)
        c.quotes = {qi}
        c.rule, c.confidence = rule, conf

    def _quote_before(self, pos: int, para: int) -> int | None:
        best = None
        for qi, q in enumerate(self.quotes):
            if q.end <= pos and self.quote_para[qi] >= para - 0 and self._only_space(q.end, pos):
                best = qi
        return best

    def _quote_after(self, pos: int, para: int) -> int | None:
        for qi, q in enumerate(self.quotes):
            if q.start >= pos and self.quote_para[qi] <= para + 1 and self._only_space(pos, q.start):
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
        """Two attributions of the same content: keep the more confident one."""
        keep: list[Candidate] = []
        for c in sorted(cands, key=lambda c: -c.confidence):
            cs = set()
            for a, b in c.pieces:
                cs.update(range(a, b))
            dup = False
            for k in keep:
                ks = set()
                for a, b in k.pieces:
                    ks.update(range(a, b))
                inter = len(cs & ks)
                if inter and inter / len(cs | ks) > 0.8 and k.parent is not c and c.parent is not k:
                    dup = True
                    break
            if not dup:
                keep.append(c)
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
        for qi, q in enumerate(self.quotes):
            if qi in used or self.quote_para[qi] in skip_paras:
                continue
            if looks_like_title(self.text, q) or not self._stands_alone(q):
                continue
            k = bisect.bisect_left(starts, q.start) - 1
            source = None
            while k >= 0:
                prev = ordered[k]
                if self.quote_para[qi] - prev.sentence.paragraph > FLOAT_PARAGRAPHS:
                    break
                if prev.mention is not None and prev.parent is None:
                    source = prev
                    break
                k -= 1
            if source is None:
                continue
            if self._continues(source, qi):
                # '"Q1," he said. "Q2."': the same utterance, one claim with several spans.
                source.pieces = sorted(source.pieces + list(q.pieces))
                source.quotes.add(qi)
                used.add(qi)
                continue
            if self.words[qi] < MIN_QUOTE_WORDS:
                continue
            c = Candidate(source.sentence, None, None, source.mention, "P12 floating quote", 0.6)
            c.inherits = source
            c.pieces = list(q.pieces)
            c.quotes = {qi}
            out.append(c)
            used.add(qi)
        return out

    def _continues(self, source: Candidate, qi: int) -> bool:
        """The quote follows a direct claim in the same paragraph."""
        if not source.quotes or self.quote_para[qi] != source.sentence.paragraph:
            return False
        last = max(self.quotes[k].end for k in source.quotes)
        if last > self.quotes[qi].start or source.rule.startswith(("P9", "P5", "P8")):
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
        while i >= 0 and self.text[i] in " \t":
            i -= 1
        before_ok = i < 0 or self.text[i] in "\n.!?:\"”" or self.masked[i] == "_"
        j = b
        while j < len(self.text) and self.text[j] in " \t":
            j += 1
        after_ok = j >= len(self.text) or self.text[j] in "\n\"“" or self.text[j].isupper() or self.text[b - 2: b - 1] in (".", "?", "!")
        return before_ok and after_ok

    # --- speakers and output -------------------------------------------------------------------
    def _finish(self, cands: list[Candidate]) -> Extraction:
        resolver = _Resolver(self)
        claims: list[ExtractedClaim] = []
        index = {id(c): i for i, c in enumerate(cands)}
        for c in cands:
            entity, mention = resolver.resolve(c)
            pieces = c.pieces
            start, end = pieces[0][0], pieces[-1][1]
            content = self.text[start:end]
            kind = self._kind(c)
            direct = kind is ClaimKind.DIRECT
            stance = stance_of(c.cue, content, direct)
            conf = c.confidence
            if entity is None:
                conf -= 0.15
            claims.append(ExtractedClaim(
                start=start, end=end, text=content, kind=kind, stance=stance,
                confidence=round(max(0.05, min(1.0, conf)), 2), rule=c.rule or "P9 speaker cue (that) clause",
                speaker=entity.name if entity else None,
                speaker_start=mention[0] if mention else None,
                speaker_end=mention[1] if mention else None,
                cue=self.text[c.cue_span[0]:c.cue_span[1]] if c.cue_span else None,
                cue_start=c.cue_span[0] if c.cue_span else None,
                cue_end=c.cue_span[1] if c.cue_span else None,
                spans=tuple(pieces) if len(pieces) > 1 else (),
                parent=index.get(id(c.parent)) if c.parent is not None else None,
            ))
        return Extraction(tuple(claims), resolver.entities())

    def _kind(self, c: Candidate) -> ClaimKind:
        quoted = 0
        for qi in c.quotes:
            for a, b in self.quotes[qi].pieces:
                quoted += b - a
        total = sum(b - a for a, b in c.pieces)
        if c.quotes and quoted >= total - 2 * len(c.pieces):
            if all(self.words[qi] < MIN_QUOTE_WORDS for qi in c.quotes):
                return ClaimKind.PARTIAL
            return ClaimKind.DIRECT
        return ClaimKind.MIXED if c.quotes else ClaimKind.INDIRECT


class _Resolver:
    """Turns mentions into entities: names, surnames, honorifics, roles and pronouns."""

    def __init__(self, run: _Run) -> None:
        self.run = run
        self.by_name: dict[str, Entity] = {}
        self.order: list[str] = []
        self.history: list[tuple[int, int, Entity]] = []  # (position, paragraph, entity) of speakers
        starts = [p.start for p in run.paras]
        self.para_of = lambda pos: bisect.bisect_right(starts, pos) - 1
        self.names = full_names(run.masked)  # person names outside quotations
        self.by_surname: dict[str, list[Title]] = {}
        for _, _, title in self.names:
            self.by_surname.setdefault(title.name.split()[-1].lower(), []).append(title)

    def entities(self) -> tuple[SpeakerEntity, ...]:
        out = []
        for name in self.order:
            e = self.by_name[name]
            out.append(SpeakerEntity(e.name, e.kind, e.role, e.affiliation, tuple(dict.fromkeys(e.aliases))))
        return tuple(out)

    def resolve(self, c: Candidate) -> tuple[Entity | None, tuple[int, int] | None]:
        if c.inherits is not None and c.mention is c.inherits.mention:
            ent = getattr(c.inherits, "_entity", None)
            c._entity = ent  # type: ignore[attr-defined]
            m = c.mention
            return ent, (m.start, m.end) if m else None
        m = c.mention
        if m is None:
            return None, None
        ent = self._entity_for(m, c)
        c._entity = ent  # type: ignore[attr-defined]
        if ent is not None:
            self.history.append((m.start, self.para_of(m.start), ent))
        return ent, (m.start, m.end)

    def _entity_for(self, m, c: Candidate) -> Entity | None:
        low = m.text.lower()
        pos = m.start
        if m.kind == "relative":
            ante = getattr(c, "_antecedent", None)
            return self._entity_for(ante, c) if ante is not None else None
        if m.kind == "pronoun":
            if low in ("he", "she"):
                return self._pronoun(pos, "m" if low == "he" else "f")
            if low in ("they", "it", "we"):
                return self._org_pronoun(pos, low)
            return None
        title = parse_title(m.text)
        if title.kind is SpeakerKind.PERSON and title.name and title.name[:1].isupper():
            return self._person(title, m.text, pos)
        if title.kind is SpeakerKind.PERSON and title.role and low.startswith("the "):
            # "the spokesman" -> the most recent holder of that role
            role_word = title.role.split()[-1].lower()
            for _, _, e in reversed(self.history):
                if e.role and e.role.split()[-1].lower() == role_word:
                    e.aliases.append(m.text)
                    return e
        name = title.name
        if title.kind is SpeakerKind.ORGANIZATION:
            name = _org_name(name)
        return self._add(Entity(name, title.kind, title.role, title.affiliation, title.gender, [m.text]))

    def _person(self, title: Title, surface: str, pos: int) -> Entity:
        parts = title.name.split()
        full = title.name
        gender = title.gender
        role, aff = title.role, title.affiliation
        if len(parts) == 1:
            cands = self.by_surname.get(parts[0].lower(), [])
            if cands:
                best = cands[0]
                full = best.name
                role = role or best.role
                aff = aff or best.affiliation
                gender = gender or best.gender
            elif parts[0].lower() in (e.name.split()[0].lower() for e in self.by_name.values() if e.kind is SpeakerKind.PERSON):
                for e in self.by_name.values():
                    if e.kind is SpeakerKind.PERSON and e.name.split()[0].lower() == parts[0].lower():
                        full = e.name
                        break
        else:
            # A longer earlier entity with the same surname ("John F. Kirby" vs "John Kirby").
            for e in self.by_name.values():
                if e.kind is SpeakerKind.PERSON and e.name.split()[-1] == parts[-1] and e.name.split()[0] == parts[0]:
                    full = e.name
                    break
        if gender is None:
            gender = first_name_gender(full.split()[0])
        existing = self.by_name.get(full)
        if existing is not None:
            existing.aliases.append(surface)
            existing.role = existing.role or role
            existing.affiliation = existing.affiliation or aff
            existing.gender = existing.gender or gender
            return existing
        return self._add(Entity(full, SpeakerKind.PERSON, role, aff, gender, [surface]))

    def _add(self, e: Entity) -> Entity:
        existing = self.by_name.get(e.name)
        if existing is not None:
            existing.aliases.extend(e.aliases)
            existing.role = existing.role or e.role
            existing.affiliation = existing.affiliation or e.affiliation
            if existing.kind is SpeakerKind.UNKNOWN:
                existing.kind = e.kind
            return existing
        self.by_name[e.name] = e
        self.order.append(e.name)
        return e

    def _pronoun(self, pos: int, gender: str) -> Entity | None:
        para = self.para_of(pos)
        # Prefer a recent speaker (Citron: quote sources first), then the nearest named person.
        for _, p, e in reversed(self.history):
            if para - p > PRONOUN_PARAGRAPHS:
                break
            if e.kind in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN) and e.gender in (None, gender) and e.name[:1].isupper():
                e.aliases.append("he" if gender == "m" else "she")
                return e
        best = None
        for s, _, title in self.names:
            if s >= pos:
                break
            if title.gender in (None, gender):
                best = title
        if best is not None:
            return self._person(best, best.name, pos)
        return None

    def _org_pronoun(self, pos: int, low: str) -> Entity | None:
        para = self.para_of(pos)
        for _, p, e in reversed(self.history):
            if para - p > PRONOUN_PARAGRAPHS:
                break
            if e.kind in (SpeakerKind.ORGANIZATION, SpeakerKind.GROUP):
                e.aliases.append(low)
                return e
        return None


def _org_name(name: str) -> str:
    words = name.split()
    if words and words[0].lower() in ("the",):
        words = words[1:]
    return " ".join(words) or name


__all__ = ["run_pipeline", "lx"]
