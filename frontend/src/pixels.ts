// Screen geometry of the map: OpenLayers hands pixels, sizes and extents out as plain number arrays; these
// helpers read them into named fields once, with the missing case (a map not laid out yet has no size)
// decided here rather than at every use.

/** A rectangle in the map's CSS pixels, from its top left. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Padding for a fit, in pixels. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Width and height of an OpenLayers size; 0 x 0 while the map has none (not laid out yet). */
export function sizeOf(size: readonly number[] | undefined): { width: number; height: number } {
  const [width = 0, height = 0] = size ?? [];
  return { width, height };
}

/** A pixel or coordinate as x and y; null when OpenLayers gave none (before the first render). */
export function pointOf(p: readonly number[] | null | undefined): { x: number; y: number } | null {
  const x = p?.[0];
  const y = p?.[1];
  return x === undefined || y === undefined ? null : { x, y };
}

/** An extent (minX, minY, maxX, maxY) by name; null unless it has four numbers. */
export function extentOf(e: readonly number[] | null | undefined): { minX: number; minY: number; maxX: number; maxY: number } | null {
  if (!e) {
    return null;
  }
  const [minX, minY, maxX, maxY] = e;
  return minX === undefined || minY === undefined || maxX === undefined || maxY === undefined ? null : { minX, minY, maxX, maxY };
}

/** Whether two boxes overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

/**
 * Fit padding that keeps content clear of obstacles laid over the map (the legend, a card): each one takes
 * the strip along the map's edge it stands against that costs the least area. Never more than two thirds of
 * either direction is padded away: better a district under a card than none.
 */
export function clearPadding(width: number, height: number, obstacles: readonly Box[], margin: number): Padding {
  const padding: Padding = { top: margin, right: margin, bottom: margin, left: margin };
  for (const r of obstacles) {
    // Strip sizes if the element is kept clear through the top, right, bottom or left edge, and their areas.
    const strips: { side: keyof Padding; size: number; cost: number }[] = [
      { side: 'top', size: r.bottom, cost: r.bottom * width },
      { side: 'right', size: width - r.left, cost: (width - r.left) * height },
      { side: 'bottom', size: height - r.top, cost: (height - r.top) * width },
      { side: 'left', size: r.right, cost: r.right * height },
    ];
    const cheapest = strips.reduce((best, strip) => (strip.cost < best.cost ? strip : best));
    padding[cheapest.side] = Math.max(padding[cheapest.side], cheapest.size + 12);
  }
  if (padding.right + padding.left > width * 0.67) {
    const scale = (width * 0.67) / (padding.right + padding.left);
    padding.right *= scale;
    padding.left *= scale;
  }
  if (padding.top + padding.bottom > height * 0.67) {
    const scale = (height * 0.67) / (padding.top + padding.bottom);
    padding.top *= scale;
    padding.bottom *= scale;
  }
  return padding;
}

/** Padding as OpenLayers takes it: top, right, bottom, left. */
export function paddingArray(p: Padding): number[] {
  return [p.top, p.right, p.bottom, p.left];
}
