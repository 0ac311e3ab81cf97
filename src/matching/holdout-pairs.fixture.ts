import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePairsJsonl } from './evaluate';
import type { LabelledPair } from './types';

/** Our own held-out labelled set (fixtures/make-holdout.ts writes it). */
export const HOLDOUT_PAIRS_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'pairs-holdout.jsonl');

export function loadHoldoutPairs(): LabelledPair[] {
  return parsePairsJsonl(readFileSync(HOLDOUT_PAIRS_PATH, 'utf8'));
}
