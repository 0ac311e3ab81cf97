import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';

const WIDTH = 560;
const HEIGHT = 480;
const FRAME: GeoPermissibleObjects = { type: 'MultiPoint', coordinates: [[13.2, 47.2], [29.9, 35.6]] };

async function loadOutlines(): Promise<FeatureCollection<Geometry>> {
  // The same bundled Natural Earth file as the portal's region map: no tile server.
  const response = await fetch(countriesUrl);
  if (!response.ok) throw new Error(`map data: ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
}

export interface MapPoint {
  label: string;
  lat: number;
  lng: number;
  selected: boolean;
}

/** The region with the activity's locations; a click sets the point of the selected location. */
export function LocationMap({ points, onPick }: { points: MapPoint[]; onPick: ((point: { lat: number; lng: number }) => void) | null }) {
  const { t } = useTranslation('registry');
  const titleId = useId();
  const outlines = useQuery({ queryKey: ['registry', 'map-outlines'], queryFn: loadOutlines, staleTime: Infinity });
  const projection = useMemo(() => geoMercator().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], FRAME).clipExtent([[0, 0], [WIDTH, HEIGHT]]), []);
  const paths = useMemo(() => {
    if (!outlines.data) return [];
    const path = geoPath(projection);
    return outlines.data.features.map((country, index) => ({ key: String(country.id ?? index), d: path(country) })).filter((entry) => entry.d);
  }, [outlines.data, projection]);
  if (outlines.error) return <Text c="red.9">{t('editor.mapFailed')}</Text>;
  if (!outlines.data) return <Skeleton height={300} />;
  const pick = (event: React.MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const box = event.currentTarget.getBoundingClientRect();
    const coordinates = projection.invert?.([((event.clientX - box.left) / box.width) * WIDTH, ((event.clientY - box.top) / box.height) * HEIGHT]);
    if (coordinates) onPick({ lng: Math.round(coordinates[0] * 10_000) / 10_000, lat: Math.round(coordinates[1] * 10_000) / 10_000 });
  };
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId} onClick={pick} style={{ display: 'block', background: '#eaf2fb', borderRadius: 8, cursor: onPick ? 'crosshair' : 'default' }} data-testid="location-map">
      <title id={titleId}>{t('editor.mapTitle')}</title>
      {paths.map((entry) => (
        <path key={entry.key} d={entry.d ?? undefined} fill="#dee2e6" stroke="#fff" strokeWidth={0.8} />
      ))}
      {points.map((point) => {
        const at = projection([point.lng, point.lat]);
        return at ? (
          <circle key={`${point.label}-${point.lat}-${point.lng}`} cx={at[0]} cy={at[1]} r={point.selected ? 7 : 5} fill={point.selected ? '#c92a2a' : '#1864ab'} stroke="#fff" strokeWidth={2}>
            <title>{point.label}</title>
          </circle>
        ) : null;
      })}
    </svg>
  );
}
