// Builds the billing record changes (C14) for tests, on top of a ChangeFactory so clock order
// stays creation order.
import type { AccountId, ChangeOf, LicenseId } from '$lib/core';
import type { ChangeFactory } from './factories';

type Actor = AccountId | null;

export const ACME_DETAILS = {
	name: 'Acme Corporation',
	address: '1 Main Street\n1000 Springfield',
	taxId: 'EU123456789'
} as const;

export class BillingChanges {
	constructor(private readonly f: ChangeFactory) {}

	details(
		actor: Actor,
		license: LicenseId,
		details: { name: string; address: string; taxId: string } = ACME_DETAILS
	): ChangeOf<'billing.setDetails'> {
		return {
			...this.f.envelope(actor),
			type: 'billing.setDetails',
			payload: { licenseId: license, ...details }
		};
	}

	renew(actor: Actor, license: LicenseId, at?: number): ChangeOf<'license.renew'> {
		return {
			...this.f.envelope(actor, at),
			type: 'license.renew',
			payload: { licenseId: license }
		};
	}
}
