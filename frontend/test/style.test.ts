import { describe, expect, it } from 'vitest';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { Circle as CircleStyle, RegularShape, type Style } from 'ol/style.js';
import { COLD, HOT, IMPORT_CHANGE_COLOURS, MapStyles, NO_DATA_FILL, type StyleContext, paletteColour } from '../src/style.js';
import { TOWNSHIP_COLOURS, townshipClass } from '../src/township-layer.js';
import type { MapStyleSpec, Selection } from '../src/validate.js';

const SPEC: MapStyleSpec = {
  // Two classes of a choropleth: the server classified the districts and sends each one's class colour.
  districtColors: { '620902': '#1a9850', '620921': '#d73027' },
  points: [
    { layer: 'villages', color: '#009E73', shape: 'circle', size: 7 },
    { layer: 'grid-branches', color: '#0072B2', shape: 'square', size: 7 },
    { layer: 'enterprises', color: '#E69F00', shape: 'diamond', size: 8 },
    { layer: 'social-organisations', color: '#56B4E9', shape: 'pentagon', size: 8 },
    { layer: 'contact-points', color: '#CC79A7', shape: 'triangle', size: 9 },
  ],
  weakRing: '#D55E00',
};

function stylesWith(overrides: Partial<{ spec: MapStyleSpec; selection: Selection | null; presentation: boolean;
  language: string; highlight: Set<string>; spreading: boolean }> = {}) {
  const state = { spec: SPEC, selection: null, presentation: false, language: 'zh', highlight: new Set<string>(), spreading: false, ...overrides };
  const context: StyleContext = {
    spec: () => state.spec, selection: () => state.selection, presentation: () => state.presentation,
    language: () => state.language, highlight: () => state.highlight, spreading: () => state.spreading,
  };
  return { styles: new MapStyles(context), state };
}

const list = (s: Style | Style[]) => (Array.isArray(s) ? s : [s]);
const feature = (props: Record<string, unknown>) => new Feature({ geometry: new Point([0, 0]), ...props });

describe('district fills (the classification drawn)', () => {
  it('fill each district with its class colour, and a district without a value in the no-data grey', () => {
    const { styles } = stylesWith();
    expect(styles.districtStyle(feature({ code: '620902' })).getFill()?.getColor()).toBe('#1a9850');
    expect(styles.districtStyle(feature({ code: '620921' })).getFill()?.getColor()).toBe('#d73027');
    expect(styles.districtStyle(feature({ code: '620982' })).getFill()?.getColor()).toBe(NO_DATA_FILL);
  });

  it('outline the selected district thick and dark, above its neighbours', () => {
    const { styles } = stylesWith({ selection: { layer: 'districts', id: '620902' } });
    const selected = styles.districtStyle(feature({ code: '620902' }));
    const other = styles.districtStyle(feature({ code: '620921' }));
    expect(selected.getStroke()?.getWidth()).toBe(3.5);
    expect(selected.getStroke()?.getColor()).toBe('#111');
    expect(selected.getZIndex()).toBeGreaterThan(other.getZIndex() ?? 0);
  });

  it('draw new class colours once the cache is cleared after a style change', () => {
    const { styles, state } = stylesWith();
    styles.districtStyle(feature({ code: '620902' }));
    state.spec = { ...SPEC, districtColors: { '620902': '#fee08b' } };
    styles.clear();
    expect(styles.districtStyle(feature({ code: '620902' })).getFill()?.getColor()).toBe('#fee08b');
  });

  it('fill the compared quarter\'s districts from the compared style', () => {
    const { styles } = stylesWith();
    const compare = { ...SPEC, districtColors: { '620902': '#91bfdb' } };
    expect(styles.compareDistrictStyle(feature({ code: '620902' }), compare).getFill()?.getColor()).toBe('#91bfdb');
    expect(styles.compareDistrictStyle(feature({ code: '620921' }), compare).getFill()?.getColor()).toBe(NO_DATA_FILL);
  });

  it('colour townships by their weak organisations, three or more in the darkest class', () => {
    expect(townshipClass(feature({ weak: 0, rectifying: 0 }))).toBe(0);
    expect(townshipClass(feature({ weak: 1, rectifying: 1 }))).toBe(2);
    expect(townshipClass(feature({ weak: 5 }))).toBe(TOWNSHIP_COLOURS.length - 1);
    expect(townshipClass(feature({ weak: 'n/a' }))).toBe(0);
  });
});

describe('point symbols', () => {
  it('draw each kind in its own shape and colour', () => {
    const { styles } = stylesWith();
    const top = (layer: Parameters<MapStyles['symbolStyle']>[0]) => list(styles.symbolStyle(layer, false, false)).at(-1)?.getImage();
    expect(top('villages')).toBeInstanceOf(CircleStyle);
    expect((top('grid-branches') as RegularShape).getPoints()).toBe(4);
    expect((top('social-organisations') as RegularShape).getPoints()).toBe(5);
    expect((top('contact-points') as RegularShape).getPoints()).toBe(3);
    expect((top('villages') as CircleStyle).getFill()?.getColor()).toBe('#009E73');
    expect((top('enterprises') as RegularShape).getFill()?.getColor()).toBe('#E69F00');
  });

  it('set each symbol on a dark outline under a white edge, so it stands out on the palest and the darkest class', () => {
    const { styles } = stylesWith();
    const [halo, symbol] = list(styles.symbolStyle('villages', false, false));
    const haloImage = halo?.getImage() as CircleStyle;
    const symbolImage = symbol?.getImage() as CircleStyle;
    expect(haloImage.getFill()?.getColor()).toBe('#1a1a1a');
    expect(haloImage.getRadius()).toBeGreaterThan(symbolImage.getRadius());
    expect(symbolImage.getStroke()?.getColor()).toBe('#ffffff');
  });

  it('ring a weak organisation in the style\'s weak colour, and ring a selected one in black outside it', () => {
    const { styles } = stylesWith();
    const [ring, selection] = list(styles.symbolStyle('villages', true, true));
    expect((ring?.getImage() as CircleStyle).getStroke()?.getColor()).toBe('#D55E00');
    expect((selection?.getImage() as CircleStyle).getStroke()?.getColor()).toBe('#111');
    expect((selection?.getImage() as CircleStyle).getRadius()).toBeGreaterThan((ring?.getImage() as CircleStyle).getRadius());
  });

  it('grow symbols by 1.6 in presentation mode', () => {
    const normal = list(stylesWith().styles.symbolStyle('villages', false, false)).at(-1)?.getImage() as CircleStyle;
    const large = list(stylesWith({ presentation: true }).styles.symbolStyle('villages', false, false)).at(-1)?.getImage() as CircleStyle;
    expect(large.getRadius()).toBeCloseTo(normal.getRadius() * 1.6);
  });

  it('fall back to a grey circle for a layer the style does not name', () => {
    const { styles } = stylesWith({ spec: { ...SPEC, points: [] } });
    expect(styles.symbolOf('villages')).toEqual({ layer: 'villages', color: '#333', shape: 'circle', size: 7 });
  });

  it('draw a cluster with its count, ringed in the weak colour when it holds a weak organisation', () => {
    const { styles } = stylesWith();
    const [, weakCluster] = styles.clusterStyle('villages', 12, true);
    expect(weakCluster?.getText()?.getText()).toBe('12');
    expect((weakCluster?.getImage() as CircleStyle).getStroke()?.getColor()).toBe('#D55E00');
    const [, plain] = styles.clusterStyle('villages', 12, false);
    expect((plain?.getImage() as CircleStyle).getStroke()?.getColor()).toBe('#ffffff');
  });

  it('count weak members and the selected single point when choosing a style', () => {
    const { styles } = stylesWith({ selection: { layer: 'villages', id: '620902100201' } });
    const members = [feature({ code: '620902100201', status: 'weak' })];
    const single = list(styles.pointStyle(feature({ features: members }), 'villages', 1));
    // ring + selection ring + halo + symbol
    expect(single).toHaveLength(4);
    const cluster = list(styles.pointStyle(feature({ features: [...members, feature({ code: '2', status: 'normal' })] }), 'villages', 1));
    expect(cluster[1]?.getText()?.getText()).toBe('2');
  });

  it('spread a cluster at the deepest zoom into one symbol per member around the shared place', () => {
    const { styles } = stylesWith({ spreading: true });
    const members = [feature({ code: '1' }), feature({ code: '2' }), feature({ code: '3' })];
    const spread = list(styles.pointStyle(feature({ features: members }), 'villages', 1));
    // a centre dot, then halo and symbol of each member
    expect(spread).toHaveLength(1 + 2 * members.length);
    const { dx, dy } = styles.spreadOffset(0, 3);
    expect(dx).toBeCloseTo(0);
    expect(dy).toBeCloseTo(-14);
  });

  it('badge a contact point with the number of its organisation\'s leaders', () => {
    const { styles } = stylesWith();
    const badge = feature({ leader_count: 3, leaders: [{ layer: 'contact-points', id: '7', text: '' }] });
    const [, bubble] = styles.badgeStyle(badge, [badge]);
    expect(bubble?.getText()?.getText()).toBe('3');
  });
});

describe('analysis overlays', () => {
  const colourOf = (s: Style | Style[]) => ((list(s)[0]?.getImage() as CircleStyle).getFill()?.getColor());

  it('colour hot and cold spots by significance, and no spot in grey', () => {
    const { styles } = stylesWith();
    expect(colourOf(styles.overlayStyle(feature({ spot: 'hot', significance: 99 })))).toBe(HOT[2]);
    expect(colourOf(styles.overlayStyle(feature({ spot: 'hot', significance: 95 })))).toBe(HOT[1]);
    expect(colourOf(styles.overlayStyle(feature({ spot: 'cold', significance: 90 })))).toBe(COLD[0]);
    expect(colourOf(styles.overlayStyle(feature({ spot: 'none', significance: 0 })))).toBe('#d9d9d9');
  });

  it('colour an import preview by its change, a removal as a white disc with a ring', () => {
    const { styles } = stylesWith();
    expect(colourOf(styles.overlayStyle(feature({ change: 'added' })))).toBe(IMPORT_CHANGE_COLOURS['added']);
    const removed = list(styles.overlayStyle(feature({ change: 'removed' })))[0]?.getImage() as CircleStyle;
    expect(removed.getStroke()?.getColor()).toBe(IMPORT_CHANGE_COLOURS['removed']);
  });

  it('colour cluster members by cluster, and an organisation in no cluster grey', () => {
    const { styles } = stylesWith();
    expect(colourOf(styles.overlayStyle(feature({ feature_type: 'organisation', cluster: 1 })))).toBe('#56B4E9');
    expect(colourOf(styles.overlayStyle(feature({ feature_type: 'organisation', cluster: null })))).toBe('#999999');
  });

  it('make a highlighted feature larger, with a dark edge', () => {
    const { styles } = stylesWith({ highlight: new Set(['620902100201']) });
    const image = (code: string) => list(styles.overlayStyle(feature({ code, spot: 'hot', significance: 99 })))[0]?.getImage() as CircleStyle;
    expect(image('620902100201').getRadius()).toBeGreaterThan(image('other').getRadius());
    expect(image('620902100201').getStroke()?.getColor()).toBe('#111');
  });

  it('repeat the palette past its end, and fall back for a class that is not a number', () => {
    expect(paletteColour(['a', 'b'], 3, 'x')).toBe('b');
    expect(paletteColour(['a', 'b'], 'two', 'x')).toBe('x');
    expect(paletteColour(['a', 'b'], -1, 'x')).toBe('b');
  });
});
