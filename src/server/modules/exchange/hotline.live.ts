import { sql } from 'drizzle-orm';
import type { UserActor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { type ChangeFeed, openChangeFeed } from '../../db/change-feed';
import type { AppDeps } from '../../platform/deps';
import { HOTLINE_CHANNEL, type FeedRow, feedHeads, formatEventId, readFeedAfter } from './hotline.feed';
import { canSeeAlert, receivingDesksOf } from './hotline.policy';
import { alertAccess } from './hotline.presenter';
import { findAlerts, markDelivered } from './hotline.queries';
import { fanOut, loadAlertPresenter } from './hotline.service';

export type LiveDeps = Pick<AppDeps, 'db' | 'dbKind' | 'audit' | 'clock'>;

/** One open stream: the hub writes events to it and moves its position. */
export interface StreamClient {
  actor: UserActor;
  /** The last event this stream has sent (or the position it resumed from). */
  position: number;
  write(chunk: string): void;
  end(): void;
  /** Reloads the session: the new actor, or null when it has ended. */
  revalidate(): Promise<UserActor | null>;
}

const RETRY_MS = 1000;
const BATCH = 5000;

/**
 * This node's live streams. Every write that adds events to a user's sequence notifies
 * HOTLINE_CHANNEL with the alert id (on every node, once committed); the hub then reads the
 * events after each stream's position from the database and checks each alert against the
 * stream's actor with the policy before writing it. Reads are serialised, so a stream's
 * events leave in sequence order, each once; a lost listening connection is reopened and
 * followed by a read, so nothing committed meanwhile is missed.
 */
export class HotlineHub {
  private readonly clients = new Set<StreamClient>();
  private readonly tokens = new Map<string, string>();
  private feed: ChangeFeed | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly deps: LiveDeps) {}

  async start(heartbeatMs: number): Promise<void> {
    await this.listen();
    this.heartbeat = setInterval(() => void this.beat(), heartbeatMs);
    this.heartbeat.unref();
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    try {
      this.feed = await openChangeFeed(this.deps.db, this.deps.dbKind, HOTLINE_CHANNEL, () => void this.schedule(), (error) => this.lost(error));
      void this.schedule();
    } catch (error) {
      this.lost(error as Error);
    }
  }

  private lost(error: Error): void {
    const previous = this.feed;
    this.feed = null;
    void previous?.close().catch(() => {});
    if (this.closed) return;
    process.emitWarning(`The hotline lost its change feed (${error.message}); reconnecting.`);
    setTimeout(() => void this.listen(), RETRY_MS).unref();
  }

  add(client: StreamClient, token: string | null): () => void {
    if (token) this.tokens.set(client.actor.userId, token);
    this.clients.add(client);
    void this.schedule();
    return () => this.clients.delete(client);
  }

  get size(): number {
    return this.clients.size;
  }

  /** Reads and sends what is new; resolves when every stream is current with what was committed before the call. */
  schedule(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pump().catch((error: unknown) => process.emitWarning(`The hotline could not read its feed: ${(error as Error).message}`));
      } while (this.again && !this.closed);
    })().finally(() => (this.running = null));
    return this.running;
  }

  private async pump(): Promise<void> {
    const clients = [...this.clients];
    if (clients.length === 0) return;
    const after = new Map<string, number>();
    for (const client of clients) after.set(client.actor.userId, Math.min(after.get(client.actor.userId) ?? Infinity, client.position));
    const rows = await readFeedAfter(this.deps.db, [...after].map(([userId, position]) => ({ userId, after: position })), BATCH);
    if (rows.length === 0) return;
    if (rows.length === BATCH) this.again = true;
    const missing = [...new Set(rows.map((row) => row.userId))].filter((userId) => !this.tokens.has(userId));
    for (const [userId, token] of await feedHeads(this.deps.db, missing)) this.tokens.set(userId, token);
    const alerts = await findAlerts(this.deps.db, [...new Set(rows.map((row) => row.alertId))]);
    const byId = new Map(alerts.map((row) => [row.id, row]));
    const presenter = await loadAlertPresenter(this.deps.db, alerts);
    const byUser = new Map<string, FeedRow[]>();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    const delivered: { actor: UserActor; alertId: string }[] = [];
    for (const client of clients) {
      for (const event of byUser.get(client.actor.userId) ?? []) {
        if (event.seq <= client.position) continue;
        client.position = event.seq;
        const alert = byId.get(event.alertId);
        if (!alert || !canSeeAlert(client.actor, alertAccess(alert, presenter.deliveriesOf(alert.id)))) continue;
        const data = JSON.stringify({ type: event.kind, alert: presenter.present(client.actor, alert, true) });
        client.write(`id: ${formatEventId(event.seq, this.tokens.get(client.actor.userId)!)}\ndata: ${data}\n\n`);
        if (event.kind !== 'update') delivered.push({ actor: client.actor, alertId: alert.id });
      }
    }
    if (delivered.length) await this.recordDeliveries(delivered, byId);
  }

  /** Stamps each receiving desk's first live delivery and audits every stream that showed an alert. */
  private async recordDeliveries(delivered: { actor: UserActor; alertId: string }[], alerts: Map<string, Awaited<ReturnType<typeof findAlerts>>[number]>): Promise<void> {
    const now = this.deps.clock();
    await this.deps.audit.command(async (tx) => {
      const presenter = await loadAlertPresenter(tx, [...new Set(delivered.map((entry) => entry.alertId))].map((id) => alerts.get(id)!));
      for (const alertId of new Set(delivered.map((entry) => entry.alertId))) {
        const alert = alerts.get(alertId)!;
        const deliveries = presenter.deliveriesOf(alertId);
        const access = alertAccess(alert, deliveries);
        const desks = [...new Set(delivered.filter((entry) => entry.alertId === alertId).flatMap((entry) => receivingDesksOf(entry.actor, access)))];
        const unstamped = deliveries.filter((delivery) => desks.includes(delivery.deskId) && !delivery.deliveredAt).map((delivery) => delivery.deskId);
        if (unstamped.length && (await markDelivered(tx, alertId, unstamped, now)).length) await fanOut(tx, alert, deliveries, { deskIds: [], kind: 'update' }, now);
      }
      // Many readers at once: their events in one statement (audit.rowsFor keeps each its own actor).
      const events = delivered.flatMap((entry) =>
        this.deps.audit.rowsFor({ actor: entry.actor }, [{ action: 'hotline.alert.deliver', recordType: 'hotline_alert', recordId: entry.alertId, subject: auditSubjectOf(alerts.get(entry.alertId)!) }]),
      );
      const rows = events.map((event) => ({
        id: event.id, occurred_at: event.occurredAt, actor_user_id: event.actorUserId, actor_label: event.actorLabel, actor_economy: event.actorEconomy,
        action: event.action, record_type: event.recordType, record_id: event.recordId, outcome: event.outcome, ip: event.ip, details: event.details,
        subject_economy: event.subjectEconomy, subject_released_to: event.subjectReleasedTo,
      }));
      await tx.execute(sql`insert into audit_events (id, occurred_at, actor_user_id, actor_label, actor_economy, action, record_type, record_id, outcome, ip, details, subject_economy, subject_released_to)
        select id, occurred_at, actor_user_id, actor_label, actor_economy, action, record_type, record_id, outcome, ip, coalesce(details, '{}'::jsonb), subject_economy, subject_released_to
        from jsonb_populate_recordset(null::audit_events, ${JSON.stringify(rows)}::jsonb)`);
    });
  }

  /** Keeps every stream open through proxies and ends those whose session has ended. */
  private async beat(): Promise<void> {
    for (const client of [...this.clients]) {
      const actor = await client.revalidate().catch(() => client.actor);
      if (!actor) {
        this.clients.delete(client);
        client.end();
        continue;
      }
      client.actor = actor;
      client.write(': keep-alive\n\n');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
    await this.running;
    await this.feed?.close().catch(() => {});
  }
}
