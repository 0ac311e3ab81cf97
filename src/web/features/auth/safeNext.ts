/** Where sign-in leads when no page asked for it: the user's own work. */
const HOME_AFTER_SIGN_IN = '/work';

/** Only a path on this site may follow sign-in: never another origin (`//evil`, `/\evil`, `https:`). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_AFTER_SIGN_IN;
  if (next.startsWith('/sign-in')) return HOME_AFTER_SIGN_IN;
  return next;
}

export function signInPath(next: string): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}
