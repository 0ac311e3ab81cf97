import { Alert, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rate, RateList } from '../../../contract/registry';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useRates, useSetRate } from './api';
import { csvHref } from './components';

interface RateDraft {
  currency: string;
  year: number | string;
  rate: number | string;
  source: string;
}

/** The secretariat's form: a new year or currency, or a correction of a listed rate. */
function RateForm({ initial, onDone }: { initial: RateDraft; onDone: () => void }) {
  const { t } = useTranslation('registry');
  const [draft, setDraft] = useState(initial);
  const save = useSetRate();
  const currencyValid = /^[A-Z]{3}$/.test(draft.currency) && draft.currency !== 'EUR';
  const rateValid = Number(draft.rate) > 0;
  const sourceValid = draft.source.trim().length >= 5;
  const yearValid = Number.isInteger(Number(draft.year)) && Number(draft.year) >= 1999 && Number(draft.year) <= 2100;
  const submit = () =>
    save.mutate({ currency: draft.currency, year: Number(draft.year), rate: Number(draft.rate), source: draft.source.trim() }, { onSuccess: onDone });
  return (
    <Card withBorder>
      <Stack>
        <Group align="start" grow>
          <TextInput label={t('rates.currency')} value={draft.currency} onChange={(event) => setDraft({ ...draft, currency: event.currentTarget.value.toUpperCase() })} error={draft.currency && !currencyValid ? t('rates.error.currency') : undefined} maxLength={3} required />
          <NumberInput label={t('rates.year')} value={draft.year} onChange={(year) => setDraft({ ...draft, year })} error={!yearValid ? t('rates.error.year') : undefined} allowDecimal={false} required />
          <NumberInput label={t('rates.rate')} description={t('rates.rateHelp')} value={draft.rate} onChange={(rate) => setDraft({ ...draft, rate })} decimalScale={6} error={draft.rate !== '' && !rateValid ? t('rates.error.rate') : undefined} required />
        </Group>
        <TextInput label={t('rates.source')} value={draft.source} onChange={(event) => setDraft({ ...draft, source: event.currentTarget.value })} error={draft.source && !sourceValid ? t('rates.error.source') : undefined} required />
        {save.error && <Alert color="red" role="alert" title={t('error.title')}>{save.error instanceof ApiError && save.error.status < 500 ? t('rates.error.refused') : save.error.message}</Alert>}
        <Group>
          <Button onClick={submit} loading={save.isPending} disabled={!currencyValid || !rateValid || !sourceValid || !yearValid}>{t('rates.save')}</Button>
          <Button variant="default" onClick={onDone}>{t('rates.cancel')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function RatesTable({ data }: { data: RateList }) {
  const { t } = useTranslation('registry');
  const [editing, setEditing] = useState<RateDraft | null>(null);
  const csv = csvHref([[t('rates.currency'), t('rates.year'), t('rates.rate'), t('rates.source')], ...data.items.map((rate) => [rate.currency, rate.year, rate.rate, rate.source])]);
  const edit = (rate: Rate) => setEditing({ currency: rate.currency, year: rate.year, rate: rate.rate, source: rate.source });
  return (
    <Stack>
      <Group>
        <Button component="a" variant="outline" href={csv} download="exchange-rates.csv">{t('threeW.csv')}</Button>
        {data.abilities.manage && !editing && <Button onClick={() => setEditing({ currency: '', year: new Date().getFullYear() - 1, rate: '', source: '' })}>{t('rates.add')}</Button>}
      </Group>
      {editing && <RateForm key={`${editing.currency}-${editing.year}`} initial={editing} onDone={() => setEditing(null)} />}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rates.currency')}</Table.Th>
            <Table.Th>{t('rates.year')}</Table.Th>
            <Table.Th ta="right">{t('rates.rate')}</Table.Th>
            <Table.Th>{t('rates.source')}</Table.Th>
            <Table.Th>{t('rates.updated')}</Table.Th>
            {data.abilities.manage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((rate) => (
            <Table.Tr key={`${rate.currency}-${rate.year}`} data-testid="rate">
              <Table.Td>{rate.currency}</Table.Td>
              <Table.Td>{rate.year}</Table.Td>
              <Table.Td ta="right">{formatNumber(rate.rate, { maximumFractionDigits: 6 })}</Table.Td>
              <Table.Td><Text size="sm">{rate.source}</Text></Table.Td>
              <Table.Td><Text size="sm">{formatDateTime(rate.updatedAt)}</Text></Table.Td>
              {data.abilities.manage && (
                <Table.Td><Button size="xs" variant="subtle" onClick={() => edit(rate)} aria-label={t('rates.editOne', { currency: rate.currency, year: rate.year })}>{t('rates.edit')}</Button></Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The annual average rates the EUR figures of budgets, charts and CSV files are converted with, and their sources. */
export function RatesPage() {
  const { t } = useTranslation('registry');
  usePageTitle(t('rates.title'));
  const rates = useRates();
  return (
    <Stack>
      <Title order={1}>{t('rates.title')}</Title>
      <Text>{t('rates.intro')}</Text>
      <Text size="sm">{t('rates.rule')}</Text>
      <QueryState query={rates}>{(data) => <RatesTable data={data} />}</QueryState>
    </Stack>
  );
}
