import { describe, expect, it } from 'vitest';
import { fromLonLat } from 'ol/proj.js';
import { areaDrawnDetail, emit, selectionChangedDetail, viewMovedDetail } from '../src/events.js';

describe('the map\'s events', () => {
  it('bubble out of the shadow root with their detail', () => {
    const target = new EventTarget();
    const received: CustomEvent[] = [];
    target.addEventListener('feature-click', (e) => received.push(e as CustomEvent));
    emit(target, 'feature-click', { layer: 'villages', id: '620902100201' });
    expect(received).toHaveLength(1);
    const [event] = received;
    expect(event?.detail).toEqual({ layer: 'villages', id: '620902100201' });
    expect(event?.bubbles).toBe(true);
    expect(event?.composed).toBe(true);
  });

  it('report no selection as an empty layer and id, never null (the Java side reads both as strings)', () => {
    expect(selectionChangedDetail(null)).toEqual({ layer: '', id: '' });
    expect(selectionChangedDetail({ layer: 'districts', id: '620902' })).toEqual({ layer: 'districts', id: '620902' });
  });

  it('report a moved view in longitude/latitude, rounded to 4 decimals, and the zoom to 2', () => {
    const [minX = 0, minY = 0] = fromLonLat([97.123456, 39.654321]);
    const [maxX = 0, maxY = 0] = fromLonLat([99.5, 41.25]);
    expect(viewMovedDetail([minX, minY, maxX, maxY], 8.123456)).toEqual({ bbox: [97.1235, 39.6543, 99.5, 41.25], zoom: 8.12 });
    expect(viewMovedDetail([minX, minY, maxX, maxY], undefined).zoom).toBe(0);
  });

  it('report a drawn area as a box and a closed ring of longitude/latitude, rounded to 6 decimals', () => {
    const ring = [[97, 40], [98, 40], [98, 41.0000004], [97, 40]].map((c) => fromLonLat(c));
    const [minX = 0, minY = 0] = fromLonLat([97, 40]);
    const [maxX = 0, maxY = 0] = fromLonLat([98, 41]);
    expect(areaDrawnDetail([minX, minY, maxX, maxY], ring)).toEqual({
      bbox: [97, 40, 98, 41], polygon: [[97, 40], [98, 40], [98, 41], [97, 40]],
    });
  });
});
