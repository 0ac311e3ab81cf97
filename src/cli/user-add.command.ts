import { anonymousActor } from '../server/access/actor';
import { loadConfig } from '../server/config';
import { CLASSIFICATIONS, type Classification, ROLES, type Role } from '../contract/core';
import {
  PASSWORD_MIN_LENGTH,
  createUserAccount,
  findOrganisationsByIdOrName,
  generatePassword,
  hashPassword,
  passwordProblem,
  requiresSecondFactor,
} from '../server/modules/identity';
import { openRuntime } from '../server/runtime';
import type { Command } from './command';

function parseRoles(text: string): Role[] {
  const roles = text.split(',').map((role) => role.trim()).filter(Boolean);
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (roles.length === 0 || unknown.length > 0) throw new Error(`--roles takes a comma-separated list of ${ROLES.join(', ')}`);
  return [...new Set(roles)] as Role[];
}

function parseClearance(text: string | undefined): Classification {
  const clearance = text ?? 'RESTRICTED';
  if (!(CLASSIFICATIONS as readonly string[]).includes(clearance)) throw new Error(`--clearance is one of ${CLASSIFICATIONS.join(', ')}`);
  return clearance as Classification;
}

export const userAddCommand: Command = {
  summary: 'create a user (prints a generated password unless --password is given)',
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    organisation: { type: 'string' },
    roles: { type: 'string' },
    clearance: { type: 'string' },
    password: { type: 'string' },
  },
  run: async ({ values }) => {
    const email = typeof values.email === 'string' ? values.email.trim().toLowerCase() : '';
    const name = typeof values.name === 'string' ? values.name.trim() : '';
    const organisationRef = typeof values.organisation === 'string' ? values.organisation.trim() : '';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !name || !organisationRef || typeof values.roles !== 'string') {
      console.error('Usage: mosaic user add --email E --name N --organisation <id or exact name> --roles officer,analyst [--clearance RESTRICTED] [--password P]');
      return 1;
    }
    const roles = parseRoles(values.roles);
    const clearance = parseClearance(typeof values.clearance === 'string' ? values.clearance : undefined);
    const given = typeof values.password === 'string' ? values.password : undefined;
    const password = given ?? generatePassword();
    const problem = passwordProblem(password, email, PASSWORD_MIN_LENGTH);
    if (problem) throw new Error(problem);

    const runtime = await openRuntime(loadConfig());
    try {
      const { deps } = runtime;
      const organisations = await findOrganisationsByIdOrName(deps.db, organisationRef);
      if (organisations.length === 0) throw new Error(`no organisation with the id or exact name "${organisationRef}"`);
      if (organisations.length > 1) {
        throw new Error(`several organisations are called "${organisationRef}"; give the id: ${organisations.map((item) => `${item.id} (${item.economyCode})`).join(', ')}`);
      }
      const organisation = organisations[0]!;
      const passwordHash = await hashPassword(password);
      const user = await deps.audit.command(async (tx) => {
        const created = await createUserAccount(tx, { email, displayName: name, organisationId: organisation.id, roles, clearance, passwordHash });
        await deps.audit.append(tx, { actor: anonymousActor }, {
          action: 'admin.user.create',
          recordType: 'user',
          recordId: created.id,
          actorLabel: 'cli',
          details: { email, organisationId: organisation.id, roles, clearance },
        });
        return created;
      });
      console.log(`Created ${user.email} (${user.id}) in ${organisation.name}, ${organisation.economyCode}; roles ${roles.join(', ')}; clearance ${clearance}.`);
      if (!given) console.log(`Password: ${password}\nHand it over in person or through another channel; it is not shown again.`);
      if (requiresSecondFactor(roles)) console.log('The user sets up an authenticator app at the first sign-in.');
      return 0;
    } catch (error) {
      if (error instanceof Error && /unique|duplicate/i.test(error.message + String((error as { cause?: unknown }).cause ?? ''))) {
        throw new Error(`a user with the e-mail ${email} already exists`, { cause: error });
      }
      throw error;
    } finally {
      await runtime.close();
    }
  },
};
