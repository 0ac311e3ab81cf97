import { Button, Group, Paper, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUrlFilters } from './useUrlFilters';

export interface FilterDefinition {
  /** The URL parameter, also sent to the API. */
  name: string;
  label: string;
  options: { value: string; label: string }[];
}

/** Select filters bound to URL parameters, with a clear button; one column on phones. */
export function FilterPanel({ filters }: { filters: FilterDefinition[] }) {
  const { t } = useTranslation('portal');
  const { get, set, clear } = useUrlFilters();
  const active = filters.some((filter) => get(filter.name));

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('filters.title')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: Math.min(filters.length, 4) }} spacing="sm">
        {filters.map((filter) => (
          <Select
            key={filter.name}
            label={filter.label}
            placeholder={t('filters.any')}
            data={filter.options}
            value={get(filter.name) ?? null}
            onChange={(value) => set(filter.name, value)}
            clearable
            searchable={filter.options.length > 8}
            comboboxProps={{ withinPortal: true }}
          />
        ))}
      </SimpleGrid>
      {active && (
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" size="compact-sm" onClick={() => clear(filters.map((filter) => filter.name))}>
            {t('filters.clear')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
