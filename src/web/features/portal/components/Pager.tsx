import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  total: number;
  page: number;
  pageSize: number;
  onChange: (page: number) => void;
}

/** Paging under a list, with the count of results; hidden when everything fits on one page. */
export function Pager({ total, page, pageSize, onChange }: PagerProps) {
  const { t } = useTranslation('portal');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('paging.results', { count: total })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('paging.label')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={(value) => {
              onChange(value);
              window.scrollTo({ top: 0 });
            }}
            siblings={1}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': t(`paging.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('paging.page', { page: item }) })}
          />
        </nav>
      )}
    </Group>
  );
}
