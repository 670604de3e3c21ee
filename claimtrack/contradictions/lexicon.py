"""The contradiction finder's word lists, kept as data: the defaults of the user's terms and the words
`topics` reads a claim with (function words, negators, number words, units, name fillers).

Only data lives here (no code of the finder), so every module of the finder may import it.
"""
from __future__ import annotations

from claimtrack.engine import lexicon as engine_lexicon

# ----------------------------------------------------------------------------- defaults of the terms

# Groups of terms that name the same matter in conflict reporting. The group name is what a reason
# shows only when none of the members is in either claim (the members seen are shown instead).
DEFAULT_RELATED: dict[str, tuple[str, ...]] = {
    "forces": ("build-up", "deployment", "deploy", "troop", "force", "tank", "artillery", "soldier",
               "army", "military", "infantry", "armour", "armor", "battalion", "brigade", "unit"),
    "combat readiness": ("combat readiness", "alert", "readiness", "high alert", "combat-ready"),
    "casualties": ("casualty", "dead", "death", "kill", "killed", "fatality", "toll"),
    "prices": ("price", "cost", "inflation"),
    "wages": ("wage", "salary", "pay"),
    "jobs": ("job", "employment", "unemployment", "jobless"),
    "election": ("election", "vote", "ballot", "poll"),
}

# Predicates whose assertion by one side and by the other is a contradiction: each word of the
# first set against each word of the second ("rose" against "fell", "deployed" against "pulled back").
DEFAULT_ANTONYMS: tuple[tuple[str, str], ...] = (
    ("deploy build-up send reinforce", "withdraw pull-back pull-out"),
    ("increase rise grow climb jump soar surge expand raise",
     "decrease fall drop decline shrink reduce cut lower plunge"),
    ("advance", "retreat"), ("escalate", "de-escalate"), ("strengthen", "weaken"), ("true", "false untrue"),
    ("win", "lose"), ("open", "close shut"), ("accept approve", "reject"), ("support", "oppose"),
    ("legal", "illegal"), ("safe", "unsafe"), ("arrive", "leave"), ("present", "absent"),
    ("improve", "worsen deteriorate"), ("succeed", "fail"), ("start begin", "end stop"),
)

# Surface names -> the entity they stand for (metonyms and demonyms that suffix rules miss).
DEFAULT_ENTITIES: dict[str, str] = {
    "Belgrade": "Serbia", "Serb": "Serbia", "Serbs": "Serbia", "Serbian": "Serbia",
    "Pristina": "Kosovo", "Kosovar": "Kosovo", "Kosovan": "Kosovo",
    "Washington": "United States", "US": "United States", "U.S.": "United States", "USA": "United States",
    "American": "United States", "Americans": "United States", "America": "United States",
    "Moscow": "Russia", "Kremlin": "Russia", "Russian": "Russia", "Kyiv": "Ukraine", "Kiev": "Ukraine",
    "Ukrainian": "Ukraine", "Beijing": "China", "Chinese": "China", "London": "United Kingdom",
    "UK": "United Kingdom", "Britain": "United Kingdom", "British": "United Kingdom",
    "Brussels": "European Union", "EU": "European Union", "European": "European Union",
    "Paris": "France", "French": "France", "Berlin": "Germany", "German": "Germany",
    "Albanian": "Albania", "Tirana": "Albania",
}

# ----------------------------------------------------------------------------- reading a claim

# Function words and words too general to say what a claim is about.
STOPWORDS = frozenset("""
a an the and or but nor so yet for of to in on at by with from into onto over under about above below
after before during since until than then there here this that these those such what which who whom
whose when where why how all any both each few more most other some several many much own same very
just also only even still again ever too quite rather really simply directly further
i me my mine we us our ours you your he him his she her it its they them their one ones
be is are was were been being am have has had having do does did doing done will would shall should
can could may might must ought get got make made go went gone come came take took give gave
say said tell told add added note noted call called talk ask according report claim
not no never none nothing nobody neither without n't
thing things way ways lot lots kind part case point fact time times people person guy guys
country countries government situation issue issues matter something anything everything
like look looks well now today yesterday tomorrow week weeks month months year years day days ago
last next first new old high low highest level levels big large small major minor
along around because following include includes involve believe think know deal nearly almost about
monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december
""".split()) | frozenset(("one two three four five six seven eight nine ten eleven twelve fifteen twenty "
                          "thirty forty fifty hundred hundreds thousand thousands million billion dozen "
                          "dozens half third quarter percent per cent").split())

# Capitalised words that are titles or generic parts of names, never an entity on their own.
NAME_FILLERS = frozenset("""
mr mrs ms dr sir madam president prime minister ministry secretary spokesman spokeswoman
spokesperson council national security general chief head department office government state
foreign defence defense interior affairs deputy vice senior official officials the of and for
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december i we he she it they you our my his her their its
this that these those there here what when while after before but and or if in on at as so
""".split())

# Lemmas simplemma gets wrong for this register, and derivations it does not fold.
LEMMA_FIXES = {"rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "withdrawal": "withdraw",
               "arrival": "arrive", "approval": "approve", "denial": "deny", "refusal": "refuse",
               "removal": "remove", "escalation": "escalate", "de-escalation": "de-escalate",
               "deescalation": "de-escalate", "buildup": "build up", "pullback": "pull back",
               "pullout": "pull back", "increases": "increase",
               "untruth": "untrue", "falsehood": "false", "lies": "lie", "armed": "arm", "led": "lead"}

# The stems a contraction leaves before "n't" that are not the verb: "can't" -> can, "won't" -> will.
CONTRACTED_STEMS = {"ca": "can", "wo": "will", "sha": "shall"}

NEGATORS = frozenset({"not", "n't", "never", "no", "none", "nothing", "nobody", "neither", "nor", "without"})
# Words that end a negation's reach: a new clause begins.
SCOPE_BREAKS = frozenset({"but", "because", "and", "although", "though", "while", "whereas", "which", "who"})

FIRST_PERSON = frozenset({"i", "we", "us", "our", "ours", "my", "me", "mine"})

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000, "dozen": 12}
# "thousands of soldiers", "dozens of tanks": too vague to disagree with a number.
SHARE_WORDS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "two-thirds": 2 / 3, "three-quarters": 0.75}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# The words after a number that make it a percentage ("40 percent", "40 per cent").
PERCENT_WORDS = ("percent", "per")
APPROXIMATE = frozenset({"about", "around", "nearly", "almost", "roughly", "some", "approximately", "over",
                         "more", "less", "fewer", "up", "least", "estimated"})
CHANGE_VERBS = frozenset("increase rise grow climb jump fall drop decrease decline shrink reduce cut".split())
TIME_UNITS = frozenset("second minute hour day week month year decade century ago am pm time".split())

# ----------------------------------------------------------------------------- answers and their targets

# Cue lemmas that answer what someone else said: the engine's, which keeps what they report inside them.
ANSWER_CUES = engine_lexicon.ANSWER_CUES

# Words that call what was said untrue: "It is categorically untrue", "This is some sort of nonsense"
# ("a lie", "a boldfaced lie", not "the matter should be left to lie").
REBUTTAL_WORDS = (r"not\s+true", r"untrue", r"false(?:ly|hood)?", r"nonsense", r"baseless", r"fabricat\w*",
                  r"lies", r"an?\s+(?:[\w\-\"“]+\s+)?lie", r"lying", r"(?:wholly\s+)?unfounded",
                  r"categorical(?:ly)?", r"groundless",
                  r"absurd", r"ridiculous", r"laughable", r"preposterous", r"propaganda", r"smear",
                  r"hoax", r"made[\s-]up", r"no\s+truth", r"no\s+basis", r"without\s+(?:merit|foundation)",
                  r"never\s+happened", r"made\s+(?:it|that|this|them|those|these|(?:the\s+)?whole\s+thing)\s+up",
                  r"distort(?:ion|ions|ed|s|ing)?", r"misrepresent\w*", r"inaccurate",
                  # "She's absolutely wrong.": a verdict on what someone said that ends its sentence; not
                  # "it is wrong to ...", "something went wrong", "the move would be profoundly wrong"
                  r"(?:is|are|was|were|[’']s|[’']re)\s+(?:(?:absolutely|simply|just|completely|totally|quite|"
                  r"flat|dead)\s+)?wrong(?=[\s\"”'’,]*(?:$|[.!;]))")

# What an answer names as its object, at the start of its content: "the charge", "those claims", "it".
ANSWER_NOUNS = ("charges?", "claims?", "allegations?", "accusations?", "reports?", "story", "stories",
                "suggestions?", "assertions?", "statements?", "comments?", "remarks?", "rumou?rs?",
                "speculation", "criticism", "notion", "idea", "account", "articles?", "tweets?", "insinuations?")
ANSWER_PRONOUNS = ("it", "this", "that", "these", "those")

# Cue lemmas of a claim made against someone ("accused Trump of", "alleged that he").
ACCUSING_CUES = frozenset("accuse allege charge blame claim attack criticise criticize slam fault".split())

# Third-person pronouns: a claim about "him" or "her" is about a person it does not name.
PERSON_PRONOUNS = frozenset("he him his she her hers".split())

# ----------------------------------------------------------------------------- weighing shared words

# Matter words too common in political news to make a shared matter alone ("prime minister", "need",
# "held", "said"): the default of `propositions.term_weight` until the store's own word counts weigh them.
GENERIC_TERMS = frozenset("""
minister prime president presidential secretary state states government governments people need needs want
hold held say said says tell told think believe know see seem use used using work working run running ran
lead leading led campaign campaigns candidate candidates party parties official officials office country
world nation national public american americans policy political politics news report reports reported
statement statements question questions week year time way thing lot member members group leader leaders
man woman men women family families life house senate congress committee administration white
help keep put let show give try become became remain leave stay mean means call called ask asked
support every good bad great better best right wrong important clear able sure really long
interview speech event events comment comments remark remarks
deny admit reject claim insist accuse allege argue suggest confirm acknowledge dismiss respond add note
""".split())
GENERIC_WEIGHT = 0.25  # a generic word's weight; any other word weighs 1
