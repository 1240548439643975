// The townships of one district, drawn over its fill when the map is filtered to that district (the
// drill-down city -> district -> township). Each township is coloured by how many of its organisations are
// weak or being rectified at the quarter's end, and outlined dashed while its area is approximate (the
// Voronoi cells of its organisations; real boundaries, once loaded, are drawn solid).
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type Feature from 'ol/Feature.js';
import type { FeatureLike } from 'ol/Feature.js';
import type { Geometry } from 'ol/geom.js';
import { Fill, Stroke, Style, Text } from 'ol/style.js';

/** ColorBrewer OrRd (4 classes, safe for colour-blind readers): 0, 1, 2, 3 or more weak organisations. */
export const TOWNSHIP_COLOURS = ['#fef0d9', '#fdcc8a', '#fc8d59', '#d7301f'];

/** A township's colour class: its weak-or-rectifying organisations, the last class for 3 or more. */
export function townshipClass(feature: FeatureLike): number {
  const weak = TownshipLayer.weakOpen(feature);
  return Number.isFinite(weak) ? Math.max(0, Math.min(weak, TOWNSHIP_COLOURS.length - 1)) : 0;
}

export class TownshipLayer {
  readonly source = new VectorSource();
  readonly layer: VectorLayer;
  private generation = 0;
  private styles = new Map<string, Style>();

  constructor(private large: () => boolean) {
    this.layer = new VectorLayer({ source: this.source, style: (f) => this.style(f), zIndex: 2 });
  }

  /** Loads the district's townships for the period; no district: clears the layer. */
  async load(ogcBase: string, district: string | null | undefined, period: string,
             fetchJson: (url: string) => Promise<unknown | null>): Promise<void> {
    const generation = ++this.generation;
    if (!district) {
      this.source.clear();
      return;
    }
    const query = `district=${encodeURIComponent(district)}${period ? `&period=${encodeURIComponent(period)}` : ''}`;
    const json = await fetchJson(`${ogcBase}/collections/townships/items?limit=1000&${query}`);
    if (generation !== this.generation) {
      return;
    }
    this.source.clear();
    if (json) {
      const features = new GeoJSON({ featureProjection: 'EPSG:3857' }).readFeatures(json) as Feature<Geometry>[];
      this.source.addFeatures(features.filter((f) => f.getGeometry()));
    }
  }

  /** How many townships are drawn (the element reports it as data-townships). */
  count(): number {
    return this.source.getFeatures().length;
  }

  /** The weak-or-rectifying count of a township: its colour class. */
  static weakOpen(feature: FeatureLike): number {
    return Number(feature.get('weak') ?? 0) + Number(feature.get('rectifying') ?? 0);
  }

  private style(feature: FeatureLike): Style {
    const weak = townshipClass(feature);
    const approximate = feature.get('approximate') !== false;
    const name = String(feature.get('name_zh') ?? '');
    const key = `${weak}|${approximate}|${name}|${this.large()}`;
    let style = this.styles.get(key);
    if (!style) {
      style = new Style({
        fill: new Fill({ color: TOWNSHIP_COLOURS[weak] + 'd9' }),
        stroke: new Stroke({ color: '#333', width: 1.5, lineDash: approximate ? [6, 4] : undefined }),
        text: new Text({
          text: name, overflow: false,
          font: `${this.large() ? 20 : 13}px system-ui, "Noto Sans CJK SC", sans-serif`,
          fill: new Fill({ color: '#222' }), stroke: new Stroke({ color: '#fff', width: 3 }),
        }),
      });
      this.styles.set(key, style);
    }
    return style;
  }
}
