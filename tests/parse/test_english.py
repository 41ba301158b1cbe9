"""English attribution: reporting clauses on both sides of the quote, lead-ins, titles,
appositions, possessive roles, salience, partial quotes and multi-paragraph quotes.

Every text here was written for these tests in the style of English wire copy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.parse import parse_article

FIXTURES = Path(__file__).parent.parent / "fixtures" / "english"


def _quotes(text: str) -> list[dict[str, object]]:
    article = parse_article(text, lang="en")
    for quote in article.quotes:
        assert text[quote.start:quote.end] == quote.text
    return [q.to_prediction() for q in article.quotes]


def _only(text: str) -> dict[str, object]:
    quotes = _quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('Linda Marsh runs the bakery.\n\n"We sold out by nine," said Linda Marsh.',
         "Linda Marsh", "said"),
        ('Linda Marsh runs the bakery.\n\n"We sold out by nine," Ms Marsh said.',
         "Linda Marsh", "said"),
        ('Linda Marsh runs the bakery.\n\n"We sold out by nine," she said.',
         "Linda Marsh", "said"),
        ('Linda Marsh runs the bakery. She told the BBC: "We sold out by nine."',
         "Linda Marsh", "told"),
        ('Linda Marsh said: "We sold out by nine and had to close early."',
         "Linda Marsh", "said"),
        ('"We sold out by nine," according to Linda Marsh, who runs the bakery.',
         "Linda Marsh", "according to"),
        ('Linda Marsh runs the bakery.\n\n"We sold out by nine," she added.',
         "Linda Marsh", "added"),
        # the comma outside the closing quote, as British copy often puts it
        ('Linda Marsh runs the bakery.\n\n"We sold out by nine", she said.',
         "Linda Marsh", "said"),
        ('Linda Marsh runs the bakery.\n\n"We sold out by nine", Ms Marsh said.',
         "Linda Marsh", "said"),
        # no punctuation before a lowercase reporting verb
        ('Trade was brisk.\n\n"We sold out by nine" said Linda Marsh, who runs the bakery.',
         "Linda Marsh", "said"),
        # two roles of one person joined by "and" before the name
        ('Trade was brisk.\n\n"We sold out by nine," said baker and former MP Linda Marsh.',
         "Linda Marsh", "said"),
        # a body's document speaks for the body
        ('The IMF cut its forecasts.\n\n"Growth will slow sharply," said the IMF report.',
         "IMF", "said"),
    ],
)
def test_reporting_clause_shapes(text: str, speaker: str, cue: str) -> None:
    quote = _only(text)
    assert quote["speaker"] == speaker
    assert quote["cue"] == cue
    assert quote["kind"] == "direct"


@pytest.mark.parametrize(
    ("text", "speaker", "role_words"),
    [
        # courtesy titles and ranks are not part of the name
        ('Sir Alan Pryce chairs the trust. "Costs have doubled," said Sir Alan.',
         "Alan Pryce", set()),
        ('Dr Hannah Okoro leads the study. "The results are clear," Dr Okoro said.',
         "Hannah Okoro", set()),
        # possessive role: role and affiliation split off the name
        ('"Demand is soft," said Northwind Air\'s chief executive Tom Ellery.',
         "Tom Ellery", {"chief", "executive", "northwind", "air"}),
        # apposition after the name
        ('"Demand is soft," said Tom Ellery, chief executive of Northwind Air.',
         "Tom Ellery", {"chief", "executive", "northwind", "air"}),
        # apposition before the verb
        ('Tom Ellery, Northwind Air\'s chief executive, said: "Demand is soft this winter."',
         "Tom Ellery", {"chief", "executive", "northwind", "air"}),
        # role premodifiers before the name
        ('Harbour master Gwen Tremayne said: "The wall will not last another winter."',
         "Gwen Tremayne", {"harbour", "master"}),
    ],
)
def test_names_roles_and_titles(text: str, speaker: str, role_words: set[str]) -> None:
    quote = _only(text)
    assert quote["speaker"] == speaker
    got = f"{quote['role'] or ''} {quote['affiliation'] or ''}".casefold().split()
    assert role_words <= set(got)


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        # a role word or modifier capitalised as the sentence's first word opens the role
        ('Chief executive Tom Ellery said the year had been "difficult for everyone".',
         "Chief executive", None),
        ('Former transport minister Gwen Tremayne said the line was "never properly funded".',
         "Former transport minister", None),
        ('Shadow health secretary Alan Pryce said: "Waiting lists are the longest on record."',
         "Shadow health secretary", None),
        # a body before the role stays a body
        ('Green Party leader Hannah Okoro said: "The council must act before the winter."',
         "leader", "Green Party"),
        # a shorter role read at the quote does not replace the one stated with the name
        ('Senior business manager Tom Ellery expects a record day. "Footfall has been '
         'growing every week," Tom Ellery said.', "Senior business manager", None),
    ],
)
def test_a_sentence_initial_role_word_is_part_of_the_role(
        text: str, role: str, affiliation: str | None) -> None:
    quote = _quotes(text)[-1]
    assert (quote["role"], quote["affiliation"]) == (role, affiliation)


@pytest.mark.parametrize(
    ("text", "speaker_type", "speaker"),
    [
        ('"The match is suspended," said a Uefa statement.', "organization", "Uefa"),
        ('The Fire Brigades Union said: "Crews were sent within minutes of the call."',
         "organization", "Fire Brigades Union"),
        ('"We are reviewing the footage," a spokesman for the club said.', "anonymous", None),
    ],
)
def test_bodies_and_anonymous_sources(text: str, speaker_type: str, speaker: str | None) -> None:
    quote = _only(text)
    assert quote["speaker_type"] == speaker_type
    if speaker:
        assert quote["speaker"] == speaker


def test_spokesman_for_a_body_keeps_role_and_affiliation() -> None:
    quote = _only('"We are reviewing the footage," a spokesman for the Rovers Trust said.')
    assert quote["role"] == "spokesman"
    assert quote["affiliation"] == "Rovers Trust"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ('Mayor Ruth Adebayo said the results were "respectable" given the weather.',
         "respectable", "Ruth Adebayo"),
        ('Ruth Adebayo was upbeat, saying the scheme had been "a real success".',
         "a real success", "Ruth Adebayo"),
        ('Ruth Adebayo leads the council. Turnout was "disappointing", she said.',
         "disappointing", "Ruth Adebayo"),
    ],
)
def test_partial_quotes_are_attributed_by_the_sentence_verb(
    text: str, fragment: str, speaker: str
) -> None:
    quote = _only(text)
    assert quote["kind"] == "partial"
    assert fragment in str(quote["text"])
    assert quote["speaker"] == speaker


@pytest.mark.parametrize(
    "text",
    [
        'The so-called "smart" meters were installed in 2019.',
        'The film "Northern Lights" opens on Friday.',
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(text: str) -> None:
    assert _quotes(text) == []


def test_paragraph_reopened_without_closing_is_a_continuation() -> None:
    text = ('Council leader Robert Penhallow said: "This is the biggest investment in years.\n'
            '"It will protect jobs for a generation."')
    first, second = _quotes(text)
    assert first["speaker"] == second["speaker"] == "Robert Penhallow"
    assert first["cue"] == "said"
    assert second["cue"] is None and second["mention"] is None


def test_salience_prefers_the_gender_the_pronoun_names() -> None:
    text = ('Mr Ian Cole and Mrs Jean Cole run the farm shop. Mr Cole said prices had risen. '
            'Mrs Cole disagreed.\n\n"We have held our prices all year," she said.')
    quotes = _quotes(text)
    assert quotes[-1]["speaker"] == "Jean Cole"


def test_seed_style_article_end_to_end() -> None:
    text = (FIXTURES / "harbour-council.txt").read_text(encoding="utf-8")
    article = parse_article(text)
    assert article.lang == "en"
    by_text = {q.text.strip('"“”'): q for q in article.quotes}
    assert by_text["long overdue"].kind == "partial"
    assert by_text["long overdue"].speaker == "Gwen Tremayne"
    wall = next(q for q in article.quotes if q.text.startswith('"We have patched'))
    assert wall.speaker == "Gwen Tremayne" and wall.mention == "Mrs Tremayne"
    leader = next(q for q in article.quotes if q.text.startswith('"This is the biggest'))
    assert leader.speaker == "Robert Penhallow"
    follow_on = next(q for q in article.quotes if q.text.startswith('"It will protect'))
    assert follow_on.speaker == "Robert Penhallow" and follow_on.cue is None
    seagrass = next(q for q in article.quotes if q.text.startswith('"We are not against'))
    assert seagrass.speaker_type == "anonymous"
    assert seagrass.affiliation == "Marine Conservation Trust"


def test_indonesian_article_quoting_english() -> None:
    text = ('Delegasi Indonesia tiba di Jenewa pada Senin. "We will not back down on this issue,"'
            ' kata Budi Santoso kepada wartawan. Ia menambahkan bahwa Indonesia tetap mendukung'
            ' dialog dengan semua pihak.')
    article = parse_article(text)
    assert article.lang == "id"
    assert article.quotes[0].speaker == "Budi Santoso"
    assert article.quotes[0].cue == "kata"


def test_english_article_quoting_indonesian() -> None:
    text = ('The minister spoke to reporters in Jakarta on Monday. Retno Marsudi said: '
            '"Kami tidak akan mundur dari posisi ini." She added that talks would continue.')
    article = parse_article(text)
    assert article.lang == "en"
    assert article.quotes[0].speaker == "Retno Marsudi"
    assert article.quotes[0].cue == "said"


@pytest.mark.parametrize(
    ("text", "index", "speaker"),
    [
        # reaction round-ups: "Name - Organisation" before the quote
        ('Reaction was swift. Mary Quinn - Highland Hoteliers Group "We welcome the support '
         'but it comes late." Tom Reid - Crofters Union "This is a start."', 0, "Mary Quinn"),
        # the definite description points at the person whose known role fits
        ('Sam Okafor signed for the club in May. He was criticised by United boss Alan Fenwick '
         'last week. The defender said: "I know what I can do."', 0, "Sam Okafor"),
        # the subject of the reporting verb is the pronoun's antecedent, not the first name
        ('Chancellor Ruth Kemp has misjudged the mood, Peter Hale has said.\n\n'
         '"Nobody asked for this," he added.', 0, "Peter Hale"),
        # "called" only reports its own quote: it does not change the speaker that follows
        ('"We are busy every night," said Ines Moreau, who runs two bistros in Lyon, called '
         'Fenwick. "Bookings have doubled since June."', 1, "Ines Moreau"),
    ],
)
def test_discourse_speakers(text: str, index: int, speaker: str) -> None:
    assert _quotes(text)[index]["speaker"] == speaker


def test_quote_missing_its_opening_mark_starts_after_the_colon() -> None:
    text = ('Costs rose again in May. Nia Evans, an economist at Harbour Bank, said: '
            'Rates will stay high this year."')
    last = _quotes(text)[-1]
    assert str(last["text"]).startswith("Rates will stay high")
    assert last["speaker"] == "Nia Evans"


def test_a_body_named_by_its_head_takes_its_full_name() -> None:
    text = ('The Bank of Wessex raised rates on Thursday. The Bank said inflation was '
            '"stubbornly high".')
    assert _quotes(text)[0]["speaker"] == "Bank of Wessex"


def test_courtesy_title_mentions_map_to_the_full_name_named_last() -> None:
    text = ('John Kerr led the bid in 1998. His niece, Anna Kerr, now runs the charity.\n\n'
            '"We never stopped," Ms Kerr said.')
    assert _quotes(text)[0]["speaker"] == "Anna Kerr"


def test_english_corpus_sample_never_raises_and_keeps_offsets() -> None:
    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "en-bbc.jsonl.gz"
    if not corpus.exists():
        pytest.skip("shared corpus not available")
    import gzip
    import json

    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= 150:
                break
            text = json.loads(line).get("text") or ""
            for quote in parse_article(text, lang="en").quotes:
                assert text[quote.start:quote.end] == quote.text


def test_given_names_tell_the_gender_of_a_pronoun() -> None:
    text = ('The award went to Julia Marsh, ahead of Robert Quayle. "I did not expect this," '
            'he said.')
    assert _quotes(text)[0]["speaker"] == "Robert Quayle"


def test_a_work_after_the_role_is_not_an_affiliation() -> None:
    quote = _only('"Pubs were the heart of it," said Ada Lyle, author of the book Last Orders.')
    assert quote["role"] == "author"
    assert quote["affiliation"] is None


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ('Linda Marsh runs the bakery.\n\n"Sales rose by a tenth," the report says.',
         "says", "the report"),
        ('Linda Marsh runs the bakery.\n\n"Sales rose by a tenth" said the researchers.',
         "said", "the researchers"),
    ],
)
def test_a_description_that_names_no_one_keeps_the_cue(text: str, cue: str,
                                                       speaker: str | None) -> None:
    """The reporting verb is the cue even when the words around it only describe the
    speaker: the description is the speaker as written, on either side of the verb, never the
    person quoted before."""
    quote = _only(text)
    assert (quote["cue"], quote["speaker"]) == (cue, speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a relative clause or a "from" phrase set off by commas between subject and verb
        ('The vote was close. Ian Marsh, who plans to vote Labour, told us he wanted '
         '"somebody who knows what they think".', "Ian Marsh"),
        ('The engine was named. Peter Spowage, from Southern Locomotives, said he was '
         '"delighted" with the day.', "Peter Spowage"),
        ("Football's world governing body Fifa, which banned third-party ownership in 2015, "
         'said it was "looking into" the deal.', "Fifa"),
        # ... but not a relative clause in an earlier clause, nor the verb's own pronoun
        ('Asked about people like Julia Hart who are struggling, Mr Milei said: "You cannot '
         'judge an economy by one case."', "Milei"),
        ('Linda Marsh runs the bakery. Staff who worked late had what she said was "a very '
         'difficult and tiring week for everyone at the shop".', "Linda Marsh"),
    ],
)
def test_the_subject_before_an_insertion(text: str, speaker: str) -> None:
    quote = _only(text)
    assert quote["speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # a capitalised "States" is part of a name, not the reporting verb "states"
        ('Linda Marsh runs the bakery. She promised to keep the United States from "ever '
         'running short of bread".', "Linda Marsh", "promised"),
        # a determiner or possessive opens a subject but is never one ("His", "A")
        ('Macron spoke to Congress. His speech was described as a "thinly veiled rebuke" to '
         "the president.", None, "described"),
        # a description opening the sentence before "said:" is the speaker as written
        ('Linda Marsh runs the bakery. A report on the bakery said: "Sales rose by a tenth in '
         'the year to March."', "A report on the bakery", "said"),
    ],
)
def test_subjects_that_are_no_names(text: str, speaker: str | None, cue: str) -> None:
    quote = _only(text)
    assert (quote["speaker"], quote["cue"]) == (speaker, cue)


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue"),
    [
        ('Council leader Helen Marsh called on the government to "stop dithering" over the '
         "bridge.", "Helen Marsh", "called on"),
        ('Local fishermen refer to the reef as "the graveyard" because of the wrecks.',
         None, "refer to"),
        ('Union organiser Dev Patel referred to the offer as "an insult" on Friday.',
         "Dev Patel", "referred to"),
        # the verb alone stays the cue when no particle follows
        ('Council leader Helen Marsh called the plan "a disgrace" on Tuesday.', "Helen Marsh",
         "called"),
    ],
)
def test_phrasal_reporting_verbs_keep_their_particle(sentence: str, speaker: str | None,
                                                      cue: str) -> None:
    """The gold convention: the cue of a phrasal verb is the whole verb ("called on")."""
    text = "The bridge has been closed since March for repairs. " + sentence
    quote = parse_article(text, lang="en").quotes[0]
    assert quote.cue == cue
    if speaker:
        assert quote.speaker == speaker


def test_a_full_name_opening_a_sentence_with_a_given_name_is_a_person() -> None:
    """"Joe Reid, the Green challenger …" opens its sentence with a known given name: a person,
    so "he said" after it means him, not the rival named with a title earlier."""
    text = ('The mayor tied the vandalism to the rhetoric of Councillor Alan Hughes, who she '
            'said had spent months "stoking anger". Mr Hughes has held the seat since 2010. '
            "Turnout could decide the race in the ward. Joe Reid, the Green challenger to Mr "
            'Hughes, condemned the leaflets as "a disgrace". "The words of a councillor '
            'matter," he said.')
    quotes = parse_article(text, lang="en").quotes
    assert quotes[0].speaker == "Alan Hughes"
    assert (quotes[-1].speaker, quotes[-1].resolution) == ("Joe Reid", "pronoun")


@pytest.mark.parametrize(
    ("text", "speaker", "role", "affiliation"),
    [
        ('Wolves have signed Danish midfielder Anders Holm on a three-year deal. "I am '
         'delighted to be here," Holm said.', "Anders Holm", "midfielder", "Danish"),
        ("The row sparked tensions between US President Tom Blake and the board. "
         '"We will not back down," Mr Blake said.', "Tom Blake", "President", "US"),
        ('Brentford played Wolves manager Gary Lane at his own game. "We were beaten by the '
         'better side," Lane said.', "Gary Lane", "manager", "Wolves"),
        # a lowercase modifier of the role word right after it stays: "managing director"
        ("The club's managing director Sue Hart welcomed the deal. \"It is a great day,\" "
         "Ms Hart said.", "Sue Hart", "managing director", None),
    ],
)
def test_a_verb_before_a_body_and_role_is_no_part_of_the_role(
        text: str, speaker: str, role: str, affiliation: str | None) -> None:
    """Lowercase words before a name modify the role word to their right; one followed by a
    capitalised word that is no role ("signed Danish midfielder") is the sentence's verb."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.speaker, quote.role, quote.affiliation) == (speaker, role, affiliation)


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        ('"Prices will rise," said Mark Newman, director of telecoms research at Ovum.',
         "director of telecoms research", "Ovum"),
        ('"It spreads," says Hans Berg, a professor in clinical microbiology at the '
         "University of Southern Denmark.", "professor in clinical microbiology",
         "University of Southern Denmark"),
        ('"It burns," says Paul Reyes, regents professor of plant and environmental sciences '
         "at New Mexico State University and an expert on chillies.",
         "regents professor of plant and environmental sciences", "New Mexico State University"),
        ('"It will pass," said Jane Holt, the MP for Grantham.', "MP", "Grantham"),
        # a body after "of" stays the affiliation
        ('"We are ready," said Hans Berg, head of Ofcom.', "head", "Ofcom"),
    ],
)
def test_a_description_after_a_name_keeps_title_roles_and_fields(
        text: str, role: str, affiliation: str) -> None:
    """After a name, "a professor", "the MP" are roles (before a name they are titles), and
    the field after the role word belongs to it; the body follows "at"."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.role, quote.affiliation) == (role, affiliation)


@pytest.mark.parametrize(
    "text",
    [
        'Toronto-based Stella Alexandrova said the rules were unclear. "Nobody told us," '
        "Ms Alexandrova said.",
        'Housing campaigners met on Monday. "We were sold like cattle," said Leicestershire-based '
        "Rachel Neale.",
    ],
)
def test_a_based_or_born_description_is_no_part_of_the_name(text: str) -> None:
    """"Toronto-based", "Danish-born" describe the person; they never start the name."""
    speaker = parse_article(text, lang="en").quotes[-1].speaker
    assert speaker in ("Stella Alexandrova", "Rachel Neale")


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        ('Bank of England governor Andrew Bailey said there were "signs of recovery".',
         "governor", "Bank of England"),
        ('Department for Education spokeswoman Jane Peel said schools would get "more help".',
         "spokeswoman", "Department for Education"),
        ('Lib Dem home affairs spokesman Mark Oaten said the bill was "a mess".',
         "home affairs spokesman", "Lib Dem"),
    ],
)
def test_a_body_name_with_of_or_for_before_a_role(text: str, role: str,
                                                  affiliation: str) -> None:
    """"Bank of England governor": "of" between capitalised words is inside the body's
    name; the role starts at the first lowercase word after it."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.role, quote.affiliation) == (role, affiliation)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Cases rose again. The World Health Organization said: "The virus is still spreading."',
         "World Health Organization"),
        ('Clubs met on Friday. "We will review the rules," the Premier League said.',
         "Premier League"),
        ('The Home Office said the policy was "under review".', "Home Office"),
        ('If Apple wins, rivals lose. Apple said the ruling was "a victory for users".',
         "Apple"),
    ],
)
def test_a_body_is_named_by_all_its_capitalised_words(text: str, speaker: str) -> None:
    """Role words inside a body's name ("Health", "Premier", "Home") do not cut it down to
    its head word ("Organization", "League", "Office")."""
    assert parse_article(text, lang="en").quotes[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "affiliation"),
    [
        ('"Rates will rise," said Bank of England governor Andrew Bailey.', "Andrew Bailey",
         "Bank of England"),
        ('"Prices rose," said the Office for National Statistics.',
         "Office for National Statistics", None),
        ('"I am sorry," said John Smith of Acme Bank.', "John Smith", "Acme Bank"),
        # an owner before the body: the body speaks, under its own name
        ('"Output grew," said Japan\'s Office for National Statistics, which released it.',
         "Office for National Statistics", None),
    ],
)
def test_a_body_name_with_of_or_for_after_an_inverted_cue(text: str, speaker: str,
                                                         affiliation: str | None) -> None:
    """After "said", "of" right after a body's head word is inside its name ("Bank of
    England"), not the start of the speaker's affiliation ("John Smith of Acme Bank")."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.speaker, quote.affiliation) == (speaker, affiliation)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Rates rose again. The Bank of England said: "We will not hesitate."',
         "Bank of England"),
        ('Rates rose again. "We will not hesitate," the Bank of England said.',
         "Bank of England"),
        ('Schools reopen on Monday. The Department for Education said the plans were '
         '"robust".', "Department for Education"),
        ('Rates rose again. The Bank of England Monetary Policy Committee said: "We voted '
         'unanimously."', "Bank of England Monetary Policy Committee"),
    ],
)
def test_a_body_name_with_of_or_for_before_the_verb(text: str, speaker: str) -> None:
    """Before the verb too, "of"/"for" after a body's head word is inside its name: "The Bank
    of England said" had given "Bank", and the quote before "the Bank of England said" had
    no speaker at all."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.speaker, quote.speaker_type) == (speaker, "organization")


@pytest.mark.parametrize(
    "text",
    [
        'Rates rose again. The Bank of England governor said: "We will not hesitate."',
        'Polls closed. The MP for Sittingbourne and Sheppey said: "It was a hard fight."',
    ],
)
def test_a_role_with_of_or_for_is_no_body(text: str) -> None:
    """A role word at the end ("the Bank of England governor") or before the joiner ("the MP
    for …") describes a person, never a body speaking."""
    assert parse_article(text, lang="en").quotes[-1].speaker_type != "organization"


def test_a_full_body_name_is_not_stretched_to_a_longer_one() -> None:
    """A body the article names in full stays that body when a longer name holding its words
    appears too ("Bank of England" is not its "Monetary Policy Committee")."""
    text = ('The Bank of England cut rates. "The shock will be temporary," the Bank of England '
            'said. Later, the Bank of England Monetary Policy Committee met again.')
    assert parse_article(text, lang="en").quotes[0].speaker == "Bank of England"


@pytest.mark.parametrize(
    ("text", "speaker", "role", "affiliation"),
    [
        ('Anne Verhoef, a soil physicist at the University of Reading, says: "It is an '
         'exciting idea."', "Anne Verhoef", "soil physicist", "University of Reading"),
        ('Marc Pradel, 40, an expert on urban sociology at the University of Barcelona, says '
         'the flats have "generated strong community".', "Marc Pradel", "expert",
         "University of Barcelona"),
        ('Len Shackleton, research fellow at the Institute of Economic Affairs, said: "GDP is '
         'not the only measure."', "Len Shackleton", "research fellow",
         "Institute of Economic Affairs"),
    ],
)
def test_a_description_with_a_body_after_the_name_is_no_speaker(
        text: str, speaker: str, role: str, affiliation: str) -> None:
    """"NAME, (AGE,) a ROLE at BODY, says": the name speaks; the body after "at" had been read
    as the subject (with an "a"/"an" description even when the role word is unknown)."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.speaker, quote.role, quote.affiliation) == (speaker, role, affiliation)


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ('Officials met. "The legal boundaries did not match," state prosecutor Alexis Ortiz '
         "told Reuters.", "Alexis Ortiz", "state prosecutor"),
        ('Shares fell. "It is over," floor trader Peter Tuchman said.', "Peter Tuchman",
         "floor trader"),
    ],
)
def test_lowercase_role_words_before_a_subject_after_the_quote(text: str, speaker: str,
                                                               role: str) -> None:
    """'"…," state prosecutor Alexis Ortiz told': the lowercase words before the role's head
    belong to the role; the quote had no speaker because the subject did not start right
    after it."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        ('Growth slowed. Paul Terrington, of PwC Northern Ireland, said: "Belfast is not '
         'growing."', "PwC Northern Ireland"),
        ('A man was charged. Syed Khan, of Hardy Street, said: "I am innocent."',
         None),
    ],
)
def test_an_of_phrase_between_commas_after_the_name(text: str, affiliation: str | None) -> None:
    """"NAME, of BODY, said": the name speaks and the body is the affiliation (it had been
    the speaker); a street address after "of" is no body."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert quote.speaker in ("Paul Terrington", "Syed Khan")
    assert quote.affiliation == affiliation


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ('Tax rose. The Tory finance spokesman, Brian Monteith MSP, said: "It is a disguise."',
         "Brian Monteith", "MSP"),
        ('"We will vote against it," said Damian Collins MP.', "Damian Collins", "MP"),
    ],
)
def test_a_role_acronym_after_a_name(text: str, speaker: str, role: str) -> None:
    """"Brian Monteith MSP": the acronym after the name is the role (the name had been
    dropped, the acronym making it read as a body)."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Bookings fell. Tom Jones, formerly of the Royal Scots Regiment, said: "We booked and '
         'paid."', "Tom Jones"),
        ('Bars must close. Stephen Boyd from Thompsons nightclub in Belfast said he "does not '
         'feel great".', "Stephen Boyd"),
    ],
)
def test_the_name_before_a_from_or_formerly_of_phrase(text: str, speaker: str) -> None:
    """"NAME, formerly of BODY, said" and "NAME from BODY in PLACE said" (a full name, no
    commas): the name speaks, not the body or the place at the end of the phrase."""
    assert parse_article(text, lang="en").quotes[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        ('Labour MP John Smith said: "The plan is flawed."', "MP", "Labour"),
        ('"The plan is flawed," said Tory MSP Brian Monteith.', "MSP", "Tory"),
    ],
)
def test_a_role_acronym_before_a_name_is_the_role(text: str, role: str,
                                                  affiliation: str) -> None:
    """"Labour MP John Smith": "MP" is also a degree-like title after a name, but before one
    it is the role (it had been dropped with the titles, leaving no role)."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.role, quote.affiliation) == (role, affiliation)


def test_a_subordinating_conjunction_is_no_part_of_the_speaker() -> None:
    """"While Charles Schwab analysts said …": "While" opens the clause, not the speaker."""
    text = 'Markets fell. While Charles Schwab analysts said fears were "exacerbating".'
    assert parse_article(text, lang="en").quotes[-1].speaker == "Charles Schwab analysts"


@pytest.mark.parametrize(
    "text",
    [
        'Prime Minister Theresa May spoke. "They were one of us," said Ms May.',
        'Prime Minister Theresa May spoke. Ms May said: "They were one of us."',
    ],
)
def test_a_surname_that_is_a_month(text: str) -> None:
    """"Ms May", "Theresa May": after a courtesy title or a given name a month word is a
    surname (the speaker had been dropped: months are no name words)."""
    assert parse_article(text, lang="en").quotes[-1].speaker == "Theresa May"


def test_a_lowercase_aside_in_parentheses_ends_the_speaker() -> None:
    """"says Jaz Brisack (pictured above)": the aside is no part of the NP after the cue (the
    quote had no speaker); a capitalised acronym there still is ("Agency (IEA) Director")."""
    text = '"Workers need a union," says Jaz Brisack (pictured above). She was one of them.'
    assert parse_article(text, lang="en").quotes[0].speaker == "Jaz Brisack"


def test_one_and_another_after_an_inverted_cue_are_kept_as_written() -> None:
    """'"Why are you celebrating?" asked one. … added another.': unnamed people, as written."""
    text = ('Fans reacted online. "Why are you celebrating?" asked one. "It is a shame," added '
            "another.")
    assert [q.speaker for q in parse_article(text, lang="en").quotes] == ["one", "another"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Officials met. Using sign language, one teenager tells the paper he feels "the house '
         'shaking".', None),
        ('Costs rose. Speaking ahead of a consultation, Councillor Robert Evans, a cabinet '
         'member, said: "It was the first planned town."', "Robert Evans"),
        ('Kelly has long told friends he was "fine".', "Kelly"),
    ],
)
def test_an_introductory_clause_is_no_subject(text: str, speaker: str | None) -> None:
    """"Using sign language, one teenager tells": a sentence opened by a participle or an
    adverb before a comma has its subject after the comma ("Using", "Basically",
    "According" had been speakers); a name ending the same way stays one ("Kelly")."""
    assert parse_article(text, lang="en").quotes[-1].speaker == speaker


def test_a_role_with_a_lowercase_field_after_a_possessive_body() -> None:
    """"The Council of Europe's commissioner for human rights said": the field after "for"
    is part of the role's NP (it had cut the subject down to "The Council") and never the
    affiliation."""
    text = ("Poland tightened the law. The Council of Europe's commissioner for human rights "
            'said it was a "sad day for women\'s rights".')
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.speaker_type, quote.role, quote.affiliation) == (
        "anonymous", "commissioner", "Council of Europe")


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        ('Talks ended. On Friday afternoon Chancellor Angela Merkel said: "We act."',
         "Chancellor", None),
        ('Talks ended. Last week President Joe Biden said: "We act."', "President", None),
        ('Talks ended. Sunday Telegraph editor Allister Heath said: "We act."', "editor",
         "Sunday Telegraph"),
    ],
)
def test_a_time_adverbial_before_a_role_is_no_part_of_it(text: str, role: str,
                                                         affiliation: str | None) -> None:
    """"Friday afternoon Chancellor", "last week President": the day and the part of the day
    or span end a time adverbial (they had been read as the affiliation "Friday" and the role
    "afternoon Chancellor"); a day in a body's name stays ("Sunday Telegraph")."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.role, quote.affiliation) == (role, affiliation)


def test_the_seat_of_an_mp_is_no_name() -> None:
    """"The North Down MP" describes a person; the place before "MP" is not their name."""
    text = 'Mr Farry spoke. The North Down MP said: "It does not work."'
    assert parse_article(text, lang="en").quotes[-1].speaker != "North Down"


def test_a_body_of_two_words_before_an_owner_s() -> None:
    """"added Ernst and Young's Sanjay Mehta": "and" inside the owner's name does not end the
    speaker at "Ernst"."""
    text = ('Investors cheered. "It could ignite interest," added Ernst and Young\'s Sanjay '
            "Mehta.")
    assert parse_article(text, lang="en").quotes[-1].speaker == "Sanjay Mehta"


def test_a_from_phrase_before_the_verb_without_a_closing_comma() -> None:
    """"…," Jeff Halley, senior market analyst, from Oanda told the BBC: the speaker is the
    person before the "from" phrase, with or without a comma before the verb."""
    text = ('Markets fell on Monday. "Traders are nervous and will stay nervous," Jeff Halley, '
            "senior market analyst, from Oanda told the BBC.")
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.speaker, quote.role, quote.affiliation) == (
        "Jeff Halley", "senior market analyst", "Oanda")


def test_a_longer_apposition_before_the_verb_describes_the_name() -> None:
    """"Yan Sayles, BAM Nuttall project manager, said": the role word is the fourth word of
    the apposition; the speaker is still the person, not "manager"."""
    text = ("The bridge opened late. Yan Sayles, BAM Nuttall project manager, said there had "
            'been a lot of issues. He said: "We are ahead of where we thought we would be."')
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.speaker, quote.role, quote.affiliation) == (
        "Yan Sayles", "project manager", "BAM Nuttall")


def test_a_courtesy_title_makes_a_role_word_a_surname() -> None:
    """"Mr King", "Dr Head": after Mr/Ms/Dr the word is a surname, not the role "king"."""
    text = 'Rates were held on Thursday. Mr King said: "We will act if needed."'
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.speaker, quote.speaker_type, quote.role) == ("King", "person", None)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("China's embassy in Hanoi has warned its citizens, referring to the protests as "
         '"illegal gatherings".', "China's embassy"),
        ('The National Prosecution Office in Warsaw said the case was "closed".',
         "National Prosecution Office"),
    ],
)
def test_a_place_after_in_is_not_the_speaker(text: str, speaker: str) -> None:
    """"X in PLACE" with a body, role or statement word before "in": X speaks, not the
    place ("Hanoi", "Warsaw")."""
    assert parse_article(text, lang="en").quotes[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Prices fell. "It was a disaster for everyone involved," said one bondholder in '
         "Singapore who spoke to the BBC.", "one bondholder"),
        ('The study was published. "It is viable to take down almost any website," said the '
         "researchers.", "the researchers"),
        ('The village is quiet now. "Everyone left when the mine closed down," says one '
         "local.", "one local"),
    ],
)
def test_an_unnamed_speaker_after_an_inverted_cue_is_kept_as_written(text: str,
                                                                     speaker: str) -> None:
    """Right after "said" a determiner and a noun are the speaker even without a role word;
    the record keeps the description (it had no speaker, or the previous one carried over)."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.speaker, quote.speaker_type) == (speaker, "anonymous")


def test_a_definite_statement_after_said_is_not_described_as_written() -> None:
    """"said the statement", "said the group": what the article already named, not a new
    unnamed speaker."""
    text = ('Acme Bank issued a statement. "Customers will be refunded in full," said the '
            "statement.")
    assert parse_article(text, lang="en").quotes[-1].speaker != "the statement"


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        ('Yiannis Petrakis, who was head of the Greek Olympic team, also testified. "We must '
         'respect the athletes," said Petrakis.', "head", "Greek Olympic"),
        ('Jane Roe, who is now a lecturer at Leeds University, disagreed. "It is not that '
         'simple," she said.', "lecturer", "Leeds University"),
    ],
)
def test_a_role_in_a_who_clause_after_the_name(text: str, role: str, affiliation: str) -> None:
    """"NAME, who is/was (now) ROLE at BODY,": the relative clause gives the role, as an
    apposition does."""
    quote = parse_article(text, lang="en").quotes[-1]
    assert (quote.role, quote.affiliation) == (role, affiliation)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The document reportedly said: "We want a new alliance of nations."', "The document"),
        ('"We want a new alliance of nations," the memo also said.', "the memo"),
    ],
)
def test_an_adverb_before_the_verb_is_no_part_of_a_description(text: str, speaker: str) -> None:
    """"The document reportedly said": the adverb between a description and its verb is no
    part of the speaker kept as written."""
    assert _only(text)["speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        ('"It should worry every business," said CBP Acting Commissioner Mark Morgan.',
         "Acting Commissioner", "CBP"),
        ('"The plan is reckless," said Shadow Chancellor Jo Smith.', "Shadow Chancellor", None),
        ('"Students come first," said Pro Vice-Chancellor Iwan Davies.',
         "Pro Vice-Chancellor", None),
    ],
)
def test_a_modifier_before_a_role_belongs_to_it(text: str, role: str,
                                                affiliation: str | None) -> None:
    """"CBP Acting Commissioner": a capitalised modifier opens the role; it had been read as
    (the end of) the affiliation."""
    quote = _only(text)
    assert (quote["role"], quote["affiliation"]) == (role, affiliation)


def test_a_role_does_not_reach_back_over_a_sentence_ending_in_a_number() -> None:
    """"… has died aged 86. Foreign Minister X said": the period after the number ends a
    sentence (the token keeps it, as an abbreviation's), so the role starts after it."""
    quote = _only('Jan Kowalski has died aged 86. Foreign Minister Adam Nowak said: "He was '
                  'one of the fathers of our liberty."')
    assert (quote["speaker"], quote["role"]) == ("Adam Nowak", "Foreign Minister")


def test_a_body_named_with_for_before_an_apposition_is_read_whole() -> None:
    """"the Office for Budget Responsibility, the government's forecaster, said": the body's
    name goes on over "for" when the sentence's opening NP is read."""
    quote = _only("But the Office for Budget Responsibility, the government's forecaster, said "
                  'in March: "There remains uncertainty around the final cost."')
    assert quote["speaker"] == "Office for Budget Responsibility"
