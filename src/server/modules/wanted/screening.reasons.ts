import type { ScreeningReason } from '../../../contract/wanted';

/**
 * The name engine explains itself in English sentences ('"Đorđe" ~ "Djordje": same name across
 * scripts (djordje)'). The answer gives each reason a stable code the web app translates, the
 * two words it compares, and the text without the engine's internal retrieval key in brackets.
 */
const PAIR_EXPLANATIONS: [code: string, pattern: RegExp][] = [
  ['initial_agrees', /^initial agrees$/],
  ['initials_differ', /^initials differ$/],
  ['suffix_variant', /^-ić\/-ič suffix variant$/],
  ['typing_slip', /^same name with a typing slip$|^one typing slip apart$/],
  ['diacritics_differ', /^both written with full diacritics, and the marks differ$/],
  ['across_scripts', /^same name across scripts/],
  ['after_folding', /^same name after folding\/transcription/],
  ['gender_changes', /^the given name changes gender$/],
  ['cognate', /^cognate\/colloquial forms of one given name/],
  ['listed_spellings', /^listed spellings of one surname$/],
  ['different_given_names', /^different given names/],
  ['definite_form', /^Albanian definite\/indefinite form$/],
  ['gender_form', /^gender forms of one surname$/],
  ['different_families', /^different surname families/],
  ['aj_family', /^an Albanian -aj surname is another family$/],
  ['different_surnames', /^two different (attested|listed) surnames$/],
  ['different_names', /^two different attested names$|^different names$/],
  ['similar_unknown', /^similar, but not a known variant$/],
];

const WHOLE_REASONS: [code: string, pattern: RegExp][] = [
  ['no_common_element', /^no name element in common$/],
  ['no_letters', /^a name has no letters$/],
  ['unmatched_both', /^unmatched on both sides: (?<left>.*) \/ (?<right>.*)$/],
  ['extra_elements', /^extra element\(s\) on one side only \(middle name, patronymic or father's initial\): (?<words>.*)$/],
  ['one_element_agrees', /^only one full name element agrees$/],
  ['single_word', /^single-word name: too little to confirm$/],
  ['order_differs', /^name order differs$/],
  ['reordered_related', /^reordered words agree only as related forms/],
];

const PAIR = /^"(?<a>[^"]*)" (?<sign>[~≠=?]) "(?<b>[^"]*)"(?:: (?<explanation>.*))?$/u;

function withoutInternalKey(text: string): string {
  return text.replace(/ \([a-z0-9+:\- ]+\)$/u, '');
}

export function nameReason(text: string): ScreeningReason {
  const pair = PAIR.exec(text)?.groups;
  if (pair) {
    const values = { a: pair.a ?? '', b: pair.b ?? '' };
    if (!pair.explanation) return { code: 'name.identical', text, values };
    const explanation = withoutInternalKey(pair.explanation);
    const known = PAIR_EXPLANATIONS.find(([, pattern]) => pattern.test(explanation));
    return { code: `name.${known?.[0] ?? 'other_pair'}`, text: `"${values.a}" ${pair.sign} "${values.b}": ${explanation}`, values: { ...values, explanation } };
  }
  for (const [code, pattern] of WHOLE_REASONS) {
    const match = pattern.exec(text);
    if (match) return { code: `name.${code}`, text, values: { ...(match.groups ?? {}) } };
  }
  return { code: 'name.other', text: withoutInternalKey(text), values: { text: withoutInternalKey(text) } };
}

/** The reasons the screening adds about the other facts: codes and English text. */
export const FACT_REASONS = {
  dob_agrees: 'date of birth agrees',
  dob_close: 'date of birth close (day, month or year off, or day and month swapped)',
  dob_differs: 'date of birth differs',
  nationality_agrees: 'nationality agrees',
  nationality_differs: 'nationality differs',
  sex_agrees: 'sex agrees',
  sex_differs: 'sex differs',
  document_matches: "document number matches the alert's",
  document_differs: "document number differs from the alert's",
  conflict_caps: 'a stated fact conflicts with the alert: at most a possible match',
  identifier_matches: 'identifier matches exactly after normalisation',
} as const;

export type FactReason = keyof typeof FACT_REASONS;

export function factReason(code: FactReason, values: Record<string, string> = {}): ScreeningReason {
  return { code: `fact.${code}`, text: FACT_REASONS[code], values };
}
