// Bundles the custom elements into the app's static resources, where the Java side loads them
// (Page.addJsModule). Everything, OpenLayers' CSS included, is inside the bundle: the map works offline.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = process.env.OUT_DIR ?? join(here, '..', '..', 'target', 'classes', 'META-INF', 'resources', 'map');

await build({
  entryPoints: {
    'geo-map': join(here, '..', 'src', 'geo-map.ts'),
    'indicator-chart': join(here, '..', 'src', 'indicator-chart.ts'),
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'linked',
  loader: { '.css': 'text' },
  outdir,
  logLevel: 'warning',
});
console.log(`bundled into ${outdir}`);
