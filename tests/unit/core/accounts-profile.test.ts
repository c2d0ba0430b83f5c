// A5 (display name, avatar, email change with confirmation) and A7 (the provider's name).
import { describe, expect, it } from 'vitest';
import { MAX_AVATAR, accountId, mailbox } from '$lib/core';
import { AccountChanges } from './account-factory';
import { A, accept, build, refusal, world } from './factories';
import { O1, providerSignup } from './organization-factory';

const PNG =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('A5: name and avatar', () => {
	it('A5: the holder changes name and avatar; omitted fields stay; null removes the avatar', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const named = build([a.profile(A.bob, A.bob, { name: '  Robert  ', avatar: PNG })], state);
		expect(named.accounts.get(A.bob)).toMatchObject({ name: 'Robert', avatar: PNG });
		const cleared = build([a.profile(A.bob, A.bob, { avatar: null })], named);
		expect(cleared.accounts.get(A.bob)).toMatchObject({ name: 'Robert', avatar: null });
		expect(accept(cleared, a.profile(A.bob, A.bob, {})).effects).toEqual([]);
	});

	it('A5: a blank name is name-required; an avatar must be a small raster data: URL', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		expect(refusal(state, a.profile(A.bob, A.bob, { name: ' ' })).code).toBe('name-required');
		const bad = (avatar: string) => refusal(state, a.profile(A.bob, A.bob, { avatar }));
		const svg = 'data:image/svg+xml;base64,PHN2Zy8+';
		expect(bad(svg)).toEqual({ code: 'invalid-payload', field: 'avatar' });
		expect(bad('https://example.com/a.png').code).toBe('invalid-payload');
		const huge = `data:image/png;base64,${'A'.repeat(MAX_AVATAR)}`;
		expect(bad(huge).code).toBe('invalid-payload');
	});

	it('A7: an identity-provider account keeps its name (managed-by-idp), but may set an avatar', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const s = accountId('sam');
		const sam = { id: s, email: 'sam@acme.com', name: 'Sam', source: 'saml' } as const;
		const next = build(providerSignup(f, sam, { admin: A.alice, org: O1, create: true }), state);
		expect(refusal(next, a.profile(s, s, { name: 'Samuel' })).code).toBe('managed-by-idp');
		accept(next, a.profile(s, s, { name: 'Sam', avatar: PNG }));
	});
});

describe('A5: email change', () => {
	it('A5: a request mails the new address and changes nothing until confirmed', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const { state: next, mail } = accept(
			state,
			a.requestEmail(A.bob, A.bob, 'Rob@Other.org', 'e1')
		);
		expect(mail.map((m) => [m.kind, m.toKey, m.links[0]?.href])).toEqual([
			['confirm-email', 'rob@other.org', '/confirm-email?token=e1']
		]);
		expect(next.accounts.get(A.bob)).toMatchObject({
			email: 'bob@acme.com',
			emailKey: 'bob@acme.com'
		});
		expect(next.accounts.get(A.bob)?.secrets.pendingEmail?.emailKey).toBe('rob@other.org');
		expect(next.accountIdByEmailKey.has('rob@other.org')).toBe(false);
	});

	it('A5: confirming moves the account, frees the old address and tells it', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const pending = build([a.requestEmail(A.bob, A.bob, 'Rob@Other.org', 'e1')], state);
		const { state: next, mail } = accept(pending, a.confirmEmail(A.bob, A.bob, 'e1'));
		expect(next.accounts.get(A.bob)).toMatchObject({
			email: 'Rob@Other.org',
			emailKey: 'rob@other.org',
			verified: true
		});
		expect(next.accounts.get(A.bob)?.secrets.pendingEmail).toBeNull();
		expect(next.accountIdByEmailKey.get('rob@other.org')).toBe(A.bob);
		expect(next.accountIdByEmailKey.has('bob@acme.com')).toBe(false);
		expect(mail.map((m) => [m.kind, m.toKey])).toEqual([['email-changed', 'bob@acme.com']]);
		expect(mailbox(next, 'bob@acme.com').map((m) => m.kind)).toContain('email-changed');
		accept(next, f.signup(accountId('bob-2'), 'bob@acme.com', 'Another Bob'));
	});

	it('A5: refusals: same address, bad address, address in use, wrong or no token', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		expect(refusal(state, a.requestEmail(A.bob, A.bob, 'BOB@acme.com', 't'))).toEqual({
			code: 'invalid-payload',
			field: 'newEmail'
		});
		expect(refusal(state, a.requestEmail(A.bob, A.bob, 'bob@', 't')).code).toBe('invalid-email');
		expect(refusal(state, a.requestEmail(A.bob, A.bob, 'carol@gmail.com', 't')).code).toBe(
			'email-taken'
		);
		expect(refusal(state, a.confirmEmail(A.bob, A.bob, 't')).code).toBe('invalid-token');
		const pending = build([a.requestEmail(A.bob, A.bob, 'rob@other.org', 'e1')], state);
		expect(refusal(pending, a.confirmEmail(A.bob, A.bob, 'e2')).code).toBe('invalid-token');
	});

	it('A5: a newer request replaces the pending one', () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const twice = build(
			[
				a.requestEmail(A.bob, A.bob, 'one@other.org', 'e1'),
				a.requestEmail(A.bob, A.bob, 'two@other.org', 'e2')
			],
			state
		);
		expect(refusal(twice, a.confirmEmail(A.bob, A.bob, 'e1')).code).toBe('invalid-token');
		const { state: next } = accept(twice, a.confirmEmail(A.bob, A.bob, 'e2'));
		expect(next.accounts.get(A.bob)?.emailKey).toBe('two@other.org');
	});

	it("A5/A8: a deleted account's address is free to move to", () => {
		const { f, state } = world();
		const a = new AccountChanges(f);
		const gone = build([a.delete(A.gina, A.gina)], state);
		const pending = build([a.requestEmail(A.bob, A.bob, 'gina@gmail.com', 'e1')], gone);
		const { state: next } = accept(pending, a.confirmEmail(A.bob, A.bob, 'e1'));
		expect(next.accountIdByEmailKey.get('gina@gmail.com')).toBe(A.bob);
	});
});
