import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, Paper, Stack, Table, Text, Title, Typography } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Event } from '../../../../contract/portal';
import { ApiError } from '../../../api/client';
import { useAbility, useSession } from '../../../api/session';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useEvent, useEventRegistration } from '../api';
import { DocumentCard } from '../components/cards';
import { useEconomyName } from '../components/economies';
import { formatDateTimeIn, formatNumber, visitorTimeZone } from '../../../i18n/format';
import { CardGrid, PortalPage, Section } from '../components/layout';
import { EconomyBadges, TopicChips } from '../components/TopicChips';
import { useMetaDescription } from '../components/useMetaDescription';

export function EventPage() {
  const { slug = '' } = useParams();
  const event = useEvent(slug);
  return <QueryState query={event}>{(data) => <EventView event={data} />}</QueryState>;
}

export function EventView({ event }: { event: Event }) {
  const { t } = useTranslation('portal');
  const economyName = useEconomyName();
  usePageTitle(event.title);
  useMetaDescription(event.summary);
  const visitorZone = visitorTimeZone();
  const sameZone = visitorZone === event.timeZone;
  const yourStart = formatDateTimeIn(event.startsAt, visitorZone);
  const place = event.place;

  return (
    <PortalPage>
      <Breadcrumbs mb="sm" aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
        <Anchor component={Link} to={event.past ? '/events?when=past' : '/events'}>
          {t('nav.events')}
        </Anchor>
      </Breadcrumbs>
      <Group gap="xs" mb={4}>
        <Text size="sm" fw={700} c="blue.8" tt="uppercase">
          {t(`eventKind.${event.kind}`)}
        </Text>
        {event.past && (
          <Badge color="gray" variant="light">
            {t('events.ended')}
          </Badge>
        )}
      </Group>
      <Title order={1} lang={event.language} mb="md">
        {event.title}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            {event.summary && (
              <Text size="lg" lang={event.language}>
                {event.summary}
              </Text>
            )}
            {event.agendaHtml && (
              <section aria-labelledby="event-agenda">
                <Title order={2} size="h4" id="event-agenda" mb="xs">
                  {t('events.agenda')}
                </Title>
                <Typography>
                  {/* Sanitised on the server (sanitize-html allow-list, see docs/portal-api.md); that guarantee is why it is rendered as HTML. */}
                  <div className="portal-rich-text" lang={event.language} dangerouslySetInnerHTML={{ __html: event.agendaHtml }} />
                </Typography>
              </section>
            )}
            <TopicChips topics={event.topics} />
            <EconomyBadges economies={event.economies} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Paper withBorder p="md" radius="md">
            <Table variant="vertical" layout="fixed" withRowBorders={false} fz="sm">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w="38%">{t('events.starts')}</Table.Th>
                  <Table.Td>
                    <time dateTime={event.startsAt}>{formatDateTimeIn(event.startsAt, event.timeZone)}</time>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('events.ends')}</Table.Th>
                  <Table.Td>
                    <time dateTime={event.endsAt}>{formatDateTimeIn(event.endsAt, event.timeZone)}</time>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('events.timeZone')}</Table.Th>
                  <Table.Td>{event.timeZone}</Table.Td>
                </Table.Tr>
                {!sameZone && (
                  <Table.Tr>
                    <Table.Th>{t('events.yourTime')}</Table.Th>
                    <Table.Td>
                      {yourStart}
                      {/* The zone's short name is already in the time ("UTC"): the full name only when it adds something. */}
                      {!yourStart.includes(visitorZone) && (
                        <Text size="xs" c="dimmed">
                          {visitorZone}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )}
                <Table.Tr>
                  <Table.Th>{t('events.place')}</Table.Th>
                  <Table.Td>
                    {place.online ? t('events.online') : [place.venue, place.city, place.economy ? economyName(place.economy) : null].filter(Boolean).join(', ')}
                    {place.onlineUrl && (
                      <div>
                        <Anchor href={place.onlineUrl} target="_blank" rel="noopener noreferrer" size="sm">
                          {t('events.joinOnline')}
                        </Anchor>
                      </div>
                    )}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('events.organiser')}</Table.Th>
                  <Table.Td>{event.organiser}</Table.Td>
                </Table.Tr>
                {event.registrationCount > 0 && (
                  <Table.Tr>
                    <Table.Th>{t('events.registrations')}</Table.Th>
                    <Table.Td>{formatNumber(event.registrationCount)}</Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
            <Stack gap="xs" mt="md">
              <Button component="a" href={event.icsUrl} variant="light" download={`${event.slug}.ics`}>
                {t('events.addToCalendar')}
              </Button>
              <Registration event={event} />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      {event.documents.length > 0 && (
        <Section title={t('events.documents')}>
          <CardGrid>
            {event.documents.map((document) => (
              <DocumentCard key={document.id} document={document} />
            ))}
          </CardGrid>
        </Section>
      )}
    </PortalPage>
  );
}

/** Register / registered state, for signed-in users with the register ability. */
function Registration({ event }: { event: Event }) {
  const { t } = useTranslation('portal');
  const location = useLocation();
  const { data: session } = useSession();
  const mayRegister = useAbility('portal.event.register') && event.abilities['portal.event.register'];
  const { register, unregister } = useEventRegistration(event.slug);
  const signedIn = session?.stage === 'full';

  const onError = (error: unknown) =>
    notifications.show({ color: 'red', title: t('events.registrationFailed'), message: error instanceof ApiError ? error.message : t('events.tryAgain') });

  if (event.past || !event.registrationOpen) {
    return event.registered ? <Alert color="green">{t('events.youAttended')}</Alert> : null;
  }
  if (!signedIn) {
    return (
      <Text size="sm" c="dimmed">
        <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
          {t('events.signInToRegister')}
        </Anchor>
      </Text>
    );
  }
  if (!mayRegister) return null;
  if (event.registered) {
    return (
      <Stack gap={4}>
        <Alert color="green" title={t('events.registered')} role="status">
          {t('events.registeredBody')}
        </Alert>
        <Button variant="subtle" color="red" size="compact-sm" loading={unregister.isPending} onClick={() => unregister.mutate(undefined, { onError })}>
          {t('events.cancelRegistration')}
        </Button>
      </Stack>
    );
  }
  return (
    <Button loading={register.isPending} onClick={() => register.mutate(undefined, { onError })}>
      {t('events.register')}
    </Button>
  );
}
