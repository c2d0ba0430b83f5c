// SHA-256 (FIPS 180-4) of many short slices of one buffer, as sha256Text writes it (P4):
// a sync file's 100,000 change hashes. noble allocates three buffers per hash and WebCrypto a
// promise and an ArrayBuffer per call; in Chromium the garbage of 100,000 calls cost more than
// the hashing. This works in place: one message schedule, one tail block, nothing per hash but
// the base64url text. Tested against noble for every tail length (tests/unit/sync/hash-many).
import { bytesToBase64url } from './encoding';

const K = Int32Array.from(
	[
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
		0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
		0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
		0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
		0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
		0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
		0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
		0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
	].map((k) => k | 0)
);
const INIT = Int32Array.from(
	[
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	].map((h) => h | 0)
);

const H = new Int32Array(8);
const W = new Int32Array(64);
const TAIL = new Uint8Array(128);
const OUT = new Uint8Array(32);

/** One 64-byte block of `d` at `p` into H. */
function compress(d: Uint8Array, p: number): void {
	for (let t = 0; t < 16; t++, p += 4) {
		W[t] = ((d[p] ?? 0) << 24) | ((d[p + 1] ?? 0) << 16) | ((d[p + 2] ?? 0) << 8) | (d[p + 3] ?? 0);
	}
	for (let t = 16; t < 64; t++) {
		const x = W[t - 15] ?? 0;
		const y = W[t - 2] ?? 0;
		const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
		const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
		W[t] = ((W[t - 16] ?? 0) + s0 + (W[t - 7] ?? 0) + s1) | 0;
	}
	let a = H[0] ?? 0;
	let b = H[1] ?? 0;
	let c = H[2] ?? 0;
	let dd = H[3] ?? 0;
	let e = H[4] ?? 0;
	let f = H[5] ?? 0;
	let g = H[6] ?? 0;
	let h = H[7] ?? 0;
	for (let t = 0; t < 64; t++) {
		const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
		const ch = (e & f) ^ (~e & g);
		const t1 = (h + S1 + ch + (K[t] ?? 0) + (W[t] ?? 0)) | 0;
		const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
		const maj = (a & b) ^ (a & c) ^ (b & c);
		h = g;
		g = f;
		f = e;
		e = (dd + t1) | 0;
		dd = c;
		c = b;
		b = a;
		a = (t1 + S0 + maj) | 0;
	}
	H[0] = ((H[0] ?? 0) + a) | 0;
	H[1] = ((H[1] ?? 0) + b) | 0;
	H[2] = ((H[2] ?? 0) + c) | 0;
	H[3] = ((H[3] ?? 0) + dd) | 0;
	H[4] = ((H[4] ?? 0) + e) | 0;
	H[5] = ((H[5] ?? 0) + f) | 0;
	H[6] = ((H[6] ?? 0) + g) | 0;
	H[7] = ((H[7] ?? 0) + h) | 0;
}

/** SHA-256 of `bytes[start..end)`, unpadded base64url (what sha256Text gives for its text). */
export function sha256Slice(bytes: Uint8Array, start: number, end: number): string {
	H.set(INIT);
	let p = start;
	for (; end - p >= 64; p += 64) compress(bytes, p);
	const rest = end - p;
	TAIL.fill(0);
	TAIL.set(bytes.subarray(p, end));
	TAIL[rest] = 0x80;
	const blocks = rest + 9 > 64 ? 2 : 1;
	const bits = (end - start) * 8;
	const last = blocks * 64;
	const high = Math.floor(bits / 0x100000000);
	const low = bits >>> 0;
	TAIL[last - 8] = high >>> 24;
	TAIL[last - 7] = high >>> 16;
	TAIL[last - 6] = high >>> 8;
	TAIL[last - 5] = high;
	TAIL[last - 4] = low >>> 24;
	TAIL[last - 3] = low >>> 16;
	TAIL[last - 2] = low >>> 8;
	TAIL[last - 1] = low;
	compress(TAIL, 0);
	if (blocks === 2) compress(TAIL, 64);
	for (let i = 0; i < 8; i++) {
		const v = H[i] ?? 0;
		OUT[4 * i] = v >>> 24;
		OUT[4 * i + 1] = v >>> 16;
		OUT[4 * i + 2] = v >>> 8;
		OUT[4 * i + 3] = v;
	}
	return bytesToBase64url(OUT);
}
