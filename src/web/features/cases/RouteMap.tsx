import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import type { Dashboard } from '../../../contract/cases';

/** ISO 3166-1 numeric → alpha-2 for the economies a route may pass (Kosovo* has no number: by name). */
const ALPHA2: Record<string, string> = {
  '008': 'AL', '070': 'BA', '100': 'BG', '191': 'HR', '300': 'GR', '348': 'HU', '380': 'IT', '498': 'MD', '499': 'ME',
  '642': 'RO', '688': 'RS', '705': 'SI', '807': 'MK', '792': 'TR', '040': 'AT', '276': 'DE', '196': 'CY',
};
const FRAME: GeoPermissibleObjects = { type: 'MultiPoint', coordinates: [[12.5, 48], [30.5, 35.5]] };
const WIDTH = 640;
const HEIGHT = 560;
const NUDGE: Record<string, [number, number]> = { HR: [-30, -28], GR: [-10, -30], RS: [0, -8] };

type Country = Feature<Geometry, { name: string; code: string | null }>;

async function loadCountries(): Promise<Country[]> {
  // Bundled as a static asset: no tile server, no third party.
  const response = await fetch(countriesUrl);
  if (!response.ok) throw new Error(`map data: ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  return collection.features.map((country) => ({ ...country, properties: { ...country.properties, code: country.properties.name === 'Kosovo' ? 'XK' : (ALPHA2[String(country.id)] ?? null) } }));
}

/**
 * The routes of the dashboard drawn on the region's map: one arrowed line per leg (origin →
 * transit → destination), as thick as the number of cases that took it. The table beside the
 * map on the dashboard holds the same numbers.
 */
export function RouteMap({ routes, title }: { routes: Dashboard['routes']; title: string }) {
  const { t } = useTranslation('cases');
  const titleId = useId();
  const markerId = useId();
  const countries = useQuery({ queryKey: ['cases', 'map', 'countries-50m'], queryFn: loadCountries, staleTime: Infinity });
  const drawing = useMemo(() => {
    if (!countries.data) return null;
    const projection = geoMercator().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], FRAME);
    projection.clipExtent([[0, 0], [WIDTH, HEIGHT]]);
    const path = geoPath(projection);
    const centres = new Map<string, [number, number]>();
    const shapes = countries.data.flatMap((country) => {
      const d = path(country);
      if (!d) return [];
      const code = country.properties.code;
      if (code) {
        const [x, y] = path.centroid(country);
        centres.set(code, [x + (NUDGE[code]?.[0] ?? 0), y + (NUDGE[code]?.[1] ?? 0)]);
      }
      return [{ key: String(country.id ?? country.properties.name), d, code }];
    });
    const legs = new Map<string, { from: string; to: string; count: number }>();
    for (const route of routes) {
      route.path.slice(1).forEach((to, index) => {
        const from = route.path[index]!;
        const key = `${from}>${to}`;
        legs.set(key, { from, to, count: (legs.get(key)?.count ?? 0) + route.count + route.previous });
      });
    }
    return { shapes, centres, legs: [...legs.entries()] };
  }, [countries.data, routes]);
  const onRoute = new Set(routes.flatMap((route) => route.path));
  const max = Math.max(1, ...(drawing?.legs.map(([, leg]) => leg.count) ?? [1]));
  if (countries.error) return <Text c="red">{t('dashboard.mapFailed')}</Text>;
  if (!drawing) return <Skeleton height={360} aria-label={t('dashboard.mapLoading')} />;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId} data-testid="route-map" style={{ display: 'block', background: '#eaf2fb', borderRadius: 8, maxHeight: 520 }}>
      <title id={titleId}>{title}</title>
      <defs>
        <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#c92a2a" />
        </marker>
      </defs>
      {drawing.shapes.map((shape) => <path key={shape.key} d={shape.d} fill={shape.code && onRoute.has(shape.code) ? '#ffe3e3' : '#f1f3f5'} stroke="#fff" strokeWidth={0.8} />)}
      {drawing.legs.map(([key, leg]) => {
        const from = drawing.centres.get(leg.from);
        const to = drawing.centres.get(leg.to);
        if (!from || !to) return null;
        return (
          <line key={key} data-leg={key} x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} stroke="#c92a2a" strokeWidth={1.5 + (4 * leg.count) / max} markerEnd={`url(#${markerId})`}>
            <title>{t('dashboard.leg', { from: leg.from, to: leg.to, count: leg.count })}</title>
          </line>
        );
      })}
      {[...onRoute].map((code) => {
        const centre = drawing.centres.get(code);
        return centre ? <text key={code} x={centre[0]} y={centre[1] - 8} textAnchor="middle" fontSize={13} fontWeight={700} fill="#1a1b1e" stroke="#fff" strokeWidth={3} paintOrder="stroke" aria-hidden="true">{code === 'XK' ? 'XK*' : code}</text> : null;
      })}
    </svg>
  );
}
