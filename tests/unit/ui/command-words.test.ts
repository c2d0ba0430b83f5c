// The words of the command map (the page glue): each command's result sentence is made from
// what its commit returned — who was mailed (C8), who is primary now, whether the license
// left someone's list (C7) — a refusal about one field is put on that field, and the
// confirmations say what cannot be undone (C6, C10).
import { describe, expect, it } from 'vitest';
import { accountId, changeId, productId } from '$lib/core';
import type { AccountId, LicenseId } from '$lib/core';
import type { Hooks } from '$lib/app/command-types';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { MemoryStore } from '$lib/store';
import { confirmWords, doneWords, fieldProblem, undoneWords } from '$lib/ui/command-words';

const NOW = Date.UTC(2030, 0, 1);
const ALICE = accountId('a-alice');
const BOB = accountId('a-bob');
const yes: Hooks = { confirm: () => Promise.resolve(true), progress: () => undefined };

async function signUp(ctx: AppContext, id: AccountId, email: string, name: string) {
	await ctx.store.commit(
		{
			id: changeId(`c-${id}`),
			actor: null,
			type: 'account.create',
			payload: { accountId: id, email, name, mode: 'signup', source: 'password' }
		},
		NOW
	);
}

async function setUp(): Promise<{ ctx: AppContext; license: LicenseId; sen: string }> {
	const ctx = createContext(new MemoryStore(), () => NOW);
	await signUp(ctx, ALICE, 'alice@acme.com', 'Alice Adams');
	await signUp(ctx, BOB, 'bob@acme.com', 'Bob Brown');
	const started = await commands['license.start'].run(
		ctx,
		ALICE,
		{ productId: productId('issues'), hosting: 'server', siteId: null, tier: 25 },
		yes
	);
	if (started.kind !== 'done' || started.value.change.type !== 'license.start') {
		throw new Error('no license');
	}
	const words = doneWords('license.start', started.value, {
		productId: productId('issues'),
		hosting: 'server',
		siteId: null,
		tier: 25
	});
	const { licenseId, sen } = started.value.change.payload;
	expect(words?.text).toContain(`Started license ${sen}`);
	return { ctx, license: licenseId, sen };
}

describe('result words (made from the commit)', () => {
	it('C4/C8: an added contact, invited when new, and who was mailed', async () => {
		const { ctx, license, sen } = await setUp();
		const input = {
			licenseId: license,
			role: 'billing' as const,
			email: 'nina@acme.com',
			name: 'Nina'
		};
		const ran = await commands['contact.add'].run(ctx, ALICE, input, yes);
		if (ran.kind !== 'done') throw new Error(ran.kind);
		const words = doneWords('contact.add', ran.value, input);
		expect(words).toMatchObject({
			tone: 'success',
			text:
				`Added nina@acme.com as a billing contact of Tessera Issues (${sen}). ` +
				'An account was created for them and they were invited by mail. Mail sent to nina@acme.com.'
		});
		// X4: the address someone typed is kept apart in the phrase, to be shown isolated.
		expect(words?.phrase?.filter((piece) => typeof piece !== 'string')).toEqual([
			{ user: 'nina@acme.com' },
			{ user: 'nina@acme.com' }
		]);
	});

	it('C5/C8: Make primary names the new primary and the replaced primary who was mailed', async () => {
		const { ctx, license, sen } = await setUp();
		const role = { licenseId: license, role: 'billing' as const };
		await commands['contact.add'].run(ctx, ALICE, { ...role, email: 'bob@acme.com' }, yes);
		const input = { ...role, accountId: BOB };
		const ran = await commands['contact.makePrimary'].run(ctx, ALICE, input, yes);
		if (ran.kind !== 'done') throw new Error(ran.kind);
		expect(doneWords('contact.makePrimary', ran.value, input)?.text).toBe(
			`Bob Brown (bob@acme.com) is now the primary billing contact of Tessera Issues (${sen}).` +
				' Mail sent to alice@acme.com.'
		);
	});

	it('C7/C8: Delete says whether the license left the person’s list, and who was mailed', async () => {
		const { ctx, license } = await setUp();
		const billing = { licenseId: license, role: 'billing' as const };
		const technical = { licenseId: license, role: 'technical' as const };
		await commands['contact.add'].run(ctx, ALICE, { ...billing, email: 'bob@acme.com' }, yes);
		await commands['contact.add'].run(ctx, ALICE, { ...technical, email: 'bob@acme.com' }, yes);
		const first = await commands['contact.delete'].run(
			ctx,
			ALICE,
			{ ...billing, accountId: BOB },
			yes
		);
		if (first.kind !== 'done') throw new Error(first.kind);
		const kept = doneWords('contact.delete', first.value, { ...billing, accountId: BOB })?.text;
		expect(kept).toContain('Bob Brown (bob@acme.com) is no longer a billing contact');
		expect(kept).toContain('They keep their other role on it.');
		expect(kept).toContain('Mail sent to bob@acme.com.');
		const input = { ...technical, accountId: BOB };
		const second = await commands['contact.delete'].run(ctx, ALICE, input, yes);
		if (second.kind !== 'done') throw new Error(second.kind);
		expect(doneWords('contact.delete', second.value, input)?.text).toContain(
			'The license no longer appears in their Licenses.'
		);
		expect(undoneWords(doneWords('contact.delete', second.value, input))?.text).toMatch(
			/^Undone\. Bob Brown/
		);
	});

	it('C9: renewal quotes say how many were mailed, or that they went already', async () => {
		const { ctx } = await setUp();
		const ran = await commands['renewal.remind'].run(ctx, ALICE, {}, yes);
		if (ran.kind !== 'done') throw new Error(ran.kind);
		expect(doneWords('renewal.remind', ran.value, {})?.text).toBe(
			'Renewal quotes for these licenses were sent already.'
		);
	});

	it('C11: the preview counts licenses; the handover counts and names who was mailed', async () => {
		const { ctx } = await setUp();
		const input = { from: ALICE, to: 'bob@acme.com' };
		const preview = await commands['handover.preview'].run(ctx, ALICE, input, yes);
		if (preview.kind !== 'done') throw new Error(preview.kind);
		expect(doneWords('handover.preview', preview.value, input)).toEqual({
			tone: 'info',
			text: 'Preview: 1 license. Check them, then choose Hand over.'
		});
		const done = await commands['handover.apply'].run(ctx, ALICE, input, yes);
		if (done.kind !== 'done') throw new Error(done.kind);
		const text = doneWords('handover.apply', done.value, input)?.text;
		expect(text).toMatch(/^Handover done on 1 license\. Mail sent to .*bob@acme\.com/);
	});
});

describe('fieldProblem (errors on the field they concern)', () => {
	it('C0: a site name without a domain belongs on the name field, in its own words', () => {
		expect(fieldProblem('site.create', { code: 'invalid-payload', field: 'name' })).toEqual({
			field: 'name',
			words: 'Enter the site’s address with its domain, such as acme.example.net.'
		});
		expect(fieldProblem('site.create', { code: 'site-name-taken' })?.field).toBe('name');
		expect(fieldProblem('site.create', { code: 'not-allowed' })).toBeNull();
	});

	it('C4: the address and the name of an added contact (and of a successor, C11)', () => {
		expect(fieldProblem('contact.add', { code: 'already-in-role' })?.field).toBe('email');
		expect(fieldProblem('contact.add', { code: 'invalid-email' })?.field).toBe('email');
		expect(fieldProblem('contact.add', { code: 'name-required' })?.field).toBe('name');
		expect(fieldProblem('contact.add', { code: 'not-a-contact' })).toBeNull();
		expect(fieldProblem('handover.preview', { code: 'invalid-email' })?.field).toBe('to');
		expect(fieldProblem('handover.preview', { code: 'nothing-to-hand-over' })?.field).toBe('from');
		expect(fieldProblem('support.request', { code: 'invalid-payload', field: 'subject' })).toEqual({
			field: 'subject',
			words: 'Enter a subject (up to 200 characters).'
		});
	});

	it('C13: Make primary and Delete refusals are about the action: announced, not on a field', () => {
		expect(
			fieldProblem('contact.makePrimary', {
				code: 'primary-domain-mismatch',
				role: 'billing',
				candidateDomain: 'gmail.com',
				primaryDomain: 'acme.com',
				publicDomain: 'gmail.com',
				whoCanPromote: { accountId: BOB, email: 'bob@gmail.com' }
			})
		).toBeNull();
		expect(fieldProblem('contact.delete', { code: 'cannot-delete-primary' })).toBeNull();
	});
});

describe('confirmWords', () => {
	it('C10: says whose licenses change and that only they can take it back', async () => {
		const { ctx } = await setUp();
		const site = await commands['site.create'].run(
			ctx,
			ALICE,
			{ name: 'acme.example.net', productIds: [] },
			yes
		);
		if (site.kind !== 'done' || site.value.change.type !== 'site.create') throw new Error('site');
		const words = confirmWords(
			'billing.makeMe',
			{ siteId: site.value.change.payload.siteId },
			'always',
			ctx.store.state,
			ALICE
		);
		expect(words.confirm).toBe('Make me billing contact');
		expect(words.body).toContain('every cloud license on acme.example.net');
		expect(words.body).toContain('only they can make themselves primary again');
	});

	it('C6/C7: names the person and why the change cannot be undone from here', async () => {
		const { ctx, license } = await setUp();
		const state = ctx.store.state;
		const self = { licenseId: license, role: 'technical' as const, accountId: ALICE };
		expect(confirmWords('contact.delete', self, 'no-undo', state, ALICE).body).toContain(
			'Remove yourself as a technical contact of Tessera Issues'
		);
		const promote = confirmWords('contact.makePrimary', self, 'no-undo', state, ALICE);
		expect(promote.body).toContain('Make yourself the primary technical contact');
		expect(promote.body).toContain('Alice Adams (alice@acme.com) is on another email domain');
	});
});
