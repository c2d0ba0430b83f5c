// Valid changes for sync tests, fixtures and the parse benchmark: every change type, store-like
// clocks and device ids, and `prev` chained as the store stamps it (X5). No vitest import, so
// the benchmark (run outside vitest) can use it too.
import { accountId, changeId, compareChanges, licenseId, productId, siteId } from '$lib/core';
import { organizationId, supportAccountId, supportRequestId } from '$lib/core';
import type { Change, DeviceId } from '$lib/core';
import { deviceId } from '$lib/core';
import { canonicalJson, changeHash, digestOfCanonical } from '$lib/log/digest';

export const T0 = 1_790_000_000_000;
export const NOW = T0 + 30 * 24 * 3_600_000;
export const DEVICE_A = deviceId('1111222233334444');
export const DEVICE_B = deviceId('aaaabbbbccccdddd');
export const PASSPHRASE = 'correct horse battery staple';
/** The least the reader accepts: tests use it to keep PBKDF2 fast. */
export const FAST = 100_000;

type Envelope = Omit<Change, 'type' | 'payload'>;

/** Change `n` of a device: one second apart, with a clock text like the store's. */
export function envelope(device: DeviceId, n: number, actor = accountId('a-alice')): Envelope {
	const at = T0 + n * 1000;
	return {
		id: changeId(`c-${device.slice(0, 4)}-${n}`),
		device,
		clock: `${new Date(at).toISOString()}-0000-${device}`,
		at,
		actor,
		prev: null
	};
}

/** Change types without secrets (S3), in the order `sample` cycles through them. */
export const V1_PLAIN_TYPES = [
	'account.create',
	'license.start',
	'site.create',
	'contact.add',
	'contact.makePrimary',
	'contact.delete',
	'billing.makeMe',
	'support.request',
	'handover',
	'renewal.remind',
	'account.updateProfile',
	'account.disableTwoStep',
	'account.useTotpStep',
	'account.delete'
] as const;

/** Then the types whose payloads always carry tokens, hashes or TOTP secrets. */
export const V1_SECRET_TYPES = [
	'account.verifyEmail',
	'account.resendVerification',
	'account.requestReset',
	'account.setPassword',
	'account.requestEmailChange',
	'account.confirmEmailChange',
	'account.enableTwoStep',
	'account.useRecoveryCode'
] as const;

// The frozen version-1 fixtures were written with the V1 lists; types added since (X6) come
// after them, so samples up to those lists' lengths stay what they were.
export const PLAIN_TYPES = [
	...V1_PLAIN_TYPES,
	'device.enroll',
	'organization.create',
	'organization.addAdmin',
	'organization.removeAdmin',
	'domain.remove',
	'organization.setPasswordPolicy',
	'organization.setTwoStepPolicy',
	'managed.changeEmail',
	'managed.changeName',
	'managed.deactivate',
	'managed.reactivate',
	'managed.delete',
	'managed.resetTwoStep',
	'organization.setSignIn',
	'directory.remove',
	'google.sync',
	'billing.setDetails',
	'license.renew',
	'customer.add',
	'customer.rename',
	'customer.remove',
	'customer.migrate',
	'productUser.add',
	'productUser.remove',
	'site.upgradeUsers',
	'appPassword.revoke',
	'appPassword.use',
	'supportAccount.add',
	'support.answer',
	'support.reply',
	'support.resolve',
	'support.reopen'
] as const;
/** domain.add and domain.verify carry a token hash (O1), so they are secret types (S3). */
export const SECRET_TYPES = [
	...V1_SECRET_TYPES,
	'account.setKeys',
	'domain.add',
	'domain.mailCheck',
	'domain.verify',
	'account.regenerateRecoveryCodes',
	'directory.put',
	'appPassword.create',
	'supportAccount.requestChange',
	'supportAccount.confirmChange'
] as const;

/** X6: a vault in the shape the security layer seals (never opened by sync tests). */
export const SAMPLE_VAULT = {
	v: 1,
	iterations: 600_000,
	salt: 'dmF1bHRzYWx0dmF1bHRzYQ',
	iv: 'aXZpdml2aXZpdml2',
	data: 'c2VhbGVk'
} as const;

/**
 * Change `n` of a device, its type cycling through PLAIN_TYPES (and SECRET_TYPES too when
 * `secrets`, with account.create then carrying a password hash and a verification token).
 */
export function sample(device: DeviceId, n: number, secrets = false): Change {
	const types = secrets ? [...PLAIN_TYPES, ...SECRET_TYPES] : PLAIN_TYPES;
	const type = types[n % types.length] ?? 'renewal.remind';
	const env = envelope(device, n);
	const lic = licenseId(`lic-${n % 7}`);
	const acc = accountId(`a-${n % 11}`);
	const org = organizationId(`o-${n % 3}`);
	const tokens = { token: `token-${n}`, tokenHash: `token-hash-${n}` };
	const hash = {
		alg: 'PBKDF2-SHA256',
		iterations: 600_000,
		salt: `s${n}`,
		hash: `h${n}`,
		length: 32
	};
	switch (type) {
		case 'account.create':
			return {
				...env,
				actor: null,
				type,
				payload: {
					accountId: accountId(`a-${device.slice(0, 4)}-${n}`),
					email: `person${n}@acme.com`,
					name: `Person ${n}`,
					mode: 'signup',
					source: 'password',
					...(secrets ? { passwordHash: hash, ...tokens } : {})
				}
			};
		case 'license.start':
			return {
				...env,
				type,
				payload: {
					licenseId: licenseId(`lic-${device.slice(0, 4)}-${n}`),
					sen: `SEN-${String(1_000_000 + n)}`,
					productId: productId('issues'),
					hosting: 'server',
					siteId: null,
					tier: 25,
					expiresAt: T0 + 365 * 86_400_000
				}
			};
		case 'site.create':
			return {
				...env,
				type,
				payload: {
					siteId: siteId(`site-${n}`),
					name: `site${n}.example.net`,
					productIds: [productId('issues'), productId('pages')]
				}
			};
		case 'contact.add':
			return {
				...env,
				type,
				payload: {
					licenseId: lic,
					role: 'technical',
					email: `new${n}@acme.com`,
					newAccount: { accountId: accountId(`a-new-${n}`), name: `New ${n}` }
				}
			};
		case 'contact.makePrimary':
			return { ...env, type, payload: { licenseId: lic, role: 'billing', accountId: acc } };
		case 'contact.delete':
			return { ...env, type, payload: { licenseId: lic, role: 'technical', accountId: acc } };
		case 'billing.makeMe':
			return { ...env, type, payload: { siteId: siteId(`site-${n % 5}`) } };
		case 'support.request':
			return {
				...env,
				type,
				payload: {
					requestId: supportRequestId(`req-${device.slice(0, 4)}-${n}`),
					licenseId: lic,
					subject: `Help with ${n}`,
					description: `Line one.\nLine two — with “quotes” and émoji 🎫 for #${n}.`
				}
			};
		case 'handover':
			return { ...env, type, payload: { from: acc, to: `heir${n}@acme.com` } };
		case 'renewal.remind':
			return { ...env, type, payload: {} };
		case 'account.updateProfile':
			return { ...env, type, payload: { accountId: acc, name: `Renamed ${n}`, avatar: null } };
		case 'account.disableTwoStep':
		case 'account.delete':
			return { ...env, type, payload: { accountId: acc } };
		case 'account.useTotpStep':
			return { ...env, type, payload: { accountId: acc, step: 59_666_666 + n } };
		case 'account.verifyEmail':
		case 'account.confirmEmailChange':
			return { ...env, type, payload: { accountId: acc, tokenHash: tokens.tokenHash } };
		case 'account.resendVerification':
			return { ...env, type, payload: { accountId: acc, ...tokens } };
		case 'account.requestReset':
			return { ...env, type, payload: { email: `p${n}@acme.com`, ...tokens, expiresAt: T0 + n } };
		case 'account.setPassword':
			return { ...env, type, payload: { accountId: acc, passwordHash: hash, reason: 'change' } };
		case 'account.requestEmailChange':
			return { ...env, type, payload: { accountId: acc, newEmail: `n${n}@acme.com`, ...tokens } };
		case 'account.enableTwoStep':
			return {
				...env,
				type,
				payload: {
					accountId: acc,
					totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
					recoveryCodeHashes: ['r1', 'r2', 'r3'],
					verifiedStep: 59_666_666
				}
			};
		case 'account.useRecoveryCode':
			return { ...env, type, payload: { accountId: acc, recoveryCodeHash: 'r1' } };
		case 'device.enroll':
			return {
				...env,
				type,
				payload: {
					accountId: acc,
					devicePublicKey: 'D'.repeat(43),
					accountPublicKey: 'A'.repeat(43),
					signature: 'S'.repeat(86)
				}
			};
		case 'account.setKeys':
			return {
				...env,
				type,
				payload: { accountId: acc, signingKey: 'A'.repeat(43), vault: SAMPLE_VAULT }
			};
		case 'organization.create':
			return { ...env, type, payload: { organizationId: org, name: `Org ${n}` } };
		case 'organization.addAdmin':
		case 'organization.removeAdmin':
			return { ...env, type, payload: { organizationId: org, accountId: acc } };
		case 'domain.add':
			return {
				...env,
				type,
				payload: { organizationId: org, domain: `d${n}.example.com`, tokenHash: tokens.tokenHash }
			};
		case 'domain.mailCheck':
			return {
				...env,
				type,
				payload: {
					organizationId: org,
					domain: `d${n}.example.com`,
					address: `admin@d${n}.example.com`,
					...tokens,
					expiresAt: env.at + 1
				}
			};
		case 'domain.verify':
			return {
				...env,
				type,
				payload: {
					organizationId: org,
					domain: `d${n}.example.com`,
					method: 'dns',
					tokenHash: tokens.tokenHash
				}
			};
		case 'domain.remove':
			return { ...env, type, payload: { organizationId: org, domain: `d${n}.example.com` } };
		case 'organization.setPasswordPolicy':
			return {
				...env,
				type,
				payload: {
					organizationId: org,
					minStrength: n % 5,
					minLength: 8 + (n % 57),
					maxAgeDays: n % 2 === 0 ? null : n % 3651
				}
			};
		case 'organization.setTwoStepPolicy':
			return { ...env, type, payload: { organizationId: org, required: n % 2 === 0 } };
		case 'account.regenerateRecoveryCodes':
			return { ...env, type, payload: { accountId: acc, recoveryCodeHashes: ['r4', 'r5', 'r6'] } };
		case 'managed.changeEmail':
			return {
				...env,
				type,
				payload: { organizationId: org, accountId: acc, email: `m${n}@d${n}.example.com` }
			};
		case 'managed.changeName':
			return { ...env, type, payload: { organizationId: org, accountId: acc, name: `Name ${n}` } };
		case 'managed.deactivate':
		case 'managed.reactivate':
		case 'managed.delete':
		case 'managed.resetTwoStep':
			return { ...env, type, payload: { organizationId: org, accountId: acc } };
		case 'organization.setSignIn':
			return { ...env, type, payload: { organizationId: org, provider: 'saml' } };
		case 'directory.put':
			return {
				...env,
				type,
				payload: {
					organizationId: org,
					email: `p${n}@d${n}.example.com`,
					name: `Person ${n}`,
					passwordHash: hash,
					groups: ['staff']
				}
			};
		case 'directory.remove':
			return { ...env, type, payload: { organizationId: org, email: `p${n}@d${n}.example.com` } };
		case 'google.sync':
			return { ...env, type, payload: { organizationId: org, groups: ['staff'] } };
		case 'billing.setDetails':
			return {
				...env,
				type,
				payload: { licenseId: lic, name: `Acme ${n}`, address: `${n} Main St\nTown`, taxId: '' }
			};
		case 'license.renew':
			return { ...env, type, payload: { licenseId: lic } };
		case 'customer.add':
		case 'customer.rename':
			return {
				...env,
				type,
				payload: {
					siteId: siteId(`site-${n % 5}`),
					email: `c${n}@d${n}.example.com`,
					name: `C ${n}`
				}
			};
		case 'customer.remove':
			return {
				...env,
				type,
				payload: { siteId: siteId(`site-${n % 5}`), email: `c${n}@d${n}.example.com` }
			};
		case 'customer.migrate':
			return {
				...env,
				type,
				payload: {
					siteId: siteId(`site-${n % 5}`),
					email: `c${n}@d${n}.example.com`,
					accountId: acc
				}
			};
		case 'productUser.add':
			return {
				...env,
				type,
				payload: {
					siteId: siteId(`site-${n % 5}`),
					email: `u${n}@d${n}.example.com`,
					name: `U ${n}`,
					productIds: [productId('issues')],
					bot: n % 2 === 0,
					usedOn: n % 2 === 0 ? [`other${n}.example.net`] : []
				}
			};
		case 'productUser.remove':
			return { ...env, type, payload: { siteId: siteId(`site-${n % 5}`), userId: `u-${n}` } };
		case 'site.upgradeUsers':
			return { ...env, type, payload: { siteId: siteId(`site-${n % 5}`) } };
		case 'appPassword.create':
			return {
				...env,
				type,
				payload: { name: `Bot ${n}`, siteId: siteId(`site-${n % 5}`), secretHash: 'A'.repeat(43) }
			};
		case 'appPassword.revoke':
		case 'appPassword.use':
			return { ...env, type, payload: { accountId: acc, entryId: `ap-${n}` } };
		case 'supportAccount.add':
			return {
				...env,
				type,
				payload: {
					supportAccountId: supportAccountId(`sa-${n}`),
					email: `legacy${n % 4}@acme.com`,
					name: `Legacy ${n}`
				}
			};
		case 'supportAccount.requestChange':
			return {
				...env,
				type,
				payload: {
					accountId: acc,
					email: `legacy${n % 4}@acme.com`,
					...tokens,
					expiresAt: env.at + 60_000
				}
			};
		case 'supportAccount.confirmChange':
			return {
				...env,
				type,
				payload: {
					accountId: acc,
					tokenHash: tokens.tokenHash,
					supportAccountId: supportAccountId(`sa-${n % 9}`)
				}
			};
		case 'support.answer':
		case 'support.resolve':
		case 'support.reopen':
			return {
				...env,
				type,
				payload: { licenseId: lic, requestId: supportRequestId(`req-${n % 5}`) }
			};
		case 'support.reply':
			return {
				...env,
				type,
				payload: {
					licenseId: lic,
					requestId: supportRequestId(`req-${n % 5}`),
					text: `Reply ${n}`
				}
			};
	}
}

/** Sets every `prev` as the store would: the hash of the device's previous change (X5). */
export function withChain(changes: readonly Change[]): Promise<Change[]> {
	const heads = new Map<string, string>();
	const chained: Change[] = [];
	for (const change of [...changes].sort(compareChanges)) {
		const linked: Change = { ...change, prev: heads.get(change.device) ?? null };
		heads.set(change.device, changeHash(linked));
		chained.push(linked);
	}
	return Promise.resolve(chained);
}

/** `count` chained sample changes, alternating between two devices. */
export async function sampleChanges(count: number, secrets = false): Promise<Change[]> {
	const changes = Array.from({ length: count }, (_, i) =>
		sample(i % 2 === 0 ? DEVICE_A : DEVICE_B, i, secrets)
	);
	return withChain(changes);
}

/**
 * A plain file around any list (valid or not), with a correct digest unless one is given:
 * for tests that need a file this app would never write.
 */
export function plainText(
	changes: readonly unknown[],
	over: Readonly<Record<string, unknown>> = {}
): Promise<string> {
	const digest = digestOfCanonical(changes.map(canonicalJson));
	return Promise.resolve(
		JSON.stringify({
			format: 'tessera-changes',
			version: 1,
			device: DEVICE_A,
			exportedAt: T0,
			kind: 'queue',
			digest,
			changes,
			...over
		})
	);
}
