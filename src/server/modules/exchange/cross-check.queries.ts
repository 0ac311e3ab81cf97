import { asc, eq } from 'drizzle-orm';
import type { RequestSubject } from '../../../contract/exchange-casework';
import type { Db } from '../../db/client';
import { exchangeItemSubjects } from './cross-check.schema';

const subjects = exchangeItemSubjects;

export async function insertSubjects(db: Db, itemId: string, list: RequestSubject[]): Promise<void> {
  if (list.length === 0) return;
  await db.insert(subjects).values(
    list.map((subject, position) => ({
      itemId,
      position,
      kind: subject.kind,
      name: subject.kind === 'person' ? subject.name : null,
      dateOfBirth: subject.kind === 'person' ? (subject.dateOfBirth ?? null) : null,
      plate: subject.kind === 'vehicle' ? (subject.plate ?? null) : null,
      vin: subject.kind === 'vehicle' ? (subject.vin ?? null) : null,
      documentNumber: subject.kind === 'document' ? subject.documentNumber : null,
    })),
  );
}

export async function listSubjects(db: Db, itemId: string): Promise<RequestSubject[]> {
  const rows = await db.select().from(subjects).where(eq(subjects.itemId, itemId)).orderBy(asc(subjects.position));
  return rows.map((row): RequestSubject => {
    switch (row.kind) {
      case 'person':
        return { kind: 'person', name: row.name!, ...(row.dateOfBirth ? { dateOfBirth: row.dateOfBirth } : {}) };
      case 'vehicle':
        return { kind: 'vehicle', ...(row.plate ? { plate: row.plate } : {}), ...(row.vin ? { vin: row.vin } : {}) };
      case 'document':
        return { kind: 'document', documentNumber: row.documentNumber! };
    }
  });
}
