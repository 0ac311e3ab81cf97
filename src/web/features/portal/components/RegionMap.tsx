import { Box, Group, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';

/**
 * Natural Earth ids are ISO 3166-1 numeric codes; Kosovo* has none, so it is matched by name.
 * Kosovo* IS a separate polygon in world-atlas (both 110m and 50m); we use 50m because at
 * 110m the region's smaller economies (Montenegro, Kosovo*, North Macedonia) are too coarse.
 */
const NUMERIC_TO_ALPHA2: Record<string, string> = {
  '008': 'AL', '070': 'BA', '100': 'BG', '191': 'HR', '196': 'CY', '300': 'GR', '348': 'HU', '380': 'IT', '498': 'MD',
  '499': 'ME', '642': 'RO', '688': 'RS', '705': 'SI', '807': 'MK', '792': 'TR', '040': 'AT', '804': 'UA', '703': 'SK',
  '276': 'DE', '203': 'CZ', '616': 'PL', '756': 'CH', '250': 'FR', '112': 'BY', '438': 'LI', '674': 'SM', '470': 'MT',
};

/** The frame of the map: South East Europe, from Slovenia to the Black Sea and down to Crete (two corners). */
const FRAME: GeoPermissibleObjects = { type: 'MultiPoint', coordinates: [[13.2, 47.2], [29.9, 35.6]] };

interface CountryProperties {
  name: string;
}

async function loadCountries(): Promise<Feature<Geometry, CountryProperties & { code: string | null }>[]> {
  // Bundled with the app as a static asset, fetched only here: no tile server, no third party.
  const response = await fetch(countriesUrl);
  if (!response.ok) throw new Error(`map data: ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection<CountryProperties> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, CountryProperties>;
  return collection.features.map((country) => ({
    ...country,
    properties: {
      ...country.properties,
      code: country.properties.name === 'Kosovo' ? 'XK' : (NUMERIC_TO_ALPHA2[String(country.id)] ?? null),
    },
  }));
}

export interface MapCategory {
  key: string;
  label: string;
  color: string;
}

interface RegionMapProps {
  /** What the map shows, e.g. "Membership of SELEC". */
  title: string;
  /** Category key per economy code; economies not listed get `defaultCategory`. */
  assignment: Record<string, string>;
  categories: MapCategory[];
  /** Category of the region's economies that are not in `assignment`. */
  defaultCategory: string;
  /** Economies drawn as part of the region (the rest are grey neighbours). */
  region: string[];
  economyName: (code: string) => string;
}

const WIDTH = 640;
const HEIGHT = 560;

/** An SVG map of South East Europe coloured by category; the legend explains the colours. */
export function RegionMap({ title, assignment, categories, defaultCategory, region, economyName }: RegionMapProps) {
  const { t } = useTranslation('portal');
  const titleId = useId();
  const countries = useQuery({ queryKey: ['portal', 'map', 'countries-50m'], queryFn: loadCountries, staleTime: Infinity });

  const drawing = useMemo(() => {
    if (!countries.data) return null;
    const projection = geoMercator().fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      FRAME,
    );
    projection.clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
    const path = geoPath(projection);
    return countries.data
      .map((country) => {
        const d = path(country);
        if (!d) return null;
        const code = country.properties.code;
        const inRegion = code !== null && region.includes(code);
        const category = inRegion ? (assignment[code] ?? defaultCategory) : null;
        const centroid = inRegion ? path.centroid(country) : null;
        return { key: String(country.id ?? country.properties.name), d, code, inRegion, category, centroid };
      })
      .filter((item) => item !== null);
  }, [countries.data, assignment, defaultCategory, region]);

  const colorOf = (key: string | null) => categories.find((category) => category.key === key)?.color ?? '#e9ecef';

  return (
    <figure style={{ margin: 0 }}>
      {drawing ? (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId} style={{ display: 'block', background: '#eaf2fb', borderRadius: 8, maxHeight: 620 }}>
          <title id={titleId}>{title}</title>
          {drawing.map((country) => (
            <path key={country.key} d={country.d} fill={country.inRegion ? colorOf(country.category) : '#f1f3f5'} stroke="#fff" strokeWidth={country.inRegion ? 1.2 : 0.6}>
              {country.inRegion && country.code && <title>{`${economyName(country.code)}: ${categories.find((category) => category.key === country.category)?.label ?? ''}`}</title>}
            </path>
          ))}
          {drawing.map(
            (country) =>
              country.centroid &&
              country.code &&
              Number.isFinite(country.centroid[0]) && (
                <text
                  key={`${country.key}-label`}
                  x={country.centroid[0] + (LABEL_NUDGE[country.code]?.[0] ?? 0)}
                  y={country.centroid[1] + (LABEL_NUDGE[country.code]?.[1] ?? 0)}
                  textAnchor="middle"
                  dominantBaseline="middle"
                  fontSize={13}
                  fontWeight={700}
                  fill="#1a1b1e"
                  stroke="#fff"
                  strokeWidth={3}
                  paintOrder="stroke"
                  aria-hidden="true"
                >
                  {country.code === 'XK' ? 'XK*' : country.code}
                </text>
              ),
          )}
        </svg>
      ) : countries.error ? (
        <Text c="red">{t('map.failed')}</Text>
      ) : (
        <Skeleton height={420} aria-label={t('map.loading')} />
      )}
      <figcaption>
        <Group gap="md" mt="sm" component="ul" aria-label={t('map.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {categories.map((category) => (
            <Group key={category.key} gap={6} component="li" wrap="nowrap">
              <Box w={16} h={16} style={{ background: category.color, border: '1px solid #868e96', borderRadius: 3 }} aria-hidden="true" />
              <Text size="sm">{category.label}</Text>
            </Group>
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('map.attribution')}
        </Text>
      </figcaption>
    </figure>
  );
}

/** Where a centroid sits badly (Croatia's crescent, Greece's islands), move the label a little. */
const LABEL_NUDGE: Record<string, [number, number]> = { HR: [-30, -28], GR: [-10, -30], RS: [0, -8], BA: [0, 4] };
