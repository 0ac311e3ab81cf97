import { describe, expect, it } from 'vitest';
import { ScreeningKeyIndex } from './screening.index';

const now = new Date('2026-06-01T10:00:00Z');
const alert = (id: string, keys: string[], dateOfBirth: string | null = null) => ({ id, keys, active: true, validFrom: 0, validUntil: now.getTime() + 86_400_000, dateOfBirth });

describe('the key index as typed arrays', () => {
  it('answers the same after thousands of replacements and removals (the key pool compacted on the way)', () => {
    const index = new ScreeningKeyIndex();
    for (let round = 0; round < 3000; round += 1) {
      // A pair key held by one alert, a surname held by several.
      index.put(`a${round % 7}`, alert(`a${round % 7}`, [`p:marko+petrovic${round}`, 'n:petrovic', `n:x${round % 3}`]));
    }
    for (let i = 0; i < 2000; i += 1) index.put(`b${i}`, alert(`b${i}`, ['n:other']));
    for (let i = 0; i < 2000; i += 1) index.put(`b${i}`, null);
    expect(index.size).toBe(7);
    const shared = index.candidatesByKeys(['n:petrovic'], now);
    expect(new Set(shared.alertIds)).toEqual(new Set(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']));
    // Only the last pair key of each alert is still held; the removed alerts' key is gone.
    expect(index.candidatesByKeys(['p:marko+petrovic2999'], now)).toMatchObject({ alertIds: [`a${2999 % 7}`], foundKeys: ['p:marko+petrovic2999'] });
    expect(index.candidatesByKeys(['p:marko+petrovic0', 'n:other'], now)).toMatchObject({ alertIds: [], foundKeys: [] });
  });

  it('keeps the screened date of birth first among homonyms and drops alerts out of their validity', () => {
    const index = new ScreeningKeyIndex();
    index.put('old', { ...alert('old', ['n:ana', 'n:anic'], '1970-01-01'), validUntil: now.getTime() - 1 });
    index.put('x', alert('x', ['n:ana', 'n:anic'], '1980-02-03'));
    index.put('y', alert('y', ['n:ana', 'n:anic'], '1985-10-10'));
    expect(index.candidatesByKeys(['n:ana', 'n:anic'], now, { dateOfBirth: '1985-10-10' }).alertIds).toEqual(['y', 'x']);
    expect(index.candidatesByKeys(['n:ana', 'n:anic'], now, { dateOfBirth: '1980-02-03' }).alertIds).toEqual(['x', 'y']);
    index.put('y', null);
    index.put('x', null);
    expect(index.candidatesByKeys(['n:ana'], now).alertIds).toEqual([]);
  });
});
