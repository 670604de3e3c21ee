"""Table-driven tests: one real-style sentence (or two) per attribution pattern."""
from __future__ import annotations

import pytest

from claimtrack.engine import extract
from claimtrack.vocabulary import ClaimKind, Stance
from tests.engine.conftest import claim_for

BODY = "Lead paragraph of an invented report.\n\n"  # the first line is read as the headline

# text, content fragment, expected speaker (canonical), speaker mention, kind, stance, rule prefix
CASES = [
    ('"We will rebuild every school in the valley," Governor Ana Ruiz said.',
     "We will rebuild", "Ana Ruiz", "Governor Ana Ruiz", ClaimKind.DIRECT, Stance.PROMISES, "P1"),
    ('“The figures do not add up at all,” said Peter Hale, the committee chairman.',
     "The figures do not add up", "Peter Hale", "Peter Hale", ClaimKind.DIRECT, Stance.ASSERTS, "P2"),
    ('"There is no plan to raise fares this year," the mayor Lena Park told reporters.',
     "There is no plan", "Lena Park", "the mayor Lena Park", ClaimKind.DIRECT, Stance.ASSERTS, "P3"),
    ('Lena Park spoke briefly. She added: "The tunnel will open in May next year."',
     "The tunnel will open", "Lena Park", "She", ClaimKind.DIRECT, Stance.ASSERTS, "P4"),
    ("Finance minister Tariq Aziz said the deficit had narrowed for a third quarter.",
     "the deficit had narrowed", "Tariq Aziz", "Finance minister Tariq Aziz", ClaimKind.INDIRECT, Stance.ASSERTS, "P9"),
    ("The deficit had narrowed for a third quarter, finance minister Tariq Aziz said.",
     "The deficit had narrowed", "Tariq Aziz", "finance minister Tariq Aziz", ClaimKind.INDIRECT, Stance.ASSERTS, "P9"),
    ("According to the fire service, the blaze started in a disused warehouse.",
     "the blaze started", "fire service", "the fire service", ClaimKind.INDIRECT, Stance.ASSERTS, "P8"),
    ("The blaze started in a disused warehouse, according to the fire service.",
     "The blaze started", "fire service", "the fire service", ClaimKind.INDIRECT, Stance.ASSERTS, "P8"),
    ('Inspector Ravi Menon said the crash was caused by "a catastrophic brake failure".',
     "the crash was caused", "Ravi Menon", "Inspector Ravi Menon", ClaimKind.MIXED, Stance.ASSERTS, "P9"),
    ("The union accused the company of breaking the pay agreement.",
     "the company of breaking", "union", "The union", ClaimKind.INDIRECT, Stance.ACCUSES, "P9"),
    ("The United Nations urged both sides to return to talks.",
     "both sides to return", "United Nations", "The United Nations", ClaimKind.INDIRECT, Stance.URGES, "P9"),
    ("Police warned that the road would stay closed overnight.",
     "the road would stay closed", "Police", "Police", ClaimKind.INDIRECT, Stance.WARNS, "P9"),
    ("The minister denied that any documents had been destroyed.",
     "any documents had been destroyed", "minister", "The minister", ClaimKind.INDIRECT, Stance.DENIES, "P9"),
    ("The minister did not deny that documents had been destroyed.",
     "documents had been destroyed", "minister", "The minister", ClaimKind.INDIRECT, Stance.UNCOMMITTED, "P9"),
    ("The club declined to comment on the transfer.",
     "to comment on the transfer", "club", "The club", ClaimKind.INDIRECT, Stance.UNCOMMITTED, "P9"),
    ("The agency refused to confirm whether the satellite had failed.",
     "whether the satellite had failed", "agency", "The agency", ClaimKind.INDIRECT, Stance.UNCOMMITTED, "P9"),
    ("Mayor Ida Lund admitted that the budget had been overspent.",
     "the budget had been overspent", "Ida Lund", "Mayor Ida Lund", ClaimKind.INDIRECT, Stance.ADMITS, "P9"),
    ("The board confirmed that the chief executive would step down.",
     "the chief executive would step down", "board", "The board", ClaimKind.INDIRECT, Stance.CONFIRMS, "P9"),
    ("The company promised that every customer would be refunded.",
     "every customer would be refunded", "company", "The company", ClaimKind.INDIRECT, Stance.PROMISES, "P9"),
    ("Analysts suggested that the merger could be delayed until next year.",
     "the merger could be delayed", "Analysts", "Analysts", ClaimKind.INDIRECT, Stance.HEDGES, "P9"),
    ("The opposition claimed that the vote had been rigged.",
     "the vote had been rigged", "opposition", "The opposition", ClaimKind.INDIRECT, Stance.ALLEGES, "P9"),
    ("The regulator rejected claims that it had been too slow to act.",
     "claims that it had been too slow", "regulator", "The regulator", ClaimKind.INDIRECT, Stance.REJECTS, "P9"),
    ('"The report is a fabrication and it is not accurate," Ms Lowe told reporters.',
     "The report is a fabrication", "Lowe", "Ms Lowe", ClaimKind.DIRECT, Stance.DENIES, "P3"),
    ("The ceasefire, the army said, would hold until Sunday.",
     "would hold until Sunday", "army", "the army", ClaimKind.INDIRECT, Stance.ASSERTS, "P11"),
    ('The plan was approved, it was reported. '
     'Senator Joan Blake was quoted as saying "this is a good day for the state".',
     "this is a good day", "Joan Blake", "Senator Joan Blake", ClaimKind.PARTIAL, Stance.ASSERTS, "P4"),
    ("The inspector stated, while giving evidence to the committee, that the checks had been skipped.",
     "the checks had been skipped", "inspector", "The inspector", ClaimKind.INDIRECT, Stance.ASSERTS, "P9"),
    ("Minister Lena Park has since stressed that the checks had been done.",
     "the checks had been done", "Lena Park", "Minister Lena Park", ClaimKind.INDIRECT, Stance.ASSERTS, "P9"),
]


@pytest.mark.parametrize("text,fragment,speaker,mention,kind,stance,rule", CASES)
def test_pattern(text, fragment, speaker, mention, kind, stance, rule):
    full = BODY + text
    _ex, c = claim_for(full, fragment)
    assert c.speaker is not None and speaker.lower() in c.speaker.lower()
    assert full[c.speaker_start:c.speaker_end] == mention
    if kind is not ClaimKind.PARTIAL:
        assert c.kind is kind
    assert c.stance is stance
    assert c.rule.startswith(rule)
    assert 0.0 <= c.confidence <= 1.0
    assert full[c.start:c.end] == c.text


def test_split_quote_is_one_claim_with_two_spans():
    text = BODY + '"We are not finished," the coach said, "and we will win the league."'
    ex, c = claim_for(text, "We are not finished")
    assert len(c.spans) == 2
    assert "we will win the league" in text[c.spans[1][0]:c.spans[1][1]]
    assert c.rule.startswith("P6")
    assert len([x for x in ex.claims if "win the league" in x.text]) == 1


def test_multi_paragraph_quote_continues_when_next_paragraph_opens_with_a_mark():
    text = BODY + ('The judge said: "The evidence was overwhelming and consistent.\n\n'
                   '"No reasonable jury could have reached another verdict."\n\nCourt rose at noon.')
    _ex, c = claim_for(text, "The evidence was overwhelming")
    assert "No reasonable jury" in text[c.start:c.end]
    assert len(c.spans) == 2
    assert c.kind is ClaimKind.DIRECT


def test_floating_quote_inherits_previous_speaker():
    text = BODY + ('"Water levels are falling fast," hydrologist Mia Chen said.\n\n'
                   '"We have not seen a drought like this in forty years of records."')
    _, c = claim_for(text, "We have not seen a drought")
    assert c.speaker == "Mia Chen"
    assert c.rule.startswith("P12")


def test_pronoun_resolves_by_gender_to_nearest_compatible_speaker():
    text = BODY + ("Sarah Mills, the party leader, met John Carter on Monday. "
                   "Mills said the talks had been useful.\n\n"
                   '"We will meet again next month to finish the work," she said.')
    _, c = claim_for(text, "We will meet again")
    assert c.speaker == "Sarah Mills"
    assert text[c.speaker_start:c.speaker_end] == "she"


def test_surname_and_honorific_resolve_to_full_name():
    text = BODY + ("Health Secretary Wes Streeting visited the hospital on Friday. "
                   '"Waiting lists are coming down across the country," Mr Streeting said.')
    ex, c = claim_for(text, "Waiting lists")
    assert c.speaker == "Wes Streeting"
    assert ex.speaker("Wes Streeting") is not None


def test_title_split_into_name_role_affiliation():
    text = BODY + '"We are watching closely," White House National Security Council spokesman John Kirby said.'
    ex, c = claim_for(text, "We are watching closely")
    e = ex.speaker(c.speaker)
    assert e is not None
    assert (e.name, e.role, e.affiliation) == ("John Kirby", "spokesman", "White House National Security Council")


def test_name_inside_quote_is_never_the_speaker():
    text = BODY + '"Paris and Berlin will never accept this," the envoy said.'
    _, c = claim_for(text, "Paris and Berlin")
    assert c.speaker is not None and "Paris" not in c.speaker and "Berlin" not in c.speaker


def test_addressee_is_never_the_speaker():
    text = BODY + '"The talks are over for now," Vucic told Kirby.'
    _, c = claim_for(text, "The talks are over")
    assert c.speaker == "Vucic"


def test_nested_attribution_has_parent():
    text = BODY + "A former aide admitted to leaking the memo, his lawyer said on Friday."
    ex, child = claim_for(text, "to leaking the memo")
    assert child.parent is not None
    parent = ex.claims[child.parent]
    assert parent.speaker == "his lawyer"
    assert "admitted to leaking the memo" in parent.text


def test_missing_space_after_full_stop_splits_sentences():
    text = BODY + "The vote was close, the clerk said.Turnout was high across the county, officials said."
    ex = extract(text)
    texts = [c.text for c in ex.claims]
    assert "The vote was close" in texts
    assert "Turnout was high across the county" in texts


@pytest.mark.parametrize("text", [
    BODY + "Everything went according to plan on the day of the launch.",
    BODY + "The said firm has been trading since 1998 in the old town.",
    BODY + "Most people cannot tell the difference between the two wines.",
    BODY + "Add salt and stir the sauce for five minutes.",
    BODY + 'The so-called "woke" agenda dominated the conference for a second day.',
    BODY + 'She starred in "The Long Goodbye" and "Summer in Paris" before retiring.',
    BODY + "The claims were investigated by the watchdog last year.",
    BODY + "Her statement was read out in court by a clerk.",
    BODY + "It was the children's favourite game, and the parents' too.",
])
def test_no_claim(text):
    assert extract(text).claims == ()


@pytest.mark.parametrize("text", [
    "Minister says talks will resume\n\nBody text without attribution.",
    "Body.\n\n3 min read\n\nLive Story\n\nA protester holds a sign. (Photo by Jane Roe/Agency)\n",
    "Body.\n\nSupporters wave flags as the minister says the vote will be close. REUTERS/Jane Roe\n",
])
def test_headlines_captions_and_boilerplate_give_nothing(text):
    assert extract(text).claims == ()


def test_a_reuters_ipsos_poll_is_the_articles_own_text_not_a_photo_credit():
    text = "Body.\n\nThe latest Reuters/Ipsos poll shows that the two candidates are level, officials said."
    assert "the two candidates are level" in [c.text for c in extract(text).claims]


@pytest.mark.parametrize("text", [
    "",
    '"',
    '""""',
    'He said "unbalanced and never closed',
    "“Curly open only, she said.\n\nNext paragraph without marks.",
    "‘single’ marks and horses' tails and don't, shouldn‘t » bullets »",
    "\n\n\n",
    '"a" "b" "c" said said said according to to to',
])
def test_odd_input_never_raises(text):
    ex = extract(text)
    for c in ex.claims:
        assert text[c.start:c.end] == c.text


def test_unbalanced_mark_does_not_drop_the_article():
    text = BODY + ('He said "this mark is never closed.\n\n'
                   "The minister said the budget would be published on Tuesday.")
    ex = extract(text)
    assert any("the budget would be published" in c.text for c in ex.claims)


def test_relative_pronoun_resolves_to_antecedent():
    text = BODY + "The plan drew a rebuke from Governor Ana Ruiz, who called it “a reckless gamble with public money.”"
    _, c = claim_for(text, "a reckless gamble")
    assert c.speaker == "Ana Ruiz"
    assert text[c.speaker_start:c.speaker_end] == "who"


def test_question_then_inverted_cue_is_not_split():
    text = BODY + '"So what do we do now?" asked the minister Karl Berg.'
    _, c = claim_for(text, "So what do we do now")
    assert c.speaker == "Karl Berg"
    assert c.stance is Stance.UNCOMMITTED


def test_capitalised_stop_words_inside_names():
    text = BODY + '"We built this party from nothing," said Mary Will, the group\'s founder.'
    _, c = claim_for(text, "We built this party")
    assert c.speaker == "Mary Will"


def test_colon_introduces_next_paragraph_quote():
    text = BODY + ("The chairman closed the meeting with a warning:\n\n"
                   '"Nobody in this room should assume the budget is safe next year."')
    _, c = claim_for(text, "Nobody in this room")
    assert c.speaker is not None and "chairman" in c.speaker
    assert c.kind is ClaimKind.DIRECT


def test_dash_signature_under_quote():
    text = BODY + '"The queues at the border get longer every single week."\n\n- Maria Gonzalez, Dover.'
    _, c = claim_for(text, "The queues at the border")
    assert c.speaker == "Maria Gonzalez"
    assert c.rule.startswith("P13")


def test_quoted_fragment_with_uncommon_verb():
    text = BODY + 'Senator Amy Stone branded the proposal "a gift to the tobacco lobby" on Monday.'
    _, c = claim_for(text, "a gift to the tobacco lobby")
    assert c.speaker == "Amy Stone"
    assert c.kind is ClaimKind.MIXED


def test_parenthesised_party_after_name():
    text = BODY + '"We will not support this bill," Sen. Lisa Grant (D-Ore.) said on Tuesday.'
    _ex, c = claim_for(text, "We will not support this bill")
    assert c.speaker == "Lisa Grant"
    assert text[c.speaker_start:c.speaker_end] == "Sen. Lisa Grant (D-Ore.)"


def test_participle_shares_the_subject():
    text = BODY + "The airline cancelled 40 flights on Sunday, saying that staff shortages had hit its crews."
    _, c = claim_for(text, "staff shortages had hit")
    assert c.speaker is not None and "airline" in c.speaker
    assert c.cue == "saying"


def test_dash_signature_on_the_quote_line():
    text = BODY + "“The new rules will close half the shops on this street.” ― Dev Patel, shopkeeper\n"
    _, c = claim_for(text, "The new rules will close")
    assert c.speaker == "Dev Patel"


def test_single_quotation_marks_when_the_article_uses_no_double_marks():
    text = BODY + ("'We will not be bullied by anyone,' the Prime Minister said. It's the players' choice.\n\n"
                   "Mr Jones's spokesman said the talks were 'constructive' and would resume on Monday.")
    ex, c = claim_for(text, "We will not be bullied")
    assert c.kind is ClaimKind.DIRECT and "Prime Minister" in c.speaker
    _, m = claim_for(text, "the talks were")
    assert m.kind is ClaimKind.MIXED
    assert not any("players' choice" in x.text for x in ex.claims)


def test_first_line_that_reads_as_a_sentence_is_the_lede_not_a_headline():
    text = "The mayor said on Monday that the library would reopen in June.\n\nWork starts next week."
    _, c = claim_for(text, "the library would reopen in June")
    assert "mayor" in c.speaker


# Cue and content shapes added for quotation recall: text, content fragment, speaker mention,
# cue, the content's first words (None: not checked), the content's last characters (None: not checked).
RECALL_CASES = [
    # an -s cue that is usually a noun ("notes") is a verb after a subject pronoun
    ('Ms Hale spoke last. "We have paid our share twice over," she notes.',
     "We have paid our share", "she", "notes", None, None),
    # a closing prepositional phrase between the subject and the cue
    ('The warden at the time said the prison had been "full to bursting" for a decade.',
     "the prison had been", "The warden", "said", "the prison had been", None),
    # a pronoun glued to "is" before a progressive cue
    ('Mr Reed is upbeat. He’s predicting that the harvest will be "the best in living memory" this year.',
     "the harvest will be", "He", "predicting", "the harvest will be", None),
    # a quoted programme title closed by a comma is not the cue's content
    ('Speaking on "Farming Today," Councillor Amy Hart said the county\'s "roads and bridges" are crumbling.',
     "roads and bridges", "Councillor Amy Hart", "said", "the county", None),
    # "told X this week she would ...": the time adjunct does not swallow the content
    ('The coach told the players this week she would regard a draw as "a small miracle" on Saturday.',
     "small miracle", "The coach", "told", "she would regard", None),
    # a naming cue coordinated with an earlier verb of the same subject
    ('Carla Diaz left the court on Friday and called the verdict "a gift to every fraudster."',
     "the verdict", "Carla Diaz", "called", "the verdict", None),
    # an adverb that can also modify nouns ("further") before a past-tense cue
    ('The report was blunt. "No ward met the target in any month," it further wrote.',
     "No ward met the target", "it", "further wrote", None, None),
    # "described X as "Y"": the naming ends with the quoted words
    ('The minister described the audit as a "complete fiction," but declined to say more.',
     "complete fiction", "The minister", "described", "the audit", 'fiction,"'),
    # a participle cue after a quotation that opens the sentence shares its subject
    ('"Sing it louder," Nia Brooks tells the choir before asking, "Who wrote this one for us?"',
     "Who wrote this one", "Nia Brooks", "asking", None, None),
    # a participle cue followed by a comma and a quotation
    ('The film shows the governor asking, "Why are we still waiting for this bridge?"',
     "Why are we still waiting", "the governor", "asking", None, None),
    # ... also after a short adjunct
    ('The advert ends with footage of the mayor saying at a rally in March, "I never spend a penny I do not have."',
     "I never spend a penny", "the mayor", "saying", '"I never', None),
    # a quotation introduced by a colon after the verb's object is the content by itself
    ('Councillor Amy Hart warned them plainly: "The parish will not pay for your mistakes again."',
     "The parish will not pay", "Councillor Amy Hart", "warned", '"The parish', None),
    # a quotation closed by a comma ends before the subordinate clause that follows it
    ('The guard then shouts, "Stay behind the yellow line," until the train stops.',
     "Stay behind the yellow line", "The guard", "then shouts", None, 'line,"'),
    # "... "fragment" and said ...": the second report is not part of the first content
    ('Mr Osei exhorted voters to "think again about the bridge" and said he would fight on.',
     "think again", "Mr Osei", "exhorted", "voters to", 'bridge"'),
    # the reporter's words after the last quotation: a coordinated verb, a time clause, a gloss
    ('The mayor called the ferry contract "a scandal from start to finish," and promised an inquiry.',
     "a scandal from start", "The mayor", "called", "the ferry contract", 'finish,"'),
    ('Ms Lund argued that the board "never listens to the tenants" before walking out.',
     "never listens", "Ms Lund", "argued", "the board", 'tenants"'),
    ('The minister also cited the "weekend rota gap," a hole that left wards unstaffed.',
     "weekend rota gap", "The minister", "also cited", None, 'gap,"'),
    # idiomatic and manner-of-speaking cues
    ('The main test is a "clean driving record over five years," as one insurer put it.',
     "clean driving record", "one insurer", "put it", "The main test", None),
    ('Another critic, Dr Sara Vine, likened the scheme to "pouring water into a sieve."',
     "pouring water", "Dr Sara Vine", "likened", "the scheme to", None),
    ('"We did it, we really did it!" beamed Tom Reyes, a volunteer from Leeds.',
     "We did it", "Tom Reyes", "beamed", None, None),
    ('The senator has railed against the "rigged housing market" for years.',
     "rigged housing market", "The senator", "has railed against", "the", None),
    # "condemned X as "A" and a "B"": the content runs to the last quoted words
    ('The minister condemned the walkout as "selfish and cynical" and a "danger to patients" on Monday.',
     "selfish and cynical", "The minister", "condemned", "the walkout", 'patients"'),
    # a closing time clause after the last quotation, whatever its first word
    ('Mr Cole then told them, "Get out of the building," until alarms sounded.',
     "Get out of the building", "Mr Cole", "then told", '"Get out', 'building,"'),
    # a noun that names the quoted words ("the phrase", "the slogan")
    ('Ms Lund used the slogan "homes before profits" at every meeting.',
     "homes before profits", "Ms Lund", "used", '"homes', 'profits"'),
    # with no lexicon cue, what is said starts at a reporting word or preposition before the quote
    ('The bishop gave a spirited defence of "the parish school and its teachers," to loud applause.',
     "the parish school", "The bishop", "gave", '"the parish', None),
    # a short determiner phrase before a cue is its subject, whatever the noun
    ('The leaflet says Ms Kerr "will close the pool within a year of taking office."',
     "will close the pool", "The leaflet", "says", "Ms Kerr", None),
    # ... but quoted words are never cut off
    ('The senator called his rival a "bully," a "coward" and "a danger to us all."',
     "a danger to us all", "The senator", "called", "his rival", 'to us all."'),
]


@pytest.mark.parametrize("text,fragment,mention,cue,first,last", RECALL_CASES)
def test_recall_pattern(text, fragment, mention, cue, first, last):
    full = BODY + text
    _, c = claim_for(full, fragment)
    assert c.speaker_start is not None and mention in full[c.speaker_start:c.speaker_end]
    assert c.cue == cue
    if first is not None:
        assert c.text.startswith(first)
    if last is not None:
        assert c.text.endswith(last)


def test_unattributed_quotation_is_kept_without_a_speaker():
    text = BODY + 'Residents were angry about the plan to "close the library and sell the land" next year.'
    _, c = claim_for(text, "close the library")
    assert c.rule.startswith("P15") and c.speaker is None and c.kind is ClaimKind.DIRECT


def test_unattributed_quotation_takes_the_speaker_before_it_in_the_paragraph():
    text = BODY + ('Ms Okafor said the plan was finished. '
                   'The diggers left and the site was "closed for good, with no plans to reopen."')
    _, c = claim_for(text, "closed for good")
    assert c.rule.startswith("P15") and c.speaker is not None and "Okafor" in c.speaker


def test_capitalised_continuation_of_a_quote_joins_it():
    text = BODY + '"Make way for the champion," she said, waving. "The Chief. Our Chief."'
    _, c = claim_for(text, "Make way for the champion")
    assert "The Chief. Our Chief." in c.text and len(c.spans) == 2


@pytest.mark.parametrize("text", [
    BODY + "There were no further reported cases of the virus this week.",
    BODY + 'The "green belt" was never built, and the "new town" stayed empty.',
    BODY + 'Tickets for "The Long Goodbye" sold out within a day.',
    'Council leader: "We will not sell a single home"\n\nThe meeting ran late.',
    BODY + "The satellite beamed images back to the ground station.",
    BODY + "He put it in the drawer and locked it.",
    BODY + "The crowd cheered, as the band played on into the night.",
])
def test_recall_patterns_must_not_fire(text):
    assert extract(text).claims == ()


# A semicolon after "X, S said" starts no content of its own: X is the claim, and the words after the
# semicolon are the reporter's (or a new clause).
@pytest.mark.parametrize(("sentence", "content"), [
    ("The talks failed, the harbour master said; the two sides would meet again in May.", "The talks failed"),
    ("These were no oversights, the lawyer noted; the agency had slanted its summaries.",
     "These were no oversights"),
])
def test_a_semicolon_after_the_cue_leaves_the_content_before_it(sentence, content):
    assert [c.text for c in extract("Body.\n\n" + sentence).claims] == [content]


def test_a_passive_cue_before_a_semicolon_gives_no_content_before_it():
    text = "Body.\n\nHe was booed on stage during the debate; was denounced by the bishop; and lost the vote."
    assert all(not c.text.startswith("He was booed") for c in extract(text).claims)


# A sentence opening with "As S said," reports the clause after the comma; "As" opening a plain
# subordinate clause reports nothing.
@pytest.mark.parametrize(("sentence", "speaker", "content"), [
    ("As the harbour master said, the bridge will reopen in May.", "the harbour master",
     "the bridge will reopen in May"),
    ("As many engineers have pointed out, the toll will hurt small firms.", "many engineers",
     "the toll will hurt small firms"),
    ("As Ms Ruiz told councillors, the ferry is losing money.", "Ruiz", "the ferry is losing money"),
])
def test_as_the_speaker_said_reports_the_clause_after_the_comma(sentence, speaker, content):
    claims = extract("Body.\n\n" + sentence).claims
    assert [(c.speaker, c.text) for c in claims] == [(speaker, content)]


@pytest.mark.parametrize("sentence", [
    "As the crowd applauded, the mayor left the stage.",
    "As the ferry docked, the passengers cheered.",
])
def test_as_opening_a_plain_clause_reports_nothing(sentence):
    assert extract("Body.\n\n" + sentence).claims == ()


# A naming's content ends with its quoted words and the one noun they describe, never a word after it.
@pytest.mark.parametrize(("sentence", "content"), [
    ('Ms Ruiz called the harbour plan a "let the tide decide" approach.',
     'the harbour plan a "let the tide decide" approach'),
    ("The mayor called the council's \"reckless, careless\" spending.",
     "the council's \"reckless, careless\" spending"),
    ('Ms Ruiz called the harbour plan a "farce" today.', 'the harbour plan a "farce"'),
    ('Ms Ruiz called the harbour plan a "farce" on her radio show.', 'the harbour plan a "farce"'),
    # ... and a complement of the name ("for ...", "of ..."), not a reason ("for claiming ...")
    ('The union called Ms Ruiz a "champion" for its members, citing her work.',
     'Ms Ruiz a "champion" for its members'),
    ('Ms Ruiz called the harbour master a "friend" of the fishermen.',
     'the harbour master a "friend" of the fishermen'),
    ('Ms Ruiz called the plan "wrong" for claiming the ferry was safe.', 'the plan "wrong"'),
])
def test_a_naming_ends_with_the_noun_its_quoted_words_describe(sentence, content):
    assert [c.text for c in extract("Body.\n\n" + sentence).claims] == [content]


# "encourage" reports a call only in the plain past with someone and "to" after it; a policy's effect
# ("would encourage", "encourages investment") reports nothing.
@pytest.mark.parametrize("sentence", [
    "The new harbour law encourages investment in the region.",
    "The toll would encourage more drivers to take the ferry.",
    "She encouraged the idea at the meeting.",
])
def test_encourage_without_a_call_reports_nothing(sentence):
    assert extract("Body.\n\n" + sentence).claims == ()



# After a quoted fragment inside the speaker's clause, "before" + a bare noun goes on with the speaker's
# words; after a quotation closed by a comma, or before a participle, the reporter goes on.
@pytest.mark.parametrize(("sentence", "content"), [
    ('The mayor said it would take "more hours" before details emerge.',
     'it would take "more hours" before details emerge'),
    ('The captain shouted "Stop the ferry," until horns are heard.', '"Stop the ferry,"'),
    ('The mayor called the plan "a disgrace" before walking out.', 'the plan "a disgrace"'),
])
def test_a_clause_after_a_quoted_fragment(sentence, content):
    assert content in [c.text for c in extract("Body.\n\n" + sentence).claims]


# Interview transcripts: "NAME: words" paragraphs are the named speaker's turns, where the article has
# turns by at least two labelled speakers.
TRANSCRIPT = ("Harbour interview\n\n"
              "ROBERTS: Minister, will the ferry run next winter or not?\n\n"
              "RUIZ: Well, look, the council says the ferry is too costly. But we will keep it running.\n\n")


def test_transcript_turns_are_their_speakers_claims():
    turns = [(c.speaker, c.text) for c in extract(TRANSCRIPT).claims if c.cue == ":"]
    assert turns == [("Roberts", "Minister, will the ferry run next winter or not?"),
                     ("Ruiz", "Well, look, the council says the ferry is too costly. But we will keep it running")]


def test_a_turn_keeps_the_attributions_inside_it():
    speakers = {c.speaker for c in extract(TRANSCRIPT).claims}
    assert {"Ruiz", "council"} <= speakers


def test_a_stray_quotation_mark_before_a_label_is_read_through():
    text = TRANSCRIPT.replace("ROBERTS:", '"ROBERTS:').replace("RUIZ:", '"RUIZ:')
    assert {c.speaker for c in extract(text).claims if c.cue == ":"} == {"Roberts", "Ruiz"}


def test_a_one_off_label_is_no_transcript():
    text = "Harbour news\n\nEMAIL: news@example.org for tips about the ferry service.\n\nThe ferry runs daily."
    assert all(c.cue != ":" for c in extract(text).claims)


# A belief, an intention or a position reported inside someone's words is part of that person's claim, not
# a claim of its own; reported speech, what is alleged or denied, and quoted words stay claims.
@pytest.mark.parametrize("sentence, inner", [
    ("Mayor Ana Ruiz said she thinks the ferry will close in May.", "the ferry will close in May"),
    ("Ruiz said the council wants a new bridge by 2030.", "a new bridge by 2030"),
    ("Ruiz said that most residents support the toll on the old bridge.", "the toll on the old bridge"),
    ("The minister said Ruiz believes the harbour is too small for cruise ships.",
     "the harbour is too small for cruise ships"),
])
def test_a_belief_reported_inside_anothers_words_is_part_of_their_claim(sentence, inner):
    texts = [c.text for c in extract("Body.\n\n" + sentence).claims]
    assert inner not in texts
    assert any(inner in t and t != inner for t in texts)  # the reporter's claim holds it


@pytest.mark.parametrize("sentence, inner, speaker", [
    ("Ruiz said the council told reporters the ferry would close in May.", "the ferry would close in May",
     "council"),
    ("Ruiz said the council denied that the ferry loses money.", "the ferry loses money", "council"),
    ("Ruiz said the union had warned that the ferry would close.", "the ferry would close", "union"),
    ("Officials said the latest harbour survey shows that the quay is sinking.", "the quay is sinking",
     "harbour survey"),
    ('Ruiz said she thinks "the ferry is doomed" after the vote.', '"the ferry is doomed"', "Ruiz"),
])
def test_reported_speech_and_contested_claims_stay_claims_inside_anothers_words(sentence, inner, speaker):
    claims = extract("Body.\n\n" + sentence).claims
    assert any(c.text == inner and speaker in (c.speaker or "") for c in claims), \
        [(c.speaker, c.text) for c in claims]


# A headline that gives its words to a speaker ("Lynch: No outside influence on the inquiry").
BODY = "Attorney General Mara Lynch spoke to reporters on Monday about the harbour inquiry.\n"


@pytest.mark.parametrize("headline, speaker, content", [
    ("Lynch: No outside influence on the harbour inquiry.", "Mara Lynch",
     "No outside influence on the harbour inquiry"),
    ("Lynch: Harbour inquiry 'will go on'", "Mara Lynch", "Harbour inquiry 'will go on'"),
    ("Mara Lynch on the inquiry: ‘We Will Not Be Rushed.’", "Mara Lynch", "‘We Will Not Be Rushed.’"),
])
def test_a_headline_label_is_its_speakers_claim(headline, speaker, content):
    claims = extract(f"{headline}\n\n{BODY}").claims
    assert (speaker, content) in [(c.speaker, c.text) for c in claims]


@pytest.mark.parametrize("headline", [
    "Profile: Mara Lynch and the harbour inquiry",  # a section label
    "The Latest: Lynch speaks on the harbour inquiry",
    "Lynch Wades In: Urges Calm Over Harbour Inquiry",  # a phrase, not a name
    "Mara Lynch: a safe pair of hands for the inquiry?",  # a question about her
    "Harbour Board: New Chairman Named For The Inquiry",  # a label the body never names
])
def test_headline_labels_that_are_no_speaker(headline):
    claims = extract(f"{headline}\n\n{BODY}").claims
    assert not [c for c in claims if c.rule.startswith("P16")]


def test_a_one_line_text_has_no_headline():
    assert not [c for c in extract("Lynch: No outside influence on the harbour inquiry.").claims
                if c.rule.startswith("P16")]


# A speech verb's plain form after a plural subject with words after its noun ("Sources close to the
# mayor say ..."), after a count ("Six in 10 say"), or in a relative clause ("residents who say").
@pytest.mark.parametrize("sentence, speaker, content", [
    ("Sources close to the mayor say she will not stand again.", "Sources close to the mayor",
     "she will not stand again"),
    ("Harbour pilots and even some engineers say the channel is too shallow.", "some engineers",
     "the channel is too shallow"),
    ("Six in 10 say the ferry should run all winter.", "Six", "the ferry should run all winter"),
    ("The plan angered residents who say the bridge will bring more traffic.", "residents",
     "the bridge will bring more traffic"),
])
def test_a_speech_verbs_plain_form_after_a_plural_subject(sentence, speaker, content):
    claims = extract("Body.\n\n" + sentence).claims
    assert (speaker, content) in [(c.speaker, c.text) for c in claims]


@pytest.mark.parametrize("sentence", [
    "The unions were given a say in the harbour plan.",  # a noun
    "The council wants the unions to say the harbour plan failed.",  # an infinitive
    "Nobody asked what the teachers think about the harbour plan.",  # no reported clause after it
])
def test_plain_forms_that_report_nothing(sentence):
    claims = extract("Body.\n\n" + sentence).claims
    assert not [c for c in claims if c.cue in ("say", "think")]


# A question put to someone is a claim with no stance ("uncommitted"), its speaker the one who asked
# when "asked by S" names them (P17).
@pytest.mark.parametrize("sentence, content, speaker", [
    ("Asked whether the ferry would close, Ruiz said the council would decide.", "whether the ferry would close",
     None),
    ("When asked if he would stand again, the mayor laughed.", "if he would stand again", None),
    ("Asked by reporters why the bridge was late, Ruiz blamed the weather.", "why the bridge was late", "reporters"),
    ("Asked on local radio specifically what the toll would cost, Ruiz declined to say.",
     "specifically what the toll would cost", None),
    ("The mayor was asked whether the ferry would close.", "whether the ferry would close", None),
])
def test_a_question_put_is_a_claim(sentence, content, speaker):
    claims = [c for c in extract("Body.\n\n" + sentence).claims if c.rule.startswith("P17")]
    assert [(c.text, c.speaker, c.stance) for c in claims] == [(content, speaker, Stance.UNCOMMITTED)]


@pytest.mark.parametrize("sentence", [
    "Ruiz asked to see the harbour accounts before the vote.",  # a request, not a question put to her
    "The ferry company was asked to explain the delays.",
    "Residents asked about the ferry were angry.",  # no question word
])
def test_no_question_put(sentence):
    assert not [c for c in extract("Body.\n\n" + sentence).claims if c.rule.startswith("P17")]


def test_a_relative_with_no_comma_names_its_speaker_but_does_not_take_the_floor():
    text = ("Body.\n\nMayor Ana Ruiz met harbour master Tom Bell who said the quay was unsafe. "
            "\"We will repair it this winter,\" she said.")
    claims = extract(text).claims
    assert [(c.speaker, c.text) for c in claims] == [
        ("Tom Bell", "the quay was unsafe"), ("Ana Ruiz", "\"We will repair it this winter,\"")]


# Evidence that shows without a finite verb after the cue ("a poll shows Sanders leading"), and a finding
# reported as a poll's ("In a Register poll last month, Ruiz had a lead", P18).
@pytest.mark.parametrize("sentence, speaker, content", [
    ("For the first time, a harbour poll shows Mayor Ruiz leading her rival comfortably.", "a harbour poll",
     "Mayor Ruiz leading her rival comfortably"),
    ("Council records show the mayor backing both harbour plans in 2019.", "Council records",
     "the mayor backing both harbour plans in 2019"),
    ("In a Harbour Gazette poll last month, Ruiz had a 10-point lead over Bell.",
     "a Harbour Gazette poll last month", "Ruiz had a 10-point lead over Bell"),
])
def test_a_finding_shown_by_evidence(sentence, speaker, content):
    claims = extract("Body.\n\n" + sentence).claims
    assert (speaker, content) in [(c.speaker, c.text) for c in claims]


@pytest.mark.parametrize("sentence", [
    "The photos show the mayor.",  # too short to be a finding
    "Ruiz found the harbour keys in a drawer.",  # a person who finds a thing
    "In the harbour office, Ruiz kept a copy of every poll.",  # no poll opens the sentence
])
def test_evidence_look_alikes(sentence):
    claims = extract("Body.\n\n" + sentence).claims
    assert not claims, [(c.speaker, c.text) for c in claims]


def test_a_poll_opening_a_sentence_leaves_its_attribution_alone():
    claims = extract("Body.\n\nIn a poll released on Monday, officials said the ferry was popular.").claims
    assert [(c.speaker, c.text) for c in claims] == [("officials", "the ferry was popular")]
