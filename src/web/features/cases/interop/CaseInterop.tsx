import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, GraphView } from '../../../../contract/cases';
import { exportUrl } from './api';
import { ImportDialog } from './ImportDialog';

/** Export the case as STIX 2.1 or MISP (what the user may read, nothing else), and import into it. */
export function CaseInterop({ view }: { view: CaseView }) {
  const { t } = useTranslation('cases-interop');
  const [importing, setImporting] = useState(false);
  return (
    <Group gap="xs">
      <Button component="a" href={exportUrl(view.id, 'stix')} download variant="default" size="xs">{t('export.stix')}</Button>
      <Button component="a" href={exportUrl(view.id, 'misp')} download variant="default" size="xs">{t('export.misp')}</Button>
      {view.abilities['cases.entity.add'] && (
        <>
          <Button size="xs" onClick={() => setImporting(true)}>{t('import.open')}</Button>
          <ImportDialog caseId={view.id} opened={importing} onClose={() => setImporting(false)} />
        </>
      )}
    </Group>
  );
}

/** The graph view's entities of this case as a STIX 2.1 bundle (hit nodes and other cases' entities are not this case's). */
export function GraphStixButton({ caseId, nodes }: { caseId: string; nodes: GraphView['nodes'] }) {
  const { t } = useTranslation('cases-interop');
  const entityIds = nodes.filter((node) => node.caseId === caseId && node.kind !== 'case' && node.kind !== 'hit').map((node) => node.id);
  return <Button component="a" href={exportUrl(caseId, 'stix', entityIds)} download variant="default" size="xs" aria-disabled={entityIds.length === 0}>{t('export.graphStix')}</Button>;
}
