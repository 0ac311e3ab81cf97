import path from 'node:path';
import { z } from 'zod';

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  /** Master secret: encryption keys and the audit checkpoint key are derived from it. */
  MOSAIC_SECRET: z.string().min(32).optional(),
  /** Where the signed audit checkpoint is kept; in production outside the data folder and out of the database administrator's reach. */
  AUDIT_CHECKPOINT_PATH: z.string().min(1).optional(),
  /** Set when Mosaic is served behind TLS: cookies then carry the Secure flag. */
  TRUST_TLS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** On a PostgreSQL server, how long a node keeps a session without reading it again (0: never). */
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A repeat of the same screening (screener, subject, alert) within this many minutes adds to one hit. */
  WANTED_HIT_GROUP_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  /** This many differently detailed screenings of one alert by one screener within the window flag the screener to the holding desk. */
  WANTED_PROBE_VARIANTS: z.coerce.number().int().min(2).max(100).default(4),
  WANTED_PROBE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  /** Homonyms (candidates sharing every key of the name) rescored per screening, the screened date of birth and rarer names first. */
  WANTED_TIED_CANDIDATES: z.coerce.number().int().min(1).max(200).default(100),
  /** A value held by entities of more than this many cases is flagged and correlates no further (over-correlation cap). */
  CASES_CORRELATION_CAP: z.coerce.number().int().min(2).max(100_000).default(100),
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  /** The address visitors use; every absolute link (feeds, calendars, sitemap) starts with it, never with the Host header. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL such as https://mosaic.example.org' })
    .refine((value) => !/[?#]/.test(value), 'a base URL without query or fragment')
    .optional(),
  /** A scrape token: /metrics answers only `Authorization: Bearer <token>` (otherwise 404). */
  METRICS_TOKEN: z.string().min(32, 'at least 32 characters').optional(),
  /** A second listener on 127.0.0.1:<port> that serves /metrics without a token (for a local scraper). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The hotline escalates an alert a desk has not acknowledged after this many seconds, and again after each further period. */
  HOTLINE_ESCALATE_AFTER_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** The escalation ladder, in order (a comma-separated subset of members, duty_desk, email). */
  HOTLINE_ESCALATION_STEPS: z
    .string()
    .default('members,duty_desk,email')
    .transform((value) => value.split(',').map((step) => step.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['members', 'duty_desk', 'email'])).max(3)),
  /** Seconds between keep-alive comments on the hotline's live stream (the session is checked again at each). */
  HOTLINE_HEARTBEAT_SECONDS: z.coerce.number().min(0.05).max(120).default(20),
  /** The SMTP server for notices by e-mail (`smtp://user:pass@host:587`, `smtps://…`); unset, messages wait in the outbox. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }).optional(),
  /** The sender address of those e-mails. */
  SMTP_FROM: z.string().min(3).default('Mosaic <no-reply@mosaic.invalid>'),
  /** How often the server looks for saved-search digests that are due. */
  PORTAL_DIGEST_CHECK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** The period of a daily digest in seconds; a weekly digest waits seven of them (shorter only to try digests out). */
  PORTAL_DIGEST_DAY_SECONDS: z.coerce.number().int().min(1).max(604_800).default(86_400),
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string; publicUrl: string };

/** Parses the environment once; a bad value stops start-up with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const publicUrl = (parsed.data.PUBLIC_URL ?? `http://127.0.0.1:${parsed.data.PORT}`).replace(/\/+$/, '');
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR), publicUrl };
}
