// X6: enrolling a device for an account. The signature inside the change is verified by the
// sync reader (it needs WebCrypto, which the core does not use); the rule checks what needs
// the projection: the actor is the account, the key it signed with is one of the account's,
// and a device has one key whatever account it enrolls for.
import type { Account, EnrolledDevice } from '../../model';
import { isPublicKey, requireSelf } from '../account-guards';
import type { DeviceEnroll } from '../account-types';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';

const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;

/** The key a device was enrolled with anywhere in the projection, or undefined. */
export function deviceKeyIn(accounts: Iterable<Account>, device: string): string | undefined {
	for (const account of accounts) {
		const found = account.devices?.find((d) => d.device === device);
		if (found !== undefined) return found.publicKey;
	}
	return undefined;
}

export function isEnrolled(account: Account, device: string): boolean {
	return account.devices?.some((d) => d.device === device) ?? false;
}

export function deviceEnroll(d: Draft, c: DeviceEnroll): Outcome {
	const p = c.payload;
	const self = requireSelf(d, p.accountId);
	if (!self.ok) return self;
	const account = self.value;
	if (!isPublicKey(p.devicePublicKey)) {
		return refuse('invalid-payload', { field: 'devicePublicKey' });
	}
	if (!SIGNATURE.test(p.signature)) return refuse('invalid-payload', { field: 'signature' });
	if (!(account.signingKeys ?? []).includes(p.accountPublicKey)) return refuse('unknown-key');
	const known = deviceKeyIn(d.state.accounts.values(), c.device);
	if (known !== undefined && known !== p.devicePublicKey) return refuse('device-key-mismatch');
	// Enrolled already (two tabs logging in at once): nothing to change.
	if (isEnrolled(account, c.device)) return done();
	const entry: EnrolledDevice = { device: c.device, publicKey: p.devicePublicKey, at: c.at };
	d.putAccount({ ...account, devices: [...(account.devices ?? []), entry] });
	return done();
}
