// Draws Tessera's icons (a 3×3 mosaic of tiles) as PNG and SVG into static/icons.
// Run once when the design changes: `node tests/tools/make-icons.js`. No image library is
// needed: a PNG is an RGBA raster, deflated, in three chunks.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const BG = [29, 78, 216];
const TILES = [
	[255, 255, 255],
	[191, 219, 254],
	[253, 176, 34],
	[191, 219, 254],
	[255, 255, 255],
	[191, 219, 254],
	[253, 176, 34],
	[191, 219, 254],
	[255, 255, 255]
];

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(buf) {
	let c = 0xffffffff;
	for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}

/** inset: fraction of the size kept clear around the mosaic (maskable safe zone). */
function png(size, inset, rounded) {
	const raw = Buffer.alloc(size * (size * 4 + 1));
	const radius = rounded ? size * 0.18 : 0;
	const grid = size * (1 - 2 * inset);
	const gap = grid * 0.06;
	const tile = (grid - 2 * gap) / 3;
	const origin = size * inset;
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			const o = y * (size * 4 + 1) + 1 + x * 4;
			const dx = Math.max(radius - x, x - (size - 1 - radius), 0);
			const dy = Math.max(radius - y, y - (size - 1 - radius), 0);
			if (radius && dx * dx + dy * dy > radius * radius) {
				raw.writeUInt32BE(0, o);
				continue;
			}
			let color = BG;
			const gx = x - origin;
			const gy = y - origin;
			const col = Math.floor(gx / (tile + gap));
			const row = Math.floor(gy / (tile + gap));
			if (col >= 0 && col < 3 && row >= 0 && row < 3) {
				const inX = gx - col * (tile + gap) < tile;
				const inY = gy - row * (tile + gap) < tile;
				if (inX && inY) color = TILES[row * 3 + col];
			}
			raw[o] = color[0];
			raw[o + 1] = color[1];
			raw[o + 2] = color[2];
			raw[o + 3] = 255;
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bit depth
	header[9] = 6; // RGBA
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

function svg() {
	const rects = TILES.map((c, i) => {
		const x = 14 + (i % 3) * 25;
		const y = 14 + Math.floor(i / 3) * 25;
		return `<rect x="${x}" y="${y}" width="22" height="22" rx="2" fill="rgb(${c.join(',')})"/>`;
	}).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="rgb(${BG.join(',')})"/>${rects}</svg>\n`;
}

const out = new URL('../../static/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), png(192, 0.14, true));
writeFileSync(new URL('icon-512.png', out), png(512, 0.14, true));
// Maskable: full-bleed background, mosaic inside the central 80% safe zone.
writeFileSync(new URL('maskable-512.png', out), png(512, 0.24, false));
writeFileSync(new URL('icon.svg', out), svg());
console.log('icons written to static/icons');
