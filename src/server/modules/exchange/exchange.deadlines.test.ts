import { describe, expect, it } from 'vitest';
import { answerPeriodMs, deadlineAt, nextState, resumedDueAt } from './exchange.deadlines';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('answer periods of Directive (EU) 2023/977 Art. 5', () => {
  it('gives 8 hours to urgent direct, 3 calendar days to urgent indirect, 7 calendar days to the rest', () => {
    expect(answerPeriodMs('urgent', 'direct')).toBe(8 * HOUR);
    expect(answerPeriodMs('urgent', 'indirect')).toBe(72 * HOUR);
    expect(answerPeriodMs('normal', 'direct')).toBe(168 * HOUR);
    expect(answerPeriodMs('normal', 'indirect')).toBe(168 * HOUR);
  });
});

describe('the deadline as shown', () => {
  const urgentDirect = { urgency: 'urgent' as const, accessibility: 'direct' as const, pausedAt: null, dueAt: at('2026-03-02T16:00:00Z') };

  it('is due soon in the last quarter of an 8-hour period, overdue after it', () => {
    expect(deadlineAt({ ...urgentDirect, state: 'received' }, at('2026-03-02T13:59:00Z'))).toMatchObject({ dueSoon: false, overdue: false, remainingMs: 2 * HOUR + 60_000 });
    expect(deadlineAt({ ...urgentDirect, state: 'received' }, at('2026-03-02T14:00:00Z'))).toMatchObject({ dueSoon: true, overdue: false });
    expect(deadlineAt({ ...urgentDirect, state: 'accepted' }, at('2026-03-02T16:00:01Z'))).toMatchObject({ dueSoon: false, overdue: true, remainingMs: -1000 });
  });

  it('warns at most a day ahead for a seven-day request', () => {
    const normal = { urgency: 'normal' as const, accessibility: 'indirect' as const, pausedAt: null, dueAt: at('2026-03-09T08:00:00Z'), state: 'sent' as const };
    expect(deadlineAt(normal, at('2026-03-08T07:59:00Z'))?.dueSoon).toBe(false);
    expect(deadlineAt(normal, at('2026-03-08T08:00:00Z'))?.dueSoon).toBe(true);
  });

  it('is neither due soon nor overdue while clarification is awaited, nor once closed', () => {
    const late = at('2026-03-03T00:00:00Z');
    expect(deadlineAt({ ...urgentDirect, state: 'clarification_requested', pausedAt: at('2026-03-02T10:00:00Z') }, late)).toMatchObject({ paused: true, overdue: false, dueSoon: false, remainingMs: null });
    for (const state of ['answered', 'refused', 'withdrawn'] as const) expect(deadlineAt({ ...urgentDirect, state }, late)).toMatchObject({ overdue: false, remainingMs: null });
    expect(deadlineAt({ ...urgentDirect, state: null }, late)).toBeNull();
  });

  it('moves by exactly the time the clock stood still', () => {
    expect(resumedDueAt(at('2026-03-02T16:00:00Z'), at('2026-03-02T10:00:00Z'), at('2026-03-03T10:30:00Z')).toISOString()).toBe('2026-03-03T16:30:00.000Z');
  });
});

describe('the order of states', () => {
  it('allows the listed transitions and refuses the others', () => {
    expect(nextState('sent', 'accept', false)).toBe('accepted');
    expect(nextState('accepted', 'request_clarification', true)).toBe('clarification_requested');
    expect(nextState('clarification_requested', 'provide_clarification', true)).toBe('accepted');
    expect(nextState('clarification_requested', 'provide_clarification', false)).toBe('received');
    expect(nextState('partly_answered', 'answer', true)).toBe('answered');
    expect(nextState('withdrawn', 'answer', true)).toBeNull();
    expect(nextState('answered', 'withdraw', true)).toBeNull();
    expect(nextState('refused', 'accept', false)).toBeNull();
    expect(nextState('clarification_requested', 'answer', false)).toBeNull();
    expect(nextState('received', 'provide_clarification', false)).toBeNull();
  });
});
