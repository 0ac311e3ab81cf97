import { ActionIcon, Alert, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { EditorIndicator } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { useEditorRecord } from '../api';
import { useEconomyName, useEconomyOptions } from '../components/economies';
import { EditorShell } from './EditorShell';
import { TopicsField } from './fields';
import { problemMessage, slugify } from './formErrors';
import { toIndicatorInput, toIndicatorValues, type IndicatorValues } from './indicatorGrid';
import { useSubmitEditorRecord } from './useSubmitEditorRecord';
import { WorkflowPanel } from './WorkflowPanel';

/** /editor/indicators/new and /editor/indicators/:id (needs portal.statistics.edit). */
export function Component() {
  const { id } = useParams();
  const record = useEditorRecord('indicators', id);
  if (!id) return <IndicatorForm key="new" />;
  return <QueryState query={record}>{(data) => <IndicatorForm key={data.id} record={data} />}</QueryState>;
}

function IndicatorForm({ record }: { record?: EditorIndicator }) {
  const { t } = useTranslation('portal');
  const economyName = useEconomyName();
  const economyOptions = useEconomyOptions();
  const { save, submit: saveRecord } = useSubmitEditorRecord('indicators', record?.id);
  const form = useForm<IndicatorValues>({ initialValues: toIndicatorValues(record) });
  const [newYear, setNewYear] = useState<number | string>('');
  const editable = !record || record.workflow.abilities.edit;
  const { years, rows } = form.values;

  useEffect(() => {
    if (record) form.setValues(toIndicatorValues(record));
  }, [record]);

  const addYear = () => {
    const year = Number(newYear);
    if (!Number.isInteger(year) || year < 1900 || year > 2100 || years.includes(year)) return;
    const order = [...years, year].sort((a, b) => a - b);
    const at = order.indexOf(year);
    form.setValues({ years: order, rows: rows.map((row) => ({ ...row, values: [...row.values.slice(0, at), '', ...row.values.slice(at)] })) });
    setNewYear('');
  };
  const removeYear = (index: number) =>
    form.setValues({ years: years.filter((_, i) => i !== index), rows: rows.map((row) => ({ ...row, values: row.values.filter((_, i) => i !== index) })) });
  const addEconomy = (economy: string | null) => {
    if (economy && !rows.some((row) => row.economy === economy)) form.insertListItem('rows', { economy, values: years.map(() => '') });
  };

  const submit = form.onSubmit((values) => {
    const parsed = toIndicatorInput(values);
    saveRecord(parsed, form.setErrors);
  });

  return (
    <EditorShell title={record ? t('editor.editIndicator') : t('editor.newIndicator')} aside={record && <WorkflowPanel type="indicators" id={record.id} workflow={record.workflow} />}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {!editable && <Alert color="blue">{t('editor.readOnly')}</Alert>}
          <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              <TextInput
                label={t('fields.name')}
                required
                {...form.getInputProps('name')}
                onBlur={() => !form.values.slug && form.values.name && form.setFieldValue('slug', slugify(form.values.name))}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('fields.slug')}
                  description={t('fields.slugHelp')}
                  required
                  {...form.getInputProps('slug')}
                />
                <TextInput label={t('fields.unit')} required {...form.getInputProps('unit')} />
                <TextInput label={t('fields.sourceName')} required {...form.getInputProps('sourceName')} />
                <TextInput label={t('fields.sourceUrl')} type="url" {...form.getInputProps('sourceUrl')} />
                <TopicsField label={t('fields.topics')} value={form.values.topics} onChange={(value) => form.setFieldValue('topics', value)} error={form.errors.topics} />
              </SimpleGrid>
              <Checkbox label={t('fields.illustrative')} {...form.getInputProps('illustrative', { type: 'checkbox' })} />
              <Textarea label={t('fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
              <Title order={2} size="h4">
                {t('indicatorForm.series')}
              </Title>
              <Group align="flex-end" gap="xs">
                <NumberInput label={t('indicatorForm.year')} value={newYear} onChange={setNewYear} min={1900} max={2100} w={120} allowDecimal={false} />
                <Button variant="light" onClick={addYear}>
                  {t('indicatorForm.addYear')}
                </Button>
                <Select
                  label={t('indicatorForm.addEconomy')}
                  data={economyOptions.filter((option) => !rows.some((row) => row.economy === option.value))}
                  value={null}
                  onChange={addEconomy}
                  searchable
                  w={220}
                />
              </Group>
              {rows.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('indicatorForm.noRows')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={200 + years.length * 110}>
                  <Table withTableBorder>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('statistics.economy')}</Table.Th>
                        {years.map((year, index) => (
                          <Table.Th key={year} scope="col">
                            <Group gap={4} wrap="nowrap">
                              {year}
                              <ActionIcon size="xs" variant="subtle" color="red" aria-label={t('indicatorForm.removeYear', { year })} onClick={() => removeYear(index)}>
                                ×
                              </ActionIcon>
                            </Group>
                          </Table.Th>
                        ))}
                        <Table.Th scope="col">
                          <VisuallyHidden>{t('indicatorForm.actions')}</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((row, rowIndex) => (
                        <Table.Tr key={row.economy}>
                          <Table.Th scope="row">{economyName(row.economy)}</Table.Th>
                          {years.map((year, index) => (
                            <Table.Td key={year}>
                              <NumberInput
                                aria-label={t('indicatorForm.cell', { economy: economyName(row.economy), year })}
                                size="xs"
                                hideControls
                                decimalScale={4}
                                {...form.getInputProps(`rows.${rowIndex}.values.${index}`)}
                              />
                            </Table.Td>
                          ))}
                          <Table.Td>
                            <Button size="compact-xs" variant="subtle" color="red" onClick={() => form.removeListItem('rows', rowIndex)}>
                              {t('indicatorForm.removeRow')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          </fieldset>
          {save.error && (
            <Alert color="red" role="alert" title={t('editor.saveFailed')}>
              {problemMessage(save.error, t('editor.saveFailed'))}
            </Alert>
          )}
          {editable && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {record ? t('editor.save') : t('editor.createDraft')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </EditorShell>
  );
}
