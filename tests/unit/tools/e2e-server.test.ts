// The end-to-end tests talk only to the server their own run started: Playwright never
// reuses one already on the port (it could be another checkout's build), and the static
// server refuses a port in use loudly. `npm run build` ends by advising `npm run preview`,
// so that script exists and serves the build.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import config from '../../../playwright.config';

function scripts(): Record<string, unknown> {
	const pkg: unknown = JSON.parse(readFileSync('package.json', 'utf8'));
	if (typeof pkg !== 'object' || pkg === null || !('scripts' in pkg)) return {};
	const s: unknown = pkg.scripts;
	return typeof s === 'object' && s !== null ? { ...s } : {};
}

describe('the e2e server', () => {
	it('Playwright never reuses a server it did not start, CI or not', () => {
		const server = config.webServer;
		expect(Array.isArray(server)).toBe(false);
		expect(server).toMatchObject({ reuseExistingServer: false });
	});

	it('the static server fails loudly on a port already in use', async () => {
		const blocker = createServer();
		await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
		const address = blocker.address();
		const port = typeof address === 'object' && address !== null ? address.port : 0;
		try {
			const env = {
				...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'PORT')),
				HOST: '127.0.0.1'
			};
			const child = spawn(process.execPath, ['tests/tools/serve.js', 'build', String(port)], {
				env
			});
			let stderr = '';
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
			expect(code).toBe(1);
			expect(stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
		} finally {
			blocker.close();
		}
	});

	it('`npm run preview`, which the build advises, serves the static build', () => {
		expect(scripts().preview).toBe('node tests/tools/serve.js build');
	});
});
