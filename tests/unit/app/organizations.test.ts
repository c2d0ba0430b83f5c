// O1 through the command map: creating an organization, adding admins by email, adding a
// domain and verifying it by mail (the mail's link carries the token the core only keeps the
// hash of) or by its DNS TXT record looked up over DNS-over-HTTPS (fetch injected), and the
// answers a resolver can give. Removing a domain is always confirmed first (O2).
import { describe, expect, it } from 'vitest';
import { accountId, txtRecordOf } from '$lib/core';
import type { AccountId, OrganizationId } from '$lib/core';
import { commands } from '$lib/app/commands';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { checkDomainDns } from '$lib/app/organizations';
import { lookUpTxt, resolverUrl, txtText, txtValues } from '$lib/app/organizations/dns';
import { MemoryStore } from '$lib/store';
import { fakeHashPassword } from './fake-hash';
import { recordingHooks, signedUp } from './organization-helpers';

const NOW = Date.UTC(2030, 0, 1);
const ALICE = accountId('a-alice');
const BOB = accountId('a-bob');
const RESOLVER = 'https://dns.test/dns-query';

const hooks = recordingHooks;
const signUp = (ctx: AppContext, id: AccountId, email: string) => signedUp(ctx, id, email, NOW);

async function withDomain(): Promise<{ ctx: AppContext; org: OrganizationId }> {
	const ctx = createContext(new MemoryStore(), () => NOW, { hashPassword: fakeHashPassword });
	await signUp(ctx, ALICE, 'alice@acme.com');
	await signUp(ctx, BOB, 'bob@acme.com');
	const created = await commands['organization.create'].run(ctx, ALICE, { name: 'Acme' }, hooks());
	if (created.kind !== 'done') throw new Error('not created');
	const org = created.value.organizationId;
	const added = await commands['domain.add'].run(
		ctx,
		ALICE,
		{ organizationId: org, domain: 'ACME.com' },
		hooks()
	);
	expect(added.kind).toBe('done');
	return { ctx, org };
}

const entry = (ctx: AppContext, org: OrganizationId) =>
	ctx.store.state.organizations.get(org)?.domains[0];

/** A fetch that answers the DNS JSON `body` (or fails) and records what was asked. */
function fakeFetch(body: unknown, init: { status?: number; fail?: boolean } = {}) {
	const asked: string[] = [];
	const fetcher: typeof fetch = (input) => {
		asked.push(input instanceof URL ? input.href : input instanceof Request ? input.url : input);
		if (init.fail === true) return Promise.reject(new TypeError('Failed to fetch'));
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		return Promise.resolve(new Response(text, { status: init.status ?? 200 }));
	};
	return { fetcher, asked };
}

describe('O1: organization commands', () => {
	it('O1: creates an organization with the actor as admin; adds admins by email', async () => {
		const { ctx, org } = await withDomain();
		expect(ctx.store.state.organizations.get(org)?.admins).toEqual([ALICE]);
		const missing = await commands['organization.addAdmin'].run(
			ctx,
			ALICE,
			{ organizationId: org, email: 'nobody@acme.com' },
			hooks()
		);
		expect(missing).toMatchObject({ kind: 'refused', refusal: { code: 'no-such-account' } });
		const added = await commands['organization.addAdmin'].run(
			ctx,
			ALICE,
			{ organizationId: org, email: ' BOB@Acme.com ' },
			hooks()
		);
		expect(added.kind).toBe('done');
		expect(ctx.store.state.organizations.get(org)?.admins).toEqual([ALICE, BOB]);
	});

	it('O1: verify by mail: the link carries the token, the domain keeps its hash', async () => {
		const { ctx, org } = await withDomain();
		const sent = await commands['domain.mailCheck'].run(
			ctx,
			ALICE,
			{ organizationId: org, domain: 'acme.com', address: 'it@acme.com' },
			hooks()
		);
		expect(sent.kind).toBe('done');
		const mail = [...ctx.store.state.mail.values()].find((m) => m.kind === 'domain-check');
		const href = mail?.links[0]?.href ?? '';
		const token = new URL(href, 'https://app.test').searchParams.get('token') ?? '';
		expect(token.length).toBeGreaterThan(20);
		expect(entry(ctx, org)?.mailCheck?.tokenHash).not.toBe(token);
		const wrong = await commands['domain.verifyByMail'].run(
			ctx,
			ALICE,
			{ organizationId: org, domain: 'acme.com', token: 'not-it' },
			hooks()
		);
		expect(wrong).toMatchObject({ kind: 'refused', refusal: { code: 'invalid-token' } });
		const ok = await commands['domain.verifyByMail'].run(
			ctx,
			ALICE,
			{ organizationId: org, domain: 'acme.com', token },
			hooks()
		);
		expect(ok.kind).toBe('done');
		expect(entry(ctx, org)?.status).toBe('verified');
	});

	it('O1: verify by DNS when a TXT record holds the value; say what is missing otherwise', async () => {
		const { ctx, org } = await withDomain();
		const record = txtRecordOf(entry(ctx, org)?.tokenHash ?? '');
		const input = { organizationId: org, domain: 'acme.com', resolver: RESOLVER };

		const none = fakeFetch({ Status: 0, Answer: [{ type: 16, data: '"v=spf1 -all"' }] });
		expect(await checkDomainDns(ctx, ALICE, input, none.fetcher)).toEqual({
			ok: false,
			error: { code: 'dns-record-missing', record }
		});
		expect(none.asked[0]).toBe(`${RESOLVER}?name=acme.com&type=TXT`);

		const down = fakeFetch(null, { fail: true });
		expect(await checkDomainDns(ctx, ALICE, input, down.fetcher)).toMatchObject({
			ok: false,
			error: { code: 'dns-unreachable' }
		});
		const html = fakeFetch('<html>not dns</html>');
		expect(await checkDomainDns(ctx, ALICE, input, html.fetcher)).toMatchObject({
			error: { code: 'dns-bad-answer' }
		});
		const bad = { ...input, resolver: 'http://resolver.example/dns-query' };
		expect(await checkDomainDns(ctx, ALICE, bad, none.fetcher)).toMatchObject({
			error: { code: 'resolver-invalid' }
		});

		// A non-admin who finds the record is still refused by the rules (O1).
		const split = `"${record.slice(0, 10)}" "${record.slice(10)}"`;
		const found = fakeFetch({ Status: 0, Answer: [{ type: 16, data: split }] });
		expect(await checkDomainDns(ctx, BOB, input, found.fetcher)).toMatchObject({
			error: { code: 'not-organization-admin' }
		});
		expect(await checkDomainDns(ctx, ALICE, input, found.fetcher)).toMatchObject({ ok: true });
		expect(entry(ctx, org)?.status).toBe('verified');
		const last = [...ctx.store.state.organizations.values()][0];
		expect(last?.domains[0]?.verifiedAt).toBe(NOW);
	});

	it('O2: removing a domain is asked first; no means nothing changes', async () => {
		const { ctx, org } = await withDomain();
		const no = hooks(false);
		const input = { organizationId: org, domain: 'acme.com' };
		expect((await commands['domain.remove'].run(ctx, ALICE, input, no)).kind).toBe('cancelled');
		expect(no.asked).toEqual(['always']);
		expect(entry(ctx, org)).toBeDefined();
		expect((await commands['domain.remove'].run(ctx, ALICE, input, hooks())).kind).toBe('done');
		expect(entry(ctx, org)).toBeUndefined();
	});
});

describe('O1: DNS-over-HTTPS answers', () => {
	it('accepts https resolvers anywhere and http only on this computer', () => {
		expect(resolverUrl('https://cloudflare-dns.com/dns-query')?.href).toBe(
			'https://cloudflare-dns.com/dns-query'
		);
		expect(resolverUrl('http://127.0.0.1:5353/dns-query')).not.toBeNull();
		expect(resolverUrl('http://localhost:8053/q')).not.toBeNull();
		expect(resolverUrl('http://dns.example/q')).toBeNull();
		expect(resolverUrl('https://user:pw@dns.example/q')).toBeNull();
		expect(resolverUrl('javascript:alert(1)')).toBeNull();
		expect(resolverUrl('not a url')).toBeNull();
	});

	it('reads TXT data as DNS JSON gives it: quoted, possibly split, escapes undone', () => {
		expect(txtText('"abc"')).toBe('abc');
		expect(txtText('"ab" "cd"')).toBe('abcd');
		expect(txtText('"say \\"hi\\""')).toBe('say "hi"');
		expect(txtText('bare')).toBe('bare');
		expect(txtValues({ Status: 0 })).toEqual([]);
		expect(txtValues({ Status: 0, Answer: [{ type: 1, data: '1.2.3.4' }] })).toEqual([]);
		expect(txtValues({ Answer: [] })).toBeNull();
		expect(txtValues({ Status: 0, Answer: 'x' })).toBeNull();
		expect(txtValues([1])).toBeNull();
	});

	it('an answer too large or not ok is a bad answer', async () => {
		const url = new URL(RESOLVER);
		const huge = fakeFetch('x'.repeat(70_000));
		expect(await lookUpTxt(url, 'acme.com', huge.fetcher)).toEqual({ kind: 'bad-answer' });
		const refused = fakeFetch({ Status: 0 }, { status: 500 });
		expect(await lookUpTxt(url, 'acme.com', refused.fetcher)).toEqual({ kind: 'bad-answer' });
	});
});
