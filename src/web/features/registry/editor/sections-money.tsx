import { Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RESULT_TYPES, TRANSACTION_TYPES } from '../../../../contract/registry';
import type { Draft } from './draft';
import { Rows, Section } from './Rows';
import type { SectionProps } from './sections-core';

const DOCUMENT_FORMATS = ['application/pdf', 'text/html', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];
const amount = (value: number | string) => Math.max(0, Number(value) || 0);

export function FinanceSection({ draft, update, error, options }: SectionProps) {
  const { t } = useTranslation('registry');
  const start = draft.plannedStart;
  const end = draft.plannedEnd;
  return (
    <Section title={t('editor.section.finance')}>
      <Text size="sm" c="dimmed">{t('editor.budgetHelp')}</Text>
      <Rows
        label={t('field.budget')}
        items={draft.budgets}
        onChange={(budgets) => update({ budgets })}
        blank={() => ({ periodStart: start, periodEnd: end, value: 0, currency: 'EUR', valueDate: start })}
        render={(budget, set, index) => (
          <Group grow align="start">
            <TextInput type="date" label={t('field.periodStart')} value={budget.periodStart} onChange={(event) => set({ ...budget, periodStart: event.currentTarget.value })} error={error(`budgets.${index}.periodStart`)} />
            <TextInput type="date" label={t('field.periodEnd')} value={budget.periodEnd} onChange={(event) => set({ ...budget, periodEnd: event.currentTarget.value })} error={error(`budgets.${index}.periodEnd`)} />
            <NumberInput label={t('field.value')} value={budget.value} min={0} thousandSeparator=" " onChange={(value) => set({ ...budget, value: amount(value) })} />
            <Select label={t('field.currency')} data={options.currencies} value={budget.currency} onChange={(currency) => set({ ...budget, currency: currency ?? 'EUR' })} error={error(`budgets.${index}.currency`)} allowDeselect={false} searchable />
            <TextInput type="date" label={t('field.valueDate')} value={budget.valueDate} onChange={(event) => set({ ...budget, valueDate: event.currentTarget.value })} />
          </Group>
        )}
      />
      <Rows
        label={t('field.transaction')}
        items={draft.transactions}
        onChange={(transactions) => update({ transactions })}
        blank={(): Draft['transactions'][number] => ({ type: 'commitment', date: start, value: 0, currency: 'EUR', providerOrg: null, receiverOrg: null })}
        render={(transaction, set, index) => (
          <Group grow align="start">
            <Select label={t('field.transactionType')} data={TRANSACTION_TYPES.map((type) => ({ value: type, label: t(`transactionType.${type}`) }))} value={transaction.type} onChange={(type) => set({ ...transaction, type: (type ?? 'commitment') as typeof transaction.type })} allowDeselect={false} />
            <TextInput type="date" label={t('field.date')} value={transaction.date} onChange={(event) => set({ ...transaction, date: event.currentTarget.value })} error={error(`transactions.${index}.date`)} />
            <NumberInput label={t('field.value')} value={transaction.value} min={0} thousandSeparator=" " onChange={(value) => set({ ...transaction, value: amount(value) })} />
            <Select label={t('field.currency')} data={options.currencies} value={transaction.currency} onChange={(currency) => set({ ...transaction, currency: currency ?? 'EUR' })} error={error(`transactions.${index}.currency`)} allowDeselect={false} searchable />
            <TextInput label={t('field.providerOrg')} value={transaction.providerOrg ?? ''} onChange={(event) => set({ ...transaction, providerOrg: event.currentTarget.value || null })} />
            <TextInput label={t('field.receiverOrg')} value={transaction.receiverOrg ?? ''} onChange={(event) => set({ ...transaction, receiverOrg: event.currentTarget.value || null })} />
          </Group>
        )}
      />
    </Section>
  );
}

export function ContactsSection({ draft, update, error }: SectionProps) {
  const { t } = useTranslation('registry');
  return (
    <Section title={t('editor.section.contacts')}>
      <Rows
        label={t('field.contact')}
        items={draft.contacts}
        onChange={(contacts) => update({ contacts })}
        blank={() => ({ organisation: null, person: null, email: null, telephone: null })}
        render={(contact, set, index) => (
          <Group grow align="start">
            <TextInput label={t('field.organisationName')} value={contact.organisation ?? ''} onChange={(event) => set({ ...contact, organisation: event.currentTarget.value })} />
            <TextInput label={t('field.person')} value={contact.person ?? ''} onChange={(event) => set({ ...contact, person: event.currentTarget.value })} />
            <TextInput label={t('field.email')} type="email" value={contact.email ?? ''} onChange={(event) => set({ ...contact, email: event.currentTarget.value })} error={error(`contacts.${index}.email`)} />
            <TextInput label={t('field.telephone')} value={contact.telephone ?? ''} onChange={(event) => set({ ...contact, telephone: event.currentTarget.value })} />
          </Group>
        )}
      />
      <Rows
        label={t('field.document')}
        items={draft.documents}
        onChange={(documents) => update({ documents })}
        blank={() => ({ title: '', url: 'https://', format: 'application/pdf' })}
        render={(document, set, index) => (
          <Group grow align="start">
            <TextInput label={t('field.documentTitle')} value={document.title} onChange={(event) => set({ ...document, title: event.currentTarget.value })} error={error(`documents.${index}.title`)} />
            <TextInput label={t('field.url')} value={document.url} onChange={(event) => set({ ...document, url: event.currentTarget.value })} error={error(`documents.${index}.url`)} />
            <Select label={t('field.format')} data={DOCUMENT_FORMATS.map((format) => ({ value: format, label: t(`format.${format.split('/')[1]!.split('.').pop()}`, { defaultValue: format }) }))} value={document.format} onChange={(format) => set({ ...document, format: format ?? 'application/pdf' })} allowDeselect={false} />
          </Group>
        )}
      />
    </Section>
  );
}

type Result = Draft['results'][number];
type Indicator = Result['indicators'][number];

function IndicatorRows({ result, set, path, error }: { result: Result; set: (next: Result) => void; path: string; error: SectionProps['error'] }) {
  const { t } = useTranslation('registry');
  const number = (value: number | string) => (value === '' ? null : Number(value));
  return (
    <Rows
      label={t('field.indicator')}
      items={result.indicators}
      onChange={(indicators) => set({ ...result, indicators })}
      blank={(): Indicator => ({ title: '', measure: 'unit', baseline: null, target: null })}
      render={(indicator, setIndicator, at) => (
        <Stack gap={4}>
          <Group grow align="start">
            <TextInput label={t('field.indicatorTitle')} value={indicator.title} onChange={(event) => setIndicator({ ...indicator, title: event.currentTarget.value })} />
            <Select label={t('field.measure')} data={(['unit', 'percentage'] as const).map((measure) => ({ value: measure, label: t(`measure.${measure}`) }))} value={indicator.measure} onChange={(measure) => setIndicator({ ...indicator, measure: (measure ?? 'unit') as Indicator['measure'] })} allowDeselect={false} />
          </Group>
          <Group grow align="start">
            <NumberInput label={t('field.baselineYear')} value={indicator.baseline?.year ?? ''} min={1990} max={2100} allowDecimal={false} onChange={(value) => setIndicator({ ...indicator, baseline: number(value) === null ? null : { year: Number(value), value: indicator.baseline?.value ?? 0 } })} />
            <NumberInput label={t('field.baselineValue')} value={indicator.baseline?.value ?? ''} disabled={!indicator.baseline} onChange={(value) => indicator.baseline && setIndicator({ ...indicator, baseline: { ...indicator.baseline, value: Number(value) || 0 } })} />
            <TextInput type="date" label={t('field.targetStart')} value={indicator.target?.periodStart ?? ''} onChange={(event) => setIndicator({ ...indicator, target: event.currentTarget.value ? { periodStart: event.currentTarget.value, periodEnd: indicator.target?.periodEnd ?? event.currentTarget.value, value: indicator.target?.value ?? 0 } : null })} />
            <TextInput type="date" label={t('field.targetEnd')} value={indicator.target?.periodEnd ?? ''} disabled={!indicator.target} onChange={(event) => indicator.target && setIndicator({ ...indicator, target: { ...indicator.target, periodEnd: event.currentTarget.value } })} error={error(`${path}.indicators.${at}.target.periodEnd`)} />
            <NumberInput label={t('field.targetValue')} value={indicator.target?.value ?? ''} disabled={!indicator.target} onChange={(value) => indicator.target && setIndicator({ ...indicator, target: { ...indicator.target, value: Number(value) || 0 } })} />
          </Group>
        </Stack>
      )}
    />
  );
}

export function ResultsSection({ draft, update, error }: SectionProps) {
  const { t } = useTranslation('registry');
  return (
    <Section title={t('editor.section.results')}>
      <Rows
        label={t('field.result')}
        items={draft.results}
        onChange={(results) => update({ results })}
        blank={(): Result => ({ type: 'output', title: '', indicators: [] })}
        render={(result, set, index) => (
          <Stack gap={4}>
            <Group grow align="start">
              <Select label={t('field.resultType')} data={RESULT_TYPES.map((type) => ({ value: type, label: t(`resultType.${type}`) }))} value={result.type} onChange={(type) => set({ ...result, type: (type ?? 'output') as Result['type'] })} allowDeselect={false} maw={200} />
              <TextInput label={t('field.resultTitle')} value={result.title} onChange={(event) => set({ ...result, title: event.currentTarget.value })} />
            </Group>
            <IndicatorRows result={result} set={set} path={`results.${index}`} error={error} />
          </Stack>
        )}
      />
    </Section>
  );
}
