// <geo-map>: the dashboard's map. It fetches its layers itself from the OGC API (bulk data never passes
// through Vaadin), paints them with the style the server computed (one style for the browser and the
// snapshots), and reports what a person does with typed, bubbling, composed events:
//   feature-click {layer, id}, selection-changed {layer, id}, view-moved {bbox, zoom}, rendered {}.
// After every complete render (all requested layers drawn) the element carries a `rendered` attribute;
// it is removed while a new render is pending.
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorSource from 'ol/source/Vector.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import Cluster from 'ol/source/Cluster.js';
import XYZ from 'ol/source/XYZ.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import MVT from 'ol/format/MVT.js';
import Feature, { type FeatureLike } from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { Circle as CircleStyle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { createEmpty, extend as extendExtent, isEmpty } from 'ol/extent.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import DragBox from 'ol/interaction/DragBox.js';
import DragPan from 'ol/interaction/DragPan.js';
import Draw from 'ol/interaction/Draw.js';
import type Polygon from 'ol/geom/Polygon.js';
import type BaseLayer from 'ol/layer/Base.js';
import type { Geometry } from 'ol/geom.js';
import olCss from 'ol/ol.css';

type PointLayerId = 'villages' | 'grid-branches' | 'contact-points';
const POINT_LAYERS: PointLayerId[] = ['villages', 'grid-branches', 'contact-points'];
/** Above this many features a layer comes as vector tiles, aggregated on the server at low zoom. */
const GEOJSON_LIMIT = 10000;
/** From this zoom on, points are drawn one by one rather than clustered. */
const INDIVIDUAL_ZOOM = 11;

interface PointSymbol { layer: PointLayerId; color: string; shape: 'circle' | 'square' | 'triangle'; size: number }
interface MapStyleSpec {
  districtColors: Record<string, string>;
  points: PointSymbol[];
  weakRing: string;
}
interface Layers { districts: boolean; villages: boolean; 'grid-branches': boolean; 'contact-points': boolean }
interface Filters { district?: string | null; kind?: string | null; status?: string | null }
interface Selection { layer: string; id: string }
interface Labels { [key: string]: string }

const WEAK = new Set(['weak', 'rectifying']);
/** Okabe-Ito colours for clusters, then hot (warm) and cold (cool) spots at 90, 95 and 99 percent. */
const CLUSTER_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];
/** The data page's import preview (maintenance/ImportPreviewPanel uses the same colours in its legend). */
const IMPORT_CHANGE_COLOURS: Record<string, string> = { added: '#009E73', changed: '#0072B2', removed: '#D55E00' };
const HOT = ['#fcae91', '#fb6a4a', '#cb181d'];
const COLD = ['#bdd7e7', '#6baed6', '#2171b5'];

export class GeoMap extends LitElement {
  static override properties = {
    ogcBase: { type: String, attribute: 'ogc-base' },
    language: { type: String },
    styleJson: { type: String, attribute: false },
    layersJson: { type: String, attribute: false },
    filtersJson: { type: String, attribute: false },
    selectionJson: { type: String, attribute: false },
    countsJson: { type: String, attribute: false },
    labelsJson: { type: String, attribute: false },
    extentJson: { type: String, attribute: false },
    basemapUrl: { type: String, attribute: 'basemap-url' },
    overlayUrl: { type: String, attribute: 'overlay-url' },
    highlightJson: { type: String, attribute: false },
    drawMode: { type: String, attribute: 'draw-mode', reflect: true },
    presentation: { type: Boolean, reflect: true },
  };

  static override styles = [
    unsafeCSS(olCss),
    css`
      :host { display: block; position: relative; width: 100%; height: 100%; background: #f4f6f8; }
      #map { position: absolute; inset: 0; }
      .tooltip {
        background: rgba(255, 255, 255, 0.95); border: 1px solid #667; border-radius: 4px;
        padding: 2px 6px; font: 14px/1.4 system-ui, "Noto Sans CJK SC", sans-serif; white-space: nowrap;
        pointer-events: none; transform: translate(10px, -50%);
      }
      :host([presentation]) .tooltip { font-size: 22px; }
      :host([presentation]) .ol-scale-line-inner { font-size: 18px; }
    `,
  ];

  ogcBase = '/ogc';
  language = 'zh';
  styleJson = '';
  layersJson = '';
  filtersJson = '';
  selectionJson = '';
  countsJson = '';
  labelsJson = '';
  extentJson = '';
  basemapUrl = '';
  /** GeoJSON of an analysis (clusters, hot spots, coverage gaps), drawn over everything else. */
  overlayUrl = '';
  highlightJson = '';
  /**
   * 'box': dragging draws a box instead of panning; 'polygon': clicks add corners, a double click closes it.
   * Either is reported as area-drawn {bbox, polygon} (polygon: a closed ring of [lon, lat]). Empty: off.
   */
  drawMode = '';
  presentation = false;

  // The JSON properties, parsed once per change (style functions run for every feature on every frame).
  private spec: MapStyleSpec = { districtColors: {}, points: [], weakRing: '#D55E00' };
  private layers: Layers = { districts: true, villages: true, 'grid-branches': true, 'contact-points': true };
  private filters: Filters = {};
  private selection: Selection | null = null;
  private counts: Record<string, number> = {};
  private labels: Labels = {};
  private highlight = new Set<string>();
  private overlaySource = new VectorSource();
  private overlayLayer?: VectorLayer;
  private dragBox?: DragBox;
  private drawPolygon?: Draw;

  private map?: OlMap;
  private tooltip?: Overlay;
  private districtSource = new VectorSource();
  private labelSource = new VectorSource();
  private districtLayer?: VectorLayer;
  private labelLayer?: VectorLayer;
  private basemapLayer?: TileLayer;
  private pointLayers = new Map<PointLayerId, BaseLayer>();
  private pendingLoads = 0;
  private renderPending = true;
  private loadGeneration = 0;
  private fitted = false;
  private resizeObserver?: ResizeObserver;
  private styleCache = new Map<string, Style | Style[]>();

  override render() {
    return html`<div id="map" role="application" aria-label=${this.label('map')}></div><div class="tooltip" id="tooltip" hidden></div>`;
  }

  override firstUpdated() {
    const target = this.renderRoot.querySelector('#map') as HTMLElement;
    const tooltipElement = this.renderRoot.querySelector('#tooltip') as HTMLElement;
    this.tooltip = new Overlay({ element: tooltipElement, offset: [8, 0], positioning: 'center-left' });
    this.districtLayer = new VectorLayer({ source: this.districtSource, style: (f) => this.districtStyle(f), zIndex: 1 });
    this.labelLayer = new VectorLayer({ source: this.labelSource, style: (f) => this.labelStyle(f), declutter: true, zIndex: 10 });
    this.map = new OlMap({
      target,
      layers: [this.districtLayer, this.labelLayer],
      overlays: [this.tooltip],
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
      view: new View({ center: fromLonLat([96.5, 40.3]), zoom: 6, minZoom: 4, maxZoom: 18 }),
    });
    this.map.on('rendercomplete', () => this.maybeRendered());
    // Panning and zooming load new data (tiles, clusters): a new render is pending until it is drawn.
    this.map.on('movestart', () => this.beginRender());
    this.map.on('moveend', () => this.onMoveEnd());
    this.map.on('pointermove', (e) => this.onHover(e.pixel, e.dragging));
    this.map.on('singleclick', (e) => this.onClick(e.pixel));
    this.map.getView().on('change:resolution', () => this.onZoomChange());
    this.resizeObserver = new ResizeObserver(() => this.map?.updateSize());
    this.resizeObserver.observe(this);
    this.overlayLayer = new VectorLayer({ source: this.overlaySource, style: (f) => this.overlayStyle(f), zIndex: 20 });
    this.map.addLayer(this.overlayLayer);
    this.dragBox = new DragBox({ condition: () => this.drawMode === 'box' });
    this.dragBox.on('boxend', () => this.emitArea(this.dragBox!.getGeometry()));
    this.map.addInteraction(this.dragBox);
    this.drawPolygon = new Draw({ type: 'Polygon' });
    this.drawPolygon.setActive(false);
    this.drawPolygon.on('drawend', (e) => this.emitArea(e.feature.getGeometry() as Polygon));
    this.map.addInteraction(this.drawPolygon);
    this.applyBasemap();
    this.loadDistricts();
    if (this.overlayUrl) {
      this.loadOverlay();
    }
    this.rebuildPointLayers();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.map?.setTarget(undefined);
    this.map?.dispose();
    this.map = undefined;
  }

  override willUpdate(changed: PropertyValues) {
    if (changed.has('styleJson')) this.spec = this.parse(this.styleJson, this.spec);
    if (changed.has('layersJson')) this.layers = this.parse(this.layersJson, this.layers);
    if (changed.has('filtersJson')) this.filters = this.parse(this.filtersJson, {});
    if (changed.has('selectionJson')) this.selection = this.parse<Selection | null>(this.selectionJson, null);
    if (changed.has('countsJson')) this.counts = this.parse(this.countsJson, {});
    if (changed.has('labelsJson')) this.labels = this.parse(this.labelsJson, {});
    if (changed.has('highlightJson')) this.highlight = new Set(this.parse<string[]>(this.highlightJson, []));
  }

  override updated(changed: PropertyValues) {
    if (!this.map) {
      return;
    }
    if (changed.has('styleJson') || changed.has('presentation') || changed.has('language') || changed.has('selectionJson')) {
      this.styleCache.clear();
      this.beginRender();
      this.districtLayer?.changed();
      this.labelLayer?.changed();
      this.pointLayers.forEach((layer) => layer.changed());
    }
    if (changed.has('filtersJson') || changed.has('countsJson')) {
      this.rebuildPointLayers();
    } else if (changed.has('layersJson')) {
      this.applyVisibility();
    }
    if (changed.has('basemapUrl')) {
      this.applyBasemap();
    }
    if (changed.has('overlayUrl')) {
      this.loadOverlay();
    }
    if (changed.has('highlightJson')) {
      this.beginRender();
      this.overlayLayer?.changed();
    }
    if (changed.has('drawMode')) {
      this.map.getInteractions().forEach((i) => {
        if (i instanceof DragPan) i.setActive(this.drawMode !== 'box');
      });
      this.drawPolygon?.setActive(this.drawMode === 'polygon');
    }
    if (changed.has('extentJson') && this.extentJson) {
      this.fitToRequestedExtent();
    }
    if (changed.has('selectionJson')) {
      this.emit('selection-changed', this.selection ?? { layer: '', id: '' });
    }
  }

  /** Zooms to a district by its GB/T 2260 code. */
  fitDistrict(code: string) {
    const feature = this.districtSource.getFeatures().find((f) => f.get('code') === code);
    const geometry = feature?.getGeometry();
    if (geometry && this.map) {
      this.map.getView().fit(geometry.getExtent(), { padding: [40, 40, 40, 40], duration: 300 });
    }
  }

  /** Zooms to a longitude/latitude box. */
  fitExtent(minLon: number, minLat: number, maxLon: number, maxLat: number) {
    this.map?.getView().fit(transformExtent([minLon, minLat, maxLon, maxLat], 'EPSG:4326', 'EPSG:3857'), { duration: 0 });
  }

  /** Centres the map on a longitude/latitude at a zoom level. */
  flyTo(lon: number, lat: number, zoom: number) {
    this.map?.getView().animate({ center: fromLonLat([lon, lat]), zoom, duration: 300 });
  }

  /** How many features a point layer has loaded and shows (clustered or not); 0 when hidden, -1 for tiles. */
  loadedFeatureCount(layer: string): number {
    const found = this.pointLayers.get(layer as PointLayerId);
    if (!found || !found.getVisible()) {
      return 0;
    }
    const source = (found as VectorLayer).getSource?.();
    return source instanceof Cluster ? (source.getSource()?.getFeatures().length ?? 0) : -1;
  }

  /** Where a longitude/latitude is drawn, in CSS pixels from the element's top left (for tests and tools). */
  pixelOf(lon: number, lat: number): number[] | null {
    return this.map?.getPixelFromCoordinate(fromLonLat([lon, lat])) ?? null;
  }

  // ---- data ----

  /** The outlines are loaded once: indicator, period and classification change only their colours. */
  private async loadDistricts() {
    const json = await this.fetchJson(`${this.ogcBase}/collections/districts/items?limit=100`);
    if (!json) {
      return;
    }
    const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
    const features = format.readFeatures(json) as Feature<Geometry>[];
    this.districtSource.clear();
    this.districtSource.addFeatures(features);
    this.labelSource.clear();
    this.labelSource.addFeatures(features.map((f) => {
      const label = new Feature(new Point(fromLonLat([f.get('label_lon'), f.get('label_lat')])));
      // Labels use the customary short names (肃北县, Aksay): the full names of the two autonomous
      // counties would collide at city scale.
      label.setProperties({ code: f.get('code'), name_zh: f.get('label_zh'), name_en: f.get('label_en') });
      return label;
    }));
    if (!this.fitted) {
      this.fitted = true;
      if (this.extentJson) {
        this.fitToRequestedExtent();
      } else {
        const extent = this.districtSource.getExtent();
        if (extent) {
          this.map?.getView().fit(extent, { padding: [20, 20, 20, 20] });
        }
      }
    }
  }

  /** (Re)creates the point layers for the current filters: GeoJSON and clusters, or tiles for big layers. */
  private rebuildPointLayers() {
    if (!this.map) {
      return;
    }
    this.loadGeneration++;
    this.beginRender();
    this.pointLayers.forEach((layer) => this.map?.removeLayer(layer));
    this.pointLayers.clear();
    POINT_LAYERS.forEach((id, index) => {
      const query = this.filterQuery(id);
      const layer = (this.counts[id] ?? 0) > GEOJSON_LIMIT ? this.tileLayer(id, query) : this.clusterLayer(id, query);
      layer.setZIndex(5 + index);
      this.pointLayers.set(id, layer);
      this.map?.addLayer(layer);
    });
    this.applyVisibility();
  }

  private clusterLayer(id: PointLayerId, query: string): VectorLayer {
    const source = new VectorSource();
    const cluster = new Cluster({ source, distance: this.clusterDistance(), minDistance: 8 });
    const layer = new VectorLayer({ source: cluster, style: (f) => this.pointStyle(f, id) });
    layer.set('pointLayer', id);
    this.loadAll(`${this.ogcBase}/collections/${id}/items?limit=${GEOJSON_LIMIT}${query}`, source);
    return layer;
  }

  private tileLayer(id: PointLayerId, query: string): VectorTileLayer {
    const layer = new VectorTileLayer({
      source: new VectorTileSource({
        format: new MVT(),
        url: `${this.ogcBase}/collections/${id}/tiles/WebMercatorQuad/{z}/{y}/{x}${query ? '?' + query.substring(1) : ''}`,
        maxZoom: 16,
      }),
      style: (f) => this.pointStyle(f, id),
    });
    layer.set('pointLayer', id);
    return layer;
  }

  private emitArea(geometry: Polygon) {
    const round = (v: number) => Math.round(v * 1e6) / 1e6;
    const bbox = transformExtent(geometry.getExtent(), 'EPSG:3857', 'EPSG:4326').map(round);
    const polygon = geometry.getCoordinates()[0].map((c) => toLonLat(c).map(round));
    this.emit('area-drawn', { bbox, polygon });
  }

  private async loadOverlay() {
    this.beginRender();
    this.overlaySource.clear();
    if (!this.overlayUrl) {
      return;
    }
    const url = this.overlayUrl;
    const json = await this.fetchJson(url);
    if (json && url === this.overlayUrl) {
      this.overlaySource.addFeatures(new GeoJSON({ featureProjection: 'EPSG:3857' }).readFeatures(json) as Feature<Geometry>[]);
    }
  }

  /** Reads every page of a collection into a source, following `next` links. */
  private async loadAll(url: string, source: VectorSource) {
    const generation = this.loadGeneration;
    const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
    let next: string | null = url;
    while (next && generation === this.loadGeneration) {
      const json: any = await this.fetchJson(next);
      if (!json || generation !== this.loadGeneration) {
        return;
      }
      source.addFeatures(format.readFeatures(json) as Feature<Geometry>[]);
      next = (json.links ?? []).find((l: { rel: string }) => l.rel === 'next')?.href ?? null;
    }
  }

  private async fetchJson(url: string): Promise<unknown | null> {
    this.pendingLoads++;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    } finally {
      this.pendingLoads--;
      this.map?.render();
    }
  }

  private filterQuery(id: PointLayerId): string {
    const filters = this.filters;
    const parts: string[] = [];
    if (filters.district) parts.push(`district=${encodeURIComponent(filters.district)}`);
    if (filters.status) parts.push(`status=${encodeURIComponent(filters.status)}`);
    if (filters.kind && id === 'contact-points') parts.push(`kind=${encodeURIComponent(filters.kind)}`);
    return parts.length ? '&' + parts.join('&') : '';
  }

  private applyVisibility() {
    const layers = this.layers;
    const kind = this.filters.kind;
    this.beginRender();
    this.districtLayer?.setVisible(layers.districts);
    this.pointLayers.forEach((layer, id) => {
      // A kind filter keeps only the organisations of that kind (and the contact points linking to them).
      const kindAllows = !kind || id === 'contact-points' || (kind === 'village' ? id === 'villages' : kind === 'grid_branch' ? id === 'grid-branches' : false);
      layer.setVisible(layers[id] && kindAllows);
    });
  }

  private applyBasemap() {
    if (!this.map) {
      return;
    }
    if (this.basemapLayer) {
      this.map.removeLayer(this.basemapLayer);
      this.basemapLayer = undefined;
    }
    if (this.basemapUrl) {
      // CORS, so that a snapshot of the canvas is not tainted; a failing server only leaves tiles blank.
      this.basemapLayer = new TileLayer({ source: new XYZ({ url: this.basemapUrl, crossOrigin: 'anonymous' }), zIndex: 0 });
      this.map.addLayer(this.basemapLayer);
    }
  }

  private fitToRequestedExtent() {
    const extent = this.parse<number[] | null>(this.extentJson, null);
    if (extent && extent.length === 4) {
      this.fitExtent(extent[0], extent[1], extent[2], extent[3]);
    }
  }

  // ---- rendering state ----

  private beginRender() {
    this.renderPending = true;
    this.removeAttribute('rendered');
    this.map?.render();
  }

  private maybeRendered() {
    const view = this.map?.getView();
    // OpenLayers reports a complete render after every frame of an animation too: wait for the last one.
    const moving = !!view && (view.getAnimating() || view.getInteracting());
    if (this.renderPending && !moving && this.pendingLoads === 0 && this.districtSource.getFeatures().length > 0) {
      this.renderPending = false;
      // When it happened, in ms since navigation started: benchmarks read it without polling delays.
      this.dataset.renderedAt = String(Math.round(performance.now()));
      this.setAttribute('rendered', '');
      this.emit('rendered', {});
    }
  }

  // ---- styles ----

  private get scale(): number {
    return this.presentation ? 1.6 : 1;
  }

  private districtStyle(feature: FeatureLike): Style {
    const code = feature.get('code') as string;
    const selected = this.selection?.layer === 'districts' && this.selection.id === code;
    const key = `d:${code}:${selected}`;
    let style = this.styleCache.get(key) as Style | undefined;
    if (!style) {
      style = new Style({
        fill: new Fill({ color: this.spec.districtColors[code] ?? '#e8e8e8' }),
        stroke: new Stroke({ color: selected ? '#111' : '#4a4a5a', width: (selected ? 3.5 : 1.2) * this.scale }),
        zIndex: selected ? 2 : 1,
      });
      this.styleCache.set(key, style);
    }
    return style;
  }

  private labelStyle(feature: FeatureLike): Style {
    const name = this.language === 'en' ? feature.get('name_en') : feature.get('name_zh');
    const size = this.presentation ? 26 : 15;
    return new Style({
      text: new Text({
        text: name,
        font: `600 ${size}px system-ui, "Noto Sans CJK SC", sans-serif`,
        fill: new Fill({ color: '#1a1a2e' }),
        stroke: new Stroke({ color: 'rgba(255,255,255,0.95)', width: this.presentation ? 5 : 3.5 }),
        overflow: true,
      }),
    });
  }

  private pointStyle(feature: FeatureLike, layer: PointLayerId): Style | Style[] {
    const members = feature.get('features') as FeatureLike[] | undefined;
    const count = members ? members.length : (feature.get('count') as number | undefined) ?? 1;
    const weakCount = members
      ? members.filter((m) => WEAK.has(this.statusOf(m, layer))).length
      : feature.get('aggregated') ? (feature.get('weak') as number) : WEAK.has(this.statusOf(feature, layer)) ? 1 : 0;
    const single = members?.length === 1 ? members[0] : (feature.get('aggregated') ? undefined : feature);
    const selected = !!single && this.selection?.layer === layer && this.selection.id === this.idOf(single, layer);
    if (count > 1) {
      return this.clusterStyle(layer, count, weakCount > 0);
    }
    return this.symbolStyle(layer, weakCount > 0, selected);
  }

  private symbolStyle(layer: PointLayerId, weak: boolean, selected: boolean): Style | Style[] {
    const key = `p:${layer}:${weak}:${selected}`;
    const cached = this.styleCache.get(key);
    if (cached) {
      return cached;
    }
    const symbol = this.spec.points.find((p) => p.layer === layer) ?? { layer, color: '#333', shape: 'circle', size: 7 };
    const radius = symbol.size * this.scale * (selected ? 1.5 : 1);
    const fill = new Fill({ color: symbol.color });
    const stroke = new Stroke({ color: '#ffffff', width: 1.5 * this.scale });
    const image = symbol.shape === 'circle'
      ? new CircleStyle({ radius, fill, stroke })
      : new RegularShape({ points: symbol.shape === 'square' ? 4 : 3, radius: radius * (symbol.shape === 'square' ? 1.25 : 1.3), angle: symbol.shape === 'square' ? Math.PI / 4 : 0, fill, stroke });
    const styles: Style[] = [];
    if (weak) {
      styles.push(new Style({ image: new CircleStyle({ radius: radius + 4 * this.scale, stroke: new Stroke({ color: this.spec.weakRing, width: 3 * this.scale }) }) }));
    }
    if (selected) {
      styles.push(new Style({ image: new CircleStyle({ radius: radius + 8 * this.scale, stroke: new Stroke({ color: '#111', width: 2.5 * this.scale }) }) }));
    }
    styles.push(new Style({ image }));
    this.styleCache.set(key, styles);
    return styles;
  }

  private clusterStyle(layer: PointLayerId, count: number, weak: boolean): Style {
    const symbol = this.spec.points.find((p) => p.layer === layer);
    const radius = (10 + Math.min(14, Math.log2(count) * 3)) * this.scale;
    return new Style({
      image: new CircleStyle({
        radius,
        fill: new Fill({ color: symbol?.color ?? '#333' }),
        stroke: new Stroke({ color: weak ? this.spec.weakRing : '#ffffff', width: (weak ? 3 : 2) * this.scale }),
      }),
      text: new Text({
        text: String(count),
        font: `600 ${Math.round(12 * this.scale)}px system-ui, sans-serif`,
        fill: new Fill({ color: '#ffffff' }),
      }),
    });
  }

  /** Analysis features: cluster hulls and members by cluster, hot and cold spots by significance, gaps in red. */
  private overlayStyle(feature: FeatureLike): Style | Style[] {
    const highlighted = this.highlight.has(String(feature.get('code') ?? ''));
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
      const colour = CLUSTER_COLOURS[Number(feature.get('cluster')) % CLUSTER_COLOURS.length];
      return new Style({ fill: new Fill({ color: colour + '40' }), stroke: new Stroke({ color: colour, width: 2 * this.scale }) });
    }
    let colour = '#D55E00';
    if (feature.get('feature_type') === 'organisation') {
      const cluster = feature.get('cluster');
      colour = cluster === null || cluster === undefined ? '#999999' : CLUSTER_COLOURS[Number(cluster) % CLUSTER_COLOURS.length];
    } else if (feature.get('spot') !== undefined) {
      const level = Number(feature.get('significance'));
      const hot = feature.get('spot') === 'hot';
      colour = feature.get('spot') === 'none' ? '#d9d9d9' : (hot ? HOT : COLD)[level >= 99 ? 2 : level >= 95 ? 1 : 0];
    }
    return new Style({ image: new CircleStyle({ radius, fill: new Fill({ color: colour }), stroke }) });
  }

  private statusOf(feature: FeatureLike, layer: PointLayerId): string {
    return (layer === 'contact-points' ? feature.get('organisation_status') : feature.get('status')) ?? 'normal';
  }

  private idOf(feature: FeatureLike, layer: PointLayerId): string {
    if (layer === 'contact-points') {
      return String(feature.get('id') ?? feature.getId());
    }
    return String(feature.get('code') ?? feature.getId());
  }

  private clusterDistance(): number {
    const zoom = this.map?.getView().getZoom() ?? 6;
    return zoom >= INDIVIDUAL_ZOOM ? 0 : 36;
  }

  private onZoomChange() {
    const distance = this.clusterDistance();
    this.pointLayers.forEach((layer) => {
      const source = (layer as VectorLayer).getSource?.();
      if (source instanceof Cluster && source.getDistance() !== distance) {
        source.setDistance(distance);
      }
    });
  }

  // ---- interaction ----

  private hit(pixel: number[]): { layer: string; feature: FeatureLike } | null {
    let found: { layer: string; feature: FeatureLike } | null = null;
    this.map?.forEachFeatureAtPixel(pixel, (feature, layer) => {
      if (layer === this.overlayLayer && feature.get('code')) {
        found = { layer: 'analysis', feature };
        return true;
      }
      const id = layer?.get('pointLayer') as string | undefined;
      if (id) {
        found = { layer: id, feature };
        return true;
      }
      if (layer === this.districtLayer && !found) {
        found = { layer: 'districts', feature };
      }
      return false;
    }, { hitTolerance: 4 });
    return found;
  }

  private onHover(pixel: number[], dragging: boolean) {
    const element = this.tooltip?.getElement();
    if (!element || dragging) {
      return;
    }
    const hit = this.hit(pixel);
    if (!hit) {
      element.hidden = true;
      return;
    }
    element.textContent = this.describe(hit.layer, hit.feature);
    element.hidden = false;
    this.tooltip?.setPosition(this.map?.getCoordinateFromPixel(pixel));
  }

  private describe(layer: string, feature: FeatureLike): string {
    const members = feature.get('features') as FeatureLike[] | undefined;
    const labels = this.labels;
    if (layer === 'districts') {
      return this.language === 'en' ? feature.get('name_en') : feature.get('name_zh');
    }
    if (layer === 'analysis') {
      return String(feature.get('name_zh'));
    }
    const count = members ? members.length : (feature.get('count') as number | undefined) ?? 1;
    if (count > 1) {
      return `${labels[layer] ?? layer}: ${count}`;
    }
    const single = members ? members[0] : feature;
    if (layer === 'contact-points') {
      return `${single.get('leader_name_zh')} → ${single.get('organisation_name_zh')}`;
    }
    return String(single.get('name_zh'));
  }

  private onClick(pixel: number[]) {
    const hit = this.hit(pixel);
    if (!hit || !this.map) {
      return;
    }
    const members = hit.feature.get('features') as FeatureLike[] | undefined;
    if (members && members.length > 1) {
      // A cluster: zoom in until it comes apart.
      const extent = createEmpty();
      members.forEach((m) => extendExtent(extent, m.getGeometry()!.getExtent()));
      if (!isEmpty(extent)) {
        this.map.getView().fit(extent, { padding: [60, 60, 60, 60], duration: 300, maxZoom: INDIVIDUAL_ZOOM + 1 });
      }
      return;
    }
    if (hit.feature.get('aggregated')) {
      const view = this.map.getView();
      view.animate({ center: this.map.getCoordinateFromPixel(pixel), zoom: (view.getZoom() ?? 6) + 2, duration: 300 });
      return;
    }
    const single = members ? members[0] : hit.feature;
    const id = hit.layer === 'districts' || hit.layer === 'analysis' ? String(single.get('code'))
      : this.idOf(single, hit.layer as PointLayerId);
    this.emit('feature-click', { layer: hit.layer, id });
  }

  private onMoveEnd() {
    if (!this.map) {
      return;
    }
    const view = this.map.getView();
    const bbox = transformExtent(view.calculateExtent(this.map.getSize()), 'EPSG:3857', 'EPSG:4326')
      .map((v) => Math.round(v * 10000) / 10000);
    this.emit('view-moved', { bbox, zoom: Math.round((view.getZoom() ?? 0) * 100) / 100 });
  }

  // ---- helpers ----

  private emit(type: string, detail: object) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private label(key: string): string {
    return this.labels[key] ?? key;
  }

  private parse<T>(json: string, fallback: T): T {
    if (!json) {
      return fallback;
    }
    try {
      return JSON.parse(json) as T;
    } catch {
      return fallback;
    }
  }
}

customElements.define('geo-map', GeoMap);

declare global {
  interface HTMLElementTagNameMap {
    'geo-map': GeoMap;
  }
}
