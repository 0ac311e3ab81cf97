import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONTENT_LANGUAGES } from '../../../../contract/portal';
import { useEconomyOptions } from '../components/economies';
import { languageLabel } from '../components/languageLabel';
import { useTopicOptions } from '../components/topics';

/** A content language's name: the UI languages by their own names, the others in the UI language. */
export function useContentLanguageOptions() {
  const { t, i18n } = useTranslation('portal');
  const names = new Intl.DisplayNames([i18n.language, 'en'], { type: 'language', fallback: 'code' });
  return CONTENT_LANGUAGES.map((code) => ({
    value: code,
    label: code === 'cnr' ? t('contentLanguage.cnr') : languageLabel(code) !== code ? languageLabel(code) : (names.of(code) ?? code),
  }));
}

interface MultiFieldProps {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: React.ReactNode;
}

export function TopicsField(props: MultiFieldProps) {
  const options = useTopicOptions();
  return <MultiSelect {...props} data={options} searchable clearable maxValues={15} comboboxProps={{ withinPortal: true }} />;
}

export function EconomiesField(props: MultiFieldProps) {
  const options = useEconomyOptions();
  return <MultiSelect {...props} data={options} searchable clearable maxValues={20} comboboxProps={{ withinPortal: true }} />;
}

export function ContentLanguageField(props: { label: string; value: string; onChange: (value: string) => void; error?: React.ReactNode; exclude?: string[] }) {
  const options = useContentLanguageOptions().filter((option) => !props.exclude?.includes(option.value) || option.value === props.value);
  return <Select label={props.label} value={props.value} onChange={(value) => value && props.onChange(value)} error={props.error} data={options} searchable allowDeselect={false} />;
}

/** IANA time zones of the region (what `EventInput.timeZone` takes), plus UTC and Brussels for online events. */
export const TIME_ZONES = [
  'Europe/Belgrade', 'Europe/Sarajevo', 'Europe/Zagreb', 'Europe/Podgorica', 'Europe/Skopje', 'Europe/Tirane', 'Europe/Ljubljana',
  'Europe/Sofia', 'Europe/Bucharest', 'Europe/Athens', 'Europe/Chisinau', 'Europe/Istanbul', 'Europe/Vienna', 'Europe/Brussels', 'UTC',
];
