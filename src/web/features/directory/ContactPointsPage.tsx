import { Alert, Anchor, Badge, Card, Group, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContactPointQuery, WORK_LANGUAGES } from '../../../contract/contact-points';
import { DESK_AREAS, type DeskArea } from '../../../contract/core';
import { economyName } from '../exchange/components';
import { useContactPoints } from './api';

const ECONOMIES = ['AL', 'BA', 'BG', 'HR', 'GR', 'XK', 'MD', 'ME', 'MK', 'RO', 'RS', 'SI', 'TR'];

function languageName(tag: string, language: string): string {
  try {
    return new Intl.DisplayNames([language, 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Whom to address: each economy's desks by area, who staffs them, in which languages, and the duty phone. */
export function ContactPointsPage() {
  const { t, i18n } = useTranslation('directory');
  const [query, setQuery] = useState<ContactPointQuery>({});
  const directory = useContactPoints(query);
  const set = (key: keyof ContactPointQuery) => (value: string | null) => setQuery((current) => ({ ...current, [key]: value ?? undefined }));

  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Group grow preventGrowOverflow={false} wrap="wrap">
        <Select label={t('filter.economy')} placeholder={t('filter.all')} clearable data={ECONOMIES.map((code) => ({ value: code, label: economyName(code, i18n.language) }))} value={query.economy ?? null} onChange={set('economy')} />
        <Select label={t('filter.area')} placeholder={t('filter.all')} clearable data={DESK_AREAS.map((area) => ({ value: area, label: t(`admin:areas.${area}`) }))} value={query.area ?? null} onChange={set('area')} />
        <Select label={t('filter.language')} placeholder={t('filter.all')} clearable data={WORK_LANGUAGES.map((tag) => ({ value: tag, label: languageName(tag, i18n.language) }))} value={query.language ?? null} onChange={set('language')} />
      </Group>
      {directory.isPending && <Loader aria-label={t('loading')} />}
      {directory.isError && <Alert color="red" role="alert">{t('error')}</Alert>}
      {directory.data?.economies.length === 0 && <Text>{t('empty')}</Text>}
      {directory.data?.economies.map((economy) => (
        <section key={economy.code} aria-labelledby={`economy-${economy.code}`}>
          <Title order={2} size="h3" id={`economy-${economy.code}`} mb="xs">{economyName(economy.code, i18n.language)}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {economy.desks.map((desk) => (
              <Card key={desk.id} withBorder component="article" aria-label={desk.name}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Title order={3} size="h5">{t(`admin:areas.${desk.area as DeskArea}`)}</Title>
                  {!desk.active && <Badge color="gray">{t('inactive')}</Badge>}
                </Group>
                <Stack gap={4} mt="xs">
                  <Text size="sm">{t('dutyPhone')}: {desk.dutyPhone ? <Anchor href={`tel:${desk.dutyPhone.replace(/\s/g, '')}`}>{desk.dutyPhone}</Anchor> : '—'}</Text>
                  {desk.email && <Text size="sm">{t('email')}: <Anchor href={`mailto:${desk.email}`}>{desk.email}</Anchor></Text>}
                  <Text size="sm" fw={600} mt="xs">{t('members', { count: desk.members.length })}</Text>
                  {desk.members.map((member) => (
                    <div key={member.id}>
                      <Text size="sm">{member.name} <Text span c="dimmed" size="xs">{member.organisation}</Text></Text>
                      {member.languages.length > 0 && (
                        <Text size="xs" c="dimmed">{t('languages', { list: member.languages.map((tag) => languageName(tag, i18n.language)).join(', ') })}</Text>
                      )}
                    </div>
                  ))}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}
