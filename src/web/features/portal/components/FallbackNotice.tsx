import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { languageLabel } from './languageLabel';

export interface TranslationLink {
  language: string;
  href: string;
}

interface FallbackNoticeProps {
  /** The language the visitor asked for (the UI language). */
  requested: string;
  /** The language the content is shown in. */
  shown: string;
  /** Other languages this content exists in. */
  translations?: TranslationLink[];
}

/** A clear notice that the content is not available in the visitor's language and what is shown instead. */
export function FallbackNotice({ requested, shown, translations = [] }: FallbackNoticeProps) {
  const { t } = useTranslation('portal');
  if (requested === shown) return null;
  return (
    <Alert color="yellow" variant="light" title={t('fallback.title')} role="note" data-testid="fallback-notice" styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}>
      <Text size="sm">{t('fallback.body', { requested: languageLabel(requested), shown: languageLabel(shown) })}</Text>
      {translations.length > 0 && <TranslationLinks translations={translations} current={shown} />}
    </Alert>
  );
}

/** Links to the other languages a piece of content is written in. */
export function TranslationLinks({ translations, current }: { translations: TranslationLink[]; current: string }) {
  const { t } = useTranslation('portal');
  const others = translations.filter((translation) => translation.language !== current);
  if (others.length === 0) return null;
  return (
    <Group gap="xs" mt={4} component="nav" aria-label={t('translations.label')}>
      <Text size="sm" fw={500}>
        {t('translations.label')}:
      </Text>
      {others.map((translation) => (
        <Anchor key={translation.language} component={Link} to={translation.href} size="sm" lang={translation.language} hrefLang={translation.language}>
          {languageLabel(translation.language)}
        </Anchor>
      ))}
    </Group>
  );
}
