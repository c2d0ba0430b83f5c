/**
 * S8 in real Chromium: two tabs of the same data. A change committed in one appears in the
 * other without a reload (BroadcastChannel), and writes from both tabs at once never
 * interleave (Web Locks): both land, in one log, each exactly once.
 */
import { expect, test, type Page } from '@playwright/test';

async function signUp(page: Page, email: string, name: string): Promise<void> {
	await page.goto('/signup');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Full name').fill(name);
	await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
	await page.getByRole('button', { name: 'Sign up' }).click();
}

test('S8: a change made in one tab appears in the other without a reload', async ({ context }) => {
	const mail = await context.newPage();
	await mail.goto('/mail');
	await expect(mail.getByText('Simulated mail.')).toBeVisible();
	await expect(mail.getByRole('link', { name: 'ada@acme.com' })).toHaveCount(0);
	const other = await context.newPage();
	await signUp(other, 'ada@acme.com', 'Ada Lovelace');
	await expect(other.getByRole('heading', { name: 'Check your mail' })).toBeVisible();
	// The Mail tab was never reloaded: the verification mail arrives by itself.
	await expect(mail.getByRole('link', { name: 'ada@acme.com' })).toBeVisible();
	await mail.getByRole('link', { name: 'ada@acme.com' }).click();
	await expect(mail.getByRole('link', { name: /Verify your email address/ })).toBeVisible();
});

test('S8: two tabs writing at the same time both land, once each', async ({ context }) => {
	const first = await context.newPage();
	const second = await context.newPage();
	await Promise.all([
		signUp(first, 'grace@navy.mil', 'Grace Hopper'),
		signUp(second, 'linus@kernel.org', 'Linus')
	]);
	await expect(first.getByRole('heading', { name: 'Check your mail' })).toBeVisible();
	await expect(second.getByRole('heading', { name: 'Check your mail' })).toBeVisible();
	const mail = await context.newPage();
	await mail.goto('/mail');
	await expect(mail.getByRole('link', { name: 'grace@navy.mil' })).toBeVisible();
	await expect(mail.getByRole('link', { name: 'linus@kernel.org' })).toBeVisible();
	// Both tabs' changes are in one log with distinct, ordered clocks.
	const log = await mail.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('tessera');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(new Error('open failed'));
		});
		// Since schema version 6 the log is kept in records of changes (one per transaction).
		const records = await new Promise<unknown[]>((resolve, reject) => {
			const request = db.transaction('log').objectStore('log').getAll();
			request.onsuccess = () => {
				const result: unknown = request.result;
				resolve(Array.isArray(result) ? result : []);
			};
			request.onerror = () => reject(new Error('read failed'));
		});
		db.close();
		const rows = records.flatMap((r: unknown): unknown[] =>
			typeof r === 'object' && r !== null && 'changes' in r && Array.isArray(r.changes)
				? r.changes
				: []
		);
		return rows
			.map((r) => {
				const row: Record<string, unknown> = typeof r === 'object' && r !== null ? { ...r } : {};
				return { clock: String(row.clock), type: String(row.type) };
			})
			.sort((a, b) => (a.clock < b.clock ? -1 : a.clock > b.clock ? 1 : 0));
	});
	const creates = log.filter((r) => r.type === 'account.create');
	expect(creates).toHaveLength(2);
	expect(new Set(log.map((r) => r.clock)).size).toBe(log.length);
});
