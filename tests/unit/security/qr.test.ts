/**
 * The enrolment QR code: an SVG made only of paths, so the email inside the otpauth URI can
 * never become markup (X4), and a real decoder reads the same URI back from what is drawn
 * (A2: any authenticator app must be able to scan it).
 */
import { describe, expect, it } from 'vitest';
import { decodeQR } from '@paulmillr/qr/decode.js';
import { qrSvg } from '$lib/security/qr';
import { totpUri } from '$lib/security';

/** The dark modules the SVG draws: its viewBox size and its one stroked path (M, m, h). */
function modulesOf(svg: string): boolean[][] {
	const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
	const d = /<path stroke="[^"]*" d="([^"]+)"/.exec(svg)?.[1] ?? '';
	const grid = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
	let x = 0;
	let y = 0;
	for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
		const n = Number(a);
		if (cmd === 'M') {
			x = n;
			y = Math.floor(Number(b));
		} else if (cmd === 'm') {
			x += n;
			y += Math.floor(Number(b ?? 0));
		} else {
			for (let i = 0; i < n; i++) {
				const row = grid[y];
				if (row !== undefined) row[x + i] = true;
			}
			x += n;
		}
	}
	return grid;
}

/** Draws the modules as an RGB picture, 8 px each, inside a 4-module white quiet zone. */
function picture(grid: boolean[][], scale = 8, quiet = 4) {
	const modules = grid.length + 2 * quiet;
	const width = modules * scale;
	const data = new Uint8Array(width * width * 3).fill(255);
	grid.forEach((row, my) =>
		row.forEach((dark, mx) => {
			if (!dark) return;
			for (let py = 0; py < scale; py++) {
				for (let px = 0; px < scale; px++) {
					const at = (((my + quiet) * scale + py) * width + (mx + quiet) * scale + px) * 3;
					data.fill(0, at, at + 3);
				}
			}
		})
	);
	return { width, height: width, data };
}

describe('qrSvg', () => {
	it('renders an otpauth URI as an SVG without the text in it', async () => {
		const uri = totpUri({ secret: 'JBSWY3DPEHPK3PXP', account: '<b>ada</b>@example.com' });
		const svg = await qrSvg(uri);
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain('<path');
		expect(svg).not.toContain('ada');
		expect(svg).not.toContain('<script');
	});

	it('A2: the code it draws decodes back to the exact otpauth URI', async () => {
		const uri = totpUri({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', account: 'ada@example.com' });
		const grid = modulesOf(await qrSvg(uri));
		expect(grid.length).toBeGreaterThan(20);
		expect(decodeQR(picture(grid))).toBe(uri);
	});

	it('A2: a different URI draws a different code (the decoder is not fooled by anything)', async () => {
		const a = totpUri({ secret: 'JBSWY3DPEHPK3PXP', account: 'ada@example.com' });
		const b = totpUri({ secret: 'KRSXG5CTMVRXEZLU', account: 'ada@example.com' });
		expect(decodeQR(picture(modulesOf(await qrSvg(b))))).not.toBe(a);
	});
});
