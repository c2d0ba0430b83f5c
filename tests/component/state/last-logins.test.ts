// O2 "last login on this device": a device-local record (localStorage, never a change) of when
// each account last logged in here, written when a session begins, followed across tabs, and
// forgotten when the device is reset (P3).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateSession } from '$lib/state/account-session';
import { parseLastLogins, withLogin } from '$lib/app/last-logins';
import { lastLogins } from '$lib/state/last-logins.svelte';
import { session } from '$lib/state/session.svelte';

const KEY = 'tessera.lastLogins';
const record = (accountId: string, at: number) => ({
	accountId,
	email: `${accountId}@acme.com`,
	name: accountId,
	startedAt: at,
	lastActiveAt: at,
	authAt: at,
	proof: 'not checked by begin'
});

let stop: () => void = () => {};
beforeEach(() => {
	localStorage.removeItem(KEY);
	stop = lastLogins.start();
});
afterEach(() => {
	stop();
	session.end();
	localStorage.removeItem(KEY);
});

describe('O2: the last log in of each account on this device', () => {
	it('O2: a session that begins records its start, per account; a later log in replaces it', () => {
		session.begin(record('a-ana', 1_000));
		session.begin(record('a-bob', 2_000));
		session.begin(record('a-ana', 3_000));
		expect([...lastLogins.map]).toEqual([
			['a-ana', 3_000],
			['a-bob', 2_000]
		]);
		expect(parseLastLogins(localStorage.getItem(KEY))).toEqual(lastLogins.map);
	});

	it('O2: device-local only: nothing but localStorage holds it, and another tab’s log in is followed', () => {
		localStorage.setItem(KEY, JSON.stringify({ 'a-cid': 5_000 }));
		window.dispatchEvent(new StorageEvent('storage', { key: KEY }));
		expect(lastLogins.map.get('a-cid')).toBe(5_000);
	});

	it('O2: a stored record that is not ours reads as no log ins; bad entries are skipped', () => {
		expect(parseLastLogins(null).size).toBe(0);
		expect(parseLastLogins('not json').size).toBe(0);
		expect(parseLastLogins('[1,2]').size).toBe(0);
		expect([...parseLastLogins('{"a":1,"b":"x","c":-5,"d":1.5}')]).toEqual([['a', 1]]);
	});

	it('O2: an older time never replaces a newer one; the newest 1,000 accounts are kept', () => {
		expect(withLogin(new Map([['a', 9]]), 'a', 3).get('a')).toBe(9);
		const many = new Map(Array.from({ length: 1000 }, (_, i) => [`a-${i}`, i + 1] as const));
		const next = withLogin(many, 'a-new', 5_000);
		expect(next.size).toBe(1000);
		expect(next.has('a-0')).toBe(false);
		expect(next.get('a-new')).toBe(5_000);
	});

	it('P3/O2: resetting the device forgets every log in', () => {
		session.begin(record('a-ana', 1_000));
		updateSession('device.reset', null, {});
		expect(lastLogins.map.size).toBe(0);
		expect(localStorage.getItem(KEY)).toBeNull();
	});
});
