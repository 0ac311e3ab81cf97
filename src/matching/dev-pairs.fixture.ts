import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePairsJsonl } from './evaluate';
import type { LabelledPair } from './types';

/** The shared labelled dev set, read at test time (not copied into the repo); empty if absent. */
export const DEV_PAIRS_PATH = path.resolve(process.cwd(), '../shared/names/pairs-dev.jsonl');

export function loadDevPairs(): LabelledPair[] {
  return existsSync(DEV_PAIRS_PATH) ? parsePairsJsonl(readFileSync(DEV_PAIRS_PATH, 'utf8')) : [];
}
