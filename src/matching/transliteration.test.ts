import { describe, expect, it } from 'vitest';
import { cyrillicToFine, detectCyrillicLanguage } from './cyrillic';
import { foldToAscii, normalizeNameForDisplay } from './fold';
import { greekReadings, greekToElot } from './greek';
import { detectScript, hasMixedScriptWord } from './script';

describe('script detection', () => {
  it.each([
    ['Vesna Radić', 'latin'],
    ['Весна Радић', 'cyrillic'],
    ['Σοφία Κανέλλη', 'greek'],
    ['Vesna Радић', 'mixed'],
    ['12 34', 'none'],
  ])('%s is %s', (text, script) => expect(detectScript(text)).toBe(script));

  it('finds a Cyrillic letter hidden in a Latin word', () => {
    expect(hasMixedScriptWord('Pаvle Lukić')).toBe(true); // Cyrillic а
    expect(hasMixedScriptWord('Pavle Лукић')).toBe(false);
  });
});

describe('Cyrillic', () => {
  it('guesses the language from its letters', () => {
    expect(detectCyrillicLanguage('Бранко Ђокић')).toBe('sr_mk');
    expect(detectCyrillicLanguage('Ѓоко Велевски')).toBe('sr_mk');
    expect(detectCyrillicLanguage('Щерьо Ъгленов')).toBe('bg');
    expect(detectCyrillicLanguage('Эдуард Рыжов')).toBe('ru');
  });

  it.each([
    ['Ђурђевић', 'sr_mk', 'đurđević'],
    ['Љубица Њежић', 'sr_mk', 'ljubica nježić'],
    ['Џафер Ћосић', 'sr_mk', 'džafer ćosić'],
    ['Ѓорѓиевски', 'sr_mk', 'đorđievski'],
    ['Ќиро Ѕвездан', 'sr_mk', 'ćiro dzvezdan'],
    ['Щерьо', 'bg', 'šterjo'],
    ['Ъгленов', 'bg', 'aglenov'],
    ['Юлия Янева', 'bg', 'julija janeva'],
    ['Щукин', 'ru', 'ščukin'],
    ['Джамбазов', 'bg', 'džambazov'],
  ] as const)('%s (%s) → %s', (input, language, expected) => {
    expect(input.split(' ').map((w) => cyrillicToFine(w, language)).join(' ')).toBe(expected);
  });
});

describe('Greek ELOT 743', () => {
  it.each([
    ['Παπαδημητρίου', 'papadimitriou'],
    ['Ευστάθιος', 'efstathios'],
    ['Ευάγγελος', 'evangelos'],
    ['Αυγερινός', 'avgerinos'],
    ['Αγκαθοπούλου', 'agkathopoulou'],
    ['Χατζηγιάννης', 'chatzigiannis'],
    ['Ψαρράς', 'psarras'],
    ['Ξυδάκης', 'xydakis'],
  ])('%s → %s', (greek, latin) => expect(greekToElot(greek)).toBe(latin));

  it('offers the other systems as alternative readings', () => {
    const readings = greekReadings('Μπαλτάς');
    expect(readings).toContain('mpaltas');
    expect(readings).toContain('baltas');
    expect(greekReadings('Βαρδής')).toContain('bardis');
    expect(greekReadings('Οικονομίδης')).toContain('ekonomidis');
  });
});

describe('folding', () => {
  it('folds every script to lowercase ASCII', () => {
    expect(foldToAscii('Šćekić Đurđa')).toBe('scekic durda');
    expect(foldToAscii('Ђурђа Шћекић')).toBe('durda scekic');
    expect(foldToAscii('Țepeș Ștefănescu')).toBe('tepes stefanescu');
    expect(foldToAscii('İlkay Çağlar Güneşoğlu')).toBe('ilkay caglar gunesoglu');
    expect(foldToAscii('Σοφία Κανέλλη')).toBe('sofia kanelli');
    expect(foldToAscii('Shkëlqim Rrëmbeci')).toBe('shkelqim rrembeci');
  });

  it('unifies Romanian cedilla forms and whitespace for display', () => {
    expect(normalizeNameForDisplay('  Ştefan   Ţicău ')).toBe('Ștefan Țicău');
  });
});
