import { describe, expect, it } from 'vitest';
import { compareNames, MATCH_THRESHOLD, POSSIBLE_THRESHOLD } from './compare';
import { evaluatePairs } from './evaluate';
import { loadDevPairs } from './dev-pairs.fixture';

// Fictional combinations of regional names.
const expectMatch = (a: string, b: string): void => {
  const result = compareNames(a, b);
  expect(result.decision, `${a} | ${b}: ${result.reasons.join('; ')}`).toBe('match');
};
const expectNoMatch = (a: string, b: string): void => {
  const result = compareNames(a, b);
  expect(result.decision, `${a} | ${b}: ${result.reasons.join('; ')}`).not.toBe('match');
};

describe('compareNames: the same person written differently', () => {
  it.each([
    ['Бранко Ђокић', 'Branko Đokić'], // Serbian Cyrillic / Latin
    ['Branko Đokić', 'Branko Djokic'], // Dj
    ['Branko Đokić', 'BRANKO DOKIC'], // ICAO
    ['Vesna Ćosić', 'Vesna Qosiq'], // Albanian rendering of -ić
    ['Ilir Xhaferi', 'Илир Џафери'], // Slavic rendering of Albanian
    ['Ѓоко Велевски', 'Gjoko Velevski'], // Macedonian digraphs
    ['Щерьо Колев', 'Shteryo Kolev'], // Bulgarian streamlined
    ['Юлия Янева', 'Yuliya Yaneva'],
    ['Σοφία Κανέλλη', 'Sofia Kanelli'], // Greek ELOT
    ['Ευστάθιος Μαυρίδης', 'Efstathios Mavridis'],
    ['Ștefan Ionescu', 'STEFAN IONESCU'], // Romanian
    ['Ştefan Ionescu', 'Ștefan Ionescu'], // cedilla vs comma below
    ['Ömer Güneş', 'Oemer Guenes'], // German-issued MRZ
    ['Ömer Güneş', 'Omer Gunes'],
    ['KOSTIĆ, Dejan', 'Dejan Kostic'], // comma order
    ['Petrakis Nikos', 'Nikos Petrakis'], // order swap
    ['Dejan Milutin Kostić', 'Dejan Kostić'], // dropped middle name
    ['Dejan M. Kostić', 'Dejan Milutin Kostić'], // father's initial
    ['Dejan Kostić', 'Dejan Kostitch'], // suffix variants
    ['Dejan Kostić', 'Dejan Kostič'],
    ['Dejan Kostić', 'Dejan Kosticć'], // typing slip
    ['Dejan Kostić', 'Dejan Kositć'],
    ['Rumyana Dobreva', 'Rumyana Dobrev'], // surname gender form, same given name
    ['Elena Trpevska', 'Elena Trpevski'],
    ['Gjergj Dushi', 'Gjergji Dushi'], // Albanian definite form
    ['Đorđe Lekić', 'Gjorgji Lekić'], // cognate given names
    ['Mehmed Softić', 'Mehmet Softić'],
    ['Hüseyin Kaplan', 'Hysen Kaplan'],
    ['Γιώργος Μαυρίδης', 'Georgios Mavridis'], // Greek colloquial
    ['Vangelis Petridis', 'Evangelos Petridis'],
  ])('%s ~ %s', expectMatch);
});

describe('compareNames: different people a generic matcher would confuse', () => {
  it.each([
    ['Dejan Petrović', 'Dejan Petković'], // attested surnames a letter apart
    ['Dejan Marković', 'Dejan Marinković'],
    ['Dejan Jovanović', 'Dejan Jovanovski'], // cross-language families
    ['Dejan Nikolić', 'Dejan Nikolov'],
    ['Dejan Nikolić', 'Dejan Nikolaou'],
    ['Sorin Popescu', 'Sorin Popović'],
    ['Nikola Kostić', 'Nikolina Kostić'], // given-name gender pairs
    ['Ivan Lekić', 'Ivana Lekić'],
    ['Ivan Trpevski', 'Ivana Trpevska'], // surname gender form, different given name
    ['Goran Simić', 'Goran Šimić'], // full diacritics on both sides differ
    ['Goran Đukić', 'Goran Dukić'],
    ['Valon Shala', 'Valmir Shala'],
    ['Ilir Bekim Hoti', 'Ilir Ramiz Hoti'], // conflicting patronymics
    ['Ilir B. Hoti', 'Ilir R. Hoti'], // conflicting father's initials
    ['Jovan Marić', 'Marko Jovanović'], // token look-alikes
  ])('%s ≠ %s', expectNoMatch);

  it('keeps one side ASCII as a match (either rendering is valid)', () => {
    expectMatch('Goran Simic', 'Goran Šimić');
    expectMatch('Goran Dukic', 'Goran Đukić');
  });
});

describe('compareNames: output', () => {
  it('explains every answer', () => {
    const result = compareNames('Branko Đokić', 'Бранко Ђокић');
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(result.reasons.join(' ')).toMatch(/scripts/u);
    const refused = compareNames('Nikola Kostić', 'Nikolina Kostić');
    expect(refused.reasons.join(' ')).toMatch(/gender/u);
  });

  it('orders the thresholds', () => {
    expect(POSSIBLE_THRESHOLD).toBeLessThan(MATCH_THRESHOLD);
  });

  it('answers "possible" for a similar but unexplained pair', () => {
    expect(compareNames('Dejan Kostić', 'Dejan Kosmić').decision).toBe('possible');
  });

  it('never throws on odd input', () => {
    const odd = ['', ' ', '.', ',', ',,,', 'A', '\u0000\u0007', '🙂🙂', 'x'.repeat(10_000), 'Ђ-Đ-Δ', '\u0301\u0308',
      'A. B. C. D. E. F. G. H. I.', 'Pаvle', '()[]{}', '123 456', 'ǅ ǈ ǋ', '\uD800'];
    for (const a of odd) {
      for (const b of [...odd, 'Dejan Kostić']) {
        const result = compareNames(a, b);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('evaluation on the shared dev set', () => {
  const pairs = loadDevPairs();
  it.skipIf(pairs.length === 0)('reaches precision and recall ≥ 0.95', () => {
    const report = evaluatePairs(pairs);
    expect(report.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.recall).toBeGreaterThanOrEqual(0.95);
  });
});
