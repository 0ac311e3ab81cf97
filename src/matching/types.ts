export type Script = 'latin' | 'cyrillic' | 'greek' | 'mixed' | 'none';

export type Decision = 'match' | 'possible' | 'no_match';

export interface NameComparison {
  score: number;
  decision: Decision;
  reasons: string[];
}

/** One word of a name, read into the representations the matcher compares. */
export interface NameToken {
  raw: string;
  script: Script;
  /** True for a single letter (with or without a dot): an initial. */
  isInitial: boolean;
  /** Readings in a Serbian-Latin-like phonemic alphabet (č ć đ dž š ž lj nj); first is primary. */
  fineForms: string[];
  /** Coarse, ASCII, script-independent phonetic keys (one per fine form, deduplicated). */
  coarseForms: string[];
  /** Key that keeps č ć š ž đ dž apart; compared only when both sides are fully marked. */
  markedKey: string;
  /** Written in an orthography that distinguishes č/ć/c, š/s, ž/z, đ/d (diacritics or sr/mk Cyrillic). */
  fullyMarked: boolean;
  /** Sound keys of the readings: what a transcription guess of another word must meet. */
  soundKeys: readonly string[];
  /** Readings under other transcription systems (German, French, Turkish, Moldovan, î/â). */
  alternatives: ReadonlyArray<{ key: string; level: 'sound' | 'german' | 'spelling'; system: string }>;
  /** Position in the original name, after comma reordering. */
  position: number;
  /** Written before a comma ("SURNAME, Given"). */
  markedSurname: boolean;
}

export interface LabelledPair {
  a: string;
  b: string;
  match: boolean;
  kind: string;
}
