import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/languages';

export function LanguageSwitcher() {
  const { i18n, t } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language')}
      size="xs"
      value={i18n.resolvedLanguage ?? i18n.language}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
      data={LANGUAGES.map((language) => ({ value: language.code, label: language.label }))}
      data-testid="language-switcher"
    />
  );
}
