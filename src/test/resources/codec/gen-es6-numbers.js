// Generates es6-numbers.txt: "<16 hex digits of the IEEE-754 bits> <String(x)>" per line.
// Run once with Node (any version with BigInt): node gen-es6-numbers.js > es6-numbers.txt
// The output is committed so that the build never needs Node; regenerating is a deliberate act.
'use strict';

const view = new DataView(new ArrayBuffer(8));
const bitsOf = (x) => { view.setFloat64(0, x); return view.getBigUint64(0); };
const fromBits = (b) => { view.setBigUint64(0, b); return view.getFloat64(0); };
const hex = (b) => b.toString(16).padStart(16, '0');

// SplitMix64 with a fixed seed, so the file is reproducible.
let state = 0x5eed_c0de_2026_0214n;
const MASK = (1n << 64n) - 1n;
function next64() {
  state = (state + 0x9e3779b97f4a7c15n) & MASK;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

const seen = new Set();
const lines = [];
function add(x) {
  if (!Number.isFinite(x)) return;
  const b = bitsOf(x);
  if (seen.has(b)) return;
  seen.add(b);
  lines.push(hex(b) + ' ' + String(x));
}

// Named edge cases (RFC 8785 Appendix B and friends).
[0, -0, 5e-324, -5e-324, 1e-320, 1e-315, 1e-314, 1e21, 1e+23, 333333333.3333332,
 -0.0000033333333333333333, 1e-7, 123e-20, 9007199254740993, 9007199254740992,
 Number.MAX_VALUE, -Number.MAX_VALUE, 2.2250738585072014e-308, 2.225073858507201e-308,
 1e-6, 0.000001, 1e20, 1e22, 999999999999999999999, 0.1, 0.2, 0.3, 1 / 3, Math.PI, Math.E,
 4.35, 0.5, 1.5, 2 ** 53, 2 ** 63, 2 ** 64, 295147905179352830000, 1.7976931348623157e308,
 4.940656458412e-324, 9.881312916824931e-324, 1.4821969375237396e-323]
  .forEach(add);

// The smallest subnormals.
for (let i = 1n; i <= 500n; i++) add(fromBits(i));

// The largest subnormals and the smallest normals.
for (let i = 0n; i < 50n; i++) { add(fromBits(0x0010000000000000n - 1n - i)); add(fromBits(0x0010000000000000n + i)); }

// Every power of ten, and its neighbours.
for (let p = -324; p <= 308; p++) {
  const x = Number('1e' + p);
  add(x);
  if (x > 0) { add(fromBits(bitsOf(x) + 1n)); add(fromBits(bitsOf(x) - 1n)); }
}

// m × 10^p for sampled m and every 7th exponent.
for (let p = -330; p <= 310; p += 7) {
  for (const m of [1, 2, 5, 7, 9, 12, 25, 99, 123, 314, 999, 1234567, 9007199254740993]) {
    add(Number(m + 'e' + p));
    add(-Number(m + 'e' + p));
  }
}

// Random bit patterns (NaN and infinities are skipped by add()).
for (let i = 0; i < 2500; i++) add(fromBits(next64()));

// Random 53-bit integers and short decimals.
for (let i = 0; i < 300; i++) add(Number(next64() >> 11n));
for (let i = 0; i < 300; i++) add(Number(next64() % 1000000n) / 1000);

process.stdout.write(lines.join('\n') + '\n');
