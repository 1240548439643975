// What <geo-map> says itself when a property it was given is wrong: Chinese by default, English when the
// element's `language` is English (the Java side sets it from the UI's locale).
import type { Expected, PropertyError } from './validate.js';

type Language = 'zh' | 'en';

const EXPECTED: Record<Expected, Record<Language, string>> = {
  json: { zh: '有效的 JSON', en: 'valid JSON' },
  object: { zh: '对象（{…}）', en: 'an object ({…})' },
  array: { zh: '数组（[…]）', en: 'an array ([…])' },
  text: { zh: '文字', en: 'text' },
  textOrNull: { zh: '文字或 null', en: 'text or null' },
  boolean: { zh: '布尔值 true 或 false', en: 'true or false' },
  count: { zh: '不小于 0 的数', en: 'a number of 0 or more' },
  size: { zh: '大于 0 的数', en: 'a number above 0' },
  colour: { zh: '颜色（如 #1a9850）', en: 'a colour (such as #1a9850)' },
  shape: { zh: '以下形状之一：circle、square、triangle、diamond 或 pentagon', en: 'one of circle, square, triangle, diamond, pentagon' },
  longitude: { zh: '经度（-180 到 180）', en: 'a longitude (-180 to 180)' },
  latitude: { zh: '纬度（-90 到 90）', en: 'a latitude (-90 to 90)' },
  extent: { zh: '四个数 [最小经度, 最小纬度, 最大经度, 最大纬度]', en: 'four numbers [min lon, min lat, max lon, max lat]' },
  extentOrder: { zh: '最小值不大于最大值的范围', en: 'a box whose minimum is not above its maximum' },
  position: { zh: '坐标 [经度, 纬度]', en: '[longitude, latitude]' },
  ring: { zh: '闭合的环（至少 4 个点，末点与首点相同）', en: 'a closed ring (at least 4 positions, the last equal to the first)' },
};

export function languageOf(language: string | undefined): Language {
  return language?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** One sentence: which property and field is wrong, what it should be, what came, and that the map kept the last good value. */
export function propertyErrorMessage(error: PropertyError, language: string | undefined): string {
  const lang = languageOf(language);
  const expected = EXPECTED[error.expected][lang];
  if (lang === 'en') {
    const where = error.field ? `field ${error.field} ` : '';
    const got = error.actual ? ` (got ${error.actual})` : '';
    return `Map setting ${error.property} is invalid: ${where}must be ${expected}${got}. The map keeps its last valid ${error.property}.`;
  }
  const where = error.field ? `字段 ${error.field} ` : '';
  const got = error.actual ? `（收到 ${error.actual}）` : '';
  return `地图设置 ${error.property} 有误：${where}应为${expected}${got}。地图仍按上一次有效的 ${error.property} 显示。`;
}
