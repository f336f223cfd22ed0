/**
 * Does a sentence hold the kind of answer a question asks for? What the ranking and the abstain
 * rule read from a question's best sentence.
 */
import { describe, expect, it } from 'vitest';
import { answerCueStrength, askedWords } from '../../../src/engine/answer/answer-cues.ts';

const cue = (type: Parameters<typeof answerCueStrength>[0], question: string, sentence: string) =>
  answerCueStrength(type, sentence, askedWords(question));

describe('answer cues', () => {
  it('finds a count for "koliko", but not in a year, which says when', () => {
    const question = 'Koliko raket ima Severna Koreja?';
    expect(cue('number', question, 'Severna Koreja ima 40 raket.')).toBe(1);
    expect(cue('number', question, 'Polovica anketirancev ima rakete.')).toBe(1);
    // A figure in a name is no count: "Koliko potnikov …?" is not answered by a model.
    expect(cue('number', question, 'Rakete letijo z letali Boeing 737 MAX 9.')).toBe(0);
    expect(cue('number', question, 'V Bangladešu se je pismenost štirikratno povečala.')).toBe(1);
    // A place is no name of a model: "v Ljubljani 2000 ljudi" counts.
    expect(cue('number', question, 'Po oceni policije je v Ljubljani 2000 ljudi protestiralo.')).toBe(1);
    expect(cue('number', question, 'Od leta 2006 so sprejemali sankcije proti programu raket.')).toBe(0);
    expect(cue('number', question, 'Marca 2019 je preizkusila nove rakete.')).toBe(0);
    // A number in the thousands is still a count.
    expect(cue('number', question, 'Ima okoli 2000 raket.')).toBe(1);
    // The end of a span of years is a year too, but not the end of any span of figures.
    expect(cue('number', question, 'Urad je imela v letih 1981–87.')).toBe(0);
    expect(cue('number', question, 'Prišlo je 2000–3000 ljudi.')).toBe(1);
    // The day or the hour of an event says when: "koliko ljudi je prišlo" is not answered by it.
    expect(cue('number', question, 'Shod bo v soboto, 29. septembra, ob 19.00 uri.')).toBe(0);
    expect(cue('number', question, 'Rok za rakete je potekel 30.6.')).toBe(0);
    expect(cue('number', question, 'Prišlo je 3.000 ljudi.')).toBe(1);
    // Numbers in words in any case: "eden od devetih voditeljev", "štirinajst ljudi".
    expect(cue('number', question, 'Je eden od devetih voditeljev.')).toBe(1);
    expect(cue('number', question, 'Je eden od sedmih voditeljev.')).toBe(1);
    // A span of time is a count only for a question that asks one: "pred sedmimi leti" says when.
    expect(cue('number', question, 'Rakete je preizkusila pred sedmimi leti.')).toBe(0);
    expect(
      answerCueStrength(
        'number',
        'To je bilo pred sedmimi leti.',
        askedWords('Pred koliko leti je preizkusila rakete?', { asksSpan: true }),
      ),
    ).toBe(1);
    expect(cue('number', question, 'Poškodbe je dobilo štirinajst ljudi.')).toBe(1);
    expect(cue('number', question, 'Na shod je prišlo dvajset ljudi.')).toBe(1);
  });

  it('finds a sum of money for "koliko stane", and no other number', () => {
    const question = 'Koliko stane vozovnica?';
    expect(cue('money', question, 'Vozovnica stane 25 evrov.')).toBe(1);
    expect(cue('money', question, 'Stavka jo je stala 100 milijonov € na dan.')).toBe(1);
    expect(cue('money', question, 'Vrednost trga je 2,8 milijarde GBP.')).toBe(1);
    expect(cue('money', question, 'Cena se je dvignila na $45.000.')).toBe(1);
    expect(cue('money', question, 'Prodali so 300 vozovnic.')).toBe(0);
    // Other currencies written out: "585 milijonov nair", "20 lir".
    expect(cue('money', question, 'Obtožili so jo utaje 585 milijonov nair.')).toBe(1);
    expect(cue('money', question, 'Kava stane 20 lir.')).toBe(1);
    // A sum in words, before thousands, millions or billions.
    expect(cue('money', question, 'Namenili so dve milijardi USD.')).toBe(1);
    // A currency is a word of its own: "evropskih" is no "evrov".
    expect(cue('money', question, 'Glasovalo je 27 evropskih držav.')).toBe(0);
    expect(cue('number', question, 'Prodali so 300 vozovnic.')).toBe(1);
  });

  it('finds an age for "koliko je star", and not a span of years', () => {
    const question = 'Koliko je star Kim?';
    expect(cue('age', question, '40-letni Kim je sprejel Putina.')).toBe(1);
    expect(cue('age', question, 'Kim je star 40 let.')).toBe(1);
    expect(cue('age', question, 'Aretirali so tri moške, stare 33, 34 in 39 let.')).toBe(1);
    // A word between the age and "star" ("le", "komaj", "šele", "okoli", "od … do").
    expect(cue('age', question, 'Nekateri so stari le 11 let.')).toBe(1);
    expect(cue('age', question, 'Volivci, stari od 18 do 29 let, so glasovali.')).toBe(1);
    expect(cue('age', question, 'Z mlajšimi volivci, starimi od 18 do 29 let, so govorili.')).toBe(1);
    // … but only before years or months: a date, a count or a sum after the word is no age.
    expect(cue('age', question, 'Sistem je star od 1. januarja.')).toBe(0);
    expect(cue('age', question, 'Moj stari že 3 dni ne govori z mano.')).toBe(0);
    expect(cue('age', question, 'Stari od 5 do 10 evrov so ukinili.')).toBe(0);
    expect(cue('age', question, 'Kim (40) je sprejel Putina.')).toBe(1);
    expect(cue('age', question, 'Umrl je le nekaj dni pred 63. rojstnim dnem.')).toBe(1);
    expect(cue('age', question, 'Kim, 40, je sprejel Putina.')).toBe(1);
    expect(cue('age', question, 'Umrlo je 5 ljudi, 12, 14 in 15.')).toBe(0);
    expect(cue('age', question, 'Umrl je v 40. letu starosti.')).toBe(1);
    expect(cue('age', question, 'Ustreljenec, v 40. letih, je bil na poti domov.')).toBe(1);
    expect(cue('age', question, 'Igralka v poznih 50. letih je nastopila.')).toBe(1);
    // A bare "v 90. letih" is as often a decade of a century.
    expect(cue('age', question, 'Podjetje je bilo ustanovljeno v 90. letih prejšnjega stoletja.')).toBe(0);
    expect(cue('age', question, 'V starosti 14 let se je udeležil iger.')).toBe(1);
    expect(cue('age', question, 'Prišli so ob 9, 10 in 11.')).toBe(0);
    expect(cue('age', question, 'Putin je državo prvič obiskal pred 24 leti.')).toBe(0);
    expect(cue('number', question, 'Putin je državo prvič obiskal pred 24 leti.')).toBe(1);
  });

  it("weighs an age before another person's name as that person's, for a question that names someone", () => {
    const named = (question: string, names: string[], sentence: string) =>
      answerCueStrength('age', sentence, askedWords(question, { names, wholeNames: [names] }));
    const sentence = 'Willoughbyjeva je ustanovila Truly in 52-letni Jones se jima je pridružil.';
    expect(named('koliko je stara holly willoughby', ['holly', 'willoughby'], sentence)).toBe(0.5);
    expect(named('koliko je star Peter Jones', ['peter', 'jones'], sentence)).toBe(1);
    // A question that names no one, or a sentence that does not name the asked person beside the
    // age ("42-letni Škot" in a paragraph about Jack Ross), keeps the age at full strength.
    expect(cue('age', 'koliko je star vlagatelj', sentence)).toBe(1);
    expect(named('koliko je star jack ross', ['jack', 'ross'], '42-letni Škot uživa v izzivu.')).toBe(1);
    // The age between commas after a name is that name's, but not after the sentence's first word;
    // a short name meets its other cases.
    const apposition = 'Peter Jones, 52-letni Britanec, je vložil denar.';
    expect(named('koliko je star Peter Jones', ['peter', 'jones'], apposition)).toBe(1);
    expect(named('koliko je star Jones', ['jones'], 'Vlagatelj, 52-letni Jones, je vložil denar.')).toBe(1);
    expect(named('koliko je star Kim', ['kim', 'putin'], 'Putin se je srečal s 40-letnim Kimom.')).toBe(1);
    // The age between commas after a whole name is that person's: a grandson who shares the
    // asked man's surname is another man.
    const grandson = 'Michael Vann, 72, je dejal, da ga dejanja starega očeta Bernarda Vanna učijo ponižnosti.';
    expect(named('koliko je bil star Bernard Vann', ['bernard', 'vann'], grandson)).toBe(0.5);
    expect(named('koliko je star Michael Vann', ['michael', 'vann'], grandson)).toBe(1);
    // A question that names only a part of the whole name asks that person's age, and a noun
    // opening the sentence before the name changes nothing.
    const saipov = 'Sayfullo Saipov, 29, je z tovornjakom zapeljal na kolesarsko stezo.';
    expect(named('koliko je star Saipov', ['saipov'], saipov)).toBe(1);
    expect(named('koliko je star Saipov', ['saipov'], `Osumljenec ${saipov}`)).toBe(1);
    expect(named('koliko je star Joe Biden', ['joe', 'biden'], 'Predsednik Biden, 81, je odpotoval v Evropo.')).toBe(1);
    expect(named('koliko je star Kim Jong-un', ['kim', 'jong-un'], 'Kim Jong-un, 40, je sprejel Putina.')).toBe(1);
    // A whole name in the question that shares only the surname is another person, named in the
    // sentence or not.
    expect(
      named('koliko je bil star Bernard Vann', ['bernard', 'vann'], 'Michael Vann, 72, je dejal, da je ponosen.'),
    ).toBe(0.5);
    // Only the question's names are names: "let" does not make "Leta" one.
    expect(named('koliko let je imel Kim', ['kim'], 'Leta 2019 se je 52-letni Jones preselil.')).toBe(1);
  });

  it('finds a length, distance or weight for "kako visok", with its unit, and not a bare number', () => {
    const question = 'Kako visok je bil Sims?';
    expect(cue('measure', question, 'Sims, 198-centimetrski mladinec, je odrasel v Baton Rougu.')).toBe(1);
    expect(cue('measure', question, 'Vulkan leži 72 kilometrov od glavnega mesta.')).toBe(1);
    expect(cue('measure', question, 'Stolp je visok 3,5 m.')).toBe(1);
    expect(cue('measure', question, 'Tovor tehta 40 ton.')).toBe(1);
    // Numbers written as words, alone or as part of the adjective.
    expect(cue('measure', question, 'Mesto so opustošili valovi, visoki do šest metrov.')).toBe(1);
    expect(cue('measure', question, 'Šestmetrski valovi so udarili ob obalo.')).toBe(1);
    expect(cue('measure', question, 'Prišlo je dvajset ton pomoči.')).toBe(1);
    expect(cue('measure', question, 'Trije metri snega so zapadli na dveh metrih višine.')).toBe(1);
    expect(cue('measure', question, 'Zid je visok petindvajset metrov.')).toBe(1);
    expect(cue('measure', question, 'V mestu metrov ni.')).toBe(0);
    // "kako visoka je varščina" asks a sum in the same words.
    expect(cue('measure', question, 'Varščina znaša 350.000 USD.')).toBe(1);
    expect(cue('measure', question, 'Sims je imel 20 let.')).toBe(0);
    expect(cue('measure', question, 'V mestu živi 5 mio ljudi.')).toBe(0);
    expect(cue('measure', question, 'Sestanek se je začel ob 10. uri, ha, kdo bi vedel.')).toBe(0);
  });

  it('finds a share for "koliko odstotkov", with its figure', () => {
    const question = 'Za koliko odstotkov se je povečalo število?';
    expect(cue('percent', question, 'Gre za 14-odstotno povečanje.')).toBe(1);
    expect(cue('percent', question, 'Podpira jih več kot 80 odstotkov ljudi.')).toBe(1);
    expect(cue('percent', question, 'Delež je 20 %.')).toBe(1);
    expect(cue('percent', question, 'Okuženih je 820.000 ljudi.')).toBe(0);
    // a share in words
    expect(cue('percent', question, 'Dvajset odstotkov ljudi jih podpira.')).toBe(1);
    expect(cue('percent', question, 'Štirje od desetih ljudi jih podpirajo.')).toBe(1);
    expect(cue('percent', question, 'Podpira jih polovica ljudi.')).toBe(1);
    expect(cue('percent', question, 'Podpira jih vsak tretji.')).toBe(1);
    expect(cue('percent', question, 'Podpirajo jih štirje ljudje.')).toBe(0);
    // not a half of a match or of a year, a number that starts alike, a weekday, a frequency or a date
    expect(cue('percent', question, 'V drugi polovici tekme so jih podprli.')).toBe(0);
    expect(cue('percent', question, 'Podprlo jih je petindvajset ljudi.')).toBe(0);
    expect(cue('percent', question, 'Podpirajo jih vsak petek.')).toBe(0);
    expect(cue('percent', question, 'Podpirajo jih vsak drugi dan.')).toBe(0);
    expect(cue('percent', question, 'Podpirajo jih 7. junija 2024 od 18. ure.')).toBe(0);
  });

  it('reads one week, one day, a month and a year of days as a span of time a how-long question asks', () => {
    const question = 'Koliko časa sta se poznala?';
    const span = (sentence: string, asked = question) =>
      answerCueStrength('number', sentence, askedWords(asked, { asksSpan: true }));
    expect(span('Poznala sta se le en teden.')).toBe(1);
    expect(span('Poznala sta se eno leto.')).toBe(1);
    expect(span('Tovarno so za mesec dni zaprli.')).toBe(1);
    // also where the question asks in months, whose word starts as "mesec" does
    expect(span('Stavka je trajala mesec dni.', 'Koliko mesecev je trajala stavka?')).toBe(1);
    // "ena" is no count before anything else
    expect(span('Ena ženska je odšla.')).toBe(0);
  });

  it('finds a reason in "zaradi", "ker", a named cause or consequence, and an explanation', () => {
    const question = 'Zakaj so zaprli urad?';
    expect(cue('reason', question, 'Urad so zaprli zaradi stavke.')).toBe(1);
    expect(cue('reason', question, 'Zaprtje je posledica stavke.')).toBe(1);
    expect(cue('reason', question, 'Razlog za zaprtje je stavka.')).toBe(1);
    expect(cue('reason', question, 'Uslužbenci namreč stavkajo.')).toBe(1);
    expect(cue('reason', question, 'Urad so zaprli v ponedeljek.')).toBe(0);
    // a cause the question names itself is no answer, nor a consequence that is only the topic
    expect(cue('reason', 'Kateri so razlogi za stavko?', 'Razlogov za stavko sindikat ni navedel.')).toBe(0);
    expect(cue('reason', question, 'Posledice zaprtja so nepredvidljive.')).toBe(0);
  });

  it('reads a clause of "kadar" (whenever) as saying when, but not "kadar koli" (ever)', () => {
    const question = 'Kdaj premieri obdržijo službo?';
    expect(cue('time', question, 'Premieri ohranijo svojo službo, kadar izpolnjujejo obljube.')).toBe(1);
    expect(cue('time', question, 'Premieri ohranijo svojo službo, če izpolnjujejo obljube.')).toBe(0);
    // "kadar koli" is "ever", no time: "bolj udobno kot kadar koli prej".
    expect(cue('time', question, 'Premieri se počutijo bolj udobno kot kadar koli prej.')).toBe(0);
  });

  it('reads a month in any case or its adjective as saying when, but not a word that only starts as one ("majhen")', () => {
    const question = 'Kdaj je Lamb zmagal?';
    expect(cue('time', question, 'Lamb je zmagal na marčevskih posebnih volitvah.')).toBe(1);
    expect(cue('time', question, 'Lamb je zmagal septembra.')).toBe(1);
    expect(cue('time', question, 'Lamb je zmagal z majhno prednostjo.')).toBe(0);
    expect(cue('time', question, 'Lamb je zmagal v novi majici.')).toBe(0);
    // Each month takes its own endings: "Majer" and "Marc" are names.
    expect(cue('time', question, 'Lamb je zmagal, Majer in Marc sta izgubila.')).toBe(0);
  });

  it('reads a day named by when it is ("pozneje tega dne", "naslednji dan") as saying when, but not as which day', () => {
    const question = 'Kdaj bo odločala porota?';
    expect(cue('time', question, 'Sodnik je dejal, da bo pozneje tega dne presojala porota.')).toBe(1);
    expect(cue('time', question, 'Porota je o primeru odločila naslednji dan.')).toBe(1);
    expect(cue('time', question, 'Porota o tem še ni odločila.')).toBe(0);
    const day = answerCueStrength(
      'time',
      'Porota je odločila naslednji dan.',
      askedWords('Katerega dne je odločila porota?', { asksDay: true }),
    );
    expect(day).toBe(0);
  });

  it('answers a question for a name with a name, not with a role', () => {
    const forName = (question: string, sentence: string) =>
      answerCueStrength('person', sentence, askedWords(question, { asksName: true }));
    expect(forName('Kako se imenuje vulkan?', 'Vulkan, ki ga imenujejo Goyo, je aktiven.')).toBe(0.5);
    expect(forName('Kako je ime psu?', 'Psa je na sprehod peljal njegov trener.')).toBe(0);
    // A who-question is answered by a role too; both want two names for full strength.
    expect(cue('person', 'Kdo je peljal psa?', 'Psa je na sprehod peljal njegov trener.')).toBe(0.5);
    expect(cue('person', 'Kdo je peljal psa?', 'Psa je peljal Don Goyo.')).toBe(1);
  });

  it('answers which calendar day only with a date or a weekday, not with "danes"', () => {
    const day = (question: string, sentence: string) =>
      answerCueStrength('time', sentence, askedWords(question, { asksDay: true }));
    expect(day('Katerega dne sta podpisala sporazum?', 'Danes sta podpisala sporazum.')).toBe(0);
    expect(day('Katerega dne sta podpisala sporazum?', 'Lani sta podpisala sporazum.')).toBe(0);
    expect(day('Katerega dne jo je obiskal?', 'Prvič jo je obiskal pred 24 leti.')).toBe(0);
    expect(day('Katerega dne jo je obiskal?', 'Obiskal jo je v prejšnjem tednu.')).toBe(0);
    expect(day('Katerega dne sta podpisala sporazum?', 'Podpisala sta ga 19. junija.')).toBe(1);
    expect(day('Katerega dne sta podpisala sporazum?', 'Podpisala sta ga v petek.')).toBe(1);
    // A month alone says when, not which day.
    expect(day('Katerega dne sta podpisala sporazum?', 'Podpisala sta ga junija.')).toBe(0);
    expect(day('Katerega dne jo je obiskal?', 'Obiskal jo je pred tremi dnevi.')).toBe(0);
    expect(day('Katerega dne jo je obiskal?', 'Obiskal jo je leta 2019.')).toBe(0);
    // "Kdaj" is answered by "danes".
    expect(cue('time', 'Kdaj sta podpisala sporazum?', 'Danes sta podpisala sporazum.')).toBe(1);
  });

  it('answers at what time of day only with a clock time or a part of the day, not with a day', () => {
    const clock = (question: string, sentence: string) =>
      answerCueStrength('time', sentence, askedWords(question, { asksClock: true }));
    expect(clock('Ob kateri uri so ga našli?', 'Našli so ga v soboto.')).toBe(0);
    expect(clock('Ob kateri uri so ga našli?', 'Našli so ga 30. septembra.')).toBe(0);
    expect(clock('Ob kateri uri so ga našli?', 'Našli so ga pred tremi dnevi.')).toBe(0);
    expect(clock('Ob kateri uri so ga našli?', 'Našli so ga v soboto ob približno 4.00.')).toBe(1);
    expect(clock('Ob kateri uri so ga našli?', 'Našli so ga ob 19:30.')).toBe(1);
    expect(clock('Ob kateri uri so ga našli?', 'Našli so ga pred 7. uro.')).toBe(1);
    expect(clock('Ob kateri uri so ga našli?', 'Našli so ga v soboto zjutraj.')).toBe(1);
    // A time of day still answers "kdaj", and a question for a day is not answered by it alone.
    expect(cue('time', 'Kdaj so ga našli?', 'Našli so ga ob 19:30.')).toBe(1);
    const day = (question: string, sentence: string, asksClock = false) =>
      answerCueStrength('time', sentence, askedWords(question, { asksDay: true, asksClock }));
    expect(day('Katerega dne?', 'Našli so ga ob 19:30.')).toBe(0);
    // A clock time is told by its hour: a question that names the 30th still finds "ob 19.30" new.
    expect(clock('Ob kateri uri so ga našli 30. septembra?', 'Našli so ga 30. septembra ob 19.30.')).toBe(1);
    // A question for both a day and a time of day is answered by either.
    expect(day('Katerega dne in ob kateri uri so ga našli?', 'Našli so ga v soboto ob 19.30.', true)).toBe(1);
    expect(day('Katerega dne in ob kateri uri so ga našli?', 'Našli so ga v soboto.', true)).toBe(1);
    // After "do" or "od", a figure whose second part could be a month is a date, not a clock time.
    expect(day('Do katerega dne zbirajo prijave?', 'Prijave zbirajo do 15.12.')).toBe(1);
    expect(clock('Ob kateri uri zbirajo prijave?', 'Prijave zbirajo do 15.12.')).toBe(0);
    expect(clock('Ob kateri uri zbirajo prijave?', 'Prijave zbirajo do 17.00.')).toBe(1);
    // Nor is a match clock past 24 hours.
    expect(clock('Ob kateri uri je padel gol?', 'Gol je padel ob 27:37 tretje tretjine.')).toBe(0);
  });

  it('finds nothing new in the month the question names itself, in another case ("v marcu", "marca")', () => {
    expect(cue('time', 'Katerega dne v marcu je vložila veto?', 'Rusija je marca vložila veto.')).toBe(0);
    expect(cue('time', 'Katerega dne v maju je prišel?', 'Prišel je maja.')).toBe(0);
    expect(cue('time', 'Katerega meseca je vložila veto?', 'Rusija je marca vložila veto.')).toBe(1);
    // Nor in the month an English question names, bridged to its Slovenian key ("marc").
    expect(
      answerCueStrength('time', 'Rusija je marca vložila veto.', askedWords('When in March?', { bridged: ['marc'] })),
    ).toBe(0);
  });

  it('reads a figure as a time only where it is one: a year, a clock time, a date or a span', () => {
    const question = 'Kdaj so imeli urad?';
    expect(cue('time', question, 'Urad so imeli v letih 1981–87.')).toBe(1);
    expect(cue('time', question, 'Našli so jo ob 7.55 v stavbi.')).toBe(1);
    expect(cue('time', question, 'Nesreča se je zgodila ob približno 10.15 po poletnem času.')).toBe(1);
    expect(cue('time', question, 'Pišite z navedbo dne 30. septembra.')).toBe(1);
    expect(cue('time', question, 'Obalo je izgubila v sporu s Čilom v 19. stoletju.')).toBe(1);
    expect(cue('time', question, 'Ministri so mandat potrdili pred božičem.')).toBe(1);
    expect(cue('time', question, 'Obiskal jo je pred 24 leti.')).toBe(1);
    expect(cue('time', question, 'Gol je dosegel v 29. minuti.')).toBe(1);
    // A span in words says when next to "pred" or "po", and is a duration alone.
    expect(cue('time', question, 'Pismo je poslala tri dni pred izstopom.')).toBe(1);
    expect(cue('time', question, 'Urad so odprli pred petimi dnevi.')).toBe(1);
    expect(cue('time', question, 'Urad so odprli pred sedmimi tedni.')).toBe(1);
    expect(cue('time', question, 'Urad so odprli pred dvema urama.')).toBe(1);
    expect(cue('time', question, 'Žensko je poznal približno dva tedna.')).toBe(0);
    // "naslednji mesec" says when, as "naslednji teden" does; a monthly wage does not.
    expect(cue('time', question, 'Urad bo obiskal naslednji mesec.')).toBe(1);
    expect(cue('time', question, 'Urad je dobil mesečno plačo.')).toBe(0);
    expect(cue('time', question, 'Urad je dobil tedensko plačo.')).toBe(0);
    expect(cue('time', question, 'Urad bo zaprt do konca tega meseca.')).toBe(1);
    expect(cue('time', question, 'Urad so zaprli pred enim mesecem.')).toBe(1);
    expect(cue('time', question, 'Urade ima vsaj 25 zveznih držav.')).toBe(0);
    // An age is no time: "stare 33, 34 in 39 let" says how old, not when.
    expect(cue('time', question, 'Tri moške, stare 33, 34 in 39 let, so aretirali.')).toBe(0);
    expect(cue('time', question, 'Moški, ki je bil 39 let star, je urad zapustil.')).toBe(0);
    expect(cue('time', question, 'Otroci, stari komaj 11 let, so odprli račun.')).toBe(0);
    expect(cue('time', question, 'Volivci, stari od 18 do 29 let, so glasovali.')).toBe(0);
    expect(cue('time', question, 'Moškega, starega 45 let, so izpustili.')).toBe(0);
    expect(cue('time', question, 'Deklico, staro 3 leta, so našli.')).toBe(0);
    expect(cue('time', question, 'Umrl je v starosti 33 let.')).toBe(0);
    expect(cue('time', question, 'Rok je potekel 30.6.')).toBe(1);
    expect(cue('time', question, 'Kava stane 2.50 evra.')).toBe(0);
    expect(cue('time', question, 'Sredi mesta je petkrat zmagal.')).toBe(0);
    // Nor is every word that starts like a weekday one ("Peter", "sredina").
    expect(cue('time', question, 'Peter je stal na sredini.')).toBe(0);
  });

  it('reads the hour written as an ordinal, a part of the day and a week named as this or last one as a time', () => {
    const question = 'Kdaj so odprli urad?';
    expect(cue('time', question, 'Urad so odprli malo pred 7. uro.')).toBe(1);
    expect(cue('time', question, 'Urad so odprli ob 10. uri.')).toBe(1);
    expect(cue('time', question, 'Urad so odprli sinoči.')).toBe(1);
    expect(cue('time', question, 'Urad so odprli v torek popoldne.')).toBe(1);
    expect(cue('time', question, 'Urad so odprli na začetku tega tedna.')).toBe(1);
    expect(cue('time', question, 'Urad so odprli konec tedna.')).toBe(1);
    // A count of weeks says how long, not when; an ordinal before another noun is no hour.
    expect(cue('time', question, 'Urad so odpirali dva tedna.')).toBe(0);
    expect(cue('time', question, 'Urad so odprli v 3. nadstropju.')).toBe(0);
    expect(cue('time', question, 'Urad so odprli po 3. uredbi.')).toBe(0);
    // The hour answers a question that says "uri" itself: the figure is what is new.
    expect(cue('time', 'Ob kateri uri so odprli urad?', 'Urad so odprli ob 10. uri.')).toBe(1);
    expect(cue('time', 'Do katere ure je odprt urad?', 'Urad je odprt do 20. ure.')).toBe(1);
    expect(cue('time', 'V katerem stoletju so odprli urad?', 'Urad so odprli v 12. stoletju.')).toBe(1);
  });

  it('finds a time for "kdaj", and does not count what the question already says', () => {
    expect(cue('time', 'Kdaj je bil podpisan?', 'Podpisali so ga junija 2024.')).toBe(1);
    expect(cue('time', 'Kaj se je zgodilo junija?', 'Junija so ga podpisali.')).toBe(0);
    // "leta 2020" is one time, the year the question names, not "leta" and a year.
    expect(cue('time', 'Do kdaj se bo odločil o kandidaturi 2020?', 'Kandidat na volitvah leta 2020 je Biden.')).toBe(
      0,
    );
    expect(cue('time', 'Do kdaj se bo odločil o kandidaturi?', 'Kandidat na volitvah leta 2020 je Biden.')).toBe(1);
    expect(cue('time', 'Kdaj se bo odločil?', 'Odločil se bo do konca leta.')).toBe(1);
    expect(cue('time', 'Kdaj so prišli?', 'Vsa leta 15000 ljudi pride.')).toBe(1);
    // a particle between "pred" and a span in words
    expect(cue('time', 'Kdaj je rodila?', 'Otroka je rodila pred le dvema mesecema.')).toBe(1);
    expect(cue('time', 'Kdaj je odšel?', 'Odšel je pred skoraj tremi leti.')).toBe(1);
    expect(cue('time', 'Kdaj je odšel?', 'Odšel je pred dobrima dvema letoma.')).toBe(1);
  });

  it('needs two new names for full strength on "kdo", and none of the question', () => {
    expect(cue('person', 'Kdo je pozdravil Putina?', 'Putina je pozdravil Kim.')).toBe(0.5);
    expect(cue('person', 'Kdo je pozdravil Putina?', 'Pozdravila sta ga Kim in Choe.')).toBe(1);
  });

  it('counts a noun of a role as a person for "kdo", but not the words that only start like one', () => {
    const question = 'Kdo je najboljši prijatelj Severne Koreje?';
    expect(cue('person', question, 'Ruskega kolega je označil za najboljšega prijatelja.')).toBe(0.5);
    expect(cue('person', question, 'Srečal se je s takratnim voditeljem Kim Jong-ilom.')).toBe(1);
    expect(cue('person', question, 'Pismo je poslala v Združeno kraljestvo, ministrstvo ga je igralo.')).toBe(0);
    expect(cue('person', question, 'Britanska premierka je odgovorila.')).toBe(0.5);
    expect(cue('person', question, 'Na premieri filma so bili vsi.')).toBe(0);
    // A role the question names is no answer to it.
    expect(cue('person', 'Kdo je ruski predsednik?', 'Ruski predsednik je prišel.')).toBe(0);
  });

  it('counts only places the question does not name itself for "kam"', () => {
    const question = 'Kam bo Putin odpotoval iz Pjongjanga?';
    expect(cue('place', question, 'Putin je prispel v Pjongjang.')).toBe(0);
    expect(cue('place', question, 'Iz Pjongjanga bo odpotoval v Vietnam.')).toBe(0.5);
  });

  it('reads a place named after a noun of place ("v mestu Liupanshui", "v zvezni državi Teksas")', () => {
    const question = 'V katerem mestu je prašič ubil kmeta?';
    expect(cue('place', question, 'Našli so ga na tržnici v mestu Liupanshui v provinci Guizhou.')).toBe(1);
    expect(cue('place', 'Kje so jo pridržali?', 'Pridržali so jo v zvezni državi Teksas.')).toBe(0.5);
    expect(cue('place', 'Kje so jo pridržali?', 'V ameriški zvezni državi Teksas so jo pridržali.')).toBe(0.5);
    expect(cue('place', 'Kje so ga napadli?', 'Napadli so ga v soseski Ballyhackamore.')).toBe(0.5);
    expect(cue('place', 'Kje so ga napadli?', 'Napadli so ga v vzhodnem predelu Belfasta.')).toBe(0.5);
    // The noun alone names no place, nor a shop, nor a word that ends like a preposition.
    expect(cue('place', question, 'Našli so ga v mestu, kjer je živel.')).toBe(0);
    expect(cue('place', question, 'Kupil ga je v trgovini Mercator.')).toBe(0);
    expect(cue('place', question, 'Močna Nemčija je zmagala.')).toBe(0);
    // After another preposition, the noun of place is what makes the name a place.
    const where = 'Kje se je zgodila nesreča?';
    expect(cue('place', where, 'Zgodila se je blizu križišča med ulicama Bestwood Street in Evelyn Street.')).toBe(0.5);
    expect(cue('place', where, 'Zgodila se je med obiskom Putina.')).toBe(0);
    // A sentence's first word is capitalised without being a name.
    expect(cue('place', where, 'Indonezijsko mesto Palu je prizadel potres.')).toBe(0.5);
    // Nor after a bracket, a quote or a dash inside the sentence.
    expect(cue('place', where, 'Pomoč so poslale tudi (Združene države Amerike).')).toBe(0);
    expect(cue('place', where, 'Dejal je: »Združene države Amerike so pomagale.«')).toBe(0);
    // "predelali" is no "predel" (district).
    expect(cue('place', where, 'Nato so predelali Fordove avtomobile.')).toBe(0);
    // A noun of place inside a name is no second place.
    expect(cue('place', where, 'Sporočil je, da nezaupanje v Združene države Amerike raste.')).toBe(0.5);
  });

  it("counts the Slovenian words an English question was bridged to as the question's own", () => {
    const sentence = 'Putin je bil v Severni Koreji.';
    expect(answerCueStrength('place', sentence, askedWords('Where is North Korea?'))).toBe(0.5);
    expect(
      answerCueStrength('place', sentence, askedWords('Where is North Korea?', { bridged: ['severn', 'korej'] })),
    ).toBe(0);
  });
});
