import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../contract/cases-interop';
import { formatNumber } from '../../../i18n/format';

const COLOURS = { create: 'blue', merge: 'grape', in_case: 'gray', rejected: 'red' } as const;

/** What the import would do, row by row, with the totals and the skipped objects. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('cases-interop');
  const reason = (text: string) => {
    const at = text.indexOf(': ');
    const [path, code] = at < 0 ? ['', text] : [text.slice(0, at), text.slice(at + 2)];
    if (path === 'same_as') return t('preview.sameAs', { source: code });
    return `${path ? `${path}: ` : ''}${t(`error.${code}`, { defaultValue: code })}`;
  };
  return (
    <Stack gap="xs">
      <Group gap="xs" aria-label={t('preview.totals')}>
        {(['create', 'merge', 'in_case', 'rejected'] as const).map((action) => (
          <Badge key={action} variant="light" color={COLOURS[action]}>{t(`action.${action}`)}: {formatNumber(preview.counts[action])}</Badge>
        ))}
        <Badge variant="light" color="gray">{t('preview.relationships', { formatted: formatNumber(preview.relationships) })}</Badge>
      </Group>
      <Table.ScrollContainer minWidth={500} mah={320}>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>{t('preview.source')}</Table.Th><Table.Th>{t('preview.kind')}</Table.Th><Table.Th>{t('preview.value')}</Table.Th><Table.Th>{t('preview.action')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {preview.items.map((item, index) => (
              <Table.Tr key={`${item.source}:${index}`}>
                <Table.Td><Text size="xs" ff="monospace">{item.source}</Text></Table.Td>
                <Table.Td>{item.kind ? t(`cases:entity.kind.${item.kind}`) : '—'}</Table.Td>
                <Table.Td>{item.label}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={COLOURS[item.action]}>{t(`action.${item.action}`)}</Badge>
                  {item.reasons.map((text) => <Text key={text} size="xs">{reason(text)}</Text>)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {preview.skipped.length > 0 && (
        <Text size="sm">{t('preview.skipped', { types: [...new Set(preview.skipped.map((item) => item.type))].join(', '), formatted: formatNumber(preview.skipped.length) })}</Text>
      )}
    </Stack>
  );
}
