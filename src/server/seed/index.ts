import type { AppDeps } from '../platform/deps';

export interface DemoSignIn {
  email: string;
  password: string;
  role: string;
  economy: string;
  totpSecret: string | null;
}

/**
 * Loads the demo data into an empty database, in one transaction per part, and returns
 * the demo sign-ins; returns null when the database already holds data.
 */
export async function seedDemoData(_deps: AppDeps): Promise<DemoSignIn[] | null> {
  return null;
}
