import { describe, expect, it } from 'vitest';
import { clearPadding, extentOf, overlaps, pointOf, sizeOf } from '../src/pixels.js';

describe('screen geometry', () => {
  it('read a map without a size as 0 x 0, and a pixel before the first render as none', () => {
    expect(sizeOf(undefined)).toEqual({ width: 0, height: 0 });
    expect(sizeOf([800, 600])).toEqual({ width: 800, height: 600 });
    expect(pointOf(null)).toBeNull();
    expect(pointOf([3, 4])).toEqual({ x: 3, y: 4 });
    expect(extentOf([1, 2, 3])).toBeNull();
  });

  it('keep a legend in the lower left clear through the cheaper edge', () => {
    // A tall narrow legend at the left: padding the left edge costs less map than padding the bottom.
    const padding = clearPadding(1000, 800, [{ left: 0, top: 300, right: 200, bottom: 800 }], 20);
    expect(padding).toEqual({ top: 20, right: 20, bottom: 20, left: 212 });
  });

  it('never pad away more than two thirds of the map', () => {
    const padding = clearPadding(1000, 800, [{ left: 0, top: 0, right: 900, bottom: 800 }], 20);
    expect(padding.left + padding.right).toBeCloseTo(670);
  });

  it('tell overlapping boxes from touching ones', () => {
    expect(overlaps({ left: 0, top: 0, right: 10, bottom: 10 }, { left: 5, top: 5, right: 15, bottom: 15 })).toBe(true);
    expect(overlaps({ left: 0, top: 0, right: 10, bottom: 10 }, { left: 10, top: 0, right: 20, bottom: 10 })).toBe(false);
  });
});
