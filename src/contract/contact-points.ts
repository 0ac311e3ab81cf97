import { z } from 'zod';
import { DeskArea, EconomyCode, Uuid } from './core';

/** Languages a desk member may work in (BCP 47 tags). */
export const WORK_LANGUAGES = ['sq', 'bs', 'bg', 'hr', 'el', 'en', 'fr', 'de', 'it', 'mk', 'ro', 'sr', 'sl', 'tr', 'ru'] as const;

export const ContactPointQuery = z
  .object({
    economy: EconomyCode.optional(),
    area: DeskArea.optional(),
    /** Only desks with a member who works in this language. */
    language: z.enum(WORK_LANGUAGES).optional(),
  })
  .strict();
export type ContactPointQuery = z.infer<typeof ContactPointQuery>;

export const ContactPointDesk = z.object({
  id: Uuid,
  name: z.string(),
  area: DeskArea,
  email: z.string().nullable(),
  /** Answered around the clock. */
  dutyPhone: z.string().nullable(),
  /** False when no enabled member staffs the desk: items cannot be addressed to it. */
  active: z.boolean(),
  members: z.array(z.object({ id: Uuid, name: z.string(), organisation: z.string(), languages: z.array(z.string()) })),
});
export type ContactPointDesk = z.infer<typeof ContactPointDesk>;

export const ContactPointDirectory = z.object({
  economies: z.array(z.object({ code: z.string(), name: z.string(), desks: z.array(ContactPointDesk) })),
});
export type ContactPointDirectory = z.infer<typeof ContactPointDirectory>;
