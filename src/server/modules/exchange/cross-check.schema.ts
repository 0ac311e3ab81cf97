import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/** A person, vehicle or document a request names. */
export const exchangeItemSubjects = pgTable(
  'exchange_item_subjects',
  {
    itemId: uuid('item_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').$type<'person' | 'vehicle' | 'document'>().notNull(),
    name: text('name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    plate: text('plate'),
    vin: text('vin'),
    documentNumber: text('document_number'),
  },
  (table) => [primaryKey({ columns: [table.itemId, table.position] })],
);
