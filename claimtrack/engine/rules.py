"""The attribution rules, as data: each rule's id, the label a claim records, its confidence and
what the pipeline asks of it.

A label is stored with every claim and shown to the reader ("P1 quote, speaker cue"): never change
one. Some ids have several rows (P4 in the sentence or over a paragraph break; P13 signed on the
quotation's own line or on the next one): a row is what the code sets, not only what it records.

A rule's confidence is the claim's before its speaker is resolved (`UNRESOLVED_SPEAKER_PENALTY`
comes off when no speaker entity is found). A rule without a confidence of its own keeps the
confidence of the way its speaker was found (the `SPEAKER_*` values below); a rule with a ceiling
keeps it up to that ceiling.
"""
from __future__ import annotations

from dataclasses import dataclass

from claimtrack.vocabulary import ARTICLE_VERDICT_RULE


@dataclass(frozen=True, slots=True)
class Rule:
    id: str  # "P1"
    label: str  # what a claim records as its rule
    confidence: float | None = None  # None: the confidence of the way the speaker was found
    ceiling: float | None = None  # ... but no more than this
    # A quotation standing right after the claim (same paragraph, only the rest of the attribution's
    # sentence between) is more of the same utterance: '"Q1," he said. "Q2."'. Not so after reported
    # speech (a clause, or a fragment quoted inside the reporter's words): a quotation after it is a
    # new utterance.
    takes_following_quotes: bool = True

    @property
    def own_confidence(self) -> float:
        """The confidence of a rule that gives its own (all but P4 within a sentence and most of P9)."""
        assert self.confidence is not None, f"{self.label}: the confidence is the speaker's"
        return self.confidence

    def applied_to(self, speaker_confidence: float) -> float:
        """The claim's confidence under this rule, its speaker found with *speaker_confidence*."""
        if self.confidence is not None:
            return self.confidence
        if self.ceiling is not None:
            return min(speaker_confidence, self.ceiling)
        return speaker_confidence


# --- quotations with a speaker cue ----------------------------------------------------------------
QUOTE_SPEAKER_CUE = Rule("P1", "P1 quote, speaker cue", 0.9)  # '"Q," Kirby said.'
QUOTE_THEN_SPEAKER_CUE = Rule("P1", "P1 quote, speaker cue (next sentence)", 0.8)  # '"Q." Kirby said.'
QUOTE_CUE_SPEAKER = Rule("P2", "P2 quote, cue speaker", 0.9)  # '"Q," said Kirby.'
QUOTE_TOLD_ADDRESSEE = Rule("P3", "P3 quote, speaker told addressee", 0.9)  # '"Q," Kirby told reporters.'
SPEAKER_CUE_QUOTE = Rule("P4", "P4 speaker cue: quote")  # 'Kirby said: "Q"', 'Kirby said, "Q"'
SPEAKER_CUE_NEXT_QUOTE = Rule("P4", "P4 speaker cue: quote", 0.85)  # 'He added:' + the quotation after it
# 'The chairman ended with a warning:' and a paragraph that is one quotation
SPEAKER_COLON_QUOTE_PARAGRAPH = Rule("P4", "P4 speaker ...: quote paragraph", 0.6)
SPLIT_QUOTE = Rule("P6", "P6 split quote", 0.85)  # '"Q1," Kirby said, "Q2."'

# --- reported speech ------------------------------------------------------------------------------
QUOTED_FRAGMENT = Rule("P5", "P5 speaker verb quoted fragment", 0.45,  # 'Ruiz branded the ruling "absurd."'
                       takes_following_quotes=False)
ACCORDING_TO = Rule("P8", "P8 according to", 0.8, takes_following_quotes=False)
SPEAKER_CUE_CLAUSE = Rule("P9", "P9 speaker cue (that) clause",  # "Kirby said (that) X"
                          takes_following_quotes=False)
SPEAKER_REFUSED = Rule("P9", "P9 speaker refused to CUE",  # "Kirby declined to comment on X"
                       takes_following_quotes=False)
CLAUSE_SPEAKER_CUE = Rule("P9", "P9 clause, speaker cue", ceiling=0.75,  # "X, Kirby said"
                          takes_following_quotes=False)
CLAUSE_CUE_SPEAKER = Rule("P9", "P9 clause, speaker cue (inverted)", ceiling=0.75,  # "X, said Kirby"
                          takes_following_quotes=False)
PASSIVE_BY_SPEAKER = Rule("P10", "P10 passive, by speaker", 0.7)  # "X, it was claimed by Kirby"
CLAUSE_SPEAKER_CUE_CLAUSE = Rule("P11", "P11 clause, speaker cue, clause", 0.7)  # "X, Kirby said, would be Y"

# --- quotations without a cue in their sentence ---------------------------------------------------
FLOATING_QUOTE = Rule("P12", "P12 floating quote", 0.6)  # a quotation after an attribution
DASH_SIGNATURE_SAME_LINE = Rule("P13", "P13 quote, dash signature", 0.65)  # '"Q" ― Dev Patel'
DASH_SIGNATURE_NEXT_LINE = Rule("P13", "P13 quote, dash signature", 0.6)  # "- Maria Gonzalez, Dover." below
TRANSCRIPT_SPEAKER_LABEL = Rule("P14", "P14 transcript speaker label", 0.6)  # "ANNA SMITH: ..."
UNATTRIBUTED_QUOTE = Rule("P15", "P15 unattributed quotation", 0.35)
HEADLINE_SPEAKER_LABEL = Rule("P16", "P16 headline speaker label", 0.6)  # "Lynch: No outside influence ..."
QUESTION_PUT = Rule("P17", "P17 question put", 0.6)  # "Asked whether the ferry would close, ..."
POLL_FINDING = Rule("P18", "P18 poll finding", 0.6)  # "In a Register poll last month, Cruz had a lead"
ARTICLE_VERDICT = Rule("P19", ARTICLE_VERDICT_RULE, 0.5)  # "Voting fraud is, in fact, very rare."

RULES: tuple[Rule, ...] = (
    QUOTE_SPEAKER_CUE, QUOTE_THEN_SPEAKER_CUE, QUOTE_CUE_SPEAKER, QUOTE_TOLD_ADDRESSEE, SPEAKER_CUE_QUOTE,
    SPEAKER_CUE_NEXT_QUOTE, SPEAKER_COLON_QUOTE_PARAGRAPH, SPLIT_QUOTE, QUOTED_FRAGMENT, ACCORDING_TO,
    SPEAKER_CUE_CLAUSE, SPEAKER_REFUSED, CLAUSE_SPEAKER_CUE, CLAUSE_CUE_SPEAKER, PASSIVE_BY_SPEAKER,
    CLAUSE_SPEAKER_CUE_CLAUSE, FLOATING_QUOTE, DASH_SIGNATURE_SAME_LINE, DASH_SIGNATURE_NEXT_LINE,
    TRANSCRIPT_SPEAKER_LABEL, UNATTRIBUTED_QUOTE, HEADLINE_SPEAKER_LABEL, QUESTION_PUT, POLL_FINDING,
    ARTICLE_VERDICT,
)
# Rules whose source never takes the floor: a "he said" or a quotation after them is not theirs (the one
# who asked a question; a poll).
NO_FLOOR = (QUESTION_PUT, POLL_FINDING)

# --- how sure the engine is of a speaker, by the way it was found ----------------------------------
SPEAKER_BEFORE_CUE = 0.8  # "Kirby said"
SPEAKER_AFTER_CUE = 0.85  # '"...," said Kirby'
SPEAKER_OF_EARLIER_CUE = 0.75  # "did not deny ... but rejected": the subject of the cue before
SPEAKER_OF_COORDINATED_CUE = 0.65  # "The ministry reviewed the file and says ...": the sentence's subject
SPEAKER_OF_PARTICIPLE = 0.7  # ", saying ...": the sentence's subject
# A speaker shared with an earlier cue or taken from the sentence's subject, for a content after the cue.
BORROWED_SPEAKER_CEILING = 0.7
# Off a claim's confidence when its speaker is no entity of the article.
UNRESOLVED_SPEAKER_PENALTY = 0.15
# No claim is given less: a claim the engine keeps is worth a look.
CONFIDENCE_FLOOR = 0.05
