import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { auditSubjectOf } from '../../access/audit-scope';
import { anonymousActor } from '../../access/actor';
import { organisations, users } from '../../db/schema/core';
import type { AppDeps } from '../../platform/deps';
import { replacePairs, insertActivity, listRates } from './registry.queries';
import { columnsOf, featuresOfInput } from './registry.rows';
import { OWNER_BY_REPORTER, demoActivities } from './registry.seed.data';
import { scoredOverlaps } from './registry.service';

/**
 * The demo activities, owned by the demo organisations that report or implement them (the EC's
 * donor user for the bilateral donors), in one transaction with the board's overlap pairs.
 */
export async function seedRegistryDemo(deps: AppDeps): Promise<number> {
  const acronyms = [...new Set(Object.values(OWNER_BY_REPORTER))];
  const owners = await deps.db.select({ id: organisations.id, acronym: organisations.acronym, economy: organisations.economyCode }).from(organisations).where(inArray(organisations.acronym, acronyms));
  const [author] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, 'donor@mosaic.demo'));
  if (!author || owners.length === 0) return 0;
  const rates = await listRates(deps.db);
  const activities = demoActivities();
  await deps.audit.command(async (tx) => {
    const saved: { id: string; features: ReturnType<typeof featuresOfInput> }[] = [];
    for (const { input, reporter } of activities) {
      const owner = owners.find((entry) => entry.acronym === OWNER_BY_REPORTER[reporter]) ?? owners.find((entry) => entry.acronym === 'EC') ?? owners[0]!;
      const now = deps.clock();
      const row = await insertActivity(tx, { ...columnsOf(input, rates), id: crypto.randomUUID(), ownerOrganisationId: owner.id, ownerEconomy: owner.economy, authorId: author.id, createdAt: now, updatedAt: now });
      saved.push({ id: row.id, features: featuresOfInput(input) });
      await deps.audit.append(tx, { actor: anonymousActor }, { action: 'registry.activity.create', recordType: 'registry_activity', recordId: row.id, actorLabel: 'demo seed', details: { seed: true }, subject: row.isPublic ? null : auditSubjectOf(row) });
    }
    for (const entry of saved) {
      const pairs = await scoredOverlaps(tx, entry.features, null, entry.id);
      await replacePairs(tx, entry.id, pairs.map((pair) => ({ otherId: pair.row.id, score: pair.score, reasons: pair.reasons })));
    }
  });
  return activities.length;
}
