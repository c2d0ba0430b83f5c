// Fresh fake-indexeddb per test and small builders for store tests.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { accountId, changeId, licenseId, productId } from '$lib/core';
import type { AccountId } from '$lib/core';
import type { ChangeDraft } from '$lib/store/types';

let n = 0;

export function freshIndexedDb(): void {
	globalThis.indexedDB = new IDBFactory();
}

export const ALICE = accountId('a-alice');
export const BOB = accountId('a-bob');

export function signupDraft(id: AccountId, email: string, name = 'Someone'): ChangeDraft {
	return {
		id: changeId(`h-${++n}`),
		actor: null,
		type: 'account.create',
		payload: { accountId: id, email, name, mode: 'signup', source: 'password' }
	};
}

export function licenseDraft(actor: AccountId, id: string, sen: string): ChangeDraft {
	return {
		id: changeId(`h-${++n}`),
		actor,
		type: 'license.start',
		payload: {
			licenseId: licenseId(id),
			sen,
			productId: productId('issues'),
			hosting: 'server',
			siteId: null,
			tier: 25,
			expiresAt: 2_000_000_000_000
		}
	};
}

export function addDraft(actor: AccountId, license: string, email: string): ChangeDraft {
	return {
		id: changeId(`h-${++n}`),
		actor,
		type: 'contact.add',
		payload: { licenseId: licenseId(license), role: 'billing', email }
	};
}
