import { Container, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';

export function HomePage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('home.title'));
  return (
    <Container size="lg">
      <Title order={1}>{t('home.title')}</Title>
      <Text mt="sm">{t('home.intro')}</Text>
    </Container>
  );
}
