import type { Accessibility, Deadline, RequestState, Transition, Urgency } from '../../../contract/exchange';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Directive (EU) 2023/977 Art. 5, counted from receipt at the receiving desk: 8 hours for an
 * urgent request for directly accessible information, 3 calendar days for an urgent one for
 * indirectly accessible information, 7 calendar days for every other request.
 */
export function answerPeriodMs(urgency: Urgency, accessibility: Accessibility | null): number {
  if (urgency === 'urgent' && accessibility === 'direct') return 8 * HOUR;
  if (urgency === 'urgent') return 3 * DAY;
  return 7 * DAY;
}

/** "Due soon" begins when a quarter of the period is left, at most a day before the deadline. */
export function dueSoonWindowMs(periodMs: number): number {
  return Math.min(periodMs / 4, DAY);
}

/** States in which the clock runs. */
export const OPEN_STATES: readonly RequestState[] = ['sent', 'received', 'accepted', 'partly_answered'];
export const CLOSED_STATES: readonly RequestState[] = ['answered', 'refused', 'withdrawn'];

interface DeadlineFacts {
  state: RequestState | null;
  dueAt: Date | null;
  pausedAt: Date | null;
  urgency: Urgency;
  accessibility: Accessibility | null;
}

/** The deadline as shown: due soon and overdue only while the clock runs. */
export function deadlineAt(facts: DeadlineFacts, now: Date): Deadline | null {
  if (!facts.state || !facts.dueAt) return null;
  const paused = facts.state === 'clarification_requested' && facts.pausedAt !== null;
  const running = OPEN_STATES.includes(facts.state);
  const remainingMs = running ? facts.dueAt.getTime() - now.getTime() : null;
  const window = dueSoonWindowMs(answerPeriodMs(facts.urgency, facts.accessibility));
  return {
    dueAt: facts.dueAt.toISOString(),
    paused,
    overdue: remainingMs !== null && remainingMs < 0,
    dueSoon: remainingMs !== null && remainingMs >= 0 && remainingMs <= window,
    remainingMs,
  };
}

/** A suspension ends: the deadline moves by as long as the clock stood still. */
export function resumedDueAt(dueAt: Date, pausedAt: Date, now: Date): Date {
  return new Date(dueAt.getTime() + Math.max(0, now.getTime() - pausedAt.getTime()));
}

export type Side = 'recipient' | 'sender';

interface TransitionRule {
  from: readonly RequestState[];
  /** `resume`: back to accepted or received, whichever the request was before the question. */
  to: RequestState | 'resume';
  side: Side;
  needsNote: boolean;
}

export const TRANSITION_RULES: Record<Transition, TransitionRule> = {
  accept: { from: ['sent', 'received'], to: 'accepted', side: 'recipient', needsNote: false },
  request_clarification: { from: ['sent', 'received', 'accepted', 'partly_answered'], to: 'clarification_requested', side: 'recipient', needsNote: true },
  provide_clarification: { from: ['clarification_requested'], to: 'resume', side: 'sender', needsNote: true },
  answer: { from: ['sent', 'received', 'accepted', 'partly_answered'], to: 'answered', side: 'recipient', needsNote: true },
  answer_partly: { from: ['sent', 'received', 'accepted'], to: 'partly_answered', side: 'recipient', needsNote: true },
  refuse: { from: ['sent', 'received', 'accepted', 'clarification_requested'], to: 'refused', side: 'recipient', needsNote: true },
  withdraw: { from: ['sent', 'received', 'accepted', 'clarification_requested', 'partly_answered'], to: 'withdrawn', side: 'sender', needsNote: true },
};

/** The state a transition leads to from the current one, or null when it is out of order. */
export function nextState(current: RequestState, transition: Transition, wasAccepted: boolean): RequestState | null {
  const rule = TRANSITION_RULES[transition];
  if (!rule.from.includes(current)) return null;
  if (rule.to === 'resume') return wasAccepted ? 'accepted' : 'received';
  return rule.to;
}

/** The deadline in a notice: UTC, named, since the readers sit in several zones. */
export function formatDeadlineForNotice(dueAt: Date): string {
  return `${dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
