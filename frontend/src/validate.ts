// The JSON-string properties of <geo-map> (set by map/GeoMap.java), checked where they come in: one small
// validator per shape, each giving the value or an error that names the property and the field, so that a
// wrong value is shown over the map in words (messages.ts) instead of silently replaced by a default.

/** A point layer's symbol (MapStyle.PointSymbol on the Java side). */
export interface PointSymbol {
  layer: string;
  color: string;
  shape: Shape;
  size: number;
}
export const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'pentagon'] as const;
export type Shape = (typeof SHAPES)[number];

/** What the map needs of the server's MapStyle (the other fields are for the legend and snapshots). */
export interface MapStyleSpec {
  districtColors: Record<string, string>;
  points: PointSymbol[];
  weakRing: string;
}
/** Layer id to shown; a layer not named is hidden. */
export type Layers = Record<string, boolean>;
export interface Filters {
  district?: string | null;
  kind?: string | null;
  status?: string | null;
  /** The township drilled into (9-digit code) and its name: only its organisations are drawn. */
  township?: string | null;
  townshipName?: string | null;
}
export interface Selection {
  layer: string;
  id: string;
}
export type Labels = Record<string, string>;
/** minLon, minLat, maxLon, maxLat. */
export type LonLatExtent = [number, number, number, number];
/** A closed ring of [lon, lat]. */
export type Ring = [number, number][];

/** What a field should have been; messages.ts words it in the map's language. */
export type Expected = 'json' | 'object' | 'array' | 'text' | 'textOrNull' | 'boolean' | 'count' | 'size' | 'colour'
  | 'shape' | 'longitude' | 'latitude' | 'extent' | 'extentOrder' | 'position' | 'ring';

export interface PropertyError {
  /** The element's property, as the Java side sets it (styleJson, layersJson...). */
  property: string;
  /** Where in the value: `points[2].shape`, `districtColors.620902`; empty for the whole value. */
  field: string;
  expected: Expected;
  /** The offending value, shortened for display; empty when the value is not valid JSON at all. */
  actual: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: PropertyError };

/** A validator: the value in the shape it describes, or a thrown FieldError. */
export type Validator<T> = (raw: unknown, path: string) => T;

class FieldError extends Error {
  constructor(readonly field: string, readonly expected: Expected, readonly actual: unknown) {
    super(`${field}: ${expected}`);
  }
}

/**
 * Reads one JSON-string property. An empty string means "nothing" (the Java side clears a selection or an
 * area so) and gives `empty`; anything else must be JSON of the validator's shape.
 */
export function readProperty<T>(property: string, json: string, empty: T, validate: Validator<T>): Parsed<T> {
  if (!json) {
    return { ok: true, value: empty };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: { property, field: '', expected: 'json', actual: '' } };
  }
  try {
    return { ok: true, value: validate(raw, '') };
  } catch (e) {
    if (e instanceof FieldError) {
      return { ok: false, error: { property, field: e.field, expected: e.expected, actual: shorten(e.actual) } };
    }
    throw e;
  }
}

// ---- building blocks ----

function at(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

function shorten(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function object(raw: unknown, path: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new FieldError(path, 'object', raw);
  }
  return raw as Record<string, unknown>;
}

function array(raw: unknown, path: string): unknown[] {
  if (!Array.isArray(raw)) {
    throw new FieldError(path, 'array', raw);
  }
  return raw;
}

function text(raw: unknown, path: string): string {
  if (typeof raw !== 'string') {
    throw new FieldError(path, 'text', raw);
  }
  return raw;
}

function optionalText(raw: unknown, path: string): string | null {
  if (raw === undefined || raw === null) {
    return null;
  }
  if (typeof raw !== 'string') {
    throw new FieldError(path, 'textOrNull', raw);
  }
  return raw;
}

function number(raw: unknown, path: string, expected: Expected, test: (n: number) => boolean): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || !test(raw)) {
    throw new FieldError(path, expected, raw);
  }
  return raw;
}

/** CSS colours as the server writes them (#rrggbb), and the other forms a canvas understands. */
const COLOUR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla)\([^()]*\))$/i;

function colour(raw: unknown, path: string): string {
  if (typeof raw !== 'string' || !COLOUR.test(raw.trim())) {
    throw new FieldError(path, 'colour', raw);
  }
  return raw;
}

function recordOf<T>(raw: unknown, path: string, item: Validator<T>): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [key, value] of Object.entries(object(raw, path))) {
    result[key] = item(value, at(path, key));
  }
  return result;
}

function arrayOf<T>(raw: unknown, path: string, item: Validator<T>): T[] {
  return array(raw, path).map((value, i) => item(value, at(path, i)));
}

function position(raw: unknown, path: string): [number, number] {
  const list = array(raw, path);
  if (list.length !== 2) {
    throw new FieldError(path, 'position', raw);
  }
  return [number(list[0], at(path, 0), 'longitude', (v) => v >= -180 && v <= 180),
    number(list[1], at(path, 1), 'latitude', (v) => v >= -90 && v <= 90)];
}

// ---- one validator per shape ----

export const validatePointSymbol: Validator<PointSymbol> = (raw, path) => {
  const o = object(raw, path);
  const shape = o['shape'];
  if (typeof shape !== 'string' || !(SHAPES as readonly string[]).includes(shape)) {
    throw new FieldError(at(path, 'shape'), 'shape', shape);
  }
  return {
    layer: text(o['layer'], at(path, 'layer')),
    color: colour(o['color'], at(path, 'color')),
    shape: shape as Shape,
    size: number(o['size'], at(path, 'size'), 'size', (v) => v > 0),
  };
};

/** styleJson and compareStyleJson: district fills, point symbols, the weak ring's colour. */
export const validateStyle: Validator<MapStyleSpec> = (raw, path) => {
  const o = object(raw, path);
  return {
    districtColors: recordOf(o['districtColors'], at(path, 'districtColors'), colour),
    points: arrayOf(o['points'], at(path, 'points'), validatePointSymbol),
    weakRing: colour(o['weakRing'], at(path, 'weakRing')),
  };
};

/** layersJson: layer id to shown. */
export const validateLayers: Validator<Layers> = (raw, path) => recordOf(raw, path, (value, field) => {
  if (typeof value !== 'boolean') {
    throw new FieldError(field, 'boolean', value);
  }
  return value;
});

/** filtersJson: district, kind and status, each text or null (no filter). */
export const validateFilters: Validator<Filters> = (raw, path) => {
  const o = object(raw, path);
  return {
    district: optionalText(o['district'], at(path, 'district')),
    kind: optionalText(o['kind'], at(path, 'kind')),
    status: optionalText(o['status'], at(path, 'status')),
    township: optionalText(o['township'], at(path, 'township')),
    townshipName: optionalText(o['townshipName'], at(path, 'townshipName')),
  };
};

/** selectionJson: a layer and a feature id. */
export const validateSelection: Validator<Selection> = (raw, path) => {
  const o = object(raw, path);
  return { layer: text(o['layer'], at(path, 'layer')), id: text(o['id'], at(path, 'id')) };
};

/** countsJson: how many features each point layer holds. */
export const validateCounts: Validator<Record<string, number>> = (raw, path) =>
  recordOf(raw, path, (value, field) => number(value, field, 'count', (v) => v >= 0));

/** labelsJson: texts the element shows itself, by key. */
export const validateLabels: Validator<Labels> = (raw, path) => recordOf(raw, path, text);

/** highlightJson: codes of the overlay's features to emphasise. */
export const validateHighlight: Validator<string[]> = (raw, path) => arrayOf(raw, path, text);

/** extentJson: [minLon, minLat, maxLon, maxLat], the minimum not above the maximum. */
export const validateExtent: Validator<LonLatExtent> = (raw, path) => {
  const list = array(raw, path);
  if (list.length !== 4) {
    throw new FieldError(path, 'extent', raw);
  }
  const lon = (i: number) => number(list[i], at(path, i), 'longitude', (v) => v >= -180 && v <= 180);
  const lat = (i: number) => number(list[i], at(path, i), 'latitude', (v) => v >= -90 && v <= 90);
  const [minLon, minLat, maxLon, maxLat] = [lon(0), lat(1), lon(2), lat(3)];
  if (minLon > maxLon || minLat > maxLat) {
    throw new FieldError(path, 'extentOrder', raw);
  }
  return [minLon, minLat, maxLon, maxLat];
};

/** areaJson: a closed ring of [lon, lat], at least four positions (a triangle and its first corner again). */
export const validateArea: Validator<Ring> = (raw, path) => {
  const ring = arrayOf(raw, path, position);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
    throw new FieldError(path, 'ring', raw);
  }
  return ring;
};
