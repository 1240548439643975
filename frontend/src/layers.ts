// The map's point layers and what the element and its styles read from their features.
import Feature, { type FeatureLike } from 'ol/Feature.js';
import type { Geometry } from 'ol/geom.js';
import type { Filters } from './validate.js';
import { describeHotSpotCell, isHotSpotCell } from './hot-spot-cells.js';

export type OrganisationLayerId = 'villages' | 'grid-branches' | 'enterprises' | 'social-organisations';
export type PointLayerId = OrganisationLayerId | 'contact-points';
export const ORGANISATION_LAYERS: OrganisationLayerId[] = ['villages', 'grid-branches', 'enterprises', 'social-organisations'];
export const POINT_LAYERS: PointLayerId[] = [...ORGANISATION_LAYERS, 'contact-points'];
/** The organisation kind (as stored, and as the kind filter names it) of each organisation layer. */
export const LAYER_KIND: Record<OrganisationLayerId, string> = {
  villages: 'village', 'grid-branches': 'grid_branch', enterprises: 'enterprise', 'social-organisations': 'social_org',
};
/** The statuses drawn with the weak ring. */
export const WEAK = new Set(['weak', 'rectifying']);

/** One line of the list that opens on a click where several features meet. */
export interface PickEntry { layer: string; id: string; text: string }

/** An organisation's status (a contact point: its organisation's); normal when not given. */
export function statusOf(feature: FeatureLike, layer: PointLayerId): string {
  return (layer === 'contact-points' ? feature.get('organisation_status') : feature.get('status')) ?? 'normal';
}

/** A point feature's id: an organisation's 12-digit code, a contact point's number. */
export function idOf(feature: FeatureLike, layer: PointLayerId): string {
  if (layer === 'contact-points') {
    return String(feature.get('id') ?? feature.getId());
  }
  return String(feature.get('code') ?? feature.getId());
}

/**
 * Contact points grouped by organisation: one badge per organisation, at its place, holding its leaders
 * (each a line of the list a click on the badge opens).
 */
export function contactBadges(contacts: Feature<Geometry>[]): Feature<Geometry>[] {
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

/** The tooltip of what lies under the pointer: a name, or a layer's label and how many are there. */
export function describeHit(layer: string, feature: FeatureLike, labels: Readonly<Record<string, string>>, language: string): string {
  const members = feature.get('features') as FeatureLike[] | undefined;
  if (layer === 'districts') {
    return String((language === 'en' ? feature.get('name_en') : feature.get('name_zh')) ?? '');
  }
  if (layer === 'analysis' && isHotSpotCell(feature)) {
    return describeHotSpotCell(feature, language);
  }
  if (layer === 'analysis' || layer === 'townships') {
    return String(feature.get('name_zh'));
  }
  if (layer === 'contact-points') {
    const [first, ...others] = pickEntries(layer, feature, labels);
    return first && others.length === 0 ? first.text : `${labels[layer] ?? layer}: ${others.length + (first ? 1 : 0)}`;
  }
  const count = members ? members.length : (feature.get('count') as number | undefined) ?? 1;
  if (count > 1) {
    return `${labels[layer] ?? layer}: ${count}`;
  }
  const single = members ? members[0] : feature;
  return String(single?.get('name_zh') ?? '');
}

/** The features a hit stands for, each as a line of the list a click on several opens. */
export function pickEntries(layer: string, feature: FeatureLike, labels: Readonly<Record<string, string>>): PickEntry[] {
  if (layer === 'analysis') {
    // A binned hot-spot cell stands for several organisations and has no card: its tooltip says what it holds.
    return isHotSpotCell(feature) ? [] : [{ layer, id: String(feature.get('code')), text: String(feature.get('name_zh')) }];
  }
  const members = (feature.get('features') as FeatureLike[] | undefined) ?? [feature];
  if (layer === 'contact-points') {
    // A badge holds its leaders; a contact point from a vector tile (large datasets) is one leader.
    return members.flatMap((badge) => (badge.get('leaders') as PickEntry[] | undefined)
      ?? [{ layer, id: idOf(badge, 'contact-points'), text: `${badge.get('leader_name_zh')} → ${badge.get('organisation_name_zh') ?? ''}` }]);
  }
  const kind = labels[layer] ?? layer;
  return members.map((m) => ({ layer, id: idOf(m, layer as PointLayerId), text: `${m.get('name_zh')} · ${kind}` }));
}

/**
 * The query (`&district=…&township=…&status=…&kind=…&period=…`) a point layer's requests carry; the kind only for
 * contact points. At a township (drill-down) the server narrows pages and vector tiles alike to its organisations,
 * so the map and the list agree at any size.
 */
export function layerQuery(id: PointLayerId, filters: Filters, period: string): string {
  const parts: string[] = [];
  if (filters.district) parts.push(`district=${encodeURIComponent(filters.district)}`);
  if (filters.township) parts.push(`township=${encodeURIComponent(filters.township)}`);
  if (filters.status) parts.push(`status=${encodeURIComponent(filters.status)}`);
  if (filters.kind && id === 'contact-points') parts.push(`kind=${encodeURIComponent(filters.kind)}`);
  if (period) parts.push(`period=${encodeURIComponent(period)}`);
  return parts.length ? '&' + parts.join('&') : '';
}

/**
 * Fills the list a click on several features opens: a title ("{0}" is replaced by how many) and one button
 * per entry, carrying its layer and id.
 */
export function fillPickList(element: HTMLElement, entries: readonly PickEntry[], title: string, choose: (entry: PickEntry) => void) {
  const document = element.ownerDocument;
  element.replaceChildren();
  const heading = document.createElement('div');
  heading.className = 'pick-title';
  heading.textContent = title.replace('{0}', String(entries.length));
  element.append(heading);
  entries.forEach((entry) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = entry.text;
    button.dataset['layer'] = entry.layer;
    button.dataset['id'] = entry.id;
    button.addEventListener('click', () => choose(entry));
    element.append(button);
  });
}
