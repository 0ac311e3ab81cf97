import { describe, expect, it } from 'vitest';
import { type PersonCandidate, decideWithFacts, scorePersonCandidates, weighFacts } from './screening.scoring';

const alert: PersonCandidate = { alertId: 'a', names: ['Ђорђевић Ђорђе'], dateOfBirth: '1984-03-12', nationality: 'RS', sex: 'male', documentNumbers: ['P1234567'] };

function screen(query: Parameters<typeof scorePersonCandidates>[0], candidate: PersonCandidate = alert) {
  const [result] = scorePersonCandidates(query, [candidate]);
  return { ...result!, codes: result!.reasons.map((reason) => reason.code) };
}

describe('the decision on a screening', () => {
  it('is a match on the name alone, and on a name with an agreeing date of birth', () => {
    expect(screen({ name: 'Djordjevic Djordje' }).decision).toBe('match');
    const agreeing = screen({ name: 'Djordjevic Djordje', dateOfBirth: '1984-03-12' });
    expect(agreeing).toMatchObject({ decision: 'match' });
    expect(agreeing.codes).toContain('fact.dob_agrees');
  });

  it('is at most possible when the date of birth conflicts (the reported shift finding)', () => {
    const conflicting = screen({ name: 'Djordjevic Djordje', dateOfBirth: '1990-07-01' });
    expect(conflicting.decision).toBe('possible');
    expect(conflicting.score).toBeLessThan(0.8);
    expect(conflicting.codes).toEqual(expect.arrayContaining(['fact.dob_differs']));
    // An agreeing nationality does not lift it back to a match.
    expect(screen({ name: 'Djordjevic Djordje', dateOfBirth: '1990-07-01', nationality: 'RS' }).decision).toBe('possible');
  });

  it('is at most possible when the sex conflicts', () => {
    const result = screen({ name: 'Djordjevic Djordje', sex: 'female' });
    expect(result.decision).toBe('possible');
    expect(result.codes).toContain('fact.sex_differs');
    expect(screen({ name: 'Djordjevic Djordje', sex: 'male' }).decision).toBe('match');
  });

  it('is at most possible when the document number conflicts, and at least possible when it matches', () => {
    const differs = screen({ name: 'Djordjevic Djordje', documentNumber: 'X9999999' });
    expect(differs.decision).toBe('possible');
    expect(differs.codes).toContain('fact.document_differs');
    const matches = screen({ name: 'Petar Jovanović', documentNumber: 'P1234567' });
    expect(matches.decision).not.toBe('no_match');
    expect(matches.codes).toContain('fact.document_matches');
  });

  it('keeps a name match with several conflicts possible, so that the holding desk rules on it', () => {
    const result = screen({ name: 'Djordjevic Djordje', dateOfBirth: '1990-07-01', sex: 'female', documentNumber: 'X9999999' });
    expect(result.decision).toBe('possible');
    expect(result.codes).toContain('fact.conflict_caps');
  });

  it('a close date of birth (day and month swapped) is not a conflict', () => {
    expect(screen({ name: 'Djordjevic Djordje', dateOfBirth: '1984-12-03' }).decision).toBe('match');
  });

  it('uses only the facts the screener supplied: what the alert holds for the others changes nothing', () => {
    const bare: PersonCandidate = { ...alert, dateOfBirth: null, nationality: null, sex: null, documentNumbers: [] };
    expect(screen({ name: 'Djordjevic Djordje' })).toEqual(screen({ name: 'Djordjevic Djordje' }, bare));
    expect(weighFacts(0.9, { name: 'x' }, alert)).toEqual({ score: 0.9, reasons: [], conflicts: [] });
  });

  it('a weak name stays no match whatever the conflicts', () => {
    expect(decideWithFacts(0.3, { score: 0, reasons: [], conflicts: ['dob_differs'] }).decision).toBe('no_match');
  });

  it('gives reasons as codes with words, without the engine’s internal keys', () => {
    const result = screen({ name: 'Djordjevic Djordje' });
    expect(result.codes.every((code) => /^(name|fact)\.[a-z_]+$/.test(code))).toBe(true);
    for (const reason of result.reasons) expect(reason.text).not.toMatch(/\([a-z0-9+:]+\)$/);
  });
});
