import { Checkbox, Group, MultiSelect, Select, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, TLP_LEVELS } from '../../../../contract/core';
import { ACTIVITY_STATUSES, DAC_SECTORS, NARRATIVE_LANGUAGES, ORGANISATION_ROLES, ORGANISATION_TYPES, type RegistryOptions, TARGET_GROUPS } from '../../../../contract/registry';
import type { Draft } from './draft';
import { Rows, Section } from './Rows';

export interface SectionProps {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  /** The translated problem of a path, if any. */
  error: (path: string) => string | undefined;
  options: RegistryOptions;
}

type Lang = Draft['title'][number]['lang'];

export function BasicsSection({ draft, update, error }: SectionProps) {
  const { t } = useTranslation('registry');
  const org = draft.reportingOrg;
  const date = (key: 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd', required: boolean) => (
    <TextInput type="date" label={t(`field.${key}`)} value={draft[key] ?? ''} onChange={(event) => update({ [key]: event.currentTarget.value })} error={error(key)} required={required} />
  );
  return (
    <Section title={t('editor.section.basics')}>
      <TextInput label={t('field.identifier')} description={t('editor.identifierHelp')} value={draft.identifier} onChange={(event) => update({ identifier: event.currentTarget.value })} error={error('identifier')} required />
      <Group grow align="start">
        <TextInput label={t('field.reportingOrgRef')} value={org.ref} onChange={(event) => update({ reportingOrg: { ...org, ref: event.currentTarget.value } })} error={error('reportingOrg.ref')} required />
        <TextInput label={t('field.reportingOrg')} value={org.name} onChange={(event) => update({ reportingOrg: { ...org, name: event.currentTarget.value } })} error={error('reportingOrg.name')} required />
        <Select label={t('field.orgType')} data={ORGANISATION_TYPES.map((type) => ({ value: type, label: `${type} ${t(`orgType.${type}`)}` }))} value={org.type} onChange={(type) => update({ reportingOrg: { ...org, type: (type ?? '10') as typeof org.type } })} allowDeselect={false} />
      </Group>
      <Group grow align="start">
        <Select label={t('field.status')} data={ACTIVITY_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))} value={draft.status} onChange={(status) => update({ status: (status ?? 'pipeline') as Draft['status'] })} allowDeselect={false} />
        {date('plannedStart', true)}
        {date('plannedEnd', true)}
      </Group>
      <Group grow align="start">
        {date('actualStart', false)}
        {date('actualEnd', false)}
      </Group>
    </Section>
  );
}

export function TextsSection({ draft, update, error }: SectionProps) {
  const { t } = useTranslation('registry');
  const languages = NARRATIVE_LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }));
  const nextLang = (used: { lang: Lang }[]) => NARRATIVE_LANGUAGES.find((lang) => !used.some((entry) => entry.lang === lang)) ?? 'en';
  return (
    <Section title={t('editor.section.texts')}>
      <Rows
        label={t('field.titleShort')}
        items={draft.title}
        onChange={(title) => update({ title })}
        blank={() => ({ lang: nextLang(draft.title), text: '' })}
        error={error('title')}
        render={(entry, set, index) => (
          <Group grow align="start">
            <Select label={t('field.language')} data={languages} value={entry.lang} onChange={(lang) => set({ ...entry, lang: (lang ?? 'en') as Lang })} allowDeselect={false} maw={200} />
            <TextInput label={t('field.titleIn', { language: t(`language.${entry.lang}`) })} value={entry.text} onChange={(event) => set({ ...entry, text: event.currentTarget.value })} required={index === 0} />
          </Group>
        )}
      />
      <Rows
        label={t('field.description')}
        items={draft.description}
        onChange={(description) => update({ description })}
        blank={() => ({ lang: nextLang(draft.description), text: '' })}
        error={error('description')}
        render={(entry, set, index) => (
          <Group grow align="start">
            <Select label={t('field.language')} data={languages} value={entry.lang} onChange={(lang) => set({ ...entry, lang: (lang ?? 'en') as Lang })} allowDeselect={false} maw={200} />
            <Textarea label={t('field.descriptionIn', { language: t(`language.${entry.lang}`) })} value={entry.text} onChange={(event) => set({ ...entry, text: event.currentTarget.value })} autosize minRows={2} required={index === 0} />
          </Group>
        )}
      />
    </Section>
  );
}

export function OrganisationsSection({ draft, update, error }: SectionProps) {
  const { t } = useTranslation('registry');
  return (
    <Section title={t('editor.section.organisations')}>
      <Rows
        label={t('field.organisation')}
        items={draft.participatingOrgs}
        onChange={(participatingOrgs) => update({ participatingOrgs })}
        blank={(): Draft['participatingOrgs'][number] => ({ role: 'implementing', name: '', ref: null })}
        error={error('participatingOrgs')}
        render={(org, set, index) => (
          <Group grow align="start">
            <Select label={t('field.role')} data={ORGANISATION_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} value={org.role} onChange={(role) => set({ ...org, role: (role ?? 'implementing') as typeof org.role })} allowDeselect={false} />
            <TextInput label={t('field.organisationName')} value={org.name} onChange={(event) => set({ ...org, name: event.currentTarget.value })} />
            <TextInput label={t('field.reportingOrgRef')} value={org.ref ?? ''} onChange={(event) => set({ ...org, ref: event.currentTarget.value })} error={error(`participatingOrgs.${index}.ref`)} />
          </Group>
        )}
      />
    </Section>
  );
}

export function ClassificationSection({ draft, update, options }: SectionProps) {
  const { t } = useTranslation('registry');
  return (
    <Section title={t('editor.section.classification')}>
      <MultiSelect label={t('field.topics')} data={options.topics.map((topic) => ({ value: topic.slug, label: t(`topic.${topic.slug}`, { defaultValue: topic.name }) }))} value={draft.topics} onChange={(topics) => update({ topics })} />
      <MultiSelect label={t('field.targetGroups')} data={TARGET_GROUPS.map((group) => ({ value: group, label: t(`group.${group}`) }))} value={draft.targetGroups} onChange={(groups) => update({ targetGroups: groups as Draft['targetGroups'] })} />
      <MultiSelect label={t('field.sectors')} data={DAC_SECTORS.map((code) => ({ value: code, label: `${code} ${t(`sector.${code}`)}` }))} value={draft.sectors} onChange={(sectors) => update({ sectors: sectors as Draft['sectors'] })} />
    </Section>
  );
}

const privateMarking = () => ({ classification: 'RESTRICTED' as const, tlp: 'AMBER' as const, releasableEconomies: [], releasableOrganisations: [], sharingGroups: [], originatorControl: false });

export function VisibilitySection({ draft, update, error, options }: SectionProps) {
  const { t } = useTranslation('registry');
  const visibility = draft.visibility;
  const marking = visibility.public ? null : visibility.marking;
  const setMarking = (patch: Partial<NonNullable<typeof marking>>) => marking && update({ visibility: { public: false, marking: { ...marking, ...patch } } });
  return (
    <Section title={t('editor.section.visibility')}>
      <Checkbox label={t('field.publicCheckbox')} checked={visibility.public} onChange={(event) => update({ visibility: event.currentTarget.checked ? { public: true } : { public: false, marking: privateMarking() } })} />
      {marking && (
        <>
          <Group grow align="start">
            <Select label={t('field.classification')} data={CLASSIFICATIONS.filter((level) => level !== 'PUBLIC').map((level) => ({ value: level, label: t(`classification.${level}`) }))} value={marking.classification} onChange={(value) => setMarking({ classification: (value ?? 'RESTRICTED') as typeof marking.classification })} allowDeselect={false} error={error('visibility.marking.classification')} />
            <Select label={t('field.tlp')} data={TLP_LEVELS.map((level) => ({ value: level, label: `TLP:${level}` }))} value={marking.tlp} onChange={(value) => setMarking({ tlp: (value ?? 'AMBER') as typeof marking.tlp })} allowDeselect={false} />
          </Group>
          <MultiSelect label={t('field.releasableTo')} data={options.economies} value={marking.releasableEconomies} onChange={(releasableEconomies) => setMarking({ releasableEconomies })} error={error('visibility.marking.releasableEconomies')} />
          <MultiSelect label={t('field.releasableOrganisations')} data={options.markingChoices.organisations.map((org) => ({ value: org.id, label: org.name }))} value={marking.releasableOrganisations} onChange={(releasableOrganisations) => setMarking({ releasableOrganisations })} searchable />
          <MultiSelect label={t('field.sharingGroups')} data={options.markingChoices.sharingGroups.map((group) => ({ value: group.id, label: group.name }))} value={marking.sharingGroups} onChange={(sharingGroups) => setMarking({ sharingGroups })} />
          <Checkbox label={t('field.originatorControl')} checked={marking.originatorControl} onChange={(event) => setMarking({ originatorControl: event.currentTarget.checked })} />
        </>
      )}
    </Section>
  );
}
