/**
 * Live sync across the tabs of one browser (S10): one tab runs the loop (a Web Lock per device
 * database); another tab of the same device says so, and takes over when the first one closes.
 */
import { expect, test } from './fixtures/couch';
import { SLOW, connected, livePanel, newDevice, openSync } from './helpers/live';

test('S10: a second tab says live sync runs in another tab, and takes over when that tab closes', async ({
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
	await first.close();
	await expect(livePanel(second)).toContainText('Connected and up to date', SLOW);
	// The tab that took over is the one that acts now: Disconnect forgets the server.
	await livePanel(second).getByRole('button', { name: 'Disconnect' }).click();
	await expect(livePanel(second).getByLabel('Server URL')).toBeVisible();
});
