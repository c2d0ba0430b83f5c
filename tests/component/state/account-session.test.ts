// What commands change in this tab's session, from what they returned (A8, P3): logging out,
// deleting the account and resetting the device end it; a command for another session
// (a log in's own) leaves the current one alone.
import { afterEach, describe, expect, it } from 'vitest';
import { updateSession } from '$lib/state/account-session';
import { session } from '$lib/state/session.svelte';

const at = Date.now();
const record = (accountId: string) => ({
	accountId,
	email: `${accountId}@acme.com`,
	name: accountId,
	startedAt: at,
	lastActiveAt: at,
	authAt: at,
	proof: 'not checked by begin'
});

afterEach(() => session.end());

describe('the session follows the commands', () => {
	it('P3: resetting the device ends the session (its accounts are gone)', () => {
		session.begin(record('a-ana'));
		expect(session.current?.accountId).toBe('a-ana');
		updateSession('device.reset', null, {});
		expect(session.current).toBeNull();
	});

	it('A8: logging out ends it', () => {
		session.begin(record('a-ana'));
		updateSession('session.logOut', null, {});
		expect(session.current).toBeNull();
	});

	it('a read or a license command leaves it as it is', () => {
		session.begin(record('a-ana'));
		updateSession('sync.history', { ok: true, changes: 0, devices: 0, partial: [] }, {});
		expect(session.current?.accountId).toBe('a-ana');
	});
});
