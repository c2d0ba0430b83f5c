/**
 * P1/P2: the built app installs a service worker that controls the page, keeps working with
 * the network off (reload, navigation, deep links), and serves a valid web app manifest.
 */
import { expect, test, type Page } from '@playwright/test';

const ROUTES = ['Licenses', 'Mail', 'Sync', 'Profile', 'Organization', 'Log in', 'Sign up'];

async function waitForControl(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 15_000
	});
}

test('P1: first visit installs the service worker, takes control and says so', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Tessera' })).toBeVisible();
	await waitForControl(page);
	const state = await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		return reg.active?.state;
	});
	expect(state).toBe('activated');
	await expect(page.getByText('Ready to work offline.')).toBeVisible();
	const caches = await page.evaluate(async () => {
		const keys = await self.caches.keys();
		const precache = keys.find((key) => key.startsWith('tessera-precache'));
		const entries = precache ? (await (await self.caches.open(precache)).keys()).length : 0;
		return { keys, entries };
	});
	expect(caches.keys.filter((key) => key.startsWith('tessera-precache'))).toHaveLength(1);
	expect(caches.entries).toBeGreaterThan(10);
});

test('P1: offline, a reload renders the shell and navigation between routes works', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForControl(page);
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('banner').getByText('Tessera')).toBeVisible();
	await expect(page.getByRole('note')).toContainText('Offline');
	const nav = page.getByRole('navigation', { name: 'Main' });
	for (const name of ROUTES) {
		await nav.getByRole('link', { name }).click();
		await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
		await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
	}
});

test('P1: a deep link opened offline works', async ({ page, context }) => {
	await page.goto('/');
	await waitForControl(page);
	await context.setOffline(true);
	await page.goto('/sync');
	await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
	await page.goto('/organization?tab=domains');
	await expect(page.getByRole('heading', { level: 1, name: 'Organization' })).toBeVisible();
});

test('P2: the manifest is served and valid, and its icons load', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBe('/manifest.webmanifest');
	const response = await request.get('/manifest.webmanifest');
	expect(response.ok()).toBe(true);
	expect(response.headers()['content-type']).toContain('application/manifest+json');
	const manifest = (await response.json()) as {
		name: string;
		short_name: string;
		start_url: string;
		display: string;
		theme_color: string;
		background_color: string;
		icons: { src: string; sizes: string; type: string; purpose: string }[];
	};
	expect(manifest.name).toContain('Tessera');
	expect(manifest.short_name).toBe('Tessera');
	expect(manifest.start_url).toBe('/');
	expect(manifest.display).toBe('standalone');
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
	const sizes = manifest.icons.map((icon) => `${icon.sizes}/${icon.purpose}`);
	expect(sizes).toEqual(expect.arrayContaining(['192x192/any', '512x512/any', '512x512/maskable']));
	for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
		const size = Number(icon.sizes.split('x')[0]);
		const loaded = await page.evaluate(async (src) => {
			const img = new Image();
			img.src = src;
			await img.decode();
			return { width: img.naturalWidth, height: img.naturalHeight };
		}, icon.src);
		expect(loaded).toEqual({ width: size, height: size });
	}
});

test('X4: the built pages carry a CSP without unsafe-inline scripts', async ({ page }) => {
	await page.goto('/licenses');
	const csp = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(csp).toMatch(/script-src 'self'/);
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
});

test('P1: a new version is announced and applied only when the user clicks Reload', async ({
	page,
	context,
	baseURL
}) => {
	await page.goto('/sync');
	await waitForControl(page);
	// "Ready to work offline" goes away by itself now.
	await expect(page.getByText('Ready to work offline.')).toHaveCount(0, { timeout: 15_000 });
	// The server now hands this context a byte-different worker: a new version.
	await context.addCookies([{ name: 'sw-bump', value: '1', url: baseURL ?? '' }]);
	await page.evaluate(() => {
		(window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
	});
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		await reg.update();
	});
	const prompt = page.getByRole('alert').filter({ hasText: 'A new version is ready' });
	await expect(prompt).toBeVisible();
	// Nothing happens on its own: the page is still the same document.
	expect(
		await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)
	).toBe(true);
	const reloaded = page.waitForEvent('load');
	await prompt.getByRole('button', { name: 'Reload' }).click();
	await reloaded;
	await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
	expect(
		await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)
	).toBeUndefined();
	const waiting = await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		return {
			waiting: reg.waiting !== null,
			controlled: navigator.serviceWorker.controller !== null
		};
	});
	expect(waiting).toEqual({ waiting: false, controlled: true });
});
