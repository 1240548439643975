import { describe, expect, it } from 'vitest';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { describeHotSpotCell, isHotSpotCell } from '../src/hot-spot-cells.js';
import { describeHit, pickEntries } from '../src/layers.js';

const cell = (organisations: number, z: number, significance: number, spot: string) => new Feature({
  geometry: new Point([1, 2]), feature_type: 'cell', organisations, neighbours: 40, z, significance, spot,
  binned: true, cell_m: 500,
});

describe('binned hot-spot cells', () => {
  it('tell, in Chinese by default, how many organisations a cell holds, its z-score and its significance', () => {
    expect(describeHotSpotCell(cell(12, 2.8149, 99, 'hot'), 'zh')).toBe('网格单元：12 个组织 · z 值 2.81 · 热点（99% 置信度）');
    expect(describeHotSpotCell(cell(3, -1.7, 90, 'cold'), undefined)).toBe('网格单元：3 个组织 · z 值 -1.70 · 冷点（90% 置信度）');
  });

  it('say the same in English when the page is English', () => {
    expect(describeHotSpotCell(cell(12, 2.8149, 99, 'hot'), 'en')).toBe('Cell of 12 organisations · z-score 2.81 · hot spot (99 % confidence)');
    expect(describeHotSpotCell(cell(1, -2.1, 95, 'cold'), 'en')).toBe('Cell of 1 organisation · z-score -2.10 · cold spot (95 % confidence)');
    expect(describeHotSpotCell(cell(5, 0.4, 0, 'none'), 'en')).toBe('Cell of 5 organisations · z-score 0.40 · not significant');
  });

  it('are the tooltip of an analysis hit, and open no card (a cell is no organisation)', () => {
    const hot = cell(7, 2.0, 95, 'hot');
    expect(isHotSpotCell(hot)).toBe(true);
    expect(isHotSpotCell(new Feature({ code: '620902100201', name_zh: '黄渠村', spot: 'hot' }))).toBe(false);
    expect(describeHit('analysis', hot, {}, 'zh')).toBe('网格单元：7 个组织 · z 值 2.00 · 热点（95% 置信度）');
    expect(describeHit('analysis', hot, {}, 'en')).toContain('Cell of 7 organisations');
    expect(pickEntries('analysis', hot, {})).toEqual([]);
    // an exact run's spot keeps its name as tooltip and its card on click
    const spot = new Feature({ code: '620902100201', name_zh: '黄渠村', spot: 'hot' });
    expect(describeHit('analysis', spot, {}, 'zh')).toBe('黄渠村');
    expect(pickEntries('analysis', spot, {})).toEqual([{ layer: 'analysis', id: '620902100201', text: '黄渠村' }]);
  });
});
