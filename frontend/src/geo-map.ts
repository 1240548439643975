// <geo-map>: the dashboard's map. It fetches its layers itself from the OGC API (bulk data never passes
// through Vaadin), paints them with the style the server computed (one style for the browser and the
// snapshots), and reports what a person does with typed, bubbling, composed events (declared in events.ts):
//   feature-click {layer, id}, selection-changed {layer, id}, view-moved {bbox, zoom}, area-drawn {bbox,
//   polygon}, rendered {}.
// After every complete render (all requested layers drawn) the element carries a `rendered` attribute;
// it is removed while a new render is pending. With it comes `data-ringed`: how many organisations are
// drawn with the weak ring (members of clusters and aggregates included), across the visible layers.
//
// Nothing is drawn on top of anything: a leader's contact point is a badge beside its organisation's
// symbol (with the number of leaders), not a symbol of its own at the same place; features that share a
// position open a list on click; at the deepest zoom levels clusters spread out; district labels are
// drawn above everything.
//
// Its JSON properties are checked on arrival (validate.ts); a wrong one is shown over the map and the last
// good value kept. Its fetches are aborted when superseded (requests.ts). Taken out of the page and put back,
// it is re-targeted rather than rebuilt.
//
// Why this file is longer than 400 lines: the logic that can stand alone lives beside it (style.ts, layers.ts,
// validate.ts, requests.ts, events.ts, pixels.ts, quarter-swipe.ts, township-layer.ts, all unit-tested).
// What stays here is the element's life cycle and the OpenLayers objects it owns and wires together (the
// map, its layers and sources, overlays and interactions), plus the methods tests and tools call; splitting
// that further would mostly pass the same dozen fields between classes.
import { LitElement, html, type PropertyValues } from 'lit';
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
import { Fill, Stroke, Style } from 'ol/style.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import { containsCoordinate, createEmpty, extend as extendExtent, isEmpty } from 'ol/extent.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import DragBox from 'ol/interaction/DragBox.js';
import DragPan from 'ol/interaction/DragPan.js';
import Draw from 'ol/interaction/Draw.js';
import Polygon from 'ol/geom/Polygon.js';
import type BaseLayer from 'ol/layer/Base.js';
import type { Geometry } from 'ol/geom.js';
import { geoMapStyles } from './geo-map.styles.js';
import { QuarterSwipe } from './quarter-swipe.js';
import { TownshipLayer } from './township-layer.js';
import { type Box, clearPadding, extentOf, overlaps, paddingArray, pointOf, sizeOf } from './pixels.js';
import { type Filters, type Labels, type Layers, type LonLatExtent, type MapStyleSpec, type PropertyError,
  type Ring, type Selection, type Validator, readProperty, validateArea, validateCounts, validateExtent, validateFilters,
  validateHighlight, validateLabels, validateLayers, validateSelection, validateStyle } from './validate.js';
import { propertyErrorMessage } from './messages.js';
import { isHotSpotCell } from './hot-spot-cells.js';
import { LAYER_KIND, ORGANISATION_LAYERS, type OrganisationLayerId, POINT_LAYERS, type PickEntry, type PointLayerId, WEAK,
  contactBadges, describeHit, fillPickList, idOf, layerQuery, pickEntries, statusOf } from './layers.js';
import { MapStyles } from './style.js';
import { LatestRequests, type RequestKind, nextLink } from './requests.js';
import { areaDrawnDetail, emit, selectionChangedDetail, viewMovedDetail } from './events.js';

/** The properties the Java side sets as JSON strings (map/GeoMap.java), each checked by its validator. */
type JsonProperty = 'styleJson' | 'compareStyleJson' | 'layersJson' | 'filtersJson' | 'selectionJson' | 'countsJson'
  | 'labelsJson' | 'highlightJson' | 'areaJson' | 'extentJson';
/** Above this many features a layer comes as vector tiles, aggregated on the server at low zoom. */
const GEOJSON_LIMIT = 10000;
/** From this zoom on, points are drawn one by one rather than clustered. */
const INDIVIDUAL_ZOOM = 11;
/** From this zoom on, organisations carry their names (decluttered: a name that would overlap another is left out). */
const NAME_ZOOM = 12.5;
/** From this zoom on, a base layer shows through the district fills. */
const CONTEXT_ZOOM = 9;

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

  static override styles = geoMapStyles;

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
  private area: Ring = [];
  private extent: LonLatExtent | null = null;
  /** Properties whose last value was refused (their previous good value is still in use), shown over the map. */
  private invalid = new Map<string, PropertyError>();
  /** Properties refused in the current update: their change is not acted on. */
  private refused = new Set<string>();
  private overlaySource = new VectorSource();
  private overlayLayer?: VectorLayer;
  private areaSource = new VectorSource();
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
  /** The element's fetches, one round per kind: a new round aborts the one before it. */
  private requests = new LatestRequests((input, init) => fetch(input, init), () => this.map?.render());
  /** The current round of point-layer requests (layers load when first shown, so it outlives rebuildPointLayers). */
  private pointsSignal: AbortSignal = this.requests.start('points');
  /** The kinds of request that were running when the element was last taken out of the page. */
  private interrupted: RequestKind[] = [];
  private renderPending = true;
  /**
   * From firstUpdated to the end of that same first update: firstUpdated has just built the layers and started
   * their fetches for the properties the element started with, which the first update reports as changed too.
   * Acting on them again would abort those fetches and start the same ones over (which the server still
   * answers, once for each).
   */
  private justBuilt = false;
  private loadGeneration = 0;
  private fitted = false;
  private resizeObserver?: ResizeObserver;
  private styles = new MapStyles({
    spec: () => this.spec, selection: () => this.selection, presentation: () => this.presentation,
    language: () => this.language, highlight: () => this.highlight, spreading: () => this.spreading(),
  });

  override render() {
    return html`<div id="map" role="application" aria-label=${this.label('map')}></div><div class="tooltip" id="tooltip" hidden></div>
      <div class="pick-list" id="pick-list" data-role="pick-list" hidden></div>
      <div class="property-errors" role="alert" ?hidden=${this.invalid.size === 0}>${[...this.invalid.values()].map((error) =>
        html`<p data-property=${error.property}>${propertyErrorMessage(error, this.language)}</p>`)}</div>
      <div class="swipe" id="swipe" hidden><span class="swipe-label left"></span>
        <div class="swipe-knob" tabindex="0" role="slider" aria-label=${this.label('swipe')}>⇔</div><span class="swipe-label right"></span></div>`;
  }

  override firstUpdated() {
    const target = this.renderRoot.querySelector('#map') as HTMLElement;
    const tooltipElement = this.renderRoot.querySelector('#tooltip') as HTMLElement;
    this.tooltip = new Overlay({ element: tooltipElement, offset: [8, 0], positioning: 'center-left' });
    this.districtLayer = new VectorLayer({ source: this.districtSource, style: (f) => this.styles.districtStyle(f), zIndex: 1 });
    // District names above every symbol and cluster (and not decluttered: seven names never collide).
    this.labelLayer = new VectorLayer({ source: this.labelSource, style: (f) => this.styles.labelStyle(f), zIndex: 30 });
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
    this.overlayLayer = new VectorLayer({ source: this.overlaySource, style: (f) => this.styles.overlayStyle(f), zIndex: 20 });
    this.map.addLayer(this.overlayLayer);
    // The drawn area stays outlined (dashed, unfilled) so the table's narrowing can be seen, not only read.
    this.map.addLayer(new VectorLayer({
      source: this.areaSource, zIndex: 25,
      style: new Style({ stroke: new Stroke({ color: '#0072B2', width: 2.5, lineDash: [8, 6] }),
        fill: new Fill({ color: 'rgba(0, 114, 178, 0.06)' }) }),
    }));
    this.showArea();
    const dragBox = new DragBox({ condition: () => this.drawMode === 'box' });
    dragBox.on('boxend', () => this.emitArea(dragBox.getGeometry()));
    this.map.addInteraction(dragBox);
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
    this.justBuilt = true;
  }

  /**
   * Taken out of the page (Vaadin does so when a view is hidden, and puts the same element back when it is
   * shown again): the map lets go of its target, which stops its drawing, animation frames and timers and its
   * listeners on the page; running requests are aborted. The map itself, its layers and their data are kept,
   * so that a return shows the same view at once. A map never put back is collected with the element.
   */
  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.hidePickList();
    this.interrupted = this.requests.abortAll();
    this.map?.setTarget(undefined);
  }

  /** Put back into the page: the same map is re-targeted, and what was interrupted on leaving is fetched again. */
  override connectedCallback() {
    super.connectedCallback();
    const target = this.renderRoot?.querySelector<HTMLElement>('#map');
    if (!this.map || !target) {
      return; // the first connection: firstUpdated builds the map
    }
    this.map.setTarget(target);
    this.resizeObserver?.observe(this);
    const interrupted = this.interrupted;
    this.interrupted = [];
    if (this.districtSource.getFeatures().length === 0 && !this.requests.hasRound('districts')) {
      void this.loadDistricts();
    }
    if (!this.requests.hasRound('points')) {
      // Requests interrupted on leaving: load the layers again; none: a fresh round for layers still to load.
      if (interrupted.includes('points')) {
        this.rebuildPointLayers();
      } else {
        this.pointsSignal = this.requests.start('points');
      }
    }
    if (interrupted.includes('townships') && !this.requests.hasRound('townships')) {
      this.loadTownships();
    }
    if (interrupted.includes('overlay') && !this.requests.hasRound('overlay')) {
      void this.loadOverlay();
    }
    this.beginRender();
  }

  override willUpdate(changed: PropertyValues) {
    // An empty string is "none" (or, for the style and the layers, "keep what you have").
    this.refused.clear();
    this.take(changed, 'styleJson', this.spec, validateStyle, (v) => { this.spec = v; });
    this.take(changed, 'compareStyleJson', this.compareSpec, validateStyle, (v) => { this.compareSpec = v; });
    this.take(changed, 'layersJson', this.layers, validateLayers, (v) => { this.layers = v; });
    this.take(changed, 'filtersJson', {}, validateFilters, (v) => { this.filters = v; });
    this.take(changed, 'selectionJson', null, validateSelection, (v) => { this.selection = v; });
    this.take(changed, 'countsJson', {}, validateCounts, (v) => { this.counts = v; });
    this.take(changed, 'labelsJson', {}, validateLabels, (v) => { this.labels = v; });
    this.take(changed, 'highlightJson', [], validateHighlight, (v) => { this.highlight = new Set(v); });
    this.take(changed, 'areaJson', [], validateArea, (v) => { this.area = v; });
    this.take(changed, 'extentJson', null, validateExtent, (v) => { this.extent = v; });
    if (this.invalid.size > 0) {
      this.dataset.invalid = [...this.invalid.keys()].join(' ');
    } else {
      delete this.dataset.invalid;
    }
  }

  /** Reads a changed JSON property: a good value is applied; a wrong one is shown and the last good one kept. */
  private take<T>(changed: PropertyValues, property: JsonProperty, empty: T, validate: Validator<T>, apply: (value: T) => void) {
    if (!changed.has(property)) {
      return;
    }
    const result = readProperty(property, this[property], empty, validate);
    if (result.ok) {
      this.invalid.delete(property);
      apply(result.value);
    } else {
      this.invalid.set(property, result.error);
      this.refused.add(property);
      console.warn(propertyErrorMessage(result.error, 'en'));
    }
  }

  /** Whether a property changed in this update and its new value was taken. */
  private took(changed: PropertyValues, property: JsonProperty): boolean {
    return changed.has(property) && !this.refused.has(property);
  }

  override updated(changed: PropertyValues) {
    if (!this.map) {
      return;
    }
    const justBuilt = this.justBuilt;
    this.justBuilt = false;
    if (this.took(changed, 'styleJson') || changed.has('presentation') || changed.has('language') || this.took(changed, 'selectionJson')) {
      this.styles.clear();
      this.beginRender();
      this.districtLayer?.changed();
      this.labelLayer?.changed();
      this.pointLayers.forEach((layer) => layer.changed());
      this.nameLayers.forEach((layer) => layer.changed());
    }
    if (this.took(changed, 'filtersJson') || this.took(changed, 'countsJson') || changed.has('period') || changed.has('dataVersion')
        || changed.has('comparePeriod') || this.took(changed, 'compareStyleJson')) {
      if (!justBuilt) {
        this.rebuildPointLayers();
      }
      this.beginRender();
      this.loadTownships();
    } else if (this.took(changed, 'layersJson')) {
      this.applyVisibility();
    }
    if (changed.has('basemapUrl') && !justBuilt) {
      this.applyBasemap();
    }
    if (changed.has('overlayUrl') && !justBuilt) {
      this.loadOverlay();
    }
    if (this.took(changed, 'areaJson')) {
      this.showArea();
    }
    if (this.took(changed, 'highlightJson')) {
      this.beginRender();
      this.overlayLayer?.changed();
    }
    if (changed.has('drawMode')) {
      this.map.getInteractions().forEach((i) => {
        if (i instanceof DragPan) i.setActive(this.drawMode !== 'box');
      });
      this.drawPolygon?.setActive(this.drawMode === 'polygon');
    }
    if (this.took(changed, 'extentJson') && this.extent) {
      this.fitToRequestedExtent();
    }
    if (this.took(changed, 'selectionJson')) {
      emit(this, 'selection-changed', selectionChangedDetail(this.selection));
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
    const bounds = extentOf(extent);
    const box = bounds && this.pixelBox(bounds);
    if (!extent || !bounds || !box) {
      return;
    }
    const { width, height } = sizeOf(this.map.getSize());
    const outside = box.left < 0 || box.top < 0 || box.right > width || box.bottom > height;
    const covered = this.obstacleRects().some((r) => overlaps(box, r));
    if (!outside && !covered) {
      return;
    }
    const isPoint = bounds.minX === bounds.maxX && bounds.minY === bounds.maxY;
    view.fit(extent, { padding: this.clearPadding(isPoint ? 60 : 24), duration: 300,
      maxZoom: isPoint ? view.getZoom() : undefined });
  }

  /** Where an extent in map coordinates is drawn, in the map's pixels; null before the map is rendered. */
  private pixelBox(extent: { minX: number; minY: number; maxX: number; maxY: number }): Box | null {
    const topLeft = pointOf(this.map?.getPixelFromCoordinate([extent.minX, extent.maxY]));
    const bottomRight = pointOf(this.map?.getPixelFromCoordinate([extent.maxX, extent.minY]));
    return topLeft && bottomRight ? { left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y } : null;
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
    const feature = source?.getFeatures().find((f) => idOf(f, selection.layer as PointLayerId) === selection.id);
    return feature?.getGeometry()?.getExtent() ?? null;
  }

  /** Where the `avoid` elements lie over the map, in the map's pixels (hidden ones left out). */
  private obstacleRects(): Box[] {
    const parent = this.parentElement;
    if (!this.avoid || !parent) {
      return [];
    }
    const host = this.getBoundingClientRect();
    const rects: Box[] = [];
    this.avoid.split(',').map((s) => s.trim()).filter((s) => s).forEach((selector) => {
      parent.querySelectorAll(selector).forEach((element) => {
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

  /** Fit padding (top, right, bottom, left) that keeps content clear of the `avoid` elements. */
  private clearPadding(margin: number): number[] {
    const { width, height } = sizeOf(this.map?.getSize());
    return paddingArray(clearPadding(width, height, this.obstacleRects(), margin));
  }

  /** Fits the city (or the bookmarked extent) again after a resize, unless a person has moved the map. */
  private refitIfUntouched() {
    const view = this.map?.getView();
    const saved = this.autoFitView;
    if (!view || !saved || this.extent) {
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
    const { width, height } = sizeOf(this.map?.getSize());
    const features = this.districtSource.getFeatures();
    // Tested on the geometries rather than by the map's hit detection, which draws every district again for
    // each pixel and, zoomed into a district, took longer than a script may run.
    for (let x = Math.max(0, left); x <= Math.min(width, right); x += 6) {
      for (let y = Math.max(0, top); y <= Math.min(height, bottom); y += 6) {
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
    const bounds = extentOf(feature?.getGeometry()?.getExtent());
    const box = bounds && this.pixelBox(bounds);
    if (!box) {
      return null;
    }
    const { width, height } = sizeOf(this.map?.getSize());
    const obstacles = this.obstacleRects();
    const cx = (box.left + box.right) / 2;
    const cy = (box.top + box.bottom) / 2;
    const candidates: { x: number; y: number }[] = [];
    for (let x = Math.max(10, box.left); x <= Math.min(width - 10, box.right); x += 8) {
      for (let y = Math.max(10, box.top); y <= Math.min(height - 10, box.bottom); y += 8) {
        candidates.push({ x, y });
      }
    }
    // Nearest the middle first: a person clicks inside a district, not along its edge.
    candidates.sort((p, q) => Math.hypot(p.x - cx, p.y - cy) - Math.hypot(q.x - cx, q.y - cy));
    const free = candidates.find(({ x, y }) => {
      if (obstacles.some((r) => x >= r.left - 4 && x <= r.right + 4 && y >= r.top - 4 && y <= r.bottom + 4)) {
        return false;
      }
      const [only, ...others] = this.hits([x, y]).filter((h) => h.layer !== 'townships');
      return !!only && others.length === 0 && only.layer === 'districts' && only.feature.get('code') === code
        && this.districtsIn(x - 12, y - 12, x + 12, y + 12).length === 1;
    });
    return free ? [free.x, free.y] : null;
  }

  // ---- data ----

  /** The outlines are loaded once: indicator, period and classification change only their colours. */
  private async loadDistricts() {
    const signal = this.requests.start('districts');
    const result = await this.requests.getJson('districts', signal, `${this.ogcBase}/collections/districts/items?limit=100`);
    if (result.kind !== 'json') {
      return;
    }
    const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
    const features = format.readFeatures(result.json) as Feature<Geometry>[];
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
      if (this.extent) {
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
    this.pointsSignal = this.requests.start('points');
    this.beginRender();
    this.hidePickList();
    this.pointLayers.forEach((layer) => this.map?.removeLayer(layer));
    this.pointLayers.clear();
    this.nameLayers.forEach((layer) => this.map?.removeLayer(layer));
    this.nameLayers.clear();
    this.rawSources.clear();
    POINT_LAYERS.forEach((id, index) => {
      const query = layerQuery(id, this.filters, this.period);
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
            style: (f) => this.styles.nameStyle(f) });
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
    const districts = new VectorLayer({ source: this.districtSource, zIndex: 1,
      style: (f) => this.styles.compareDistrictStyle(f, this.compareSpec) });
    districts.set('compare', 'districts');
    this.compareLayers.push(districts);
    ORGANISATION_LAYERS.forEach((id, index) => {
      const query = layerQuery(id, this.filters, this.comparePeriod);
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
    const layer = new VectorLayer({ source: cluster, style: (f, resolution) => this.styles.pointStyle(f, id, resolution) });
    layer.set('pointLayer', id);
    // Fetched when first shown: a layer switched off (enterprises, social organisations by default) costs nothing.
    layer.set('load', () => {
      const loaded = this.loadAll(`${this.ogcBase}/collections/${id}/items?limit=${GEOJSON_LIMIT}${query}`, source, this.pointsSignal);
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
      style: (f, resolution) => this.styles.pointStyle(f, id, resolution),
    });
    layer.set('pointLayer', id);
    return layer;
  }

  private showArea() {
    this.areaSource.clear();
    if (this.area.length > 0) {
      const polygon = new Polygon([this.area.map((c) => fromLonLat(c))]);
      this.areaSource.addFeature(new Feature({ geometry: polygon }));
    }
  }

  private emitArea(geometry: Polygon) {
    emit(this, 'area-drawn', areaDrawnDetail(geometry.getExtent(), geometry.getCoordinates()[0] ?? []));
  }

  private async loadOverlay() {
    const signal = this.requests.start('overlay');
    this.beginRender();
    this.overlaySource.clear();
    if (!this.overlayUrl) {
      return;
    }
    const result = await this.requests.getJson('overlay', signal, this.overlayUrl);
    if (result.kind === 'json') {
      this.overlaySource.addFeatures(new GeoJSON({ featureProjection: 'EPSG:3857' }).readFeatures(result.json) as Feature<Geometry>[]);
    }
  }

  /** The filtered district's townships (none without a district filter). */
  private loadTownships() {
    const signal = this.requests.start('townships');
    void this.townships.load(this.ogcBase, this.filters.district, this.period, async (url) => {
      const result = await this.requests.getJson('townships', signal, url, this.dataVersion > 0);
      return result.kind === 'json' ? result.json : null;
    });
  }

  /** Reads every page of a collection into a source, following `next` links. */
  private async loadAll(url: string, source: VectorSource, signal: AbortSignal) {
    const generation = this.loadGeneration;
    const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
    let next: string | null = url;
    while (next && generation === this.loadGeneration) {
      const result = await this.requests.getJson('points', signal, next, this.dataVersion > 0);
      if (result.kind !== 'json' || generation !== this.loadGeneration) {
        return;
      }
      source.addFeatures(format.readFeatures(result.json) as Feature<Geometry>[]);
      next = nextLink(result.json);
    }
  }

  private applyVisibility() {
    const layers = this.layers;
    const kind = this.filters.kind;
    this.beginRender();
    // A layer the server does not name is hidden.
    this.districtLayer?.setVisible(layers['districts'] === true);
    this.pointLayers.forEach((layer, id) => {
      // A kind filter keeps only the organisations of that kind (and the contact points linking to them).
      const kindAllows = !kind || id === 'contact-points' || LAYER_KIND[id as OrganisationLayerId] === kind;
      layer.setVisible(!!layers[id] && kindAllows);
      this.loadIfShown(layer);
    });
    this.nameLayers.forEach((layer, id) => layer.setVisible(this.pointLayers.get(id)?.getVisible() ?? false));
    this.compareLayers.forEach((layer) => {
      const id = layer.get('compare') as string;
      layer.setVisible(id === 'districts' ? layers['districts'] === true : (this.pointLayers.get(id as PointLayerId)?.getVisible() ?? false));
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
    if (this.extent) {
      this.fitExtent(...this.extent);
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
    if (this.renderPending && !moving && this.requests.pending() === 0 && this.districtSource.getFeatures().length > 0) {
      this.renderPending = false;
      // When it happened, in ms since navigation started: benchmarks read it without polling delays.
      this.dataset.renderedAt = String(Math.round(performance.now()));
      this.dataset.ringed = String(this.ringedCount());
      this.dataset.townships = String(this.townships.count());
      this.dataset.zoom = String(Math.round((view?.getZoom() ?? 0) * 100) / 100);
      this.setAttribute('rendered', '');
      emit(this, 'rendered', {});
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
        ringed += raw.getFeatures().filter((f) => WEAK.has(statusOf(f, id))).length;
        return;
      }
      const extent = this.map.getView().calculateExtent(this.map.getSize());
      (layer as VectorTileLayer).getFeaturesInExtent(extent).forEach((f) => {
        ringed += f.get('aggregated') ? Number(f.get('weak') ?? 0) : WEAK.has(statusOf(f, id)) ? 1 : 0;
      });
    });
    return ringed;
  }

  /** At the deepest zoom levels a cluster holds features at one place: they are drawn around it, each its own. */
  private spreading(): boolean {
    return (this.map?.getView().getZoom() ?? 0) >= INDIVIDUAL_ZOOM;
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
      if (layer === this.overlayLayer && (feature.get('code') || isHotSpotCell(feature))) {
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
    this.showTooltip(describeHit(hit.layer, hit.feature, this.labels, this.language), pixel);
  }

  private showTooltip(text: string, pixel: number[]) {
    const element = this.tooltip?.getElement();
    if (!element) {
      return;
    }
    element.textContent = text;
    element.hidden = false;
    this.tooltip?.setPosition(this.map?.getCoordinateFromPixel(pixel));
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
    const top = points[0];
    if (top?.layer === 'analysis' && isHotSpotCell(top.feature)) {
      // A binned hot-spot cell has no card: a click (there is no hover on a touch screen) shows its tooltip.
      this.showTooltip(describeHit(top.layer, top.feature, this.labels, this.language), pixel);
      return;
    }
    if (!top) {
      // An area: the township of the drill-down if one is drawn there, else the district.
      const area = hits[0];
      if (area) {
        emit(this, 'feature-click', { layer: area.layer, id: String(area.feature.get('code')) });
      }
      return;
    }
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
          this.pick([{ layer: top.layer, id: idOf(member, top.layer as PointLayerId), text: '' }], pixel);
          return;
        }
      } else if (this.zoomInto(members)) {
        return;
      }
    }
    const entries: PickEntry[] = [];
    points.forEach((h) => pickEntries(h.layer, h.feature, this.labels).forEach((e) => {
      if (!entries.some((x) => x.layer === e.layer && x.id === e.id)) entries.push(e);
    }));
    this.pick(entries, pixel);
  }

  /** Zooms in so that a cluster's members come apart; false if they cannot (one position, or deepest zoom). */
  private zoomInto(members: FeatureLike[]): boolean {
    const view = this.map?.getView();
    const extent = createEmpty();
    members.forEach((m) => {
      const geometry = m.getGeometry();
      if (geometry) extendExtent(extent, geometry.getExtent());
    });
    if (!view || isEmpty(extent)) {
      return false;
    }
    const { width, height } = sizeOf(this.map?.getSize());
    const resolution = view.getResolutionForExtent(extent, [Math.max(1, width - 120), Math.max(1, height - 120)]);
    const target = Math.min(INDIVIDUAL_ZOOM + 1, view.getZoomForResolution(resolution) ?? INDIVIDUAL_ZOOM + 1);
    if (!(target > (view.getZoom() ?? 0) + 0.25)) {
      return false;
    }
    view.fit(extent, { padding: [60, 60, 60, 60], duration: 300, maxZoom: INDIVIDUAL_ZOOM + 1 });
    return true;
  }

  /** The member of a spread cluster drawn under a pixel, if any. */
  private spreadMemberAt(cluster: FeatureLike, members: FeatureLike[], pixel: number[]): FeatureLike | null {
    const centre = pointOf(this.map?.getPixelFromCoordinate((cluster.getGeometry() as Point).getCoordinates()));
    const at = pointOf(pixel);
    let best: FeatureLike | null = null;
    let bestDistance = 14 * this.styles.scale;
    if (!centre || !at) {
      return null;
    }
    members.forEach((member, i) => {
      const { dx, dy } = this.styles.spreadOffset(i, members.length);
      const d = Math.hypot(centre.x + dx - at.x, centre.y + dy - at.y);
      if (d < bestDistance) {
        bestDistance = d;
        best = member;
      }
    });
    return best;
  }

  /** One entry: its card opens. Several: a list beside the click, each line opening its card. */
  private pick(entries: PickEntry[], pixel: number[]) {
    const [only, ...others] = entries;
    if (only && others.length === 0) {
      emit(this, 'feature-click', { layer: only.layer, id: only.id });
      return;
    }
    const element = this.pickList?.getElement();
    if (!element || entries.length === 0) {
      return;
    }
    fillPickList(element, entries, this.labels['pick.title'] ?? '{0}', (entry) => {
      this.hidePickList();
      emit(this, 'feature-click', { layer: entry.layer, id: entry.id });
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
    emit(this, 'view-moved', viewMovedDetail(view.calculateExtent(this.map.getSize()), view.getZoom()));
  }

  // ---- helpers ----

  private label(key: string): string {
    return this.labels[key] ?? key;
  }
}


customElements.define('geo-map', GeoMap);

declare global {
  interface HTMLElementTagNameMap {
    'geo-map': GeoMap;
  }
}
