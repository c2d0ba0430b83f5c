/**
 * Feedback, tried as a new user would (issue 10): announcements that go by themselves and
 * stay behind on navigation, errors on their field, Undo for Delete contact and Make primary
 * (C5, C7), focus that never drops to the page body, Mail on a phone, the update prompt that
 * waits for a half-typed form (P1), per-person filters on a shared device, a "Ready to work
 * offline" that covers nothing, and a Billing overview readable on a phone (C10).
 */
import { expect, test, type Page } from '@playwright/test';
import { announcement, contact, loadDemo, openLicense } from './helpers/demo';
import { DEMO_PASSWORD } from '../../src/lib/core/demo-data';
import { loginAs, logInThroughUi, logOut } from './helpers/session';

const OLIVIA = 'olivia.park@northwind.example';
const PRIYA = 'priya.shah@northwind.example';
const SAM = 'sam.lee@northwind.example';
const MARCO = 'marco.rossi@gmail.com';

/** The live region's words, found even while it is empty (and so not displayed). */
const said = (page: Page) => page.getByRole('main').locator('[role="status"]');

async function focusIsOnBody(page: Page): Promise<boolean> {
	return page.evaluate(() => document.activeElement === document.body);
}

test.describe('with the demo data', () => {
	test.beforeEach(async ({ page }) => {
		await loadDemo(page);
	});

	test('announcements: a result goes by itself and stays behind on navigation; an error stays', async ({
		page
	}) => {
		// It waits, on purpose, for announcements to go (or to stay): real seconds.
		test.slow();
		await loginAs(page, OLIVIA);
		await page.getByRole('button', { name: 'Send renewal quotes' }).click();
		await expect(announcement(page)).toContainText('were sent already');
		// Left behind: not a stale renewal message on Billing overview.
		await page.getByRole('link', { name: 'Billing overview of northwind.example.net' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Billing overview' })).toBeVisible();
		await expect(said(page)).toHaveText('');

		await page.getByRole('link', { name: 'Licenses', exact: true }).first().click();
		await page.getByRole('button', { name: 'Send renewal quotes' }).click();
		await expect(announcement(page)).toContainText('were sent already');
		await page.mouse.move(1, 1);
		await expect(said(page)).toHaveText('', { timeout: 20_000 });

		const region = await openLicense(page, 'Tessera Pages', 'SEN-2041000112');
		await contact(region, 'Technical', OLIVIA).getByRole('button', { name: 'Delete' }).click();
		await expect(announcement(page)).toContainText('The primary contact cannot be deleted');
		await page.mouse.move(1, 1);
		await page.waitForTimeout(8_000);
		await expect(announcement(page)).toContainText('The primary contact cannot be deleted');
		await page.getByRole('button', { name: 'Dismiss message' }).click();
		await expect(said(page)).toHaveText('');
		expect(await focusIsOnBody(page)).toBe(false);
	});

	test('on a phone the banner stays under a third of the screen, even for the C13 reason', async ({
		page
	}) => {
		await page.setViewportSize({ width: 360, height: 640 });
		await loginAs(page, OLIVIA);
		const region = await openLicense(page, 'Tessera Issues', 'SEN-2041000101');
		await contact(region, 'Technical', MARCO).getByRole('button', { name: 'Make primary' }).click();
		await expect(announcement(page)).toContainText('must log in and promote themselves');
		const box = await announcement(page).boundingBox();
		expect(box?.height ?? Infinity).toBeLessThan(640 / 3);
	});

	test('C0: a site name without a domain is explained on its field, not in the banner', async ({
		page
	}) => {
		await loginAs(page, 'ana.costa@contoso.example');
		await page.getByRole('button', { name: 'Create a site' }).click();
		const name = page.getByLabel('Host name');
		await name.fill('contoso');
		await page.getByRole('button', { name: 'Create site' }).click();
		await expect(name).toHaveAccessibleDescription(/such as acme\.example\.net/);
		await expect(name).toBeFocused();
		await expect(name).toHaveAttribute('aria-invalid', 'true');
		await expect(said(page)).toHaveText('');
	});

	test('C7: Delete contact has an Undo; focus goes to it, then to the contact it brought back', async ({
		page
	}) => {
		await loginAs(page, OLIVIA);
		const region = await openLicense(page, 'Tessera Pages', 'SEN-2041000112');
		await contact(region, 'Technical', SAM).getByRole('button', { name: 'Delete' }).click();
		await expect(announcement(page)).toContainText('is no longer a technical contact');
		await expect(contact(region, 'Technical', SAM)).toHaveCount(0);
		const undo = announcement(page).getByRole('button', { name: 'Undo' });
		await expect(undo).toBeFocused();
		await undo.click();
		await expect(announcement(page)).toContainText('Undone. Added sam.lee@northwind.example');
		await expect(contact(region, 'Technical', SAM)).toHaveCount(1);
		await expect(
			contact(region, 'Technical', SAM).getByRole('button', { name: 'Delete' })
		).toBeFocused();
	});

	test('C5: Make primary has an Undo, and focus stays on the contact that changed', async ({
		page
	}) => {
		await loginAs(page, OLIVIA);
		const region = await openLicense(page, 'Tessera Issues', 'SEN-2041000101');
		await contact(region, 'Billing', PRIYA).getByRole('button', { name: 'Make primary' }).click();
		await expect(contact(region, 'Billing', PRIYA)).toContainText('Primary');
		await expect(
			contact(region, 'Billing', PRIYA).getByRole('button', { name: 'Delete' })
		).toBeFocused();
		await announcement(page).getByRole('button', { name: 'Undo' }).click();
		await expect(announcement(page)).toContainText(
			'Undone. Olivia Park (olivia.park@northwind.example) is now the primary billing contact'
		);
		await expect(contact(region, 'Billing', OLIVIA)).toContainText('Primary');
		await expect(contact(region, 'Billing', PRIYA)).not.toContainText('Primary');
		expect(await focusIsOnBody(page)).toBe(false);
	});

	test('opening a mail on a phone shows the mail, with a way back to the list', async ({
		page
	}) => {
		await page.setViewportSize({ width: 360, height: 640 });
		await page.goto(`/mail?address=${encodeURIComponent('jana.novak@outlook.com')}`);
		await page
			.getByRole('link', { name: /^Renewal quote: Tessera Pages/ })
			.first()
			.click();
		const heading = page.getByRole('heading', { level: 2, name: /^Renewal quote: Tessera Pages/ });
		await expect(heading).toBeFocused();
		await expect(heading).toBeInViewport();
		await expect(
			page.getByRole('link', { name: /All mail to jana.novak@outlook.com/ })
		).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Addresses' })).toBeHidden();
	});

	test('Licenses search and filters belong to one person: none carries over to the next', async ({
		page
	}) => {
		// Two real logins (PBKDF2 at full cost, X1) on a shared, busy machine.
		test.slow();
		await logInThroughUi(page, OLIVIA);
		await page.getByLabel('Search licenses').fill('SEN-2041000101');
		await page.getByLabel('Show licenses for').selectOption({ label: 'Tessera Issues' });
		await expect(page.getByText('Showing 1 of 1 matching')).toBeVisible();
		// The next person logs in on the same page, with no reload in between (a shared device).
		await logOut(page);
		await expect(page).toHaveURL(/\/login/);
		await page.getByLabel('Email', { exact: true }).fill(SAM);
		await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Log in', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible({ timeout: 30_000 });
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Licenses' })
			.click();
		await expect(page.getByLabel('Search licenses')).toHaveValue('');
		await expect(page.getByLabel('Show licenses for')).toHaveValue('');
		await expect(page.getByText(/Showing \d+ of \d+\s+licenses/)).toBeVisible();
	});

	test('C10: the Billing overview is cards on a phone, and clips no column on a desktop', async ({
		page
	}) => {
		await loginAs(page, 'tom.becker@northwind.example', '/billing?site=s_demo_labs');
		const table = page.getByRole('table', { name: /Cloud licenses on/ });
		await expect(table).toBeVisible();
		const clipped = await page.evaluate(() => {
			const box = document.querySelector('table')?.parentElement;
			return box ? box.scrollWidth - box.clientWidth : -1;
		});
		expect(clipped).toBe(0);
		await page.setViewportSize({ width: 360, height: 740 });
		await expect(table).toBeHidden();
		const cards = page.getByRole('region', { name: /Cloud licenses on/ }).getByRole('listitem');
		await expect(cards).toHaveCount(3);
		await expect(cards.first()).toContainText('Primary billing contact');
		const wide = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(wide).toBeLessThanOrEqual(360);
	});
});

async function waitForControl(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 15_000
	});
}

test('P1: "Ready to work offline" covers no button at 1280×720 and goes away by itself', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/licenses');
	const note = page.getByText('Ready to work offline.');
	await expect(note).toBeVisible();
	const overlaps = await page.evaluate(() => {
		const box = [...document.querySelectorAll('p')]
			.find((p) => p.textContent === 'Ready to work offline.')
			?.parentElement?.getBoundingClientRect();
		if (!box) return ['no note'];
		return [...document.querySelectorAll('button, a')]
			.filter((b) => !b.closest('[aria-live]'))
			.map((b) => ({ b, r: b.getBoundingClientRect() }))
			.filter(({ r }) => r.width > 0 && r.height > 0)
			.filter(
				({ r }) =>
					r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top
			)
			.map(({ b }) => b.textContent ?? '');
	});
	expect(overlaps).toEqual([]);
	await expect(note).toHaveCount(0, { timeout: 20_000 });
});

test('P1: Reload waits for a half-typed form, then loads once it is cleared', async ({
	page,
	context,
	baseURL
}) => {
	await page.goto('/signup');
	await waitForControl(page);
	await page.getByLabel('Email').fill('half@typed.example');
	await context.addCookies([{ name: 'sw-bump', value: '2', url: baseURL ?? '' }]);
	await page.evaluate(() => {
		(window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
	});
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		await reg.update();
	});
	const prompt = page.getByRole('alert').filter({ hasText: 'A new version is ready' });
	await expect(prompt).toBeVisible();
	await prompt.getByRole('button', { name: 'Reload' }).click();
	await expect(prompt).toContainText('as soon as you have sent or cleared what you are typing');
	await page.waitForTimeout(2_000);
	expect(
		await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)
	).toBe(true);
	await expect(page.getByLabel('Email')).toHaveValue('half@typed.example');
	const reloaded = page.waitForEvent('load');
	await page.getByLabel('Email').fill('');
	await reloaded;
	expect(
		await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)
	).toBeUndefined();
});
