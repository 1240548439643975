import { describe, expect, it } from 'vitest';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { contactBadges, describeHit, idOf, layerQuery, pickEntries, statusOf } from '../src/layers.js';

const contact = (id: number, organisation: string, leader: string) => new Feature({
  geometry: new Point([1, 2]), id, organisation_code: organisation, organisation_name_zh: `组织${organisation}`,
  organisation_status: 'weak', leader_name_zh: leader,
});

describe('point layer features', () => {
  it('group contact points into one badge per organisation, holding its leaders', () => {
    const badges = contactBadges([contact(1, 'A', '张三'), contact(2, 'A', '李四'), contact(3, 'B', '王五')]);
    expect(badges).toHaveLength(2);
    const [first] = badges;
    expect(first?.get('leader_count')).toBe(2);
    expect(first?.get('organisation_status')).toBe('weak');
    expect(first?.get('leaders')).toEqual([
      { layer: 'contact-points', id: '1', text: '张三 → 组织A' },
      { layer: 'contact-points', id: '2', text: '李四 → 组织A' },
    ]);
  });

  it('read a contact point\'s status from its organisation, and a missing status as normal', () => {
    expect(statusOf(new Feature({ organisation_status: 'rectifying' }), 'contact-points')).toBe('rectifying');
    expect(statusOf(new Feature({}), 'villages')).toBe('normal');
  });

  it('identify organisations by code and contact points by number', () => {
    expect(idOf(new Feature({ code: '620902100201' }), 'villages')).toBe('620902100201');
    expect(idOf(new Feature({ id: 17 }), 'contact-points')).toBe('17');
  });

  it('name a single organisation in its tooltip, and count a cluster by its layer\'s label', () => {
    const labels = { villages: '行政村' };
    const one = new Feature({ features: [new Feature({ name_zh: '黄渠村' })] });
    const three = new Feature({ features: [new Feature({}), new Feature({}), new Feature({})] });
    expect(describeHit('villages', one, labels, 'zh')).toBe('黄渠村');
    expect(describeHit('villages', three, labels, 'zh')).toBe('行政村: 3');
    expect(describeHit('districts', new Feature({ name_zh: '敦煌市', name_en: 'Dunhuang' }), labels, 'en')).toBe('Dunhuang');
  });

  it('list a crowd\'s organisations with their kind, and a badge\'s leaders', () => {
    const crowd = new Feature({ features: [new Feature({ code: '1', name_zh: '甲村' }), new Feature({ code: '2', name_zh: '乙村' })] });
    expect(pickEntries('villages', crowd, { villages: '行政村' })).toEqual([
      { layer: 'villages', id: '1', text: '甲村 · 行政村' }, { layer: 'villages', id: '2', text: '乙村 · 行政村' },
    ]);
    const [badge] = contactBadges([contact(4, 'C', '赵六')]);
    expect(badge && pickEntries('contact-points', badge, {})).toEqual([{ layer: 'contact-points', id: '4', text: '赵六 → 组织C' }]);
  });

  it('ask for a layer filtered by district, status and quarter, and by kind only for contact points', () => {
    const filters = { district: '620982', kind: 'village', status: 'weak' };
    expect(layerQuery('villages', filters, '2017Q1')).toBe('&district=620982&status=weak&period=2017Q1');
    expect(layerQuery('contact-points', filters, '')).toBe('&district=620982&status=weak&kind=village');
    expect(layerQuery('villages', { district: null, kind: null, status: null }, '')).toBe('');
  });

  it('ask, at a township, for its organisations and their contact points only, on every layer', () => {
    const dingxin = { district: '620921', township: '620921101', townshipName: '鼎新镇', status: null, kind: 'village' };
    expect(layerQuery('villages', dingxin, '2017Q4')).toBe('&district=620921&township=620921101&period=2017Q4');
    expect(layerQuery('contact-points', dingxin, '')).toBe('&district=620921&township=620921101&kind=village');
    expect(layerQuery('enterprises', { district: '620921', township: null }, '')).toBe('&district=620921');
  });
});
