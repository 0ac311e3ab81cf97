import { Anchor, Blockquote, Breadcrumbs, Button, Grid, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Document } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useDocument } from '../api';
import { formatBytes, formatDate, formatNumber } from '../../../i18n/format';
import { languageLabel } from '../components/languageLabel';
import { PortalPage } from '../components/layout';
import { EconomyBadges, TopicChips } from '../components/TopicChips';
import { useMetaDescription } from '../components/useMetaDescription';

export function DocumentPage() {
  const { slug = '' } = useParams();
  const document = useDocument(slug);
  return <QueryState query={document}>{(data) => <DocumentView document={data} />}</QueryState>;
}

export function DocumentView({ document }: { document: Document }) {
  const { t } = useTranslation('portal');
  usePageTitle(document.title);
  useMetaDescription(document.summary);
  const { file } = document;

  return (
    <PortalPage size="md">
      <Breadcrumbs mb="sm" aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
        <Anchor component={Link} to="/documents">
          {t('nav.documents')}
        </Anchor>
      </Breadcrumbs>
      <Stack gap="sm">
        <Text size="sm" fw={700} c="blue.8" tt="uppercase">
          {t(`documentKind.${document.kind}`)}
        </Text>
        <Title order={1} lang={document.language}>
          {document.title}
        </Title>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <Stack gap="sm">
              {document.summary && <Text lang={document.language}>{document.summary}</Text>}
              <Title order={2} size="h4">
                {t('documents.preview')}
              </Title>
              <Blockquote p="md" lang={document.language} style={{ whiteSpace: 'pre-line' }} cite={t('documents.previewNote')}>
                {document.preview.text || t('documents.noPreview')}
              </Blockquote>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Paper withBorder p="md" radius="md">
              <Button component="a" href={file.downloadUrl} download={file.fileName} fullWidth mb="md">
                {t('documents.download', { format: file.format.toUpperCase(), size: formatBytes(file.sizeBytes) })}
              </Button>
              <Table variant="vertical" layout="fixed" withRowBorders={false} fz="sm">
                <Table.Tbody>
                  <Row label={t('documents.publisher')} value={document.publisher} />
                  <Row label={t('documents.published')} value={formatDate(document.publishedOn)} />
                  <Row label={t('documents.language')} value={languageLabel(document.language)} />
                  <Row label={t('documents.file')} value={file.fileName} />
                  {file.pageCount !== null && <Row label={t('documents.pages')} value={formatNumber(file.pageCount)} />}
                </Table.Tbody>
              </Table>
              <Stack gap="xs" mt="md">
                <TopicChips topics={document.topics} />
                <EconomyBadges economies={document.economies} />
              </Stack>
              {document.events.length > 0 && (
                <>
                  <Title order={2} size="h5" mt="md">
                    {t('documents.events')}
                  </Title>
                  <List size="sm">
                    {document.events.map((event) => (
                      <List.Item key={event.slug}>
                        <Anchor component={Link} to={`/events/${event.slug}`}>
                          {event.title}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Paper>
          </Grid.Col>
        </Grid>
      </Stack>
    </PortalPage>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w="40%">{label}</Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
    </Table.Tr>
  );
}
