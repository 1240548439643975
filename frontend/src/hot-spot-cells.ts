// What the map says about a cell of a binned hot-spot run (large data: `feature_type: cell`), which stands for
// several organisations sharing one Gi* z-score, so it has no card of its own: its tooltip (on hover, and on a
// click, where there is no hover) tells how many organisations it holds, its z-score and its significance.
import type { FeatureLike } from 'ol/Feature.js';
import { languageOf } from './messages.js';

/** Whether an analysis feature is a binned hot-spot cell. */
export function isHotSpotCell(feature: FeatureLike): boolean {
  return feature.get('feature_type') === 'cell';
}

/**
 * One line, in the page's language: "网格单元：12 个组织 · z 值 2.81 · 热点（99% 置信度）" or
 * "Cell of 12 organisations · z-score 2.81 · hot spot (99 % confidence)".
 */
export function describeHotSpotCell(feature: FeatureLike, language: string | undefined): string {
  const count = Number(feature.get('organisations') ?? 0);
  const zValue = Number(feature.get('z'));
  const z = Number.isFinite(zValue) ? zValue.toFixed(2) : '–';
  const level = Number(feature.get('significance') ?? 0);
  const spot = String(feature.get('spot') ?? 'none');
  const significant = level > 0 && (spot === 'hot' || spot === 'cold');
  if (languageOf(language) === 'en') {
    const kind = !significant ? 'not significant' : `${spot} spot (${level} % confidence)`;
    return `Cell of ${count} organisation${count === 1 ? '' : 's'} · z-score ${z} · ${kind}`;
  }
  const kind = !significant ? '不显著' : `${spot === 'hot' ? '热点' : '冷点'}（${level}% 置信度）`;
  return `网格单元：${count} 个组织 · z 值 ${z} · ${kind}`;
}
