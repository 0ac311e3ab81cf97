import { describe, expect, it } from 'vitest';
import { nameIndexKeyPairs, nameIndexKeys } from '../../../matching';
import { ScreeningKeyIndex } from './screening.index';

const keysOf = (name: string) => [...nameIndexKeyPairs(name), ...nameIndexKeys(name)];
const alert = (id: string, name: string, dateOfBirth: string | null = null) => ({ id, keys: keysOf(name), active: true, validFrom: 0, validUntil: Date.now() + 86_400_000, dateOfBirth });

describe('the typo fallback over the index vocabulary', () => {
  const index = new ScreeningKeyIndex();
  index.put('josif', alert('josif', 'Josif Petrović'));
  index.put('marko', alert('marko', 'Marko Petrović'));
  index.put('arben', alert('arben', 'Arben Sylaj'));

  it('replaces a word the register does not hold by held words one edit away, also inside pair keys', () => {
    const keys = index.typoKeys(keysOf('Jsoif Petrovic'));
    expect(keys).toEqual(expect.arrayContaining(['n:osif', 'p:osif+petrovic']));
    expect(keys).not.toContain('n:marko');
    expect(index.candidatesByKeys(keys, new Date()).alertIds[0]).toBe('josif');
  });

  it('corrects nothing that is held or too far, and forgets the words of a removed alert', () => {
    expect(index.typoKeys(keysOf('Marko Petrovic'))).toEqual([]);
    expect(index.typoKeys(keysOf('Zzzzzz Qqqqqq'))).toEqual([]);
    index.put('josif', null);
    expect(index.typoKeys(keysOf('Jsoif Petrovic'))).toEqual([]);
  });
});

describe('the near pair keys', () => {
  const index = new ScreeningKeyIndex();
  index.put('visar', alert('visar', 'Visar Popescu'));
  index.put('kiro', alert('kiro', 'Киро Попесцу'));
  index.put('gent', alert('gent', 'Gent Michailidis'));

  it('find both words together under a near spelling of a word the register also holds alone', () => {
    const keys = keysOf('Висар Попесцу');
    // The Cyrillic surname is keyed under another reading, which another alert holds alone.
    expect(index.candidatesByKeys(keys, new Date()).foundKeys.filter((key) => key.startsWith('p:'))).toEqual([]);
    expect(index.nearPairKeys(keys)).toContain('p:popesku+visar');
    expect(index.candidatesByKeys(index.nearPairKeys(keys), new Date()).alertIds).toEqual(['visar']);
  });

  it('change no letter of a short word, and nothing of a pair the register holds', () => {
    expect(index.nearPairKeys(keysOf('Genc Michailidis'))).toEqual([]);
    expect(index.nearPairKeys(keysOf('Visar Popescu'))).toEqual([]);
  });
});

describe('the cap on tied candidates', () => {
  it('keeps the screened date of birth first, then the rarer name, and reports the rest as dropped', () => {
    const index = new ScreeningKeyIndex();
    index.put('a', alert('a', 'Ana Kovač'));
    index.put('b', alert('b', 'Ana Kovač Zdravković'));
    index.put('c', alert('c', 'Ana Kovač', '1990-01-01'));
    for (let i = 0; i < 5; i += 1) index.put(`other-${i}`, alert(`other-${i}`, `Ana Kovač Marić`));
    const keys = [...nameIndexKeyPairs('Ana Kovac'), ...nameIndexKeys('Ana Kovac')];
    const capped = index.candidatesByKeys(keys, new Date(), { dateOfBirth: '1990-01-01', tiedCap: 2 });
    expect(capped.alertIds).toEqual(['c', 'b']);
    expect(capped.droppedIds).toHaveLength(6);
    expect(index.candidatesByKeys(keys, new Date()).droppedIds).toEqual([]);
  });
});
