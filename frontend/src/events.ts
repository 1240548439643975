// The events <geo-map> and <indicator-chart> send to the page (and through Vaadin to the Java side, whose
// @DomEvent classes read exactly these detail fields: map/GeoMap.java, map/IndicatorChart.java). Declared
// once in HTMLElementEventMap, so that `addEventListener('feature-click', e => e.detail.id)` is typed, and
// sent through one typed emit(): an event name and its detail cannot drift apart.
import { toLonLat, transformExtent } from 'ol/proj.js';

/** A feature by its layer and id: a district code, a 12-digit organisation code, a contact point number. */
export interface FeatureRef {
  layer: string;
  id: string;
}

/** A click on a district or a single point, or a line chosen from the list a click on a crowd opens. */
export type FeatureClickDetail = FeatureRef;
/** The highlighted feature; empty layer and id when nothing is selected. */
export type SelectionChangedDetail = FeatureRef;

export interface ViewMovedDetail {
  /** minLon, minLat, maxLon, maxLat (RFC 7946 order), rounded to 4 decimals (about 10 m). */
  bbox: number[];
  zoom: number;
}

export interface AreaDrawnDetail {
  /** minLon, minLat, maxLon, maxLat, rounded to 6 decimals. */
  bbox: number[];
  /** The outline, a closed ring of [lon, lat] (first corner repeated last). */
  polygon: number[][];
}

/** Every requested layer is drawn. */
export type RenderedDetail = Record<string, never>;

export interface BarClickDetail {
  /** The category's (district's) index. */
  index: number;
}

/** Each event's name and the type of its detail. */
export interface MapEventDetails {
  'feature-click': FeatureClickDetail;
  'selection-changed': SelectionChangedDetail;
  'view-moved': ViewMovedDetail;
  'area-drawn': AreaDrawnDetail;
  rendered: RenderedDetail;
  'bar-click': BarClickDetail;
}

declare global {
  interface HTMLElementEventMap {
    'feature-click': CustomEvent<FeatureClickDetail>;
    'selection-changed': CustomEvent<SelectionChangedDetail>;
    'view-moved': CustomEvent<ViewMovedDetail>;
    'area-drawn': CustomEvent<AreaDrawnDetail>;
    rendered: CustomEvent<RenderedDetail>;
    'bar-click': CustomEvent<BarClickDetail>;
  }
}

/** Sends an event that bubbles out of the shadow root (composed), where Vaadin listens for it. */
export function emit<K extends keyof MapEventDetails>(target: EventTarget, type: K, detail: MapEventDetails[K]): void {
  target.dispatchEvent(new CustomEvent<MapEventDetails[K]>(type, { detail, bubbles: true, composed: true }));
}

/** The selection as selection-changed reports it: nothing selected is an empty layer and id, never null. */
export function selectionChangedDetail(selection: FeatureRef | null): SelectionChangedDetail {
  return selection ? { layer: selection.layer, id: selection.id } : { layer: '', id: '' };
}

/** view-moved for a view extent in Web Mercator (EPSG:3857) and a zoom level. */
export function viewMovedDetail(extent: number[], zoom: number | undefined): ViewMovedDetail {
  const bbox = transformExtent(extent, 'EPSG:3857', 'EPSG:4326').map((v) => Math.round(v * 10000) / 10000);
  return { bbox, zoom: Math.round((zoom ?? 0) * 100) / 100 };
}

/** area-drawn for a drawn ring and its extent, both in Web Mercator. */
export function areaDrawnDetail(extent: number[], ring: number[][]): AreaDrawnDetail {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    bbox: transformExtent(extent, 'EPSG:3857', 'EPSG:4326').map(round),
    polygon: ring.map((c) => toLonLat(c).map(round)),
  };
}
