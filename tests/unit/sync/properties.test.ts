/**
 * S3, S4: whatever valid changes a device holds (any type, any Unicode text up to the limits,
 * secrets or not), the file it writes reads back to exactly those changes, and planning the
 * same import twice finds nothing new the second time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	accountId,
	changeId,
	deviceId,
	licenseId,
	productId,
	siteId,
	supportRequestId
} from '$lib/core';
import type { Change } from '$lib/core';
import { formatClock } from '$lib/log/clock';
import { planImport } from '$lib/log/plan';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import { DEVICE_A, FAST, NOW, T0, withChain } from './helpers';

// `binary` units are code points, up to two UTF-16 units each: half the limit stays within it.
const text = (max: number) => fc.string({ maxLength: Math.floor(max / 2), unit: 'binary' });
const ident = fc.string({ minLength: 1, maxLength: 50, unit: 'binary' });
const role = fc.constantFrom('billing' as const, 'technical' as const);
const newAccount = fc.record({ accountId: ident.map(accountId), name: text(200) });
const count = fc.nat();
const tokenArb = fc.string({ minLength: 1, maxLength: 200 });
const passwordHash = fc.record({
	alg: fc.string({ minLength: 1, maxLength: 100 }),
	iterations: count,
	salt: tokenArb,
	hash: tokenArb,
	length: count
});
const acc = { accountId: ident.map(accountId) };

/** A payload arbitrary tagged with its change type. */
const tagged = <T extends string, P>(type: T, payload: fc.Arbitrary<P>) =>
	payload.map((p) => ({ type, payload: p }));

function body(withSecrets: boolean) {
	const signup = fc.record(
		{
			...acc,
			email: text(254),
			name: text(200),
			mode: fc.constantFrom('signup' as const, 'invited' as const),
			source: fc.constantFrom('password' as const, 'google' as const, 'saml' as const),
			passwordHash,
			token: tokenArb,
			tokenHash: tokenArb
		},
		{ requiredKeys: ['accountId', 'email', 'name', 'mode', 'source'] }
	);
	const contact = fc.record({ licenseId: ident.map(licenseId), role, ...acc });
	const plain = [
		tagged(
			'account.create',
			withSecrets ? signup : signup.map(({ passwordHash: _p, token: _t, tokenHash: _h, ...p }) => p)
		),
		tagged(
			'license.start',
			fc.record({
				licenseId: ident.map(licenseId),
				sen: text(100),
				productId: ident.map(productId),
				hosting: fc.constantFrom('server' as const, 'cloud' as const),
				siteId: fc.option(ident.map(siteId), { nil: null }),
				tier: count,
				expiresAt: fc.integer({ min: 0, max: 8.64e15 })
			})
		),
		tagged(
			'site.create',
			fc.record({
				siteId: ident.map(siteId),
				name: text(253),
				productIds: fc.array(ident.map(productId), { maxLength: 5 })
			})
		),
		tagged(
			'contact.add',
			fc.record(
				{ licenseId: ident.map(licenseId), role, email: text(254), newAccount },
				{ requiredKeys: ['licenseId', 'role', 'email'] }
			)
		),
		tagged('contact.makePrimary', contact),
		tagged('contact.delete', contact),
		tagged('billing.makeMe', fc.record({ siteId: ident.map(siteId) })),
		tagged(
			'support.request',
			fc.record({
				requestId: ident.map(supportRequestId),
				licenseId: ident.map(licenseId),
				subject: text(200),
				description: text(10_000)
			})
		),
		tagged(
			'handover',
			fc.record(
				{ from: ident.map(accountId), to: text(254), newAccount },
				{ requiredKeys: ['from', 'to'] }
			)
		),
		tagged('renewal.remind', fc.constant({})),
		tagged(
			'account.updateProfile',
			fc.record(
				{ ...acc, name: text(200), avatar: fc.option(text(2_000), { nil: null }) },
				{ requiredKeys: ['accountId'] }
			)
		),
		tagged('account.disableTwoStep', fc.record(acc)),
		tagged('account.useTotpStep', fc.record({ ...acc, step: count })),
		tagged('account.delete', fc.record(acc))
	] as const;
	const secret = [
		tagged('account.verifyEmail', fc.record({ ...acc, tokenHash: tokenArb })),
		tagged(
			'account.resendVerification',
			fc.record({ ...acc, token: tokenArb, tokenHash: tokenArb })
		),
		tagged(
			'account.requestReset',
			fc.record({ email: text(254), token: tokenArb, tokenHash: tokenArb, expiresAt: count })
		),
		tagged(
			'account.setPassword',
			fc.record(
				{
					...acc,
					passwordHash,
					reason: fc.constantFrom('reset' as const, 'change' as const, 'first' as const),
					resetTokenHash: tokenArb
				},
				{ requiredKeys: ['accountId', 'passwordHash', 'reason'] }
			)
		),
		tagged(
			'account.requestEmailChange',
			fc.record({ ...acc, newEmail: text(254), token: tokenArb, tokenHash: tokenArb })
		),
		tagged('account.confirmEmailChange', fc.record({ ...acc, tokenHash: tokenArb })),
		tagged(
			'account.enableTwoStep',
			fc.record({
				...acc,
				totpSecret: tokenArb,
				recoveryCodeHashes: fc.array(tokenArb, { maxLength: 50 }),
				verifiedStep: count
			})
		),
		tagged('account.useRecoveryCode', fc.record({ ...acc, recoveryCodeHash: tokenArb }))
	] as const;
	return withSecrets ? fc.oneof(...plain, ...secret) : fc.oneof(...plain);
}

// X7: a clock is the store's text for its own device and time, so the clock is made from them.
const DEVICES = ['1111222233334444', 'aaaabbbbccccdddd', '0000000000000000'].map(deviceId);

function changes(withSecrets: boolean): fc.Arbitrary<Change[]> {
	const one = fc.record({
		device: fc.constantFrom(...DEVICES),
		counter: fc.integer({ min: 0, max: 0xffff }),
		at: fc.integer({ min: 0, max: NOW }),
		actor: fc.option(ident.map(accountId), { nil: null }),
		body: body(withSecrets)
	});
	return fc.array(one, { maxLength: 25 }).map((items) =>
		items.map(({ body: b, counter, ...env }, i): Change => ({
			id: changeId(`c-${i}`),
			prev: null,
			clock: formatClock({ millis: env.at, counter }, env.device),
			...env,
			...b
		}))
	);
}

async function roundTrip(list: readonly Change[], passphrase?: string) {
	const chained = await withChain(list);
	const built = await buildSyncFile({
		device: DEVICE_A,
		exportedAt: T0,
		kind: 'full',
		changes: chained,
		...(passphrase === undefined ? {} : { passphrase, iterations: FAST })
	});
	if (!built.ok) return expect.fail(`build: ${JSON.stringify(built.error)}`);
	const read = await readSyncFile(built.file.text, { now: NOW, passphrase });
	if (!read.ok) return expect.fail(`read: ${JSON.stringify(read.error)}`);
	expect(read.file.changes).toEqual(chained);
	expect(read.file.encrypted).toBe(passphrase !== undefined);
	return read.file.changes;
}

describe('buildSyncFile → readSyncFile', () => {
	it('round-trips any valid changes without secrets, in clear', async () => {
		await fc.assert(
			fc.asyncProperty(changes(false), async (list) => {
				const read = await roundTrip(list);
				const log = new Map<string, Change>(read.map((c) => [c.id, c]));
				const again = planImport(read, { get: (id) => log.get(id), latestClock: null });
				expect(again.fresh).toEqual([]);
				expect(again.duplicates).toBe(read.length);
			}),
			{ numRuns: 40 }
		);
	});

	it('round-trips any valid changes with secrets, encrypted', async () => {
		await fc.assert(
			fc.asyncProperty(
				changes(true),
				fc.string({ minLength: 8, maxLength: 20, unit: 'binary' }),
				async (list, passphrase) => {
					await roundTrip(list, passphrase);
				}
			),
			{ numRuns: 4 }
		);
	});
});
