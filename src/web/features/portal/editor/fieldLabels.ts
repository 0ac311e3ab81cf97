import type { TFunction } from 'i18next';

/** Snapshot keys of a revision whose words live under another key than `fields.<key>`. */
const LABEL_KEYS: Record<string, string> = {
  agendaHtml: 'fields.agenda',
  bodyHtml: 'fields.body',
  series: 'indicatorForm.series',
  kind: 'fields.kind',
  leadImageUrl: 'editorAids.leadImage.label',
};

/** A changed field of the revision history in words (never the data's own key). */
export function fieldLabel(t: TFunction, key: string): string {
  return t(LABEL_KEYS[key] ?? `fields.${key}`, { defaultValue: t('editorAids.otherField') });
}

/** The changed fields of a revision as one readable list in the UI language. */
export function changedFieldsText(t: TFunction, language: string, keys: string[]): string {
  const words = [...new Set(keys.map((key) => fieldLabel(t, key)))];
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(words);
  } catch {
    return words.join(', ');
  }
}
