import { describe, expect, it } from 'vitest';
import { compareNames, MATCH_THRESHOLD, POSSIBLE_THRESHOLD } from './compare';
import { isAlbanianVowelDefinite, isDerivedGivenName } from './given-forms';
import { suffixChange } from './morphology';
import { digitsAsLetters, ocrConfusion } from './ocr';
import { judgeSlip, surnameLogLikelihood, surnameModel, trainSurnameModel, weakestLettersAtDifference } from './plausibility';
import { germanKey, moldovanToRomanian } from './transcriptions';

// Fictional combinations of regional names; none of them is in the unlisted-surname holdout.
const decision = (a: string, b: string) => compareNames(a, b);
const expectMatch = (a: string, b: string): void => {
  const result = decision(a, b);
  expect(result.decision, `${a} | ${b}: ${result.reasons.join('; ')}`).toBe('match');
};
const expectNoMatch = (a: string, b: string): void => {
  const result = decision(a, b);
  expect(result.decision, `${a} | ${b}: ${result.reasons.join('; ')}`).not.toBe('match');
};

describe('surname endings (morphology.ts): a change of ending is another surname', () => {
  it.each([
    ['kirev', 'kirchev', '-ev / -chev'], ['tabakis', 'tabakos', '-is / -os'], ['ionciu', 'ioncu', '-ciu / -cu'],
    ['jankuloski', 'jankulovski', '-oski / -ovski'], ['moraru', 'morariu', '-aru / -ariu'], ['vranjic', 'vranjcic', '-ic / -cic'],
  ])('%s / %s', (a, b, change) => {
    const found = suffixChange(a, b);
    expect(found && `-${found.from} / -${found.to}`).toBe(change);
  });

  it('leaves stem changes and equal words alone', () => {
    expect(suffixChange('kelmendi', 'kelmnedi')).toBeUndefined();
    expect(suffixChange('petrovic', 'petrovic')).toBeUndefined();
  });

  it.each([
    ['Petko Kirev', 'Petko Kirchev'], ['Ivan Tabakis', 'Ivan Tabakos'], ['Ion Ionciu', 'Ion Ioncu'],
    ['Vlado Jankuloski', 'Vlado Jankulovski'],
  ])('refuses %s ~ %s with the reason', (a, b) => {
    const result = decision(a, b);
    expect(result.decision).toBe('no_match');
    expect(result.reasons.join(' ')).toMatch(/surname ending/u);
  });
});

describe('surname plausibility model (plausibility.ts)', () => {
  it('learns which letter sequences surnames are made of', () => {
    const model = trainSurnameModel(['petrovic', 'markovic', 'jovanovic', 'nikolic']);
    expect(surnameLogLikelihood(model, 'lazovic')).toBeGreaterThan(surnameLogLikelihood(model, 'lazvoic'));
  });

  it('finds the slip where the spellings differ', () => {
    const [real, slip] = weakestLettersAtDifference('radulescu', 'radluescu');
    expect(slip).toBeLessThan(real);
  });

  it('reads a slip as unlikely, and two real surnames a letter apart as plausible', () => {
    expect(judgeSlip('kelmendi', 'kelmnedi', false, false).bothPlausible).toBe(false);
    expect(judgeSlip('stojanovic', 'stojanvic', false, false)).toEqual({ bothPlausible: false, unlikely: 1 });
    expect(judgeSlip('nakov', 'nankov', false, false).bothPlausible).toBe(true);
  });

  it('is built from the lexicon and the frequency lists', () => {
    expect(surnameModel().total).toBeGreaterThan(10_000);
  });

  it.each([
    ['Ljubica Bogdanić', 'Ljubica Bogdnaić'], // swapped letters: a slip
    ['Sorin Dumbravă', 'Sorin Dumbrvă'], // a dropped vowel between consonants
  ])('keeps the typo match %s ~ %s', expectMatch);

  it('keeps a slip of a listed given name a typo (given names are a nearly closed set)', () => {
    expectMatch('Radmila Vukadinović', 'Radmla Vukadinović');
  });

  it('answers "possible" and says why for two plausible unlisted surnames a letter apart', () => {
    const result = decision('Vuk Nakov', 'Vuk Nankov');
    expect(result.decision).toBe('possible');
    expect(result.reasons.join(' ')).toMatch(/plausible surnames/u);
  });
});

describe('Bulgarian ъ in Cyrillic', () => {
  it.each([['Иван Гълъбов', 'Иван Галабов'], ['Петър Вълков', 'Петар Валков'], ['Димо Мъргин', 'Димо Мургин']])('%s ≠ %s', expectNoMatch);

  it('keeps Latin folding and Serbian/Macedonian Cyrillic, which write а for ъ', () => {
    expectMatch('Иван Вълков', 'Ivan Valkov');
    expectMatch('Петър Вълков', 'Петар Вълков'); // one listed given name
    expectMatch('Стојан Валков', 'Стоян Вълков'); // Serbian/Macedonian Cyrillic
  });
});

describe('German and French transcriptions (transcriptions.ts)', () => {
  it.each([
    ['Живко Бойчев', 'Schiwko Boitschew'], ['Захари Зарков', 'Sachari Sarkow'], ['Чавдар Ценов', 'Tschawdar Zenow'],
    ['Жечо Жулев', 'Jetcho Joulev'], ['Шишко Чапов', 'Chichko Tchapov'], ['Stoyan Zhulev', 'Stojan Schulew'],
  ])('%s ~ %s', expectMatch);

  it('merges what German writes alike (з/с as s, ж/ш as sch)', () => {
    expect(germanKey('žezov')).toBe('šesov');
  });

  it('does not join two Latin names through a guess', () => {
    expectNoMatch('Ivan Sopov', 'Ivan Chopov');
    expectNoMatch('Ivan Sarev', 'Ivan Zarev');
  });
});

describe('Turkish renderings', () => {
  it.each([
    ['Džemil Hadžiomerović', 'Cemil Hadžiomerović'], ['Nedžad Kasumović', 'Necat Kasumoviç'],
    ['Hajrudin Salkanović', 'Hayrettin Salkanoviç'], ['Xhelal Tahiraj', 'Celal Tahiraj'],
  ])('%s ~ %s', expectMatch);
});

describe('Moldovan Cyrillic and Russian forms of Romanian names', () => {
  it('reads Moldovan Cyrillic as Romanian, not Russian', () => {
    expect(moldovanToRomanian('кэрэушу')).toBe('cărăușu');
    expect(moldovanToRomanian('ӂуря')).toBe('giurea');
    expect(moldovanToRomanian('морарь')).toBe('morari');
  });

  it.each([
    ['Ion Cărăușu', 'Ион Кэрэушу'], ['Vasile Giurea', 'Василе Ӂуря'], ['Ion Olari', 'Иван Оларь'], ['Mihai Cîrnu', 'Михаил Кырну'],
  ])('%s ~ %s', expectMatch);
});

describe('OCR and keying slips (ocr.ts)', () => {
  it.each([['komar', 'kornar', 'rn/m'], ['radic', 'raclic', 'cl/d'], ['perec', 'percc', 'e/c'], ['lalic', 'laiic', 'l/i']])(
    '%s / %s is %s', (a, b, kind) => expect(ocrConfusion(a, b)).toBe(kind),
  );

  it('reads digits inside words as look-alike letters, in the word’s case and script', () => {
    expect(digitsAsLetters('R0GANOVIC')).toBe('ROGANOVIC');
    expect(digitsAsLetters('Pe1rić')).toBe('Pelrić');
    expect(digitsAsLetters('Ст0янов')).toBe('Стоянов');
    expect(digitsAsLetters('1990')).toBe('1990');
  });

  it.each([['Goran Komarčić', 'Goran Kornarčić'], ['Goran Radanović', 'Goran Raclanović'], ['ILIJA R0GANOVIC', 'Ilija Roganović']])(
    '%s ~ %s', expectMatch,
  );

  it('says that digits were read as letters', () => {
    expect(decision('ILIJA R0GANOVIC', 'Ilija Roganović').reasons.join(' ')).toMatch(/digits/u);
  });
});

describe('initials', () => {
  it('caps an initial at "possible" but ranks it above names that agree on less, with a reason', () => {
    const initial = decision('M. Vukadinović', 'Milorad Vukadinović');
    expect(initial.decision).toBe('possible');
    expect(initial.reasons.join(' ')).toMatch(/only an initial/u);
    expect(initial.score).toBeLessThan(MATCH_THRESHOLD);
    expect(initial.score).toBeGreaterThan(decision('M. Vukadinović', 'Vukadinović').score);
    expect(initial.score).toBeGreaterThan(decision('M. Vukadinović', 'Milorad Vukadinov').score);
    expect(initial.score).toBeGreaterThan(decision('M. Vukadinović', 'Dragan Vukadinović').score);
    expect(decision('M. Vukadinović', 'Dragan Vukadinović').score).toBeLessThan(POSSIBLE_THRESHOLD);
  });
});

describe('Romanian î/â, Albanian definite forms, Greek feminine surnames', () => {
  it.each([
    ['Ion Gîrbovanu', 'Ion Gârbovanu'], ['Elena Stîngaciu', 'Elena Stângaciu'], // î/â spellings
    ['Lulë Ramadani', 'Lula Ramadani'], ['Dhimitër Koçi', 'Dhimitri Koçi'], // Albanian definite
    ['Eleni Charalambidou', 'Eleni Charalambidis'], ['Sofia Kanellopoulou', 'Sofia Kanellopoulos'], // Greek feminine
  ])('%s ~ %s', expectMatch);

  it('knows the Albanian vowel-changing definite forms', () => {
    expect(isAlbanianVowelDefinite('Lulë', 'Lula')).toBe(true);
    expect(isAlbanianVowelDefinite('Dhimitër', 'Dhimitri')).toBe(true);
    expect(isAlbanianVowelDefinite('Lule', 'Lula')).toBe(false);
  });
});

describe('given names built from another are other names', () => {
  it('recognises name-building endings', () => {
    expect(isDerivedGivenName('aleksandra', 'aleksandrina')).toBe(true);
    expect(isDerivedGivenName('marija', 'marijana')).toBe(true);
    expect(isDerivedGivenName('nikola', 'nikolaos')).toBe(false);
  });

  it.each([['Aleksandra Lukić', 'Aleksandrina Lukić'], ['Dimitra Pappa', 'Dimitrina Pappa'], ['Maria Stoica', 'Mariana Stoica']])(
    '%s ≠ %s', expectNoMatch,
  );
});
