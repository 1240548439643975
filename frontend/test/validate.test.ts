import { describe, expect, it } from 'vitest';
import {
  readProperty, validateArea, validateCounts, validateExtent, validateFilters, validateHighlight, validateLabels,
  validateLayers, validateSelection, validateStyle,
} from '../src/validate.js';
import { propertyErrorMessage } from '../src/messages.js';

/** A style as map/MapStyle.java writes it: more fields than the map reads. */
const JAVA_STYLE = {
  indicator: 'coverage', period: '2017Q4', method: 'quantile', classes: 5, higherIsBetter: true, decimals: 1,
  legend: [{ from: 0, to: 1, color: '#d73027', districts: 2 }],
  districtColors: { '620902': '#1a9850', '620921': '#d73027' },
  values: { '620902': 0.9, '620921': null },
  points: [
    { layer: 'villages', color: '#009E73', shape: 'circle', size: 7 },
    { layer: 'grid-branches', color: '#0072B2', shape: 'square', size: 7 },
  ],
  weakRing: '#D55E00',
};

function errorOf<T>(result: ReturnType<typeof readProperty<T>>) {
  if (result.ok) {
    throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  }
  return result.error;
}

describe('the property validators', () => {
  it('take the style the Java side sends and keep only what the map reads', () => {
    const result = readProperty('styleJson', JSON.stringify(JAVA_STYLE), null, validateStyle);
    expect(result).toEqual({ ok: true, value: {
      districtColors: JAVA_STYLE.districtColors, points: JAVA_STYLE.points, weakRing: '#D55E00',
    } });
  });

  it('name the property and the field of a wrong symbol shape', () => {
    const style = { ...JAVA_STYLE, points: [JAVA_STYLE.points[0], { ...JAVA_STYLE.points[1], shape: 'hexagon' }] };
    expect(errorOf(readProperty('styleJson', JSON.stringify(style), null, validateStyle))).toEqual({
      property: 'styleJson', field: 'points[1].shape', expected: 'shape', actual: '"hexagon"',
    });
  });

  it('name the district whose colour is not a colour', () => {
    const style = { ...JAVA_STYLE, districtColors: { '620902': 42 } };
    const error = errorOf(readProperty('compareStyleJson', JSON.stringify(style), null, validateStyle));
    expect(error.field).toBe('districtColors.620902');
    expect(error.expected).toBe('colour');
  });

  it('say a value that is not JSON is not JSON, without the parser\'s words', () => {
    expect(errorOf(readProperty('layersJson', '{"villages": tru', {}, validateLayers))).toEqual({
      property: 'layersJson', field: '', expected: 'json', actual: '',
    });
  });

  it('give the empty value for an empty string (the Java side clears a selection so)', () => {
    expect(readProperty('selectionJson', '', null, validateSelection)).toEqual({ ok: true, value: null });
    expect(readProperty('areaJson', '', [], validateArea)).toEqual({ ok: true, value: [] });
  });

  it('take layers as booleans and refuse anything else', () => {
    expect(readProperty('layersJson', '{"districts":true,"villages":false}', {}, validateLayers))
      .toEqual({ ok: true, value: { districts: true, villages: false } });
    expect(errorOf(readProperty('layersJson', '{"villages":"yes"}', {}, validateLayers)).field).toBe('villages');
  });

  it('take filters with nulls as no filter, and refuse a number', () => {
    expect(readProperty('filtersJson', '{"district":"620902","kind":null,"status":null}', {}, validateFilters))
      .toEqual({ ok: true, value: { district: '620902', kind: null, status: null, township: null, townshipName: null } });
    expect(errorOf(readProperty('filtersJson', '{"district":620902}', {}, validateFilters)).field).toBe('district');
    expect(readProperty('filtersJson', '{"district":"620921","township":"620921101","townshipName":"鼎新镇"}', {}, validateFilters))
      .toMatchObject({ ok: true, value: { township: '620921101', townshipName: '鼎新镇' } });
  });

  it('refuse a selection without an id', () => {
    expect(errorOf(readProperty('selectionJson', '{"layer":"villages"}', null, validateSelection)).field).toBe('id');
  });

  it('refuse a negative count and an array of labels', () => {
    expect(errorOf(readProperty('countsJson', '{"villages":-1}', {}, validateCounts)).expected).toBe('count');
    expect(errorOf(readProperty('labelsJson', '["a"]', {}, validateLabels)).expected).toBe('object');
  });

  it('refuse a highlight code that is a number', () => {
    expect(errorOf(readProperty('highlightJson', '["620902001001", 7]', [], validateHighlight)).field).toBe('[1]');
  });

  it('take an extent in longitude/latitude and refuse one upside down or off the globe', () => {
    expect(readProperty('extentJson', '[97.1,39.2,99.5,41.0]', null, validateExtent))
      .toEqual({ ok: true, value: [97.1, 39.2, 99.5, 41.0] });
    expect(errorOf(readProperty('extentJson', '[99,40,97,41]', null, validateExtent)).expected).toBe('extentOrder');
    expect(errorOf(readProperty('extentJson', '[97,40,99,95]', null, validateExtent))).toMatchObject({ field: '[3]', expected: 'latitude' });
    expect(errorOf(readProperty('extentJson', '[97,40,99]', null, validateExtent)).expected).toBe('extent');
  });

  it('take a closed ring and refuse an open one', () => {
    const ring = [[97, 40], [98, 40], [98, 41], [97, 40]];
    expect(readProperty('areaJson', JSON.stringify(ring), [], validateArea)).toEqual({ ok: true, value: ring });
    expect(errorOf(readProperty('areaJson', JSON.stringify(ring.slice(0, 3)), [], validateArea)).expected).toBe('ring');
    expect(errorOf(readProperty('areaJson', '[[97,40],[98],[98,41],[97,40]]', [], validateArea)))
      .toMatchObject({ field: '[1]', expected: 'position' });
  });
});

describe('the message over the map', () => {
  const error = { property: 'styleJson', field: 'points[1].shape', expected: 'shape' as const, actual: '"hexagon"' };

  it('is in Chinese by default, naming the property, the field and what came', () => {
    const message = propertyErrorMessage(error, 'zh');
    expect(message).toContain('地图设置 styleJson 有误');
    expect(message).toContain('字段 points[1].shape');
    expect(message).toContain('收到 "hexagon"');
    expect(message).toContain('上一次有效');
    expect(propertyErrorMessage(error, undefined)).toBe(message);
  });

  it('is in English when the map speaks English', () => {
    expect(propertyErrorMessage(error, 'en')).toBe('Map setting styleJson is invalid: field points[1].shape must be one of '
      + 'circle, square, triangle, diamond, pentagon (got "hexagon"). The map keeps its last valid styleJson.');
  });

  it('shortens a long value', () => {
    const long = errorOf(readProperty('labelsJson', JSON.stringify({ map: 'x'.repeat(100) }).replace(/"x+"/, '[' + '1,'.repeat(50) + '1]'), {}, validateLabels));
    expect(long.actual.length).toBeLessThanOrEqual(40);
    expect(long.actual.endsWith('…')).toBe(true);
  });
});
