import { Anchor, Breadcrumbs, Grid, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Initiative, InitiativeRef } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useInitiative } from '../api';
import { GatheredSections } from '../components/GatheredSections';
import { PortalPage } from '../components/layout';
import { MembershipMap } from '../components/MembershipMap';
import { TopicChips } from '../components/TopicChips';
import { useMetaDescription } from '../components/useMetaDescription';

export function InitiativePage() {
  const { slug = '' } = useParams();
  const initiative = useInitiative(slug);
  return <QueryState query={initiative}>{(data) => <InitiativeView initiative={data} />}</QueryState>;
}

function refLabel(ref: InitiativeRef) {
  return ref.acronym ? `${ref.acronym} — ${ref.name}` : ref.name;
}

function RefLink({ value }: { value: InitiativeRef }) {
  return (
    <Anchor component={Link} to={`/initiatives/${value.slug}`}>
      {refLabel(value)}
    </Anchor>
  );
}

function InitiativeView({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation('portal');
  const title = initiative.acronym ? `${initiative.name} (${initiative.acronym})` : initiative.name;
  usePageTitle(initiative.acronym ?? initiative.name);
  useMetaDescription(initiative.mandate);
  const { related } = initiative;

  return (
    <PortalPage size="xl">
      <Breadcrumbs mb="sm" aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
        <Anchor component={Link} to="/initiatives">
          {t('nav.initiatives')}
        </Anchor>
      </Breadcrumbs>
      <Title order={1} mb="md">
        {title}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <section aria-labelledby="initiative-mandate">
              <Title order={2} size="h4" id="initiative-mandate">
                {t('initiatives.mandate')}
              </Title>
              <Text lang="en" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {initiative.mandate}
              </Text>
            </section>
            <Table variant="vertical" layout="fixed" withTableBorder>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w="35%">{t('initiatives.status')}</Table.Th>
                  <Table.Td>{t(`initiativeStatus.${initiative.status}`)}</Table.Td>
                </Table.Tr>
                {initiative.founded && (
                  <Table.Tr>
                    <Table.Th>{t('initiatives.founded')}</Table.Th>
                    <Table.Td>
                      {initiative.founded}
                      {initiative.ended && ` – ${initiative.ended}`}
                    </Table.Td>
                  </Table.Tr>
                )}
                {initiative.seat && (
                  <Table.Tr>
                    <Table.Th>{t('initiatives.seat')}</Table.Th>
                    <Table.Td>{initiative.seat}</Table.Td>
                  </Table.Tr>
                )}
                {initiative.website && (
                  <Table.Tr>
                    <Table.Th>{t('initiatives.website')}</Table.Th>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Anchor href={initiative.website} target="_blank" rel="noopener noreferrer">
                        {initiative.website}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                )}
                {initiative.parent && (
                  <Table.Tr>
                    <Table.Th>{t('initiatives.parent')}</Table.Th>
                    <Table.Td>
                      <RefLink value={initiative.parent} />
                    </Table.Td>
                  </Table.Tr>
                )}
                {initiative.successor && (
                  <Table.Tr>
                    <Table.Th>{t('initiatives.successor')}</Table.Th>
                    <Table.Td>
                      <RefLink value={initiative.successor} />
                    </Table.Td>
                  </Table.Tr>
                )}
                {initiative.predecessors.length > 0 && (
                  <Table.Tr>
                    <Table.Th>{t('initiatives.predecessors')}</Table.Th>
                    <Table.Td>
                      <RefList items={initiative.predecessors} />
                    </Table.Td>
                  </Table.Tr>
                )}
                {initiative.children.length > 0 && (
                  <Table.Tr>
                    <Table.Th>{t('initiatives.children')}</Table.Th>
                    <Table.Td>
                      <RefList items={initiative.children} />
                    </Table.Td>
                  </Table.Tr>
                )}
                {initiative.otherMembers && (
                  <Table.Tr>
                    <Table.Th>{t('initiatives.otherMembers')}</Table.Th>
                    <Table.Td lang="en">{initiative.otherMembers}</Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
            <TopicChips topics={initiative.topics} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="initiative-members">
            <Title order={2} size="h4" id="initiative-members" mb="sm">
              {t('initiatives.members')}
            </Title>
            <MembershipMap name={initiative.acronym ?? initiative.name} members={initiative.memberEconomies} />
          </Paper>
        </Grid.Col>
      </Grid>
      <GatheredSections
        items={related}
        headings={{
          articles: { title: t('initiatives.relatedArticles') },
          documents: { title: t('initiatives.relatedDocuments') },
          events: { title: t('initiatives.relatedEvents') },
        }}
      />
    </PortalPage>
  );
}

function RefList({ items }: { items: InitiativeRef[] }) {
  return (
    <List size="sm" listStyleType="none" spacing={2}>
      {items.map((item) => (
        <List.Item key={item.slug}>
          <RefLink value={item} />
        </List.Item>
      ))}
    </List>
  );
}
