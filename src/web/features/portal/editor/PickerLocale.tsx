import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/mk';
import 'dayjs/locale/sq';
import 'dayjs/locale/sr';
import 'dayjs/locale/sr-cyrl';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** dayjs names the locales a little differently from our BCP 47 tags. */
const DAYJS_LOCALE: Record<string, string> = { en: 'en', 'sr-Latn': 'sr', 'sr-Cyrl': 'sr-cyrl', sq: 'sq', mk: 'mk' };

/** Date pickers in the UI language, weeks starting on Monday as in the region. */
export function PickerLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: DAYJS_LOCALE[i18n.language] ?? 'en', firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
