/**
 * Live sync across the tabs of one browser (S10): one tab runs the loop (a Web Lock per device
 * database); another tab of the same device says so, its Pause and Resume reach the running tab
 * at once, and it takes over when the first one closes.
 */
import { expect, test } from './fixtures/couch';
import { SLOW, connected, livePanel, newDevice, openSync } from './helpers/live';

test('S10: a second tab says live sync runs in another tab, can pause and resume it, and takes over when that tab closes', async ({
	browser,
	couch
}) => {
	test.setTimeout(240_000);
	const db = await couch.db('tabs');
	const first = await newDevice(browser);
	await connected(first, db);
	const second = await first.context().newPage();
	await openSync(second);
	await expect(livePanel(second)).toContainText(
		'Live sync runs in another tab of this browser',
		SLOW
	);
	// Pause and Resume in the waiting tab reach the running one at once, with nothing to send.
	await livePanel(second).getByRole('button', { name: 'Pause' }).click();
	await expect(livePanel(first)).toContainText('Paused.', SLOW);
	await expect(livePanel(second)).toContainText('Paused.');
	await livePanel(second).getByRole('button', { name: 'Resume' }).click();
	const running = /Connected and up to date|Live sync runs in another tab of this browser/;
	for (const tab of [first, second]) await expect(livePanel(tab)).toContainText(running, SLOW);
	await first.close();
	await expect(livePanel(second)).toContainText('Connected and up to date', SLOW);
	// The tab that took over is the one that acts now: Disconnect forgets the server.
	await livePanel(second).getByRole('button', { name: 'Disconnect' }).click();
	await expect(livePanel(second).getByLabel('Server URL')).toBeVisible();
});
