// `perform`, the one runner between a click and the store, against a real MemoryStore: it
// runs as the logged-in account, updates the runes state from what the commit returned (no
// reread of the queue), words the outcome (C8's "Mail sent to"), offers Undo as a new change
// (C5, C7), keeps field refusals out of the banner, and asks before C10.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountId, changeId, members, productId } from '$lib/core';
import type { AccountId, LicenseId } from '$lib/core';
import { createContext } from '$lib/app/context';
import { MemoryStore } from '$lib/store';
import { unsavedInput } from '$lib/pwa/unsaved';
import { confirmation } from '$lib/state/confirm.svelte';
import { data } from '$lib/state/data.svelte';
import { activity, perform } from '$lib/state/perform.svelte';
import { session } from '$lib/state/session.svelte';
import { status } from '$lib/state/status.svelte';

const NOW = Date.UTC(2030, 0, 1);
const ALICE = accountId('a-alice');
const BOB = accountId('a-bob');

async function signUp(store: MemoryStore, id: AccountId, email: string, name: string) {
	await store.commit(
		{
			id: changeId(`c-${id}`),
			actor: null,
			type: 'account.create',
			payload: { accountId: id, email, name, mode: 'signup', source: 'password' }
		},
		NOW
	);
}

let store: MemoryStore;
let license: LicenseId;

beforeEach(async () => {
	store = new MemoryStore();
	await signUp(store, ALICE, 'alice@acme.com', 'Alice Adams');
	await signUp(store, BOB, 'bob@acme.com', 'Bob Brown');
	data.useStore(
		store,
		createContext(store, () => NOW)
	);
	// The record as a log in makes it; `begin` keeps it as given (only a stored record that
	// a tab finds at start is checked against its proof, X6).
	const at = Date.now();
	session.begin({
		accountId: ALICE,
		email: 'alice@acme.com',
		name: 'Alice Adams',
		startedAt: at,
		lastActiveAt: at,
		authAt: at,
		proof: 'not checked by begin'
	});
	status.clear();
	const started = await perform('license.start', {
		productId: productId('issues'),
		hosting: 'server',
		siteId: null,
		tier: 25
	});
	if (!started.ok || started.value.change.type !== 'license.start') throw new Error('license');
	license = started.value.change.payload.licenseId;
	const added = await perform('contact.add', {
		licenseId: license,
		role: 'billing',
		email: 'bob@acme.com'
	});
	expect(added.ok).toBe(true);
});

afterEach(() => {
	session.end();
	status.clear();
	vi.restoreAllMocks();
});

describe('perform', () => {
	it('S2: counts the queue from the commit it made, without rereading the store', async () => {
		await vi.waitFor(async () => expect(data.queued).toBe((await store.queue()).length));
		const queuedCount = vi.spyOn(store, 'queuedCount');
		const changes = vi.spyOn(store, 'changes');
		const before = data.queued;
		const version = data.version;
		const done = await perform('contact.makePrimary', {
			licenseId: license,
			role: 'billing',
			accountId: BOB
		});
		expect(done.ok).toBe(true);
		expect(data.queued).toBe(before + 1);
		expect(data.version).toBeGreaterThan(version);
		expect(queuedCount).not.toHaveBeenCalled();
		expect(changes).not.toHaveBeenCalled();
	});

	it('C8: announces the result in words made from the commit, naming who was mailed', async () => {
		await perform('contact.makePrimary', { licenseId: license, role: 'billing', accountId: BOB });
		expect(status.current?.tone).toBe('success');
		expect(status.current?.text).toContain('Bob Brown (bob@acme.com) is now the primary billing');
		expect(status.current?.text).toContain('Mail sent to alice@acme.com.');
	});

	it('C7: Delete contact offers Undo, which adds the person back as a new change', async () => {
		const input = { licenseId: license, role: 'billing' as const, accountId: BOB };
		expect((await perform('contact.delete', input)).ok).toBe(true);
		const billing = () => members(store.state.licenses.get(license)?.billing ?? null);
		expect(billing()).not.toContain(BOB);
		const undo = status.current?.action;
		expect(undo?.label).toBe('Undo');
		const logged = (await store.changes()).length;
		undo?.run();
		await vi.waitFor(() => expect(billing()).toContain(BOB));
		expect(await store.changes()).toHaveLength(logged + 1);
		expect(status.current?.text).toMatch(/^Undone\. Added bob@acme\.com as a billing contact/);
		expect(status.current?.action).toBeUndefined();
	});

	it('puts a refusal about a field on the field, not in the banner (a site name without a domain)', async () => {
		status.announce('An earlier error.', 'error');
		const done = await perform('site.create', { name: 'nodomain', productIds: [] });
		expect(done).toMatchObject({ ok: false, reason: 'refused', field: { field: 'name' } });
		expect(!done.ok && done.reason === 'refused' ? done.field?.words : '').toContain(
			'such as acme.example.net'
		);
		expect(status.current).toBeNull();
	});

	it('C13: announces a refusal about the action itself as an error that stays', async () => {
		const done = await perform('contact.delete', {
			licenseId: license,
			role: 'billing',
			accountId: ALICE
		});
		expect(done).toMatchObject({ ok: false, reason: 'refused', field: null });
		expect(status.current).toMatchObject({ tone: 'error' });
		expect(status.current?.text).toContain('The primary contact cannot be deleted');
	});

	it('C10: asks first; Cancel records nothing and says nothing', async () => {
		const site = await perform('site.create', { name: 'acme.example.net', productIds: [] });
		if (!site.ok || site.value.change.type !== 'site.create') throw new Error('site');
		const siteId = site.value.change.payload.siteId;
		const cloud = await perform('license.start', {
			productId: productId('issues'),
			hosting: 'cloud',
			siteId,
			tier: 25
		});
		if (!cloud.ok || cloud.value.change.type !== 'license.start') throw new Error('cloud');
		const billing = { licenseId: cloud.value.change.payload.licenseId, role: 'billing' as const };
		await perform('contact.add', { ...billing, email: 'bob@acme.com' });
		await perform('contact.makePrimary', { ...billing, accountId: BOB });
		status.clear();
		const logged = (await store.changes()).length;
		const pending = perform('billing.makeMe', { siteId });
		await vi.waitFor(() => expect(confirmation.current).not.toBeNull());
		expect(activity.busy).toBe(true);
		expect(confirmation.current?.words.confirm).toBe('Make me billing contact');
		confirmation.answer(false);
		expect(await pending).toEqual({ ok: false, reason: 'cancelled' });
		expect(await store.changes()).toHaveLength(logged);
		expect(status.current).toBeNull();
		expect(activity.busy).toBe(false);
	});

	it('runs nothing once the session has ended, and says to log in', async () => {
		session.end();
		const logged = (await store.changes()).length;
		const done = await perform('renewal.remind', {});
		expect(done).toEqual({ ok: false, reason: 'logged-out' });
		expect(status.current?.tone).toBe('error');
		expect(status.current?.text).toContain('Log in');
		expect(await store.changes()).toHaveLength(logged);
	});

	it('P1: turns a storage failure into words and counts the form’s input as unsent again', async () => {
		const form = document.createElement('form');
		const input = document.createElement('input');
		const button = document.createElement('button');
		form.append(input, button);
		document.body.append(form);
		const stop = unsavedInput.start(document);
		input.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
		input.value = 'half a thought';
		input.dispatchEvent(new Event('input', { bubbles: true }));
		expect(unsavedInput.fields()).toEqual([input]);
		form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
		expect(unsavedInput.fields()).toEqual([]);
		button.focus();
		vi.spyOn(store, 'commit').mockRejectedValueOnce(new Error('disk on fire'));
		const done = await perform('renewal.remind', {});
		expect(done).toEqual({ ok: false, reason: 'failed' });
		expect(status.current?.text).toBe(
			'Something went wrong, and nothing was changed. Try again, or reload the page.'
		);
		expect(unsavedInput.fields()).toEqual([input]);
		stop();
		form.remove();
	});
});
