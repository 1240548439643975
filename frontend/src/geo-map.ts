// <geo-map>: the dashboard's map. It fetches its layers itself from the OGC API (bulk data never passes
// through Vaadin), paints them with the style the server computed (one style for the browser and the
// snapshots), and reports what a person does with typed, bubbling, composed events:
//   feature-click {layer, id}, selection-changed {layer, id}, view-moved {bbox, zoom}, rendered {}.
// After every complete render (all requested layers drawn) the element carries a `rendered` attribute;
// it is removed while a new render is pending. With it comes `data-ringed`: how many organisations are
// drawn with the weak ring (members of clusters and aggregates included), across the visible layers.
//
// Nothing is drawn on top of anything: a leader's contact point is a badge beside its organisation's
// symbol (with the number of leaders), not a symbol of its own at the same place; features that share a
// position open a list on click; at the deepest zoom levels clusters spread out; district labels are
// drawn above everything.
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
import { containsCoordinate, createEmpty, extend as extendExtent, isEmpty } from 'ol/extent.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import DragBox from 'ol/interaction/DragBox.js';
import DragPan from 'ol/interaction/DragPan.js';
import Draw from 'ol/interaction/Draw.js';
import Polygon from 'ol/geom/Polygon.js';
import type BaseLayer from 'ol/layer/Base.js';
import type { Geometry } from 'ol/geom.js';
import olCss from 'ol/ol.css';
import { QuarterSwipe } from './quarter-swipe.js';
import { TownshipLayer } from './township-layer.js';

type OrganisationLayerId = 'villages' | 'grid-branches' | 'enterprises' | 'social-organisations';
type PointLayerId = OrganisationLayerId | 'contact-points';
const ORGANISATION_LAYERS: OrganisationLayerId[] = ['villages', 'grid-branches', 'enterprises', 'social-organisations'];
const POINT_LAYERS: PointLayerId[] = [...ORGANISATION_LAYERS, 'contact-points'];
/** The organisation kind (as stored, and as the kind filter names it) of each organisation layer. */
const LAYER_KIND: Record<OrganisationLayerId, string> = {
  villages: 'village', 'grid-branches': 'grid_branch', enterprises: 'enterprise', 'social-organisations': 'social_org',
};
/** Above this many features a layer comes as vector tiles, aggregated on the server at low zoom. */
const GEOJSON_LIMIT = 10000;
/** From this zoom on, points are drawn one by one rather than clustered. */
const INDIVIDUAL_ZOOM = 11;
/** From this zoom on, organisations carry their names (decluttered: a name that would overlap another is left out). */
const NAME_ZOOM = 12.5;
/** From this zoom on, a base layer shows through the district fills. */
const CONTEXT_ZOOM = 9;

interface PointSymbol { layer: PointLayerId; color: string; shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'pentagon'; size: number }
interface MapStyleSpec {
  districtColors: Record<string, string>;
  points: PointSymbol[];
  weakRing: string;
}
type Layers = Record<string, boolean>;
interface Filters { district?: string | null; kind?: string | null; status?: string | null }
interface Selection { layer: string; id: string }
interface Labels { [key: string]: string }
/** One line of the list that opens on a click where several features meet. */
interface PickEntry { layer: string; id: string; text: string }

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
    areaJson: { type: String, attribute: false },
    drawMode: { type: String, attribute: 'draw-mode', reflect: true },
    presentation: { type: Boolean, reflect: true },
    period: { type: String },
    dataVersion: { type: Number, attribute: 'data-version' },
    avoid: { type: String },
    comparePeriod: { type: String, attribute: 'compare-period', reflect: true },
    compareStyleJson: { type: String, attribute: false },
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
      :host([presentation]) .ol-scale-line-inner { font-size: 20px; }
      .pick-list {
        background: #fff; border: 1px solid #556; border-radius: 6px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3);
        font: 14px/1.4 system-ui, "Noto Sans CJK SC", sans-serif; max-height: 260px; overflow-y: auto; min-width: 180px;
        padding: 4px 0; transform: translate(12px, 0);
      }
      .pick-list .pick-title { padding: 2px 10px; color: #444; font-weight: 600; }
      .pick-list button {
        display: block; width: 100%; text-align: left; border: none; background: none; padding: 4px 10px;
        font: inherit; cursor: pointer; white-space: nowrap;
      }
      .pick-list button:hover, .pick-list button:focus { background: #e6eef8; }
      :host([presentation]) .pick-list { font-size: 22px; max-height: 420px; }
      .swipe { position: absolute; top: 0; bottom: 0; width: 0; z-index: 3; pointer-events: none; }
      .swipe::before { content: ""; position: absolute; top: 0; bottom: 0; left: -2px; width: 4px; background: #fff; box-shadow: 0 0 0 1px #333; }
      .swipe-knob {
        position: absolute; top: 50%; left: -18px; width: 36px; height: 36px; margin-top: -18px; border-radius: 50%;
        background: #fff; border: 2px solid #333; display: flex; align-items: center; justify-content: center;
        font: 700 18px system-ui, sans-serif; cursor: ew-resize; pointer-events: auto; touch-action: none;
      }
      .swipe-label {
        position: absolute; top: 10px; white-space: nowrap; background: rgba(255,255,255,0.92); border: 1px solid #333;
        border-radius: 4px; padding: 1px 8px; font: 600 15px system-ui, "Noto Sans CJK SC", sans-serif;
      }
      .swipe-label.left { right: 10px; }
      .swipe-label.right { left: 10px; }
      :host([presentation]) .swipe-label { font-size: 24px; }
      :host([presentation]) .swipe-knob { width: 52px; height: 52px; left: -26px; margin-top: -26px; font-size: 26px; }
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
  /** The area a person drew (a closed ring of [lon, lat], JSON), kept outlined on the map; empty: none. */
  areaJson = '';
  /**
   * 'box': dragging draws a box instead of panning; 'polygon': clicks add corners, a double click closes it.
   * Either is reported as area-drawn {bbox, polygon} (polygon: a closed ring of [lon, lat]). Empty: off.
   */
  drawMode = '';
  presentation = false;
  /** The quarter (2017Q1..2017Q4) whose status the organisation layers show; empty: the latest. */
  period = '';
  /** Bumped after a data change (a status saved): the point layers are fetched again. */
  dataVersion = 0;
  /**
   * CSS selectors of elements over the map (the legend, a card): fits keep the districts clear of them, and
   * a selected feature is moved out from under them.
   */
  avoid = '';
  /** A second quarter to compare with: drawn left of a divider (swipe), the selected one right of it. Empty: off. */
  comparePeriod = '';
  /** The map style (district colours) of the compared quarter. */
  compareStyleJson = '';

  // The JSON properties, parsed once per change (style functions run for every feature on every frame).
  private spec: MapStyleSpec = { districtColors: {}, points: [], weakRing: '#D55E00' };
  private layers: Layers = { districts: true, villages: true, 'grid-branches': true, enterprises: false,
    'social-organisations': false, 'contact-points': true };
  private filters: Filters = {};
  private selection: Selection | null = null;
  private counts: Record<string, number> = {};
  private labels: Labels = {};
  private highlight = new Set<string>();
  private overlaySource = new VectorSource();
  private overlayLayer?: VectorLayer;
  private areaSource = new VectorSource();
  private dragBox?: DragBox;
  private drawPolygon?: Draw;

  private map?: OlMap;
  private tooltip?: Overlay;
  private districtSource = new VectorSource();
  private labelSource = new VectorSource();
  private districtLayer?: VectorLayer;
  /** The filtered district's townships (drill-down), coloured by their weak organisations. */
  private townships = new TownshipLayer(() => this.presentation);
  private labelLayer?: VectorLayer;
  private basemapLayers: TileLayer[] = [];
  private pointLayers = new Map<PointLayerId, BaseLayer>();
  /** Every loaded feature of each GeoJSON point layer (contact points: one per leader and organisation). */
  private rawSources = new Map<PointLayerId, VectorSource>();
  private pickList?: Overlay;
  private swipe?: QuarterSwipe;
  private compareSpec: MapStyleSpec = { districtColors: {}, points: [], weakRing: '#D55E00' };
  /** Organisation names when zoomed in: context on a map with no base layer. */
  private nameLayers = new Map<PointLayerId, VectorLayer>();
  /** The compared quarter's districts and organisation layers (drawn left of the swipe's divider). */
  private compareLayers: BaseLayer[] = [];
  /** The view after the last automatic fit: while it is unchanged, a resize fits again. */
  private autoFitView: { center: number[]; resolution: number } | null = null;
  private pendingLoads = 0;
  private renderPending = true;
  private loadGeneration = 0;
  private fitted = false;
  private resizeObserver?: ResizeObserver;
  private styleCache = new Map<string, Style | Style[]>();

  override render() {
    return html`<div id="map" role="application" aria-label=${this.label('map')}></div><div class="tooltip" id="tooltip" hidden></div>
      <div class="pick-list" id="pick-list" data-role="pick-list" hidden></div>
      <div class="swipe" id="swipe" hidden><span class="swipe-label left"></span>
        <div class="swipe-knob" tabindex="0" role="slider" aria-label=${this.label('swipe')}>⇔</div><span class="swipe-label right"></span></div>`;
  }

  override firstUpdated() {
    const target = this.renderRoot.querySelector('#map') as HTMLElement;
    const tooltipElement = this.renderRoot.querySelector('#tooltip') as HTMLElement;
    this.tooltip = new Overlay({ element: tooltipElement, offset: [8, 0], positioning: 'center-left' });
    this.districtLayer = new VectorLayer({ source: this.districtSource, style: (f) => this.districtStyle(f), zIndex: 1 });
    // District names above every symbol and cluster (and not decluttered: seven names never collide).
    this.labelLayer = new VectorLayer({ source: this.labelSource, style: (f) => this.labelStyle(f), zIndex: 30 });
    const pickElement = this.renderRoot.querySelector('#pick-list') as HTMLElement;
    this.pickList = new Overlay({ element: pickElement, positioning: 'top-left', stopEvent: true });
    this.map = new OlMap({
      target,
      layers: [this.districtLayer, this.townships.layer, this.labelLayer],
      overlays: [this.tooltip, this.pickList],
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
      view: new View({ center: fromLonLat([96.5, 40.3]), zoom: 6, minZoom: 4, maxZoom: 18 }),
    });
    this.map.on('rendercomplete', () => this.maybeRendered());
    // Panning and zooming load new data (tiles, clusters): a new render is pending until it is drawn.
    this.map.on('movestart', () => { this.beginRender(); this.hidePickList(); });
    this.map.on('moveend', () => this.onMoveEnd());
    this.map.on('pointermove', (e) => this.onHover(e.pixel, e.dragging));
    this.map.on('singleclick', (e) => this.onClick(e.pixel));
    this.map.getView().on('change:resolution', () => this.onZoomChange());
    this.resizeObserver = new ResizeObserver(() => {
      this.map?.updateSize();
      this.refitIfUntouched();
    });
    this.resizeObserver.observe(this);
    this.overlayLayer = new VectorLayer({ source: this.overlaySource, style: (f) => this.overlayStyle(f), zIndex: 20 });
    this.map.addLayer(this.overlayLayer);
    // The drawn area stays outlined (dashed, unfilled) so the table's narrowing can be seen, not only read.
    this.map.addLayer(new VectorLayer({
      source: this.areaSource, zIndex: 25,
      style: new Style({ stroke: new Stroke({ color: '#0072B2', width: 2.5, lineDash: [8, 6] }),
        fill: new Fill({ color: 'rgba(0, 114, 178, 0.06)' }) }),
    }));
    this.showArea();
    this.dragBox = new DragBox({ condition: () => this.drawMode === 'box' });
    this.dragBox.on('boxend', () => this.emitArea(this.dragBox!.getGeometry()));
    this.map.addInteraction(this.dragBox);
    this.drawPolygon = new Draw({ type: 'Polygon' });
    this.drawPolygon.setActive(false);
    this.drawPolygon.on('drawend', (e) => this.emitArea(e.feature.getGeometry() as Polygon));
    this.map.addInteraction(this.drawPolygon);
    this.swipe = new QuarterSwipe(this.map, this.renderRoot.querySelector('#swipe') as HTMLElement);
    this.swipe.clipRight(this.districtLayer);
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
    if (changed.has('compareStyleJson')) this.compareSpec = this.parse(this.compareStyleJson, this.compareSpec);
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
      this.nameLayers.forEach((layer) => layer.changed());
    }
    if (changed.has('filtersJson') || changed.has('countsJson') || changed.has('period') || changed.has('dataVersion')
        || changed.has('comparePeriod') || changed.has('compareStyleJson')) {
      this.rebuildPointLayers();
      this.beginRender();
      void this.townships.load(this.ogcBase, this.filters.district, this.period, (url) => this.fetchJson(url, this.dataVersion > 0));
    } else if (changed.has('layersJson')) {
      this.applyVisibility();
    }
    if (changed.has('basemapUrl')) {
      this.applyBasemap();
    }
    if (changed.has('overlayUrl')) {
      this.loadOverlay();
    }
    if (changed.has('areaJson')) {
      this.showArea();
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
      this.map.getView().fit(geometry.getExtent(), { padding: this.clearPadding(40), duration: 300 });
    }
  }

  /**
   * Moves the view so that the selected feature is not under the legend or a card (the `avoid` elements), nor
   * outside the map: a district is fitted into the free part, a point is centred in it at the same zoom.
   */
  async revealSelection() {
    // Called right after the selection property is set: let it arrive first (Lit updates asynchronously).
    await this.updateComplete;
    const view = this.map?.getView();
    if (!view || !this.map) {
      return;
    }
    if (view.getAnimating()) {
      this.map.once('moveend', () => this.revealSelection());
      return;
    }
    const extent = this.selectedExtent();
    if (!extent) {
      return;
    }
    const topLeft = this.map.getPixelFromCoordinate([extent[0], extent[3]]);
    const bottomRight = this.map.getPixelFromCoordinate([extent[2], extent[1]]);
    const box = { left: topLeft[0], top: topLeft[1], right: bottomRight[0], bottom: bottomRight[1] };
    const size = this.map.getSize() ?? [0, 0];
    const outside = box.left < 0 || box.top < 0 || box.right > size[0] || box.bottom > size[1];
    const covered = this.obstacleRects().some((r) => box.left < r.right && box.right > r.left && box.top < r.bottom && box.bottom > r.top);
    if (!outside && !covered) {
      return;
    }
    const isPoint = extent[0] === extent[2] && extent[1] === extent[3];
    view.fit(extent, { padding: this.clearPadding(isPoint ? 60 : 24), duration: 300,
      maxZoom: isPoint ? view.getZoom() : undefined });
  }

  /** The selected feature's extent in map coordinates, or null. */
  private selectedExtent(): number[] | null {
    const selection = this.selection;
    if (!selection) {
      return null;
    }
    if (selection.layer === 'districts') {
      const feature = this.districtSource.getFeatures().find((f) => f.get('code') === selection.id);
      return feature?.getGeometry()?.getExtent() ?? null;
    }
    const source = this.rawSources.get(selection.layer as PointLayerId);
    const feature = source?.getFeatures().find((f) => this.idOf(f, selection.layer as PointLayerId) === selection.id);
    return feature?.getGeometry()?.getExtent() ?? null;
  }

  /** Where the `avoid` elements lie over the map, in the map's pixels (hidden ones left out). */
  private obstacleRects(): { left: number; top: number; right: number; bottom: number }[] {
    if (!this.avoid || !this.parentElement) {
      return [];
    }
    const host = this.getBoundingClientRect();
    const rects: { left: number; top: number; right: number; bottom: number }[] = [];
    this.avoid.split(',').map((s) => s.trim()).filter((s) => s).forEach((selector) => {
      this.parentElement!.querySelectorAll(selector).forEach((element) => {
        const r = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') {
          return;
        }
        const rect = { left: Math.max(0, r.left - host.left), top: Math.max(0, r.top - host.top),
          right: Math.min(host.width, r.right - host.left), bottom: Math.min(host.height, r.bottom - host.top) };
        if (rect.right > rect.left && rect.bottom > rect.top) {
          rects.push(rect);
        }
      });
    });
    return rects;
  }

  /**
   * Fit padding (top, right, bottom, left) that keeps content clear of the `avoid` elements: each one
   * takes the strip along the map's edge it stands against that costs the least area.
   */
  private clearPadding(margin: number): number[] {
    const size = this.map?.getSize() ?? [0, 0];
    const [width, height] = size;
    const padding = [margin, margin, margin, margin];
    for (const r of this.obstacleRects()) {
      // Strip sizes if the element is kept clear through the top, right, bottom or left edge.
      const strips = [r.bottom, width - r.left, height - r.top, r.right];
      const costs = [strips[0] * width, strips[1] * height, strips[2] * width, strips[3] * height];
      const side = costs.indexOf(Math.min(...costs));
      padding[side] = Math.max(padding[side], strips[side] + 12);
    }
    // Never pad away more than two thirds of either direction: better a district under a card than none.
    if (padding[1] + padding[3] > width * 0.67) {
      const scale = (width * 0.67) / (padding[1] + padding[3]);
      padding[1] *= scale;
      padding[3] *= scale;
    }
    if (padding[0] + padding[2] > height * 0.67) {
      const scale = (height * 0.67) / (padding[0] + padding[2]);
      padding[0] *= scale;
      padding[2] *= scale;
    }
    return padding;
  }

  /** Fits the city (or the bookmarked extent) again after a resize, unless a person has moved the map. */
  private refitIfUntouched() {
    const view = this.map?.getView();
    const saved = this.autoFitView;
    if (!view || !saved || this.extentJson) {
      return;
    }
    const center = view.getCenter() ?? [0, 0];
    if (center[0] === saved.center[0] && center[1] === saved.center[1] && view.getResolution() === saved.resolution) {
      this.fitCity();
    }
  }

  private fitCity() {
    const extent = this.districtSource.getExtent();
    const view = this.map?.getView();
    if (!view || !extent || isEmpty(extent)) {
      return;
    }
    view.fit(extent, { padding: this.clearPadding(20) });
    this.autoFitView = { center: view.getCenter() ?? [0, 0], resolution: view.getResolution() ?? 0 };
  }

  /** Fetches the point layers again (after a data change), keeping the view. */
  reloadData() {
    this.dataVersion++;
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
    return this.rawSources.get(layer as PointLayerId)?.getFeatures().length ?? -1;
  }

  /** Where a longitude/latitude is drawn, in CSS pixels from the element's top left (for tests and tools). */
  pixelOf(lon: number, lat: number): number[] | null {
    return this.map?.getPixelFromCoordinate(fromLonLat([lon, lat])) ?? null;
  }

  /** District codes drawn anywhere in a box of the element's pixels (sampled every 6 px; for tests and tools). */
  districtsIn(left: number, top: number, right: number, bottom: number): string[] {
    const codes = new Set<string>();
    const size = this.map?.getSize() ?? [0, 0];
    const features = this.districtSource.getFeatures();
    // Tested on the geometries rather than by the map's hit detection, which draws every district again for
    // each pixel and, zoomed into a district, took longer than a script may run.
    for (let x = Math.max(0, left); x <= Math.min(size[0], right); x += 6) {
      for (let y = Math.max(0, top); y <= Math.min(size[1], bottom); y += 6) {
        const coordinate = this.map?.getCoordinateFromPixel([x, y]);
        if (!coordinate) continue;
        features.forEach((f) => {
          const geometry = f.getGeometry();
          if (geometry && containsCoordinate(geometry.getExtent(), coordinate) && geometry.intersectsCoordinate(coordinate)) {
            codes.add(String(f.get('code')));
          }
        });
      }
    }
    return [...codes];
  }

  /** A pixel of a district where nothing but the district is drawn, clear of the legend and cards, or null. */
  freePixelIn(code: string): number[] | null {
    const feature = this.districtSource.getFeatures().find((f) => f.get('code') === code);
    const extent = feature?.getGeometry()?.getExtent();
    if (!extent || !this.map) {
      return null;
    }
    const a = this.map.getPixelFromCoordinate([extent[0], extent[3]]);
    const b = this.map.getPixelFromCoordinate([extent[2], extent[1]]);
    const size = this.map.getSize() ?? [0, 0];
    const obstacles = this.obstacleRects();
    const cx = (a[0] + b[0]) / 2;
    const cy = (a[1] + b[1]) / 2;
    const candidates: number[][] = [];
    for (let x = Math.max(10, a[0]); x <= Math.min(size[0] - 10, b[0]); x += 8) {
      for (let y = Math.max(10, a[1]); y <= Math.min(size[1] - 10, b[1]); y += 8) {
        candidates.push([x, y]);
      }
    }
    // Nearest the middle first: a person clicks inside a district, not along its edge.
    candidates.sort((p, q) => Math.hypot(p[0] - cx, p[1] - cy) - Math.hypot(q[0] - cx, q[1] - cy));
    return candidates.find(([x, y]) => {
      if (obstacles.some((r) => x >= r.left - 4 && x <= r.right + 4 && y >= r.top - 4 && y <= r.bottom + 4)) {
        return false;
      }
      const hits = this.hits([x, y]).filter((h) => h.layer !== 'townships');
      return hits.length === 1 && hits[0].layer === 'districts' && hits[0].feature.get('code') === code
        && this.districtsIn(x - 12, y - 12, x + 12, y + 12).length === 1;
    }) ?? null;
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
        this.fitCity();
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
    this.hidePickList();
    this.pointLayers.forEach((layer) => this.map?.removeLayer(layer));
    this.pointLayers.clear();
    this.nameLayers.forEach((layer) => this.map?.removeLayer(layer));
    this.nameLayers.clear();
    this.rawSources.clear();
    POINT_LAYERS.forEach((id, index) => {
      const query = this.filterQuery(id);
      const layer = (this.counts[id] ?? 0) > GEOJSON_LIMIT ? this.tileLayer(id, query) : this.clusterLayer(id, query);
      // Contact badges above the organisations they stand beside.
      layer.setZIndex(5 + index);
      this.pointLayers.set(id, layer);
      this.map?.addLayer(layer);
      if (id !== 'contact-points') {
        this.swipe?.clipRight(layer);
        const raw = this.rawSources.get(id);
        if (raw) {
          const names = new VectorLayer({ source: raw, minZoom: NAME_ZOOM, declutter: 'names', zIndex: 4,
            style: (f) => this.nameStyle(f) });
          this.nameLayers.set(id, names);
          this.map?.addLayer(names);
        }
      }
    });
    this.rebuildCompareLayers();
    this.applyVisibility();
  }

  /** The compared quarter's districts and organisations, left of the divider; nothing when not comparing. */
  private rebuildCompareLayers() {
    this.compareLayers.forEach((layer) => this.map?.removeLayer(layer));
    this.compareLayers = [];
    const comparing = !!this.comparePeriod && this.comparePeriod !== this.period;
    this.swipe?.setActive(comparing, this.comparePeriod, this.period);
    if (!comparing || !this.map) {
      return;
    }
    const districts = new VectorLayer({ source: this.districtSource, zIndex: 1, style: (f) => new Style({
      fill: new Fill({ color: this.compareSpec.districtColors[f.get('code')] ?? '#e8e8e8' }),
      stroke: new Stroke({ color: '#4a4a5a', width: 1.2 * this.scale }),
    }) });
    districts.set('compare', 'districts');
    this.compareLayers.push(districts);
    ORGANISATION_LAYERS.forEach((id, index) => {
      const query = this.filterQuery(id, this.comparePeriod);
      const layer = (this.counts[id] ?? 0) > GEOJSON_LIMIT ? this.tileLayer(id, query) : this.clusterLayer(id, query, false);
      layer.set('pointLayer', undefined);
      layer.set('compare', id);
      layer.setZIndex(5 + index);
      this.compareLayers.push(layer);
    });
    this.compareLayers.forEach((layer) => {
      this.swipe?.clipLeft(layer);
      this.map?.addLayer(layer);
    });
  }

  /** @param shown false for the compared quarter's copy: not counted, not clickable, not the selection's source */
  private clusterLayer(id: PointLayerId, query: string, own = true): VectorLayer {
    const source = new VectorSource();
    if (own) {
      this.rawSources.set(id, source);
    }
    // Contact points are drawn as one badge per organisation (the leaders who contact it), not one symbol each.
    const shown = id === 'contact-points' ? new VectorSource() : source;
    const cluster = new Cluster({ source: shown, distance: this.clusterDistance(), minDistance: 8 });
    const layer = new VectorLayer({ source: cluster, style: (f, resolution) => this.pointStyle(f, id, resolution) });
    layer.set('pointLayer', id);
    // Fetched when first shown: a layer switched off (enterprises, social organisations by default) costs nothing.
    layer.set('load', () => {
      const loaded = this.loadAll(`${this.ogcBase}/collections/${id}/items?limit=${GEOJSON_LIMIT}${query}`, source);
      if (id === 'contact-points') {
        const generation = this.loadGeneration;
        loaded.then(() => {
          if (generation === this.loadGeneration) {
            shown.addFeatures(contactBadges(source.getFeatures()));
          }
        });
      }
    });
    return layer;
  }

  /** Starts a GeoJSON layer's fetch if it is shown and has not started yet. */
  private loadIfShown(layer: BaseLayer) {
    const load = layer.get('load') as (() => void) | undefined;
    if (load && layer.getVisible()) {
      layer.set('load', undefined);
      load();
    }
  }

  private tileLayer(id: PointLayerId, query: string): VectorTileLayer {
    const layer = new VectorTileLayer({
      source: new VectorTileSource({
        format: new MVT(),
        url: `${this.ogcBase}/collections/${id}/tiles/WebMercatorQuad/{z}/{y}/{x}${query ? '?' + query.substring(1) : ''}`,
        maxZoom: 16,
      }),
      style: (f, resolution) => this.pointStyle(f, id, resolution),
    });
    layer.set('pointLayer', id);
    return layer;
  }

  private showArea() {
    this.areaSource.clear();
    const ring = this.parse<number[][]>(this.areaJson, []);
    if (ring.length >= 4) {
      const polygon = new Polygon([ring.map((c) => fromLonLat(c))]);
      this.areaSource.addFeature(new Feature({ geometry: polygon }));
    }
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
      const json: any = await this.fetchJson(next, this.dataVersion > 0);
      if (!json || generation !== this.loadGeneration) {
        return;
      }
      source.addFeatures(format.readFeatures(json) as Feature<Geometry>[]);
      next = (json.links ?? []).find((l: { rel: string }) => l.rel === 'next')?.href ?? null;
    }
  }

  /**
   * GETs JSON; null when the server has nothing (a collection it does not serve yet answers 404: the layer
   * stays empty). `revalidate` asks the server again rather than trusting the browser's cache (after a change).
   */
  private async fetchJson(url: string, revalidate = false): Promise<unknown | null> {
    this.pendingLoads++;
    try {
      const init: RequestInit = { headers: { Accept: 'application/geo+json, application/json' }, cache: revalidate ? 'no-cache' : 'default' };
      const response = await fetch(url, init);
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    } finally {
      this.pendingLoads--;
      this.map?.render();
    }
  }

  private filterQuery(id: PointLayerId, period = this.period): string {
    const filters = this.filters;
    const parts: string[] = [];
    if (filters.district) parts.push(`district=${encodeURIComponent(filters.district)}`);
    if (filters.status) parts.push(`status=${encodeURIComponent(filters.status)}`);
    if (filters.kind && id === 'contact-points') parts.push(`kind=${encodeURIComponent(filters.kind)}`);
    if (period) parts.push(`period=${encodeURIComponent(period)}`);
    return parts.length ? '&' + parts.join('&') : '';
  }

  private applyVisibility() {
    const layers = this.layers;
    const kind = this.filters.kind;
    this.beginRender();
    this.districtLayer?.setVisible(layers.districts);
    this.pointLayers.forEach((layer, id) => {
      // A kind filter keeps only the organisations of that kind (and the contact points linking to them).
      const kindAllows = !kind || id === 'contact-points' || LAYER_KIND[id as OrganisationLayerId] === kind;
      layer.setVisible(!!layers[id] && kindAllows);
      this.loadIfShown(layer);
    });
    this.nameLayers.forEach((layer, id) => layer.setVisible(this.pointLayers.get(id)?.getVisible() ?? false));
    this.compareLayers.forEach((layer) => {
      const id = layer.get('compare') as string;
      layer.setVisible(id === 'districts' ? layers.districts : (this.pointLayers.get(id as PointLayerId)?.getVisible() ?? false));
      this.loadIfShown(layer);
    });
  }

  private applyBasemap() {
    if (!this.map) {
      return;
    }
    this.basemapLayers.forEach((layer) => this.map?.removeLayer(layer));
    // Several templates (a map and its names, as Tianditu serves them) are drawn one over the other.
    this.basemapLayers = this.basemapUrl.split(/\s+/).filter((url) => url).map((url, index) =>
      // CORS, so that a snapshot of the canvas is not tainted; a failing server only leaves tiles blank.
      new TileLayer({ source: new XYZ({ url, crossOrigin: 'anonymous' }), zIndex: index === 0 ? 0 : 2 }));
    this.basemapLayers.forEach((layer) => this.map?.addLayer(layer));
    this.applyDistrictOpacity();
  }

  /**
   * Over a base layer, zoomed in, the district fills turn translucent so that roads, places and names show
   * through: context when zoomed in. At city scale the choropleth is the message and stays opaque.
   */
  private applyDistrictOpacity() {
    const zoom = this.map?.getView().getZoom() ?? 0;
    this.districtLayer?.setOpacity(this.basemapLayers.length > 0 && zoom >= CONTEXT_ZOOM ? 0.45 : 1);
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
      this.dataset.ringed = String(this.ringedCount());
      this.dataset.townships = String(this.townships.count());
      this.dataset.zoom = String(Math.round((view?.getZoom() ?? 0) * 100) / 100);
      this.setAttribute('rendered', '');
      this.emit('rendered', {});
    }
  }

  /**
   * Organisations drawn with the weak ring in the visible organisation layers: every loaded feature of a
   * GeoJSON layer (clustered or not), the `weak` counts of the aggregated tiles in view.
   */
  private ringedCount(): number {
    let ringed = 0;
    ORGANISATION_LAYERS.forEach((id) => {
      const layer = this.pointLayers.get(id);
      if (!layer || !layer.getVisible() || !this.map) {
        return;
      }
      const raw = this.rawSources.get(id);
      if (raw) {
        ringed += raw.getFeatures().filter((f) => WEAK.has(this.statusOf(f, id))).length;
        return;
      }
      const extent = this.map.getView().calculateExtent(this.map.getSize());
      (layer as VectorTileLayer).getFeaturesInExtent(extent).forEach((f) => {
        ringed += f.get('aggregated') ? Number(f.get('weak') ?? 0) : WEAK.has(this.statusOf(f, id)) ? 1 : 0;
      });
    });
    return ringed;
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
        // A pale plate, so that a name stays legible over a cluster or a symbol drawn under it.
        backgroundFill: new Fill({ color: 'rgba(255,255,255,0.72)' }),
        padding: [1, 4, 1, 4],
        overflow: true,
      }),
    });
  }

  private pointStyle(feature: FeatureLike, layer: PointLayerId, resolution: number): Style | Style[] {
    const members = feature.get('features') as FeatureLike[] | undefined;
    if (layer === 'contact-points') {
      return this.badgeStyle(feature, members);
    }
    const count = members ? members.length : (feature.get('count') as number | undefined) ?? 1;
    const weakCount = members
      ? members.filter((m) => WEAK.has(this.statusOf(m, layer))).length
      : feature.get('aggregated') ? (feature.get('weak') as number) : WEAK.has(this.statusOf(feature, layer)) ? 1 : 0;
    if (members && count > 1 && this.spreading()) {
      return this.spreadStyle(feature, members, layer, resolution);
    }
    const single = members?.length === 1 ? members[0] : (feature.get('aggregated') ? undefined : feature);
    const selected = !!single && this.selection?.layer === layer && this.selection.id === this.idOf(single, layer);
    if (count > 1) {
      return this.clusterStyle(layer, count, weakCount > 0);
    }
    return this.symbolStyle(layer, weakCount > 0, selected);
  }

  /** At the deepest zoom levels a cluster holds features at one place: they are drawn around it, each its own. */
  private spreading(): boolean {
    return (this.map?.getView().getZoom() ?? 0) >= INDIVIDUAL_ZOOM;
  }

  /** Where each member of a spread cluster is drawn: offsets in pixels from the shared position. */
  private spreadOffsets(count: number): number[][] {
    const radius = (14 + Math.max(0, count - 6) * 2.5) * this.scale;
    return Array.from({ length: count }, (_, i) => {
      const angle = (2 * Math.PI * i) / count - Math.PI / 2;
      return [Math.cos(angle) * radius, Math.sin(angle) * radius];
    });
  }

  private spreadStyle(feature: FeatureLike, members: FeatureLike[], layer: PointLayerId, resolution: number): Style[] {
    const centre = (feature.getGeometry() as Point).getCoordinates();
    const styles: Style[] = [new Style({ image: new CircleStyle({ radius: 3 * this.scale, fill: new Fill({ color: '#333' }) }) })];
    this.spreadOffsets(members.length).forEach((offset, i) => {
      const member = members[i];
      const geometry = new Point([centre[0] + offset[0] * resolution, centre[1] - offset[1] * resolution]);
      const selected = this.selection?.layer === layer && this.selection.id === this.idOf(member, layer);
      const symbol = this.symbolStyle(layer, WEAK.has(this.statusOf(member, layer)), selected);
      (Array.isArray(symbol) ? symbol : [symbol]).forEach((s) => {
        const copy = s.clone();
        copy.setGeometry(geometry);
        styles.push(copy);
      });
    });
    return styles;
  }

  /** An organisation's name under its symbol, in small dark type on a white halo. */
  private nameStyle(feature: FeatureLike): Style {
    return new Style({
      text: new Text({
        text: String(feature.get('name_zh') ?? ''),
        font: `${this.presentation ? 20 : 12}px system-ui, "Noto Sans CJK SC", sans-serif`,
        fill: new Fill({ color: '#222' }),
        stroke: new Stroke({ color: 'rgba(255,255,255,0.95)', width: 3 }),
        offsetY: (this.presentation ? 26 : 17),
      }),
    });
  }

  private symbolStyle(layer: PointLayerId, weak: boolean, selected: boolean): Style | Style[] {
    const key = `p:${layer}:${weak}:${selected}`;
    const cached = this.styleCache.get(key);
    if (cached) {
      return cached;
    }
    const symbol = this.symbolOf(layer);
    const radius = symbol.size * this.scale * (selected ? 1.5 : 1);
    const styles: Style[] = [];
    if (weak) {
      styles.push(new Style({ image: new CircleStyle({ radius: radius + 5 * this.scale, stroke: new Stroke({ color: this.spec.weakRing, width: 3 * this.scale }) }) }));
    }
    if (selected) {
      styles.push(new Style({ image: new CircleStyle({ radius: radius + 9 * this.scale, stroke: new Stroke({ color: '#111', width: 2.5 * this.scale }) }) }));
    }
    // A dark outline under a white one: the symbol stands out on the palest and on the darkest fill class.
    styles.push(new Style({ image: shapeImage(symbol.shape, radius + 1.5 * this.scale, new Fill({ color: '#1a1a1a' })) }));
    styles.push(new Style({ image: shapeImage(symbol.shape, radius, new Fill({ color: symbol.color }), new Stroke({ color: '#ffffff', width: 2 * this.scale })) }));
    this.styleCache.set(key, styles);
    return styles;
  }

  private symbolOf(layer: PointLayerId): PointSymbol {
    return this.spec.points.find((p) => p.layer === layer) ?? { layer, color: '#333', shape: 'circle', size: 7 };
  }

  private clusterStyle(layer: PointLayerId, count: number, weak: boolean): Style[] {
    const key = `c:${layer}:${count}:${weak}`;
    const cached = this.styleCache.get(key) as Style[] | undefined;
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
          stroke: new Stroke({ color: weak ? this.spec.weakRing : '#ffffff', width: (weak ? 3 : 2) * this.scale }),
        }),
        // Bold white figures with a dark edge: readable on every symbol colour, and from the back of a room.
        text: new Text({
          text: String(count),
          font: `700 ${this.presentation ? 22 : 13}px system-ui, sans-serif`,
          fill: new Fill({ color: '#ffffff' }),
          stroke: new Stroke({ color: 'rgba(0,0,0,0.75)', width: this.presentation ? 4 : 3 }),
        }),
      }),
    ];
    this.styleCache.set(key, styles);
    return styles;
  }

  /**
   * A contact badge: the number of leaders who contact an organisation, in a small bubble beside (up and
   * right of) the organisation's symbol, so that both stay visible and clickable.
   */
  private badgeStyle(feature: FeatureLike, members: FeatureLike[] | undefined): Style[] {
    const badges = members ?? [feature];
    const leaders = badges.reduce((sum, b) => sum + (Number(b.get('leader_count') ?? b.get('count')) || 1), 0);
    const selected = this.selection?.layer === 'contact-points'
      && badges.some((b) => (b.get('leaders') as PickEntry[] | undefined)?.some((l) => l.id === this.selection!.id));
    const key = `b:${leaders}:${badges.length > 1}:${selected}`;
    const cached = this.styleCache.get(key) as Style[] | undefined;
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
          font: `700 ${this.presentation ? 20 : 11}px system-ui, sans-serif`,
          fill: new Fill({ color: '#ffffff' }),
          stroke: new Stroke({ color: 'rgba(0,0,0,0.7)', width: 2.5 }),
          offsetX: shift,
          offsetY: -shift,
        }),
      }),
    ];
    this.styleCache.set(key, styles);
    return styles;
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
    this.applyDistrictOpacity();
    const distance = this.clusterDistance();
    this.pointLayers.forEach((layer) => {
      const source = (layer as VectorLayer).getSource?.();
      if (source instanceof Cluster && source.getDistance() !== distance) {
        source.setDistance(distance);
      }
    });
  }

  // ---- interaction ----

  /** What lies under a pixel: the first point feature or analysis feature, else the district. */
  private hit(pixel: number[]): { layer: string; feature: FeatureLike } | null {
    return this.hits(pixel)[0] ?? null;
  }

  /**
   * Everything under a pixel, topmost first: point features (and analysis features), then the township of the
   * drill-down (if drawn), then the district.
   */
  private hits(pixel: number[]): { layer: string; feature: FeatureLike }[] {
    const points: { layer: string; feature: FeatureLike }[] = [];
    let district: { layer: string; feature: FeatureLike } | null = null;
    let township: { layer: string; feature: FeatureLike } | null = null;
    this.map?.forEachFeatureAtPixel(pixel, (feature, layer) => {
      if (layer === this.overlayLayer && feature.get('code')) {
        points.push({ layer: 'analysis', feature });
        return false;
      }
      const id = layer?.get('pointLayer') as string | undefined;
      if (id) {
        points.push({ layer: id, feature });
      } else if (layer === this.districtLayer && !district) {
        district = { layer: 'districts', feature };
      } else if (layer === this.townships.layer && !township) {
        township = { layer: 'townships', feature };
      }
      return false;
    }, { hitTolerance: 4 });
    return [...points, ...(township ? [township] : []), ...(district ? [district] : [])];
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
    if (layer === 'townships') {
      return String(feature.get('name_zh'));
    }
    if (layer === 'analysis') {
      return String(feature.get('name_zh'));
    }
    if (layer === 'contact-points') {
      const entries = this.entriesOf(layer, feature);
      return entries.length === 1 ? entries[0].text : `${labels[layer] ?? layer}: ${entries.length}`;
    }
    const count = members ? members.length : (feature.get('count') as number | undefined) ?? 1;
    if (count > 1) {
      return `${labels[layer] ?? layer}: ${count}`;
    }
    const single = members ? members[0] : feature;
    return String(single.get('name_zh'));
  }

  /**
   * A click: one feature opens its card; a cluster that would come apart zooms in; features at one position
   * (a cluster that zooming cannot split, several leaders of one organisation, symbols of different layers
   * at the same place) open a list to choose from. Never a zoom-out.
   */
  private onClick(pixel: number[]) {
    if (!this.map) {
      return;
    }
    this.hidePickList();
    const hits = this.hits(pixel);
    const points = hits.filter((h) => h.layer !== 'districts' && h.layer !== 'townships');
    if (points.length === 0) {
      // An area: the township of the drill-down if one is drawn there, else the district.
      if (hits.length > 0) {
        this.emit('feature-click', { layer: hits[0].layer, id: String(hits[0].feature.get('code')) });
      }
      return;
    }
    const top = points[0];
    if (top.feature.get('aggregated')) {
      const view = this.map.getView();
      view.animate({ center: this.map.getCoordinateFromPixel(pixel), zoom: Math.min(view.getMaxZoom(), (view.getZoom() ?? 6) + 2), duration: 300 });
      return;
    }
    const members = top.feature.get('features') as FeatureLike[] | undefined;
    if (members && members.length > 1 && top.layer !== 'analysis') {
      if (this.spreading()) {
        const member = this.spreadMemberAt(top.feature, members, pixel);
        if (member) {
          this.pick([{ layer: top.layer, id: this.idOf(member, top.layer as PointLayerId), text: '' }], pixel);
          return;
        }
      } else if (this.zoomInto(members)) {
        return;
      }
    }
    const entries: PickEntry[] = [];
    points.forEach((h) => this.entriesOf(h.layer, h.feature).forEach((e) => {
      if (!entries.some((x) => x.layer === e.layer && x.id === e.id)) entries.push(e);
    }));
    this.pick(entries, pixel);
  }

  /** Zooms in so that a cluster's members come apart; false if they cannot (one position, or deepest zoom). */
  private zoomInto(members: FeatureLike[]): boolean {
    const view = this.map!.getView();
    const extent = createEmpty();
    members.forEach((m) => extendExtent(extent, m.getGeometry()!.getExtent()));
    const size = this.map!.getSize() ?? [1, 1];
    const resolution = view.getResolutionForExtent(extent, [Math.max(1, size[0] - 120), Math.max(1, size[1] - 120)]);
    const target = Math.min(INDIVIDUAL_ZOOM + 1, view.getZoomForResolution(resolution) ?? INDIVIDUAL_ZOOM + 1);
    if (!(target > (view.getZoom() ?? 0) + 0.25)) {
      return false;
    }
    view.fit(extent, { padding: [60, 60, 60, 60], duration: 300, maxZoom: INDIVIDUAL_ZOOM + 1 });
    return true;
  }

  /** The member of a spread cluster drawn under a pixel, if any. */
  private spreadMemberAt(cluster: FeatureLike, members: FeatureLike[], pixel: number[]): FeatureLike | null {
    const centre = this.map!.getPixelFromCoordinate((cluster.getGeometry() as Point).getCoordinates());
    let best: FeatureLike | null = null;
    let bestDistance = 14 * this.scale;
    this.spreadOffsets(members.length).forEach((offset, i) => {
      const d = Math.hypot(centre[0] + offset[0] - pixel[0], centre[1] + offset[1] - pixel[1]);
      if (d < bestDistance) {
        bestDistance = d;
        best = members[i];
      }
    });
    return best;
  }

  /** The features a hit stands for, each as a line of a list. */
  private entriesOf(layer: string, feature: FeatureLike): PickEntry[] {
    if (layer === 'analysis') {
      return [{ layer, id: String(feature.get('code')), text: String(feature.get('name_zh')) }];
    }
    const members = (feature.get('features') as FeatureLike[] | undefined) ?? [feature];
    if (layer === 'contact-points') {
      // A badge holds its leaders; a contact point from a vector tile (large datasets) is one leader.
      return members.flatMap((badge) => (badge.get('leaders') as PickEntry[] | undefined)
        ?? [{ layer, id: this.idOf(badge, 'contact-points'), text: `${badge.get('leader_name_zh')} → ${badge.get('organisation_name_zh') ?? ''}` }]);
    }
    const kind = this.labels[layer] ?? layer;
    return members.map((m) => ({ layer, id: this.idOf(m, layer as PointLayerId), text: `${m.get('name_zh')} · ${kind}` }));
  }

  /** One entry: its card opens. Several: a list beside the click, each line opening its card. */
  private pick(entries: PickEntry[], pixel: number[]) {
    if (entries.length === 1) {
      this.emit('feature-click', { layer: entries[0].layer, id: entries[0].id });
      return;
    }
    const element = this.pickList?.getElement();
    if (!element || entries.length === 0) {
      return;
    }
    element.replaceChildren();
    const title = document.createElement('div');
    title.className = 'pick-title';
    title.textContent = (this.labels['pick.title'] ?? '{0}').replace('{0}', String(entries.length));
    element.append(title);
    entries.forEach((entry) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = entry.text;
      button.dataset.layer = entry.layer;
      button.dataset.id = entry.id;
      button.addEventListener('click', () => {
        this.hidePickList();
        this.emit('feature-click', { layer: entry.layer, id: entry.id });
      });
      element.append(button);
    });
    element.hidden = false;
    this.pickList?.setPosition(this.map?.getCoordinateFromPixel(pixel));
  }

  private hidePickList() {
    const element = this.pickList?.getElement();
    if (element && !element.hidden) {
      element.hidden = true;
      this.pickList?.setPosition(undefined);
    }
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


/** The image of a point symbol's shape (circle, square, triangle, diamond, pentagon), centred on the point. */
function shapeImage(shape: PointSymbol['shape'], radius: number, fill: Fill, stroke?: Stroke): CircleStyle | RegularShape {
  switch (shape) {
    case 'circle': return new CircleStyle({ radius, fill, stroke });
    case 'square': return new RegularShape({ points: 4, radius: radius * 1.25, angle: Math.PI / 4, fill, stroke });
    case 'triangle': return new RegularShape({ points: 3, radius: radius * 1.3, angle: 0, fill, stroke });
    case 'diamond': return new RegularShape({ points: 4, radius: radius * 1.35, angle: 0, fill, stroke });
    case 'pentagon': return new RegularShape({ points: 5, radius: radius * 1.2, angle: 0, fill, stroke });
  }
}

/**
 * Contact points grouped by organisation: one badge per organisation, at its place, holding its leaders
 * (each a line of the list a click on the badge opens).
 */
function contactBadges(contacts: Feature<Geometry>[]): Feature<Geometry>[] {
  const byOrganisation = new Map<string, Feature<Geometry>>();
  contacts.forEach((contact) => {
    const code = String(contact.get('organisation_code') ?? contact.get('organisation_id'));
    let badge = byOrganisation.get(code);
    if (!badge) {
      badge = new Feature(contact.getGeometry()?.clone());
      badge.setProperties({ organisation_code: code, organisation_name_zh: contact.get('organisation_name_zh'),
        organisation_status: contact.get('organisation_status'), leaders: [] as PickEntry[], leader_count: 0 });
      byOrganisation.set(code, badge);
    }
    (badge.get('leaders') as PickEntry[]).push({ layer: 'contact-points', id: String(contact.get('id') ?? contact.getId()),
      text: `${contact.get('leader_name_zh')} → ${contact.get('organisation_name_zh')}` });
    badge.set('leader_count', (badge.get('leaders') as PickEntry[]).length, true);
  });
  return [...byOrganisation.values()];
}

customElements.define('geo-map', GeoMap);

declare global {
  interface HTMLElementTagNameMap {
    'geo-map': GeoMap;
  }
}
