// How <geo-map> draws its features, from the style the server computed (map/MapStyle.java: the same colours,
// symbols and classes the snapshots use). Style functions run for every feature on every frame, so styles
// are cached by what they depend on; the element clears the cache when the style, the selection or the
// presentation mode changes.
import type { FeatureLike } from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { Circle as CircleStyle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style.js';
import { type PickEntry, type PointLayerId, WEAK, idOf, statusOf } from './layers.js';
import type { MapStyleSpec, PointSymbol, Selection } from './validate.js';
import { pointOf } from './pixels.js';

/** Okabe-Ito colours for clusters, then hot (warm) and cold (cool) spots at 90, 95 and 99 percent. */
export const CLUSTER_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];
/** The data page's import preview (maintenance/ImportPreviewPanel uses the same colours in its legend). */
export const IMPORT_CHANGE_COLOURS: Record<string, string> = { added: '#009E73', changed: '#0072B2', removed: '#D55E00' };
export const HOT = ['#fcae91', '#fb6a4a', '#cb181d'];
export const COLD = ['#bdd7e7', '#6baed6', '#2171b5'];
/** A district the style gives no colour (no value for the indicator). */
export const NO_DATA_FILL = '#e8e8e8';

/** What the styles depend on, read at drawing time. */
export interface StyleContext {
  spec(): MapStyleSpec;
  selection(): Selection | null;
  presentation(): boolean;
  language(): string;
  /** Codes of the overlay's features to emphasise. */
  highlight(): ReadonlySet<string>;
  /** Whether clusters are spread into their members (at the deepest zoom levels). */
  spreading(): boolean;
}

export class MapStyles {
  private readonly cache = new Map<string, Style | Style[]>();

  constructor(private readonly context: StyleContext) {}

  /** Forgets cached styles (after the style, the selection or the presentation mode changed). */
  clear() {
    this.cache.clear();
  }

  /** Symbols and lines grow by this factor in presentation mode (a projector). */
  get scale(): number {
    return this.context.presentation() ? 1.6 : 1;
  }

  private isSelected(layer: string, id: string): boolean {
    const selection = this.context.selection();
    return !!selection && selection.layer === layer && selection.id === id;
  }

  districtStyle(feature: FeatureLike): Style {
    const code = feature.get('code') as string;
    const selected = this.isSelected('districts', code);
    const key = `d:${code}:${selected}`;
    let style = this.cache.get(key) as Style | undefined;
    if (!style) {
      style = new Style({
        fill: new Fill({ color: this.context.spec().districtColors[code] ?? NO_DATA_FILL }),
        stroke: new Stroke({ color: selected ? '#111' : '#4a4a5a', width: (selected ? 3.5 : 1.2) * this.scale }),
        zIndex: selected ? 2 : 1,
      });
      this.cache.set(key, style);
    }
    return style;
  }

  /** A district of the compared quarter (left of the swipe's divider), filled by the compared quarter's style. */
  compareDistrictStyle(feature: FeatureLike, compare: MapStyleSpec): Style {
    return new Style({
      fill: new Fill({ color: compare.districtColors[String(feature.get('code'))] ?? NO_DATA_FILL }),
      stroke: new Stroke({ color: '#4a4a5a', width: 1.2 * this.scale }),
    });
  }

  labelStyle(feature: FeatureLike): Style {
    const name = this.context.language() === 'en' ? feature.get('name_en') : feature.get('name_zh');
    const size = this.context.presentation() ? 26 : 15;
    return new Style({
      text: new Text({
        text: name,
        font: `600 ${size}px system-ui, "Noto Sans CJK SC", sans-serif`,
        fill: new Fill({ color: '#1a1a2e' }),
        stroke: new Stroke({ color: 'rgba(255,255,255,0.95)', width: this.context.presentation() ? 5 : 3.5 }),
        // A pale plate, so that a name stays legible over a cluster or a symbol drawn under it.
        backgroundFill: new Fill({ color: 'rgba(255,255,255,0.72)' }),
        padding: [1, 4, 1, 4],
        overflow: true,
      }),
    });
  }

  pointStyle(feature: FeatureLike, layer: PointLayerId, resolution: number): Style | Style[] {
    const members = feature.get('features') as FeatureLike[] | undefined;
    if (layer === 'contact-points') {
      return this.badgeStyle(feature, members);
    }
    const count = members ? members.length : (feature.get('count') as number | undefined) ?? 1;
    const weakCount = members
      ? members.filter((m) => WEAK.has(statusOf(m, layer))).length
      : feature.get('aggregated') ? (feature.get('weak') as number) : WEAK.has(statusOf(feature, layer)) ? 1 : 0;
    if (members && count > 1 && this.context.spreading()) {
      return this.spreadStyle(feature, members, layer, resolution);
    }
    const single = members?.length === 1 ? members[0] : (feature.get('aggregated') ? undefined : feature);
    const selected = !!single && this.isSelected(layer, idOf(single, layer));
    if (count > 1) {
      return this.clusterStyle(layer, count, weakCount > 0);
    }
    return this.symbolStyle(layer, weakCount > 0, selected);
  }

  /** Where the i-th of a spread cluster's members is drawn: its offset in pixels from the shared position. */
  spreadOffset(i: number, count: number): { dx: number; dy: number } {
    const radius = (14 + Math.max(0, count - 6) * 2.5) * this.scale;
    const angle = (2 * Math.PI * i) / count - Math.PI / 2;
    return { dx: Math.cos(angle) * radius, dy: Math.sin(angle) * radius };
  }

  spreadStyle(feature: FeatureLike, members: FeatureLike[], layer: PointLayerId, resolution: number): Style[] {
    const centre = pointOf((feature.getGeometry() as Point).getCoordinates());
    const styles: Style[] = [new Style({ image: new CircleStyle({ radius: 3 * this.scale, fill: new Fill({ color: '#333' }) }) })];
    if (!centre) {
      return styles;
    }
    members.forEach((member, i) => {
      const { dx, dy } = this.spreadOffset(i, members.length);
      const geometry = new Point([centre.x + dx * resolution, centre.y - dy * resolution]);
      const selected = this.isSelected(layer, idOf(member, layer));
      const symbol = this.symbolStyle(layer, WEAK.has(statusOf(member, layer)), selected);
      (Array.isArray(symbol) ? symbol : [symbol]).forEach((s) => {
        const copy = s.clone();
        copy.setGeometry(geometry);
        styles.push(copy);
      });
    });
    return styles;
  }

  /** An organisation's name under its symbol, in small dark type on a white halo. */
  nameStyle(feature: FeatureLike): Style {
    return new Style({
      text: new Text({
        text: String(feature.get('name_zh') ?? ''),
        font: `${this.context.presentation() ? 20 : 12}px system-ui, "Noto Sans CJK SC", sans-serif`,
        fill: new Fill({ color: '#222' }),
        stroke: new Stroke({ color: 'rgba(255,255,255,0.95)', width: 3 }),
        offsetY: (this.context.presentation() ? 26 : 17),
      }),
    });
  }

  symbolStyle(layer: PointLayerId, weak: boolean, selected: boolean): Style | Style[] {
    const key = `p:${layer}:${weak}:${selected}`;
    const cached = this.cache.get(key);
    if (cached) {
      return cached;
    }
    const symbol = this.symbolOf(layer);
    const radius = symbol.size * this.scale * (selected ? 1.5 : 1);
    const styles: Style[] = [];
    if (weak) {
      styles.push(new Style({ image: new CircleStyle({ radius: radius + 5 * this.scale, stroke: new Stroke({ color: this.context.spec().weakRing, width: 3 * this.scale }) }) }));
    }
    if (selected) {
      styles.push(new Style({ image: new CircleStyle({ radius: radius + 9 * this.scale, stroke: new Stroke({ color: '#111', width: 2.5 * this.scale }) }) }));
    }
    // A dark outline under a white one: the symbol stands out on the palest and on the darkest fill class.
    styles.push(new Style({ image: shapeImage(symbol.shape, radius + 1.5 * this.scale, new Fill({ color: '#1a1a1a' })) }));
    styles.push(new Style({ image: shapeImage(symbol.shape, radius, new Fill({ color: symbol.color }), new Stroke({ color: '#ffffff', width: 2 * this.scale })) }));
    this.cache.set(key, styles);
    return styles;
  }

  symbolOf(layer: PointLayerId): PointSymbol {
    return this.context.spec().points.find((p) => p.layer === layer) ?? { layer, color: '#333', shape: 'circle', size: 7 };
  }

  clusterStyle(layer: PointLayerId, count: number, weak: boolean): Style[] {
    const key = `c:${layer}:${count}:${weak}`;
    const cached = this.cache.get(key) as Style[] | undefined;
    if (cached) {
      return cached;
    }
    const symbol = this.symbolOf(layer);
    const radius = (11 + Math.min(14, Math.log2(count) * 3)) * this.scale;
    const styles = [
      new Style({ image: new CircleStyle({ radius: radius + (weak ? 3 : 2) * this.scale + 1, fill: new Fill({ color: '#1a1a1a' }) }) }),
      new Style({
        image: new CircleStyle({
          radius,
          fill: new Fill({ color: symbol.color }),
          stroke: new Stroke({ color: weak ? this.context.spec().weakRing : '#ffffff', width: (weak ? 3 : 2) * this.scale }),
        }),
        // Bold white figures with a dark edge: readable on every symbol colour, and from the back of a room.
        text: new Text({
          text: String(count),
          font: `700 ${this.context.presentation() ? 22 : 13}px system-ui, sans-serif`,
          fill: new Fill({ color: '#ffffff' }),
          stroke: new Stroke({ color: 'rgba(0,0,0,0.75)', width: this.context.presentation() ? 4 : 3 }),
        }),
      }),
    ];
    this.cache.set(key, styles);
    return styles;
  }

  /**
   * A contact badge: the number of leaders who contact an organisation, in a small bubble beside (up and
   * right of) the organisation's symbol, so that both stay visible and clickable.
   */
  badgeStyle(feature: FeatureLike, members: FeatureLike[] | undefined): Style[] {
    const badges = members ?? [feature];
    const leaders = badges.reduce((sum, b) => sum + (Number(b.get('leader_count') ?? b.get('count')) || 1), 0);
    const selection = this.context.selection();
    const selected = selection?.layer === 'contact-points'
      && badges.some((b) => (b.get('leaders') as PickEntry[] | undefined)?.some((l) => l.id === selection.id));
    const key = `b:${leaders}:${badges.length > 1}:${selected}`;
    const cached = this.cache.get(key) as Style[] | undefined;
    if (cached) {
      return cached;
    }
    const symbol = this.symbolOf('contact-points');
    const radius = (badges.length > 1 ? 9 + Math.min(8, Math.log2(leaders) * 1.5) : 8) * this.scale;
    const shift = (badges.length > 1 ? radius + 8 * this.scale : 13 * this.scale);
    const displacement = [shift, shift];
    const styles = [
      new Style({ image: new CircleStyle({ radius: radius + 1.5 * this.scale, fill: new Fill({ color: selected ? '#111' : '#1a1a1a' }), displacement }) }),
      new Style({
        image: new CircleStyle({ radius, fill: new Fill({ color: symbol.color }), stroke: new Stroke({ color: '#ffffff', width: (selected ? 3 : 1.5) * this.scale }), displacement }),
        text: new Text({
          text: String(leaders),
          font: `700 ${this.context.presentation() ? 20 : 11}px system-ui, sans-serif`,
          fill: new Fill({ color: '#ffffff' }),
          stroke: new Stroke({ color: 'rgba(0,0,0,0.7)', width: 2.5 }),
          offsetX: shift,
          offsetY: -shift,
        }),
      }),
    ];
    this.cache.set(key, styles);
    return styles;
  }

  /** Analysis features: cluster hulls and members by cluster, hot and cold spots by significance, gaps in red. */
  overlayStyle(feature: FeatureLike): Style | Style[] {
    const highlighted = this.context.highlight().has(String(feature.get('code') ?? ''));
    const radius = (highlighted ? 9 : 6) * this.scale;
    const stroke = new Stroke({ color: highlighted ? '#111' : '#ffffff', width: (highlighted ? 3 : 1.2) * this.scale });
    const change = feature.get('change');
    if (change !== undefined) {
      // An import's preview: added filled green, changed filled blue (both with a white halo, to stand out on
      // any district colour), removed a white disc with a thick vermilion ring.
      const colour = IMPORT_CHANGE_COLOURS[String(change)] ?? '#999999';
      const removed = change === 'removed';
      return new Style({ image: new CircleStyle({ radius: radius + 1,
        stroke: new Stroke({ color: removed ? colour : '#ffffff', width: (removed ? 3 : 2) * this.scale }),
        fill: new Fill({ color: removed ? 'rgba(255,255,255,0.9)' : colour }) }) });
    }
    if (feature.get('feature_type') === 'cluster') {
      const colour = paletteColour(CLUSTER_COLOURS, feature.get('cluster'), '#999999');
      return new Style({ fill: new Fill({ color: colour + '40' }), stroke: new Stroke({ color: colour, width: 2 * this.scale }) });
    }
    let colour = '#D55E00';
    if (feature.get('feature_type') === 'organisation') {
      const cluster = feature.get('cluster');
      colour = cluster === null || cluster === undefined ? '#999999' : paletteColour(CLUSTER_COLOURS, cluster, '#999999');
    } else if (feature.get('spot') !== undefined) {
      const level = Number(feature.get('significance'));
      const hot = feature.get('spot') === 'hot';
      colour = feature.get('spot') === 'none' ? '#d9d9d9' : paletteColour(hot ? HOT : COLD, level >= 99 ? 2 : level >= 95 ? 1 : 0, '#d9d9d9');
    }
    return new Style({ image: new CircleStyle({ radius, fill: new Fill({ color: colour }), stroke }) });
  }
}

/** The n-th colour of a palette (repeating); the fallback when n is not a number. */
export function paletteColour(palette: readonly string[], n: unknown, fallback: string): string {
  const index = Number(n);
  return Number.isInteger(index) ? (palette[((index % palette.length) + palette.length) % palette.length] ?? fallback) : fallback;
}

/** The image of a point symbol's shape (circle, square, triangle, diamond, pentagon), centred on the point. */
export function shapeImage(shape: PointSymbol['shape'], radius: number, fill: Fill, stroke?: Stroke): CircleStyle | RegularShape {
  switch (shape) {
    case 'circle': return new CircleStyle({ radius, fill, stroke });
    case 'square': return new RegularShape({ points: 4, radius: radius * 1.25, angle: Math.PI / 4, fill, stroke });
    case 'triangle': return new RegularShape({ points: 3, radius: radius * 1.3, angle: 0, fill, stroke });
    case 'diamond': return new RegularShape({ points: 4, radius: radius * 1.35, angle: 0, fill, stroke });
    case 'pentagon': return new RegularShape({ points: 5, radius: radius * 1.2, angle: 0, fill, stroke });
  }
}
