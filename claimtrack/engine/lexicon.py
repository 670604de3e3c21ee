"""Word lists the engine runs on, kept as data in one place.

Reporting verbs by stance, speaker head nouns, role nouns, honorifics, first-name genders,
boilerplate patterns. Everything else in the engine is rules over these lists.
"""
from __future__ import annotations

import re

from claimtrack.vocabulary import Stance


class Gated:
    """A pattern each of whose matches holds one of *words* (lower-case): a text holding none of them is
    not searched (a substring test costs a fraction of a search). The stance rules run their patterns
    on every claim; the words are read off each pattern's alternatives, so the answers never change."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...]):
        self.pattern = pattern
        self.words = words

    def search(self, text: str) -> re.Match[str] | None:
        low = text.lower()
        return self.pattern.search(text) if any(word in low for word in self.words) else None

# --- attribution, sentences and the pipeline --------------------------------------------------
# The word classes the sentence splitter (text.py), the attribution rules (attribution.py) and the
# pipeline (pipeline.py) run on.

# Sentences: words whose full stop ends no sentence ("Mr.", "U.S.", "Jan.").
ABBREVIATIONS = frozenset("""
    mr mrs ms dr st sen rep gov gen lt col sgt capt cmdr adm maj prof rev jr sr no vs etc inc
    corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n d.c e.g i.e
    ft mt ave blvd dept est fig approx al gov't pres supt
""".split())
# Speech verbs: after a quotation ending in "?" or "!" they attribute it and the sentence goes on
# ('"Why not?" the mayor asked.'); before a quotation they make a short one a whole utterance.
SPEECH_VERBS = frozenset("""
    said says asked asks told added adds wrote writes replied continued explained insisted
    shouted argued noted tweeted quipped joked declared recalled responded answered warned
    screamed yelled cried exclaimed wondered demanded concluded countered agreed
""".split())
# Cue words that are no form of a cue verb: "according (to)", "(was) quoted (as saying)".
CUE_WORDS_BEYOND_VERBS = frozenset("according quoted".split())

# Speakers of a cue. Cues that take their speaker after them: '"...," said Kirby'.
INVERTING_CUES = frozenset(
    "say add tell write explain continue note ask reply respond answer insist argue warn "
    "declare recall acknowledge admit confirm deny claim state announce observe remark quip joke "
    "counter retort conclude concede urge suggest agree tweet post scream yell cry shout exclaim "
    "beam enthuse marvel chuckle snort sniff sneer gloat thunder bellow groan blurt interject report".split()
)
# Inverting cues whose present form is as often a noun ("reports that ...") and whose object may be a
# pronoun ("found the posting, reported it to the F.B.I."): inverted only as "reported" before a name or
# a noun phrase (", reported the Washington Examiner").
INVERTING_PAST_ONLY = frozenset({"report"})
# Cues that report speech by themselves: "The ministry reviewed the file and says ...".
SAY_LIKE_CUES = frozenset(
    "say tell add note warn insist argue claim deny confirm admit acknowledge explain stress".split()
)
# Cues that report the preceding words after "as": "..., as the memo put it", "as she said"; and, opening
# a sentence, the clause after the comma: "As the minister pointed out, the bridge ...".
AS_CUES = SAY_LIKE_CUES | {"put it", "point out"} | frozenset(
    "write report describe call observe remark quip joke".split())
# Words before a cue that let it share the subject of the cue before it: "did not deny ... but rejected".
SHARED_SUBJECT_LINKS = frozenset("and but before after while by".split())
# Clause coordinators: "... and says" takes the sentence's subject; '"a disgrace," and threatened'
# ends a quotation's content.
CLAUSE_COORDINATORS = frozenset("and but".split())
# Words before a participle cue that give it the sentence's subject: "by saying", "after warning".
PARTICIPLE_LINKS = frozenset("by upon after before while when".split())
# First words of an apposition after an inverted speaker: '"...," said John Kirby, the White House spokesman,'.
INVERTED_APPOSITION_STARTS = frozenset("the a an who his her".split())

# Between a cue and its content: adjuncts and addressees.
# Words that open a time or place adjunct: "told reporters on Monday", "Weighing in on the debate".
ADJUNCT_OPENERS = frozenset("on in at during via over from after before earlier late early last this".split())
# A qualifier that makes the day word after it an adjunct: "this weekend", "last week".
DAY_QUALIFIERS = frozenset("this last earlier late".split())
# Determiners of an addressee: "told the BBC", "told her audience".
ADDRESSEE_DETERMINERS = frozenset("the a an his her their its our my your this".split())
# Words that end an addressee ("told reporters that ..."), with the days ("told CNN Monday").
ADDRESSEE_STOPS = frozenset("that to about of if whether how why what on in at during the".split())
# Cues whose object is not always their addressee: "urged caution", "warned lawmakers would ...".
ADDRESSEE_OPTIONAL_CUES = frozenset({"urge", "ask", "call on", "warn", "promise"})
# ... but these after them are: "urged reporters", "warned them".
USUAL_ADDRESSEES = frozenset("reporters journalists him her them me us the".split())

# Where a content ends.
# Words that separate one attribution's content from the next: "X, he said, while Y", "A but B".
CONTENT_BOUNDARY_WORDS = frozenset("and but while though although whereas yet as so".split())
# Subordinating conjunctions: "..., as the crowd applauded" is no attribution of the clause before it.
SUBORDINATORS = frozenset("as when while because after before if since although though unless until once".split())
# Words after a comma that end a forward content: ", compared with ...", ", referring to ...".
CONTENT_STOPS = frozenset(
    "compared according referring citing adding saying noting arguing explaining speaking "
    "calling prompting sparking drawing echoing insisting warning".split()
)
# Words after "X, he said," that start a phrase of their own: the rest does not continue X.
MIDDLE_STOPS = frozenset(
    "adding saying noting arguing explaining citing referring calling according who which whose "
    "after before while when as in on at during with without because".split()
)
# A dash before these ends the content: "He proposes X — though ...".
DASH_CLAUSE_JOINERS = frozenset("though although but while whereas and".split())
# A closing relative clause is the reporter's gloss: "she backs the bill, which includes ...".
GLOSS_RELATIVES = frozenset("which who".split())
# A time adjunct that closes the content: "said the plan had failed on Wednesday".
TIME_ADJUNCT_STARTS = frozenset("on last this earlier late".split())
# Conjunctions stepped over at the start of a trailing content: "But X, he said".
LEADING_CONJUNCTIONS = frozenset("but and so".split())
# After the last quotation these open the reporter's own clause: '"properly" before floating ...'.
QUOTE_CLOSING_CLAUSES = frozenset("before until after while when as".split())
# After a quotation closed by a comma an article opens the reporter's apposition: '"the loophole," a flaw'.
INDEFINITE_ARTICLES = frozenset("a an".split())
# Prepositions before a quoted fragment that start the content: 'a defence of "city values"'.
FRAGMENT_CLAUSE_PREPS = frozenset("of about with for".split())
# Determiners of a naming noun: 'used the phrase "clean energy"'.
NAMING_DETERMINERS = frozenset("the a his her their its".split())
# Words that make a clause finite: a weak cue's content needs one ("added salt" is no report).
FINITE_HINTS = frozenset(
    "is was are were has have had will would could can should may might must did does do "
    "won't can't isn't wasn't aren't weren't hasn't haven't didn't doesn't don't".split()
)

# A quoted fragment said by the sentence's subject (P5): 'Ruiz branded the ruling "absurd."'.
# Words stepped over at the start of the sentence: "But", "Later", "Meanwhile".
SENTENCE_START_SKIPS = frozenset("but and so yet still later also then now meanwhile instead indeed".split())
# Words that open an adjunct before the main clause: "In Brussels, ...", "Asked about the vote, ...".
SUBORDINATE_STARTS = SUBORDINATORS | ADJUNCT_OPENERS | frozenset("in during despite asked speaking".split())
# Pronouns that can be the subject saying the fragment.
FRAGMENT_SPEAKER_PRONOUNS = frozenset("he she they we i".split())
# Heads of a noun phrase that says nothing: "It was", "Hours later".
NOT_SUBJECTS = frozenset("it there this that these those hours minutes days weeks months years what".split())
# Words that are not the subject's verb.
NOT_VERBS = frozenset(
    "the a an of to in on at for with from by as and or but that which who this these those "
    "his her their its our my your not also no".split()
)
# A form of "be" before the verb makes it passive: "was identified as".
PASSIVE_AUXILIARIES = frozenset("is was were are been be".split())

# --- Reporting cues ---------------------------------------------------------------------------
# lemma -> stance. A verb has one primary stance; negation and the words quoted may override it.
CUE_LEMMAS: dict[str, Stance] = {}


def _add(stance: Stance, words: str) -> None:
    for lemma in words.split():
        CUE_LEMMAS[lemma.replace("_", " ")] = stance


_add(Stance.ASSERTS, """
    say tell add note explain describe comment remark report write mention observe declare
    reiterate stress emphasise emphasize continue tweet post testify state announce reveal
    disclose recall reply respond retort answer argue contend maintain insist assert affirm
    conclude point_out point_to recount repeat concur agree echo predict tout boast brag
    complain lament protest object grumble joke quip quote cite highlight underscore
    shout whisper mutter exclaim sigh scoff muse proclaim publish
    scream yell cry holler roar snap gush laugh clarify specify elaborate
    counter_that find show learn
    call refer_to praise welcome applaud hail commend endorse thank chant read describe_as
    characterize characterise label dub brand term
""")
# Idiomatic and manner-of-speaking cues ("as the memo put it", "likened the plan to ...").
_add(Stance.ASSERTS, """
    put_it liken interject opine aver posit theorize theorise blurt enthuse marvel chuckle beam
    snort sniff sneer gloat thunder bellow groan grouse gripe bemoan fret vent rant fume
""")
# Intentions, wishes and positions: attributions in the wide sense (PolNeAR counts them).
_add(Stance.ASSERTS, "want plan seek intend prefer support endorse defend agree")
_add(Stance.REJECTS, "oppose")
_add(Stance.CONFIRMS, "confirm verify corroborate reaffirm attest certify")
_add(Stance.ADMITS, "admit concede acknowledge confess grant")
_add(Stance.DENIES, "deny refute rebut contradict disavow repudiate")
_add(Stance.REJECTS, "reject dispute dismiss rebuff challenge question counter downplay")
_add(Stance.ALLEGES, "claim allege purport")
_add(Stance.ACCUSES, """
    accuse blame charge criticise criticize condemn denounce slam blast decry castigate
    lambast lambaste rebuke chide berate assail attack mock ridicule
    scold chastise admonish reprimand taunt rail_against
""")
_add(Stance.WARNS, "warn caution threaten alert")
_add(Stance.URGES, """
    urge call_on call_for demand ask appeal_for appeal_to press_for implore plead recommend
    advise request order instruct propose exhort encourage
""")
# Cues that report what a source found or published ("the poll shows", "the inquiry found", "citing"): a
# source's own claim, like its words, also when someone else reports it.
FINDING_CUES = frozenset("show find reveal learn cite quote publish estimate".split())

# Cue lemmas that answer what someone else said ("denied the charge", "dismissed those reports"); what
# such a claim reports inside it is what it answers. ("opposed", "questioned" reject a policy or a
# person, not a claim: they are not answers.)
ANSWER_CUES = frozenset("deny reject dismiss rebut refute dispute contradict debunk disavow".split())

# Cues that report words only as a call on someone to act, in the plain past: "encouraged Americans to
# check out ...", not "the law encourages investment", "would encourage more people to", "encouraging".
CALL_ONLY_CUES = frozenset({"encourage"})
_add(Stance.PROMISES, "promise pledge vow guarantee assure swear")
_add(Stance.HEDGES, """
    suggest believe think estimate speculate expect hint imply indicate suspect guess
    doubt fear hope wonder worry
""")

# Cues that often have other senses: they need a that-clause, a quote or a trailing position,
# never a bare noun-phrase object ("added salt", "found the keys", "showed the way").
WEAK_CUES = frozenset("""
    add find show learn know feel remember think believe expect fear hope suspect guess wonder
    worry estimate indicate question challenge counter attack charge order grant quote cite post
    write report publish continue repeat echo doubt describe mention highlight underscore
    sigh muse remark observe answer state predict comment argue stress note declare announce
    reveal disclose publish support endorse defend oppose agree
""".split())

# Sources that show what they show with no finite verb after the cue ("a poll shows Sanders leading",
# "records show him backing both candidates"), and the cues they show it with.
EVIDENCE_NOUNS = frozenset("""
    poll polls survey surveys study studies report reports record records data figures statistics numbers
    results documents document emails email memo filings filing footage video videos photos images census
    analysis research audit review findings tally count returns accounts minutes transcript transcripts
""".split())
EVIDENCE_CUES = frozenset({"show", "find", "reveal", "suggest", "indicate"})

# Naming and manner-of-speaking verbs report speech only around quoted words: 'called the plan
# "a disaster"', 'shouted "Stop!"'.
QUOTE_ONLY_CUES = frozenset({"call", "refer to", "label", "dub", "brand", "term", "read", "chant",
                             "describe as", "characterize", "characterise", "continue", "scream", "yell",
                             "cry", "holler", "roar", "snap", "shout", "whisper", "mutter", "exclaim",
                             "sigh", "scoff", "muse", "joke", "quip", "boast", "brag", "gush", "laugh",
                             "blurt", "enthuse", "marvel", "chuckle", "beam", "snort", "sniff", "sneer",
                             "gloat", "thunder", "bellow", "groan", "vent", "fume", "interject", "put it"})

# A verdict on what others said, in the reporter's words: "called the charges unsubstantiated", "branded
# the reports false", "called it nonsense". Naming cues report it without quotation marks too.
VERDICT_CUES = frozenset({"call", "label", "brand", "term"})
_VERDICT_WORDS = (
    r"[\"“‘']?(?:(?:totally|completely|entirely|wholly|utterly|absolutely|simply|patently|demonstrably|categorically)\s+)?"
    r"[\"“‘']?(?:false|untrue|baseless|unfounded|unsubstantiated|fabricated|ridiculous|absurd|nonsense|nonsensical"
    r"|inaccurate|misleading|wrong|outrageous|lies|a lie|groundless|bogus|fake|fiction|fictitious|made up|laughable"
    r"|preposterous|spurious|erroneous|incorrect|defamatory|libell?ous|a fabrication|a smear|smears|a hoax|fantasy"
    r"|garbage|rubbish|hogwash|a distortion|distorted)\b"
)
VERDICT_CONTENT = re.compile(
    r"^(?:(?:the|those|these|such|his|her|their|its|our|my|your|that|this|all|any)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:claims?|charges?|allegations?|accusations?|reports?|stor(?:y|ies)|statements?|comments?|remarks?"
    r"|suggestions?|assertions?|criticisms?|attacks?|rumou?rs?|idea|notion|speculation|account|findings?"
    r"|figures?|numbers?|polls?|articles?|ads?|adverts?|assessment|theory|theories)"
    r"|it|that|this)\s+" + _VERDICT_WORDS,
    re.I,
)

# Words after a naming's quoted words that are no noun it describes: 'called the plan "a farce" today'.
NOT_A_NAMED_HEAD = frozenset("""
    today yesterday tonight again too also instead then now later earlier recently repeatedly publicly
    privately online before after afterwards anyway though either overall there here
""".split())

# Nouns that name the quoted words after them: 'used the phrase "clean energy"'.
NAMING_NOUNS = frozenset("phrase term word words slogan motto line refrain catchphrase nickname label".split())

# -s forms that are far more often plural nouns ("court challenges", "the claims"): as verbs they
# must be followed by their object, a that-clause or a quotation.
NOUNISH_S_FORMS = frozenset("""
    challenges questions counters charges attacks claims reports calls notes comments remarks
    answers replies demands requests promises pledges vows estimates fears hopes plans supports
    backs praises blames doubts posts quotes tweets orders alerts guarantees warns_not concerns
    appeals protests objects agrees_not defends_not welcomes thanks cites suspects disputes
""".replace("_not", "").split()) - {"warns", "agrees", "defends"}

# Words after a comma that carry an opening adjunct on ("Chastened by the analyses, as well as
# complaints over its costs, Trump revised ...").
ADJUNCT_CONTINUATIONS = frozenset("as and or including along plus".split())

# Words opening a wh-clause: the subject of a cue inside it starts after them ("between what Trump says").
WH_CLAUSE_OPENERS = frozenset("what how why whatever".split())

# First words of a fragment a subject scan took for a speaker: a preposition never opens a name
# ("to back controversial government", "from Wembley", "by the British authorities").
FRAGMENT_OPENERS = frozenset("to by from on with against along amid into at in of for".split())

# Capitalised sentence openers a subject scan glues before a name: "As Lord Woolf", "Both Culture
# Secretary Tessa Jowell", "Earlier Lib Dem home affairs spokesman Mark Oaten".
NAME_EDGE_OPENERS = frozenset("as both earlier but and also then now while so yet however meanwhile".split())

# Words that open a subordinate clause before a sentence's main clause ("Though she called for ...,").
OPENING_SUBORDINATORS = frozenset("though although while whereas when after before because since if despite".split())


# A cue verb with this word after it says nothing: "the sums do not add up", "added to the pressure".
NOT_SPEECH_PARTICLES = frozenset({("add", "up"), ("add", "to")})

# Cues whose content may be a to-infinitive or a plain object ("wants to run", "endorsed the mayor").
INTENT_CUES = frozenset("want plan seek intend prefer hope vow promise pledge threaten refuse decline agree".split())
POSITION_CUES = frozenset(("support endorse defend oppose praise welcome applaud hail commend thank reject dismiss "
                           "criticise criticize condemn denounce").split())

# Cues whose direct object is the addressee, never the content or the speaker.
ADDRESSEE_CUES = frozenset(
    "tell assure remind warn urge ask inform advise caution promise implore alert instruct order "
    "accuse blame thank call_on brief".split()
)
# Cues whose object is part of the content (the target), e.g. "accused Belgrade of backing".
TARGET_CUES = frozenset("accuse blame criticise criticize condemn charge urge ask call_on".split())

IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "think": ("thought", "thinks", "thinking"),
    "know": ("knew", "known", "knows", "knowing"),
    "feel": ("felt", "feels", "feeling"),
    "find": ("found", "finds", "finding"),
    "show": ("showed", "shown", "shows", "showing"),
    "swear": ("swore", "sworn", "swears", "swearing"),
    "learn": ("learned", "learnt", "learns", "learning"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "lambast": ("lambasted", "lambasts", "lambasting"),
    "read": ("read", "reads", "reading"),  # '"...," it read.'
    "put": ("put", "puts", "putting"),  # only as "put it": 'as the memo put it'
    "cry": ("cried", "cries", "crying"),
}

# Common irregular past forms: a lower-case one after a noun phrase is its verb ("Lee left the room").
IRREGULAR_PAST = frozenset(
    "made gave took put set saw knew thought brought came went found left kept held led felt told "
    "wrote spoke threw drew chose broke won lost met ran sat stood hit cut let read sent paid".split()
)

# Past forms that are never participles ("spoke", not "held"): one after a name is its verb.
PAST_ONLY = frozenset("""
    spoke went came took gave saw knew wrote threw drew chose broke ran sat stood began rose fell grew flew drove
""".split())

# Verbs whose final consonant doubles ("admitted", "rebutting").
DOUBLING = frozenset("admit rebut regret commit omit refer prefer concur quip confer".split())

NEGATORS = frozenset("not n't never no_longer".split())
# "declined to comment", "refused to confirm": the speaker commits to nothing.
REFUSAL_VERBS = frozenset("declined declines declining refused refuses refusing failed fails".split())
REFUSAL_OBJECTS = frozenset(
    "comment say confirm deny discuss elaborate speculate answer respond address specify "
    "explain disclose reveal identify name".split()
)

# Words the subject scan steps over between a speaker and the cue.
ADVERBS = frozenset("""
    also later then again still even now previously recently once further repeatedly publicly
    privately directly only earlier already first initially separately subsequently quickly
    reportedly allegedly apparently reportedly flatly angrily openly explicitly firmly simply
    just long often frequently similarly likewise meanwhile however too herself himself themselves
    itself personally immediately swiftly strongly sharply bluntly loudly quietly
""".split())
# Subject pronouns that take an -s verb: after them "notes", "claims", "reports" are verbs.
SINGULAR_SUBJECT_PRONOUNS = frozenset("he she it who".split())
# A pronoun glued to a form of "be": the subject of a progressive cue ("he's predicting").
PRONOUN_BE_CONTRACTIONS = frozenset("he's she's who's they're we're i'm you're".split())
# A pronoun glued to another auxiliary: the subject of a perfect or future cue ("We've long urged").
PRONOUN_AUXILIARY_CONTRACTIONS = PRONOUN_BE_CONTRACTIONS | frozenset(
    "we've they've i've you've he'd she'd we'd they'd i'd he'll she'll we'll they'll i'll".split())
AUXILIARIES = frozenset("""
    has have had is was were are be been being did does do will would could can may might
    should must shall 's ’s
""".split())

DAYS = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    weekend week month year morning afternoon evening night
""".split())

# --- Speakers -------------------------------------------------------------------------------
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which"})

# Honorifics that are offices: "Sen. Ted Cruz" holds the office "the senator" refers to.
OFFICE_HONORIFICS = {"sen": "Senator", "senator": "Senator", "rep": "Representative", "gov": "Governor",
                     "governor": "Governor", "mayor": "Mayor", "judge": "Judge", "gen": "General"}
# Honorifics that only go before a person's name ("Mr. King" is a man named King, not a king).
PERSONAL_HONORIFICS = frozenset("mr mrs ms miss dr sir dame prof professor rev".split())
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None, "sir": "m", "dame": "f",
    "lord": "m", "lady": "f", "prof": None, "professor": None, "rev": None, "sen": None,
    "rep": None, "gov": None, "gen": None, "col": None, "lt": None, "sgt": None, "capt": None,
    "adm": None, "maj": None, "president": None, "senator": None, "judge": None, "justice": None,
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "pope": "m", "mayor": None,
    "governor": None, "speaker": None, "chancellor": None, "premier": None, "minister": None,
    "baroness": "f", "baron": "m",
}
# Titles that are part of a peer's name when no first name is given ("Lord Falconer", "Baroness Kennedy").
PEERAGE_TITLES = frozenset("lord lady baroness baron".split())

# Role nouns: the last one in a title is the role ("spokesman" in "... Council spokesman John Kirby").
ROLE_NOUNS = frozenset("""
    spokesman spokeswoman spokesperson minister president secretary leader chief official
    adviser advisor ambassador senator governor general commissioner chairman chairwoman chair
    ceo director head mayor premier chancellor prosecutor attorney lawyer judge justice envoy
    diplomat commander officer representative rep congressman congresswoman councillor
    councilman councilwoman lawmaker legislator candidate nominee strategist aide manager
    executive founder president-elect vice-president deputy analyst economist professor
    researcher scientist expert editor correspondent reporter columnist historian pollster
    surveyor chairperson speaker treasurer counsel negotiator coordinator administrator
    superintendent sheriff inspector detective captain colonel lieutenant sergeant admiral
    major marshal king queen prince princess pope bishop archbishop cardinal imam rabbi
    priest pastor monarch emir sheikh prime dictator whip attorney-general mp mep
""".split())

# Lower-case heads that make a noun phrase a plausible speaker.
SPEAKER_NOUNS = frozenset("""
    official spokesman spokeswoman spokesperson lawyer attorney source aide adviser advisor
    analyst expert critic supporter voter resident witness police officer minister president
    leader chief secretary senator governor candidate nominee member lawmaker legislator
    representative congressman congresswoman diplomat ambassador general commander prosecutor
    judge investigator researcher scientist economist doctor professor director executive
    chairman chairwoman manager strategist pollster campaign government ministry department
    agency company firm group party committee council court report study survey poll data
    statement document email filing record letter memo website people other many some both
    all resident protester activist authority administration army military force spokesperson
    family relative friend colleague neighbour neighbor parent mother father wife husband son
    daughter brother sister owner worker employee union teacher student organiser organizer
    organization organisation office bureau service team club board panel commission inquiry
    network newspaper paper outlet broadcaster channel magazine station agency ministry
    observer monitor mission regulator watchdog insider veteran player coach fan user
    person man woman men women child children boy girl partner victim survivor
    republican democrat conservative liberal progressive backer opponent rival challenger
    incumbent president-elect deputy head founder ceo counsel mayor sheriff detective
    administration white chair staffer staff operative consultant surrogate camp
    figure figures result results estimate estimates projection projections model models
    analysis review audit research article piece story editorial column op-ed book
    transcript memoir polling numbers tally count census dozen dozens hundreds thousands
    millions majority minority plurality most half third quarter percent several few
    economist economists scholar scholars historian historians
    ad advert advertisement commercial spot video email tweet post message release sign
    banner headline voice-over narrator speech remarks interview letter filing lawsuit complaint
    indictment ruling order verdict platform manifesto site blog page account spokespeople
    crowd audience supporters chant ally allies advocate advocates hopeful hopefuls host
    nominee senator governor congressman source insider official aide spokesman
    fighter contender frontrunner front-runner operative delegate donor donors
    voters respondents respondent participants americans citizen citizens opposition club
    coach manager regulator hydrologist envoy clerk contractor engineer engineers inspector
""".split())
GROUP_NOUNS = frozenset("""
    officials sources police authorities people residents protesters activists experts
    analysts critics supporters voters witnesses lawmakers legislators diplomats observers
    democrats republicans conservatives liberals many some others both all members aides
    advisers advisors investigators researchers scientists economists doctors teachers
    workers employees families relatives friends neighbours neighbors opponents rivals
    americans britons europeans insiders veterans fans users leaders ministers
    mps meps peers councillors campaigners tories
    businesses parties ecologists figures documents statistics polls surveys studies estimates
    reports unions teenagers pupils students parents patients
""".split())
# One word that is never a speaker's name, though it opens a sentence before a cue: a pronoun
# ("Her comments"), a title alone ("Mr", "QC"), a connective ("However"), a quantifier ("One", "Nobody").
NOT_A_SPEAKER = frozenset("""
    her his its their our my your it's that's this these those one nobody somebody someone everyone
    everybody anyone anybody none mr mrs ms miss dr sir qc mp however meanwhile but and also yet still
    addressing speaking writing asked there here under want when where what which who why how
""".split())
# The first word of a two-word place ("Middle East", "North Korea", "Fort Pierce", "Port Talbot"):
# such a name is a place, never a person (a pronoun never stands for it).
PLACE_OPENERS = frozenset("""
    north south east west middle central far northern southern eastern western fort port mount lake
""".split())
ORG_HEADS = frozenset("""
    house department ministry government council committee party campaign agency office
    police army navy forces force court commission union alliance association institute
    foundation university college bank fund company corporation corp inc ltd group network
    times post news press journal herald tribune guardian telegraph daily weekly magazine
    bbc cnn nbc cbs abc fox reuters afp ap tass bureau service services board authority
    administration parliament congress senate assembly cabinet kremlin pentagon nato un eu
    who imf fbi cia nsa dhs doj epa fda cdc gop dnc rnc coalition organisation organization
    center centre league federation embassy consulate council secretariat command
    commission tribunal inquiry
""".split())

# Places that speak through their governments ("Serbia said", "Belgrade warned").
PLACES = frozenset("""
    serbia kosovo belgrade pristina moscow russia ukraine kyiv kiev china beijing taiwan
    washington london britain uk england scotland wales ireland france paris germany berlin
    italy rome spain madrid brussels europe poland warsaw hungary budapest israel jerusalem
    iran tehran iraq baghdad syria damascus turkey ankara egypt cairo india delhi pakistan
    japan tokyo korea seoul pyongyang canada ottawa mexico brazil australia canberra
    ukraine greece athens sweden norway finland denmark netherlands belgium austria vienna
    switzerland geneva albania tirana montenegro bosnia croatia slovenia macedonia bulgaria
    romania moldova georgia armenia azerbaijan saudi qatar uae lebanon jordan gaza
    afghanistan kabul venezuela cuba nigeria kenya ethiopia sudan libya tunisia algeria
    morocco africa asia america us usa u.s britain's whitehall downing kremlin
""".split())

# Demonyms that precede a role ("Serbian President", "French minister").
DEMONYMS = frozenset("""
    serbian kosovan kosovar albanian russian ukrainian chinese american british english french
    german italian spanish polish hungarian israeli palestinian iranian iraqi syrian turkish
    egyptian indian pakistani japanese korean canadian mexican brazilian australian greek
    swedish norwegian finnish danish dutch belgian austrian swiss european western nato eu
    us u.s. federal state national local regional republican democratic
""".split())

# Nouns after "according to" that are not sources ("according to plan").
NON_SOURCE_NOUNS = frozenset("""
    plan plans schedule script tradition custom design rules rule law laws legend myth
    expectations expectation form type tradition need needs standard standards protocol
    instructions procedure ability merit merits size age category
""".split())

# Noun uses of cue words are blocked when one of these precedes them ("the claims", "his remarks").
NOUN_CONTEXT = frozenset("""
    the a an this these those that his her its their our my your no any some every such other
    false unfounded baseless new recent earlier previous similar repeated numerous many several
    unsubstantiated widespread media news press initial latest early first same own further
    of about amid despite with over against in on for from by after before without into
    following between among and or
""".split())

# Phrases where a cue word does not report speech.
NON_CUE_PHRASE = re.compile(
    r"\btell(?:s|ing)? (?:the|a) (?:difference|time|story apart)\b"
    r"|\btold (?:apart)\b"
    r"|\bthe (?:above[- ])?said\b"
    r"|\bthat is to say\b"
    r"|\bneedless to say\b"
    r"|\bso to speak\b"
    r"|\bsuffice it to say\b",
    re.I,
)

# Clause-joining words: a subject scan stops at them, and they separate two attributions.
CLAUSE_BOUNDARIES = frozenset("""
    that while but though although whereas because as when after before if since so or and
    where whom than until unless once whether yet nor even
""".split())

# Paragraph labels that are not speakers ("Note: ...", "UPDATE: ...").
NOT_SPEAKER_LABELS = frozenset("""
    q a note update updated editor editors correction related source sources photo video watch
    read listen warning disclaimer transcript breaking exclusive analysis opinion comment
    background context summary why what how when where who the and but also more see email
    twitter contributing contact follow credit credits tags filed
""".split())

# First words of headline labels that are no speaker ("The Latest: ...", "Profile: Gordon Brown").
HEADLINE_LABELS = frozenset("""
    the a an at in on profile timeline factbox explainer glossary interview review live latest wow look
    revealed bombshell busted boom byline just big paid delegate spoiler beyond full day week today
    poll polls
""".split())
# Words of a headline label that make it a phrase, not a name ("Clinton Wades In", "Big Win For Bernie").
NOT_IN_A_NAME = frozenset("""
    in for with to is are was be by from at into up out and or not no more back steps wades says said
""".split())

# --- speakers, titles and cues ------------------------------------------------------------------
# The word classes the cue finder (cues.py), the speaker scans and title splitting (speakers.py),
# coreference, quotation scanning and stance run on.

# Cue groups: the verb with its auxiliaries, negation and adverbs ("did not directly deny").
BE_FORMS = frozenset("is was were are be been being 's ’s".split())
MODALS = frozenset("do does did will would could can may might should must shall to".split())
# Negators inside a cue group: "did not say", "never claimed".
CUE_NEGATORS = frozenset("not never".split())
# Words the verbal group stretches left over besides adverbs and auxiliaries ("no longer says").
CUE_GROUP_NEGATION = frozenset("not never no longer".split())
# "went on to say", "continued to argue": the infinitives that report speech.
SPEECH_CONTINUATION_VERBS = frozenset("on continued continues began".split())
# Pronoun subjects of a plural or first-person base form ("they say", "I think").
BASE_FORM_SUBJECT_PRONOUNS = frozenset("i we you they".split())
# Speech and belief verbs whose base form after a plural noun is a finite verb, not a noun ("Sources close
# to the campaign say she ...", "some economists argue that ..."); unlike "support" or "plan".
PLAIN_SPEECH_BASE_FORMS = frozenset(
    "say argue insist contend believe think maintain acknowledge admit predict warn".split())
# Words that make the phrase before "who" more than its noun ("right against governments who thought").
ANTECEDENT_BREAKS = frozenset("of from against to in at on for with by inside itself himself herself first all".split())
# Sentence adverbs set off by commas between a subject and its cue ("The lawmakers, however, argue").
INSERTED_ADVERBS = frozenset({
    "however", "though", "meanwhile", "too", "also", "instead", "nevertheless", "nonetheless", "therefore",
    "in turn", "in contrast", "by contrast", "for his part", "for her part", "for their part", "for its part",
    "in response", "in a statement", "in return", "in fact", "indeed", "moreover", "likewise", "similarly",
})
# Plural nouns that do not end in -s ("People briefed on the talks say").
PLURAL_NOUNS_WITHOUT_S = frozenset("people men women children police staff".split())
# A negation or adverb that makes the base form after it a finite verb ("they never say").
BASE_FORM_MODIFIERS = frozenset("not never also still often now too".split())
# Words after a comma that open the reported clause of "Critics, including X, say the ...".
REPORTED_CLAUSE_STARTS = frozenset("that the a he she they it there we".split())
# Nouns for a statement: "issued a statement saying ...".
STATEMENT_NOUNS = frozenset("statement release letter tweet post email message memo note video speech".split())
# Prepositions that take a gerund: "before asking" is a verb, "before claims" a noun.
GERUND_PREPOSITIONS = frozenset("before after by without upon".split())
# Coordinators: "paused and said" is a verb, "threats and claims" a noun.
COORDINATORS = frozenset("and or".split())
# Words after which an -ing cue is a verb: a form of "be" ("was saying") or the opener of an
# adverbial clause ("while saying", "after adding").
ING_CUE_LEADERS = BE_FORMS | frozenset("and while by after before when upon".split())
# Words that start a clause of their own: a comma after them does not close a short adjunct.
COMPLEMENTIZERS = frozenset("that which who".split())
# What follows a verb -s form: its object, a that-clause or an infinitive ("challenges the ruling").
OBJECT_STARTS = frozenset("that the a an his her their its him them it us me this these those to".split())

# Speaker noun phrases.
DETERMINERS = frozenset("""
    the a an his her its their our my your this that these those another some one two three several many
""".split())
ARTICLES = frozenset("the a an".split())
ARTICLES_AND_POSSESSIVES = frozenset("the a an his her its their".split())
POSSESSIVE_DETERMINERS = frozenset("his her its their our my your".split())
# Small words inside a name or a noun phrase ("Secretary of State", "Ursula von der Leyen").
NOUN_PHRASE_CONNECTORS = frozenset("of for at in and the a an & de von van der al bin".split())
# Connectors that cannot start a noun phrase: a subject scan that stops after one drops it.
LEADING_CONNECTORS = frozenset("of for at in and &".split())
# A conjunction or adverb glued on a sentence-initial subject ("But", "And", "Meanwhile").
SENTENCE_OPENERS = frozenset("but and so yet meanwhile now then still also".split())
TIME_WORDS = DAYS | frozenset("last this next earlier later late early on".split())
RELATIVE_SUBJECT_PRONOUNS = frozenset("who which".split())
PERSONAL_SUBJECT_PRONOUNS = SUBJECT_PRONOUNS - RELATIVE_SUBJECT_PRONOUNS
OBJECT_PRONOUNS = frozenset("him them me us".split())
WH_RELATIVES = frozenset("who which whose whom".split())
# Words that open a relative clause inside an apposition: such an apposition is no title.
RELATIVE_CLAUSE_OPENERS = frozenset("who which whose that".split())
# "The president and his aides said": plurals that join a speaker across "and".
ENTOURAGE_NOUNS = frozenset("aides advisers allies".split())
# First words of a comma-enclosed insertion between a subject and its cue: an apposition
# ("Vucic, the Serbian president, said"), a relative clause ("X, who ..., said") or an adjunct
# ("Lee, speaking on Friday, said").
INSERTION_OPENERS = frozenset("""
    who whose which a an the his her its their then
    in on at during speaking writing asked another also now after before while when despite like unlike
    for including such both all one two each
""".split())
# Determiners of a short noun phrase after a comma: '"...," a spokesman said'.
TRAILING_NP_DETERMINERS = frozenset("a an the one another".split())
# Prepositions of an adjunct between a subject and its cue ("The mayor on local radio said").
SUBJECT_ADJUNCT_PREPOSITIONS = frozenset("at on in during".split())
# A short determiner phrase opening a clause is a subject whatever its noun ("The leaflet says").
SHORT_NP_DETERMINERS = frozenset("the a an this that these those his her its their one".split())
# The cue forms of a quote tag: '"...," said Lee', '"...," Lee added'.
QUOTE_TAG_VERBS = frozenset("said says added told wrote asked".split())
SAID_OR_SAYS = frozenset("said says".split())
# Adverbs that end a subject scanned to the right ("The minister also referenced").
SUBJECT_ENDING_ADVERBS = frozenset("also then later again".split())
# Prepositions that end a subject scanned to the right ("said Lee on Monday") ...
ADJUNCT_PREPOSITIONS = frozenset("on in at during after before with to from".split())
# ... unless a capitalised word follows one that sits inside a name ("University at Buffalo").
NAME_PREPOSITIONS = frozenset("at of for".split())

# Titles: "White House National Security Council spokesman John Kirby".
# "the senator from Vermont", "a spokesman for Acme Corp": a capitalised run after these is an affiliation.
AFFILIATION_PREPOSITIONS = frozenset("of from for at in with".split())
# Names of countries and bodies that a title split would take for a person.
INSTITUTION_NAMES = frozenset("united states|united kingdom|united nations|european union|white house".split("|"))
# First words of an organisation's name ("White House"): not an affiliation on their own.
ORGANIZATION_NAME_OPENERS = frozenset("white united".split())
APPOSITION_PREPOSITIONS = frozenset("of for at with from in to".split())
# Lower-case words that belong to the role ("executive vice president", "press secretary");
# other words before the role word are its affiliation ("the committee chairman").
ROLE_MODIFIERS = frozenset("""executive vice deputy senior chief interim acting assistant associate general
    managing press political permanent principal co top lead junior special foreign prime ranking""".split())
APPOSITION_FILLERS = frozenset("the a an his her its their former then longtime current now also".split())
# Speaker nouns that are no title: "a father of three", "the wife of a victim", "her opponent".
KINSHIP = frozenset("""father mother wife husband son daughter brother sister parent parents grandfather
    grandmother grandson granddaughter uncle aunt cousin nephew niece widow widower fiance fiancee
    opponent rival friend ally colleague neighbour neighbor""".split())

# Coreference: pronouns by what they may refer to.
GENDERED_PRONOUNS: dict[str, str] = {"he": "m", "she": "f"}
COLLECTIVE_PRONOUNS = frozenset("they it we".split())
# A name starting with one of these is folded to lower case ("The minister" = "the minister").
# Not "An ": the engine never folded it, and its output must not change in a refactor.
FOLDED_ARTICLE_PREFIXES = ("The ", "A ")

# Quotations: the small words a title of a work keeps in lower case ("Summer in Paris").
TITLE_SMALL_WORDS = frozenset("of the a an and in on for to at with from by".split())

# Stance: an "ask" whose content opens like this is a question, not a request.
QUESTION_STARTS = ("if ", "whether ", "why ", "how ", "what ", "when ", "who ", "where ", "about ")

# --- Names: what sits at a mention's edges but is not the name (issue 12) ----------------------
MONTHS = frozenset("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# Words that open a time adjunct glued to a subject ("On Wednesday Mr Blair", "Last week Ms Lee").
TIME_ADJUNCT_OPENERS = frozenset("on last this next early late earlier later since by until".split())
TIME_PHRASE_WORDS = TIME_ADJUNCT_OPENERS | MONTHS | frozenset("""
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight weekend week
    month year morning afternoon evening night the in at during
""".split())
# Trailing adverbs glued to a subject ("Mr Blair instead said", "Mr Brown also").
NAME_TRAILING_ADVERBS = frozenset("""
    instead also too however meanwhile still again then now later earlier yesterday today tonight
    himself herself themselves itself alone first last already once previously recently separately
    there here
""".split())
# Letters after a name that are a rank or a degree, not part of it ("Guy Mansfield QC").
POST_NOMINALS = frozenset("qc kc mp mep msp am mla td jr sr ii iii iv phd md obe mbe cbe".split())
POST_NOMINAL_ROLES = {"qc": "QC", "kc": "KC", "mp": "MP", "mep": "MEP", "msp": "MSP", "am": "AM", "mla": "MLA",
                      "td": "TD"}
# Party words before a name are its affiliation ("Democrat Hillary Clinton", "Tory MP ...").
PARTY_WORDS = frozenset("""
    democrat democratic republican gop labour tory conservative liberal libertarian green
    independent socialist unionist nationalist snp ukip dup sdlp plaid
""".split())
# "No 10" and "Number 10" speak for the prime minister's office.
DOWNING_STREET_FORMS = frozenset("no 10|no. 10|number 10|number ten|no10".split("|"))
# Surname particles: "de Blasio", "van Rompuy", "bin Laden" are one surname.
SURNAME_PARTICLES = frozenset("de del della der di da van von le la al el bin ibn du dos st st.".split())
# Synonyms inside descriptions: "the GOP nominee" is "the Republican nominee".
# Heads of the epithets news gives a person already named, instead of the name ("the New York
# businessman", "the Vermont senator", "the 70-year-old"): never an office someone else may hold
# ("the spokesman", "the minister").
EPITHET_HEADS = frozenset("""
    businessman businesswoman billionaire tycoon mogul magnate candidate nominee frontrunner front-runner
    senator congressman congresswoman lawmaker politician democrat republican populist firebrand veteran
""".split())
YEAR_OLD = re.compile(r"^\d{1,3}-year-old$")

DESCRIPTION_SYNONYMS = {"gop": "republican", "tory": "conservative", "tories": "conservatives",
                        "democrat": "democratic", "dem": "democratic", "pm": "prime minister",
                        "sen": "senator", "rep": "representative", "gov": "governor"}


# --- Boilerplate, captions, bylines -----------------------------------------------------------
BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        \d+\s*min(?:ute)?s?\s+read
      | live\s+story | live\s+updates? | advertisement | read\s+more\b.* | read\s+the\s+rest\b.*
      | share(?:\s+this)?(?:\s+article)? | subscribe\b.* | sign\s+up\b.* | related\b.* | watch:.*
      | (?:by|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}
      | [\w\s,]*\d{4}\s*(?:\d{1,2}:\d{2}.*)?
      | updated?\b:?.* | published\b:?.* | copyright\b.* | ©.* | photo:.* | image:.* | video:.*
      | click\s+here\b.* | follow\s+(?:us|him|her)\b.* | more\s+on\s+this\b.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
BOILERPLATE_MAX_WORDS = 10  # longer lines are prose even when they start like a label
# A photo credit is "REUTERS/Kevin Lamarque" in capitals: "a Reuters/Ipsos poll" is the article's own text.
CAPTION_MARKERS = re.compile(
    r"\((?:photo|image|picture|credit|video)\b|\b(?:getty images|via getty|afp via|(?-i:REUTERS/)|ap photo|"
    r"photograph:|file photo|pictured\b)",
    re.IGNORECASE,
)

# --- Gender from first names (common English-language and regional names) --------------------
MALE_NAMES = frozenset("""
    john james robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony antony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy
    harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse
    dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
    randy eugene vincent russell elijah louis bobby philip johnny barack bernie ted marco
    jeb mike mitt rand chris newt rick ben bill  jake jens aleksandar vladimir
    boris emmanuel olaf volodymyr xi recep benjamin narendra justin rishi keir tony gordon
    nigel jeremy sadiq ed nick david liam oliver harry charlie jim tom tim dan sam max
     reince sean corey  stephen steve jared eric newt rudy rudolph
    mitch paul chuck harry  kevin lloyd antonio emmanuel mohammed muhammad ahmed ali
    hassan hussein omar abdul ibrahim yusuf mustafa khalid salman bashar recep sergei sergey
    dmitry dmitri alexei alexey mikhail ivan igor viktor victor andrzej tadeusz miroslav milos
    aleksandar  albin hashim ramush edi dusan dragan zoran slobodan goran nebojsa
    pedro carlos luis jorge manuel francisco miguel javier rafael fernando ricardo alejandro
    diego luiz jair lula giorgio matteo mario silvio giuseppe francesco  olaf
    friedrich wolfgang helmut gerhard frank-walter markus jean pierre francois jacques nicolas
    emmanuel charles-michel mark  kim jong shinzo fumio yoshihide moon yoon
    narendra rahul imran nawaz shehbaz joko benjamin yair naftali isaac yitzhak ehud
    avigdor mahmoud ismail yahya hamid ashraf abiy cyril jacob uhuru  bola
    muhammadu goodluck  ferdinand rodrigo scott malcolm   justin
        hunter beau
""".split())
FEMALE_NAMES = frozenset("""
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary kellyanne sarah huma chelsea melania ivanka michelle
    nikki carly elizabeth kamala nancy dianne  susan lisa kirsten amy tulsi
    jill theresa angela ursula christine kaja annalena giorgia marine segolene jacinda
    liz priti suella  yvette harriet diane nicola kemi rachel angela emily
    margaret indira benazir  hasina aung golda tzipi ayelet  vjosa
    ana  jelena ivana milica tanja natasa marija dragana
    hope sophie claire chloe lucy ella mia ava isla amelia jessica jade zoe
    katie kate katy becky beth ellen eleanor abby gina tina dina nina lena lana
    madeleine condoleezza condi samantha janet jen jennifer  karine kayleigh
    dana donna megyn katy katie ana valerie debbie maxine ilhan alexandria rashida ayanna
    pramila elise liz marsha kristi sonia ruth ketanji
""".split())

FEMALE_ROLE_WORDS = frozenset(
    "spokeswoman chairwoman congresswoman councilwoman businesswoman mother wife daughter sister "
    "queen princess lady dame woman girl grandmother aunt niece mrs ms miss madam widow actress "
    "duchess baroness countess girlfriend granddaughter stepmother".split()
)
MALE_ROLE_WORDS = frozenset(
    "spokesman chairman congressman councilman businessman father husband son brother king "
    "prince lord sir man boy grandfather uncle nephew mr widower actor duke baron earl boyfriend "
    "grandson stepfather".split()
)

# Words that make a direct quote's own content a denial, whatever the cue ("it is not accurate").
DENIAL_CONTENT = re.compile(
    r"(?<!if )\b(?:I|we) (?:have |had |strongly |categorically |flatly )?(?:den(?:y|ied)|reject(?:ed)?)\b"
    r"|\b(?:is|was|are|were)(?: simply| just)? (?:not (?:true|accurate|correct)|untrue|false|a lie|lies)\b"
    r"|\b(?:it|that|this)(?:'s|’s) (?:not (?:true|accurate|correct)|untrue|false|a lie)\b"
    r"|\buntruths?\b|\bfake news\b|\bnever (?:said|happened)\b|\bcompletely false\b"
    # '"No, this is not politics," Cruz said': a quote that opens by saying no, and negates
    r"|^\W*no[,.!;]\s+(?=.*\b(?:not|never|no)\b|.*n['’]t\b)",
    re.IGNORECASE,
)
# First-person performatives inside a quote: "I urge", "we promise", "I admit".
PERFORMATIVE_CONTENT: tuple[tuple[re.Pattern[str], Stance], ...] = (
    (re.compile(r"\b(?:I|we) (?:strongly |would )?(?:urge|call on|appeal to|implore)\b"
                r"|\b(?:I am|I['’]m|we are|we['’]re) (?:now )?(?:urging|calling on|calling for|appealing to|asking)\b"
                r"|\b(?:I|we) (?:ask|beg|encourage|invite) (?:you|all|every|everyone|everybody)\b", re.I),
     Stance.URGES),
    (re.compile(r"\b(?:I|we) (?:count on|rely on) (?:\w+ ){1,5}to \w", re.I), Stance.URGES),
    (re.compile(r"\b(?:I|we) (?:solemnly )?(?:promise|pledge|vow|guarantee)\b", re.I), Stance.PROMISES),
    (re.compile(r"\b(?:I|we) (?:must |have to )?(?:admit|confess|concede)\b", re.I), Stance.ADMITS),
    (re.compile(r"\b(?:I|we) (?:want to |must |would )?warn\b|\b(?:I|we) (?:really |do )?(?:worry|fear) (?:that"
                r"|about)\b"
                r"|\b(?:I am|I['’]m|we are|we['’]re) (?:very |deeply |really )?(?:worried|concerned"
                r"|afraid) (?:that|about)\b", re.I),
     Stance.WARNS),
    (re.compile(r"\b(?:I|we) (?:can )?confirm\b", re.I), Stance.CONFIRMS),
)

# --- Stance: cues re-read and the content's own act ---------------------------------------------
# The cue decides first (CUE_LEMMAS above); these lists re-read some cues and, for a neutral cue
# ("said", "told", "according to"), let the reported words decide: an attack on a party's conduct
# accuses, "should"/"must" urges, the speaker's own "will" promises, "I think"/"may" hedges.
# All patterns are general English; none comes from one corpus's habits.

# Cues whose stance is not the CUE_LEMMAS one (re-read here so that list keeps its one job):
# "branded him a liar" attacks; "charged that" and "questioned the fairness of" insinuate;
# fearing and worrying signal a danger; wanting and planning state the speaker's own intention.
STANCE_CUE_OVERRIDES: dict[str, Stance] = {
    "brand": Stance.ACCUSES,
    "charge": Stance.ALLEGES,
    "question": Stance.ALLEGES,
    "fear": Stance.WARNS,
    "worry": Stance.WARNS,
    "want": Stance.PROMISES,
    "plan": Stance.PROMISES,
    "intend": Stance.PROMISES,
    "seek": Stance.PROMISES,
}
# Cues whose content, opening with one of QUESTION_STARTS, is an open question: "asked whether",
# "wondered why", "questioned whether" take no position.
INTERROGATIVE_CUES = frozenset({"ask", "wonder", "question"})
# Belief cues: negated ("does not believe X") the speaker holds not-X, so the claim "X" is rejected,
# never left uncommitted (shown alone, "uncommitted: X" would read as the opposite of the article).
# Passive and negated ("is not thought to be capable") it is the belief of others: hedges.
BELIEF_CUES = frozenset({"believe", "think", "expect", "suspect", "agree", "feel"})
# A "want"-like cue whose content names someone else before "to" asks them to act: "wants Congress to act".
INTENT_TO_OTHERS = re.compile(r"^(?!to\b)[\w'’. -]{1,40}? to [\"“‘']?\w", re.I)

# The content's act, for neutral cues. Each pattern is tried on the content's first sentence
# (a quote's dominant act comes first) unless it says otherwise.
_FIRST_PERSON = r"(?:I|we|We)"
# A question: the speaker asks; "should" in it urges nobody.
QUESTION_CONTENT = re.compile(r"\?\s*[\"”’']*\s*$")
# Conceding against interest: "it was a mistake", "I was wrong", "we regret".
ADMISSION_CONTENT = re.compile(
    r"\b(?:(?:it|that|this) was a mistake|(?:I|we) (?:was|were) wrong|(?:I|we) made (?:a )?mistakes?"
    r"|my (?:own )?(?:fault|mistake)|(?:I|we) (?:deeply |sincerely )?regret|(?:I|we) (?:sincerely )?apologi[sz]e"
    r"|(?:I'm|I’m|I am|we're|we’re|we are) (?:so |very |deeply )?sorry|(?:I|we) take (?:full )?responsibility"
    # a belief given up at last: "he finally believes Obama was born in the United States"
    r"|finally (?:believes?|accepts?|acknowledges?|concedes?|agrees?))\b",
    re.I,
)
# Refusing a claim or proposal: "I oppose", "is not the solution", "we won't accept".
REJECTION_CONTENT = re.compile(
    r"\b(?:I|we) (?:strongly |firmly |completely |totally |flatly )?(?:oppose|reject|disagree)\b"
    r"|\b(?:do not|don['’]t|does not|doesn['’]t|will not|won['’]t|would not|wouldn['’]t|cannot|can['’]t|will never"
    r"|would never|never will)(?:,? and never will,)? (?:accept|agree|support|tolerate|endorse|back)\b"
    r"|\b(?:I['’]m|I am|we['’]re|we are) not (?:okay|ok|comfortable|happy) with\b"
    r"|\b(?:is|are|was|were) (?:\d+\W*percent\s|completely |totally |just |simply |dead |flat |absolutely )*wrong\b"
    r"|\b(?:I['’]m|I am|we['’]re|we are) (?:strongly |firmly )?(?:against|opposed to)\b"
    r"|\b(?:is|are|was)(?: simply| clearly)? not (?:the|a) (?:answer|solution|way forward)\b|\bisn['’]t (?:the"
    r"|a) (?:answer|solution)\b"
    r"|\b(?:nonsense|ridiculous|absurd|preposterous|a hoax)\b"
    r"|\b(?:do not|don['’]t|does not|doesn['’]t|did not|didn['’]t) hold (?:up|water|weight)\b|\bmakes? no sense\b"
    # refusing one's own backing: "he wasn't going to act like a servile puppy dog and back Trump"
    r"|\b(?:was not|wasn['’]t|is not|isn['’]t|am not) going to (?:[\w\"“”]+ ){0,8}?(?:back|support|endorse|vote for)\b",
    re.I,
)
# An attack on a party's conduct or character: wrongdoing, dishonesty, bigotry, derogatory labels.
# Evaluations of a policy alone ("a bad deal", "a disaster") are not in it: they assert.
ACCUSATION_CONTENT = re.compile(
    r"\b(?:li(?:ed|ar|ars|es|ing)|dishonest\w*|corrupt\w*|crooked|fraud(?:ulent\w*|sters?)|cheat\w*|st(?:ole|eals?"
    r"|ealing)"
    r"|racists?|bigot(?:s|ed)?|sexists?|misogyn\w*|xenophob\w*|hateful|hypocri\w+|disgrace\w*|shame(?:ful|less)\w*"
    r"|outrageous|disgusting|despicable|deplorable|irresponsibl\w+|reckless\w*|incompeten\w+|unfit|unqualified"
    r"|pathetic|coward\w*|gutless|bull(?:y|ies|ying)|demagogue\w*|con (?:man|artist)|scam\w*"
    r"|betray\w*|insult(?:ed|ing)|smear\w*|misle(?:d|ad|ading)|decei\w+|decepti\w+|cover(?:ed|ing)?[- ]up|abus(?:e"
    r"|ed|ing)"
    r"|exploit(?:ed|ing|s)?|pander\w*|flip-flop\w*|disqualif\w+|divisive|vile|nasty|mean-spirited|unhinged"
    r"|dog whistle|no idea what|refus(?:es|ed|ing) to|fail(?:s|ed|ing) to|turned (?:his|her|their) backs?|sold out"
    r"|stunt"
    r"|(?:personal|vicious|scurrilous|nasty|disgraceful) attacks?|attack(?:ed|ing|s)? (?:me|us|my|our) (?!country"
    r"|nation|troops|forces)"
    r"|(?:personally |repeatedly )attack(?:ed|ing|s)?|attack(?:ed|ing|s)? (?:his|her|their) (?:wife|husband|family"
    r"|father|mother"
    r"|son|daughter|children|record|character|integrity)|insults|(?:is|was) an insult to"
    r"|mishandl\w*|scapegoat\w*|disregard\w*|violat(?:e|ed|es|ing|ion)|unstable|amoral|narcissis\w*|philander\w*"
    r"|discriminat\w*|gerrymander\w*|blam(?:e|ed|es|ing)|squeez\w*|meddl\w*|obstruct\w*|intimidat\w*|weaponi[sz]\w*"
    r"|rip(?:ped|s)? off|took advantage|out of control|sow(?:s|ing)? discord|trigger-happy|lawless\w*|extremists?"
    r"|should be ashamed|ought to be ashamed|owes? (?:an |us an )?apology|(?<!not )a (?:total |complete )?joke"
    # conduct charged in the idioms of politics: gaming, double standards, point-scoring, about-turns
    r"|political (?:hay|points)|(?:double|different (?:set of )?)standards?|in a frenzy|handed out like candy"
    r"|(?:shifted|changed|reversed) (?:his|her|their|its) (?:position|stance)|trying to (?:pressure|intimidate"
    r"|silence|distract|score|rig|buy)|schoolyard|(?:hid|hidden|concealed|kept) (?:\w+ ){0,2}from the public)\b",
    re.I,
)
# A party the attack falls on: a name or a pronoun for a person or side ("he lied", "Smith's plan").
PARTY_PRONOUNS = re.compile(r"\b(?:[Hh]e|[Ss]he|him|his|[Hh]er|[Tt]hey|them|their|[Yy]ou|your)\b")
CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+(?:['’]s)?\b")
# Insinuation without a direct charge: "the system is rigged", "raises serious questions".
INSINUATION_CONTENT = re.compile(
    r"\b(?:rigged|phony|phoney|rais(?:es?|ed|ing) (?:a lot of |many |serious |real |troubling |more |new |further "
    r"|fresh ){0,2}questions|something (?:fishy"
    r"|wrong) (?:is going on|going on))\b",
    re.I,
)
# A danger or bad outcome ahead: a word of harm with a modal of future or possibility, or a threat named.
WARNING_CONTENT = re.compile(
    r"\b(?:pose[sd]?|is|are|was|were|be|remains?) (?:a |an )?(?:real |serious |grave |major |direct |growing "
    r"|clear |existential )?"
    r"(?:threat|danger|risk)\b|\b(?:concerns?|concerned|worr(?:y|ies|ied)|fears?|afraid) (?:that|about)\b"
    r"|\b(?:will|would|could|might|may|['’]ll|going to|risks?|threatens?) (?:\w+ ){0,4}?"
    r"(?:harm|hurt|damage|destroy|collapse|war|crisis|disaster|catastroph\w*|chaos|suffer|die|kill|violence|worse"
    r"|undermine|jeopardi[sz]e|devastat\w*|recession|lose|endanger|bankrupt|threaten|fail|force|retaliat)\w*\b"
    r"|\b(?:will|would|could|may|might|are|is)(?: now| also| still)? (?:be )?at risk of\b|\ba recipe for\b"
    r"|\bin the foot\b|\bthere (?:are|is) (?:\w+ ){0,3}concerns?\b",
    re.I,
)
# Deontic modals addressed to others: "Congress must act", "you should vote", "we've got to".
DEONTIC_CONTENT = re.compile(
    r"\b(?:should(?! have)|must(?! have)|ought to|['’]ve got to|got to|gotta|it is time (?:for \w+ )?to"
    r"|(?:you|we|they|he|she|it|(?<=\w )(?-i:[A-Z][a-z]+)|(?-i:[A-Z]\.[A-Z]\.)) (?:really |just |simply |now |still )?"
    r"(?:needs? to|has to|have to)|\b(?:do|does) need to"
    r"|it['’]s time (?:for \w+ )?to|let['’]s|let us|there is a (?:real |clear |urgent )?need|(?:is"
    r"|are) (?:urgently |badly )?needed"
    r"|(?:we|you|they) (?:really |badly |urgently )?need (?!to\b)(?=\w))",
    re.I,
)
# Reproach for past conduct: "he should have known", "they shouldn't have".
REPROACH_CONTENT = re.compile(r"\b(?:should|shouldn['’]t|should not|ought to) (?:never )?have\b(?! to\b)", re.I)
# The speaker's own future: "I will", "we're going to", "my plan will"; in reported speech the
# speaker's pronoun opens the content ("he would repeal it").
OWN_FUTURE_DIRECT = Gated(re.compile(
    rf"\b{_FIRST_PERSON}(?:['’]ll| will| shall| would| am going to| are going to|['’]m going to|['’]re going to"
    r"| plan to| intend to| want to| are committed to| am committed to| are determined to| am determined to)\b"
    r"|\b(?:[Mm]y|[Oo]ur) (?:\w+ ){0,2}(?:will|would)\b"
), ("ll", "would", "going to", "plan to", "intend to", "want to", "committed to", "determined to"))
OWN_FUTURE_REPORTED = re.compile(
    r"^(?:that )?(?:he|she|they|we|I)(?:['’]ll|(?: \w+ly)? (?:(?:will|would|['’]d|shall)(?! be\b| have been\b)"
    r"|was going to|is going to|were going to|are going to"
    r"|plans? to|planned to|intends? to|intended to|wants?|wanted|is determined to|was determined to"
    r"|(?:is|are|was|were|remains?|remained) (?:fully |firmly )?committed to))\b"
    r"|^(?:that )?(?:his|her|their|our) (?:\w+ ){0,2}(?:will|would)\b"
    r"|^\W*(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir) (?:\w+ )?(?:goal|aim|plan|intention|priority|mission|commitment"
    r"|pledge) is\b"
    # resolve: "he cannot allow Clinton to win", "we will not let them"
    r"|^(?:that )?(?:he|she|they|we|I) (?:cannot|can['’]t|can not|will not|won['’]t) (?:allow|let)\b"
    r"|\b(?:but|and) (?:cannot|can['’]t|will not|won['’]t) (?:allow|let)\b",
)
# Cues that, with an infinitive content, give an order: "told his subordinates never to speak of it".
DIRECTIVE_CUES = frozenset("tell instruct order direct advise".split())
INFINITIVE_CONTENT = re.compile(r"^(?:never |not )?to [a-z]")
# What a plan or policy will do for people: a campaign's commitment ("the policy would extend to single
# mothers", "families would qualify for the tax breaks").
PLAN_COMMITMENT = Gated(re.compile(
    r"\b(?:plan|policy|proposal|programme|program|scheme)s? (?:will|would) (?:also )?(?:extend to|cover|apply to"
    r"|pay for|provide|give|offer|include|guarantee|fund)\b"
    r"|\b(?:will|would) (?:qualify|be eligible) for\b",
    re.I,
), ("will", "would"))
# An estimate of what something will cost or bring: "Trump's plans would cost $150 billion".
ESTIMATE_CONTENT = re.compile(
    r"\b(?:would|will) (?:cost|add|save|raise|lose|bring in) (?:\w+ )?(?:about |roughly |nearly |almost |more than "
    r"|at least |some |an estimated |up to )?[$£€]?\d",
    re.I,
)
# Speakers whose figures are estimates: a poll, a survey, a forecast.
ESTIMATING_SPEAKERS = re.compile(r"\b(?:poll|polls|survey|surveys|forecast|projection|estimate)\b", re.I)
# Uncertainty in the speaker's own words: "I think", "probably", "may".
HEDGE_OPENING = re.compile(
    rf"^\W*(?:(?:and|but|so|well|now),? )?{_FIRST_PERSON} (?:do |don['’]t |do not )?(?:think|believe|guess|suspect"
    r"|feel (?:that|like)|suppose|assume|imagine|reckon)\b"
    r"|^\W*(?:(?:and|but|so|well|now),? )?(?:I['’]m|I am|we['’]re|we are) not (?:sure|certain)\b"
    r"|^\W*(?:my|our) (?:assumption|guess|sense|belief|expectation|hunch) is\b"
    r"|^(?:that )?(?:he|she|they|it) (?:thinks?|thought|believes?|believed|suspects?|suspected|doubts?|doubted"
    r"|feels? that|felt that|is convinced|was convinced|are convinced|were convinced|expects?|expected)\b",
    re.I,
)
# Words of one who has not made up their mind: "he honestly doesn't know the answer", "no decision has
# been made", "it is too early to say".
UNDECIDED_CONTENT = Gated(re.compile(
    r"^\W*(?:that )?(?:I|we|he|she|they)\s+(?:\w+ly\s+)?\[?(?:do|does|did)(?:n['’]t| not)\]?\s+know\b"
    r"|\bno (?:immediate |final |formal )?decision (?:has|had|have) (?:yet )?been (?:made|taken)\b"
    r"|\b(?:has|have|had)(?:n['’]t| not) (?:yet )?decided\b|\btoo (?:early|soon) to (?:say|tell)\b"
    # a refusal to speak, in the words reported: "his lawyer said he would not answer questions"
    r"|^\W*(?:that )?(?:he|she|they|it|I|we) (?:would|will)(?:n['’]t| not) (?:answer|comment|say|discuss|respond)\b",
    re.I,
), ("know", "decision", "decided", "too ", "would", "will"))
# A call that opens the words: "You should resign.", "Let Hillary and I sit there and debate" (a
# capital "Let": '"let the Tories in"' is a quoted phrase, no call).
OPENING_CALL = re.compile(r"^\W*(?:(?:[Yy]ou|[Ww]e) (?:should|must|need to|have to|ought to)\b|Let(?:['’]s| us)?\s)")
HEDGE_CONTENT = re.compile(
    r"\b(?:probably|maybe|perhaps|possibly|presumably|(?:more |most |less )?likely|unlikely|seems? to|appears? to"
    r"|might|only if)\b"
    r"|(?<=\w )(?-i:may) (?!be able)(?=[a-z])",
    re.I,
)
# Negation in a content: with a neutral cue, from a party accused in the article, it answers the charge.
NEGATED_CONTENT = re.compile(r"\b(?:not|never|no|nothing|n['’]t)\b|n['’]t\b", re.I)
# Words too common to tie two claims to one party (capitalised at a sentence start, titles).
PARTY_STOPWORDS = frozenset("""
    the a an he she it they we i you his her their our its this that these those mr mrs ms dr
    president senator sen rep gov governor secretary minister prime chief spokesman spokeswoman
    leader house white state states united national new said but and if in on when what there so no yes
    now today our my your in at for of as
""".split())
# The words a content pattern needs, one at least: a word of the content triggers a pattern when it
# starts with one of the pattern's words here (words under four letters must match whole). A content
# without any is not searched with that pattern, which keeps stance cheap. Every alternative of a
# pattern above contains a word that starts with one of these.
STANCE_TRIGGERS: dict[str, str] = {
    "first person": "i we",
    "denial": "deny denied reject true accurate correct untrue false lie lies untruth fake never no",
    "admission": "mistake wrong fault regret apologi sorry responsibility finally",
    "rejection": """oppose reject disagree accept agree support tolerate endorse back wrong against okay ok hold sense
        going
        comfortable happy answer solution way nonsense ridiculous absurd preposterous hoax""",
    "accusation": """lied liar lies lying dishonest corrupt crooked fraudulent fraudster cheat stole steal racist
        bigot sexist misogyn xenophob hateful hypocri disgrace shameful shameless outrageous disgusting despicable
        deplorable irresponsib reckless incompeten unfit unqualified pathetic coward gutless bully bullie demagogue
        con scam betray insult smear misle decei decepti cover abus exploit pander flip disqualif divisive vile
        nasty spirited unhinged dog idea refus fail turned sold stunt attack mishandl scapegoat disregard violat
        unstable amoral narcissis philander discriminat gerrymander blam squeez meddl obstruct intimidat weaponi
        rip ripped took control sow sows sowing trigger lawless extremist ashamed owe owes apology joke
        political double different frenzy candy shifted changed reversed trying schoolyard hid hidden concealed
        kept""",
    "insinuation": "rigged phony phoney raise raised raising questions something",
    "warning": "threat danger risk concern worr fear afraid will would could might may ll going threaten recipe foot",
    "deontic": "should must ought need has have got gotta time let",
    "reproach": "should ought",
    "hedge": """probabl maybe perhaps possibl presumabl likely unlikely seem appear might may only cost add save
        raise lose""",
}
# Cues that, passive, report no speech: "were questioned by police" (an interrogation).
PASSIVE_NOT_SPEECH = frozenset({"question"})
# An organisation's own future, in reported speech: "the ministry said it would review the cases",
# "the United States will seek sanctions". Verbs of consequence make it a prediction about a thing
# ("it would lead to", "it would help"), not the speaker's commitment.
OWN_FUTURE_SUBJECT = re.compile(
    r"^(?:that )?(?:the )?(?P<subject>[\w'’ .-]{1,60}?)(?: \w+ly)? (?:will|would|['’]ll|shall|is going to|was going to"
    r"|plans? to|planned to|intends? to|intended to|(?:was|is) taking (?:\w+ )?steps to)(?: not)? (?P<verb>[a-z]+)"
)
CONSEQUENCE_VERBS = frozenset("""
    be have lead help mean cost allow enable cause result create undermine damage hurt harm affect make
    bring leave put reduce increase raise lower
""".split())
# A person speaking for a state or body ("Secretary of State John Kerry said the United States would
# work with ..."): the state's own future action is a commitment of the speaker's side.
OFFICIAL_ROLES = frozenset("""
    secretary minister president spokesman spokeswoman spokesperson ambassador chancellor premier governor mayor
    envoy representative
""".split())
# (OWN_FUTURE_SUBJECT has taken a leading "the" off the subject already.)
STATE_SUBJECTS = frozenset((
    "united states", "us", "u.s.", "government", "administration", "britain", "uk", "united kingdom", "france",
    "germany", "russia", "china", "japan",
))

# Nouns for a person or side an attack can fall on without a name: "the mayor lied", "the board misled".
PARTY_NOUNS = ROLE_NOUNS | GROUP_NOUNS | frozenset("""
    government council party campaign administration board company ministry department committee
    opposition management regime
""".split())
# A reported wish that others act ("he wanted the party to be ready") calls on them: urges.
WISH_FOR_OTHERS = re.compile(r"^(?:that )?(?:he|she|they|we|I) (?:wants?|wanted"
                             r"|would like) (?!to\b)[^,.;]{1,40}? to [\"“‘']?\w")
# A statement that the speaker's side did not do or was not something ("he had not been involved",
# "we never took the money"): from a party accused earlier in the article, it answers the charge.
DENIAL_ANSWER = re.compile(
    r"^\W*(?:that )?(?:I|we|he|she|they|[Ii]t)(?: \w+ly| \w+self| \w+selves)? (?:did not|didn['’]t|was not"
    r"|wasn['’]t|were not"
    r"|weren['’]t|had not|hadn['’]t|has not|hasn['’]t|have not|haven['’]t|never|is not|isn['’]t|are not|aren['’]t"
    r"|does not|doesn['’]t|do not|don['’]t)\b"
)
# "I want to thank", "I would like to say": a speech act announced, not a commitment to act.
SPEECH_ACT_INTENT = re.compile(
    r"\b(?:want|would like|['’]d like) to (?:thank|say|be clear|make (?:it )?clear|stress|emphasi[sz]e|remind|welcome"
    r"|congratulate|add|point out|ask|apologi[sz]e|express)\b",
    re.I,
)
