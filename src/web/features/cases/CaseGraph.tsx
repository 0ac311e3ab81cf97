import { Button, Group, Stack, Text } from '@mantine/core';
import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { useGraph } from './api';
import { GraphStixButton } from './interop/CaseInterop';

const COLOURS: Record<string, string> = { case: '#1c3d5a', hit: '#8a1c1c', person: '#2f6b2f', phone: '#5a3d8a', vehicle: '#7a4d00' };

/** The case graph with Cytoscape.js: tap an entity to expand one hop; export as PNG. */
export function CaseGraph({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const [expand, setExpand] = useState<string[]>([]);
  const graph = useGraph(caseId, expand);
  const container = useRef<HTMLDivElement>(null);
  const instance = useRef<cytoscape.Core | null>(null);

  useEffect(() => {
    if (!container.current || !graph.data) return;
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...graph.data.nodes.map((node) => ({ data: { id: node.id, label: node.kind === 'hit' ? t('graph.hit', { desk: node.label }) : node.label, kind: node.kind } })),
        ...graph.data.edges.map((edge) => ({ data: { id: edge.id, source: edge.source, target: edge.target, label: t(`graph.edge.${edge.kind}`) } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': (node: cytoscape.NodeSingular) => COLOURS[node.data('kind') as string] ?? '#444', color: '#111', 'text-wrap': 'wrap', 'text-max-width': '120px' } },
        { selector: 'edge', style: { label: 'data(label)', 'font-size': 8, width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#777', 'target-arrow-color': '#777' } },
      ],
      layout: { name: 'cose', animate: false },
    });
    cy.on('tap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      const kind = node.data('kind') as string;
      if (kind !== 'case' && kind !== 'hit' && !node.id().includes(':')) setExpand((current) => (current.includes(node.id()) ? current : [...current, node.id()]));
    });
    instance.current = cy;
    return () => {
      cy.destroy();
      instance.current = null;
    };
  }, [graph.data, t]);

  const exportPng = () => {
    const png = instance.current?.png({ full: true, scale: 2, bg: '#ffffff' });
    if (!png) return;
    const link = document.createElement('a');
    link.href = png;
    link.download = `case-graph-${caseId}.png`;
    link.click();
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('graph.help')}</Text>
        <Button variant="default" size="xs" onClick={exportPng}>{t('graph.png')}</Button>
        <GraphStixButton caseId={caseId} nodes={graph.data?.nodes ?? []} />
      </Group>
      <QueryState query={graph}>
        {(data) => (
          <>
            <div ref={container} role="img" aria-label={t('graph.aria', { nodes: data.nodes.length })} style={{ width: '100%', height: 420, border: '1px solid #ccc' }} />
            <Text size="sm">{t('graph.summary', { nodes: data.nodes.length, edges: data.edges.length })}</Text>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
