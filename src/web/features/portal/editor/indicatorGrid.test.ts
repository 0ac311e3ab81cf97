import { describe, expect, it } from 'vitest';
import type { EditorIndicator } from '../../../../contract/portal';
import { toIndicatorInput, toIndicatorValues, type IndicatorValues } from './indicatorGrid';

const base: IndicatorValues = {
  slug: 'drug-seizures',
  name: 'Drug seizures',
  description: '',
  unit: 'kg',
  sourceName: 'Demo',
  sourceUrl: '',
  illustrative: true,
  topics: [],
  years: [2021, 2022, 2023],
  rows: [],
};

describe('indicator grid', () => {
  it('turns empty cells into missing points, not zeros', () => {
    const parsed = toIndicatorInput({ ...base, rows: [{ economy: 'RS', values: [10, '', 0] }] });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.series).toEqual([
      {
        economy: 'RS',
        points: [
          { year: 2021, value: 10 },
          { year: 2023, value: 0 },
        ],
      },
    ]);
    expect(parsed.data?.sourceUrl).toBeNull();
  });

  it('rejects what the contract rejects (a bad slug)', () => {
    const parsed = toIndicatorInput({ ...base, slug: 'Not A Slug' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['slug']);
  });

  it('lays stored series out on sorted years with gaps for missing values', () => {
    const record = {
      id: '00000000-0000-4000-8000-000000000001',
      input: {
        ...base,
        sourceUrl: null,
        series: [
          { economy: 'AL', points: [{ year: 2023, value: 5 }, { year: 2020, value: 2 }] },
          { economy: 'ME', points: [{ year: 2021, value: 7 }] },
        ],
      },
    } as unknown as EditorIndicator;
    const values = toIndicatorValues(record);
    expect(values.years).toEqual([2020, 2021, 2023]);
    expect(values.rows).toEqual([
      { economy: 'AL', values: [2, '', 5] },
      { economy: 'ME', values: ['', 7, ''] },
    ]);
    expect(toIndicatorInput(values).data?.series[1]).toEqual({ economy: 'ME', points: [{ year: 2021, value: 7 }] });
  });
});
