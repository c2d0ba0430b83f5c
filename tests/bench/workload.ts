// A deterministic workload of valid changes for the benchmarks: people on one company
// domain, licenses they start, then rounds of add → make primary → promote back → delete →
// support request on each license. Every draft is accepted by the rules.
import { accountId, changeId, licenseId, productId, supportRequestId } from '$lib/core';
import type { AccountId, LicenseId } from '$lib/core';
import type { ChangeDraft } from '$lib/store/types';

const PRODUCTS = ['issues', 'pages', 'repos', 'desk', 'chat'];

export function workload(total: number, people = 2_000, licenses = 1_000): ChangeDraft[] {
	const drafts: ChangeDraft[] = [];
	let n = 0;
	const id = () => changeId(`w-${n++}`);
	const who = (i: number): AccountId => accountId(`p-${i}`);
	for (let i = 0; i < people && drafts.length < total; i++) {
		drafts.push({
			id: id(),
			actor: null,
			type: 'account.create',
			payload: {
				accountId: who(i),
				email: `person${i}@acme.com`,
				name: `Person ${i}`,
				mode: 'signup',
				source: 'password'
			}
		});
	}
	const lic = (i: number): LicenseId => licenseId(`l-${i}`);
	for (let i = 0; i < licenses && drafts.length < total; i++) {
		drafts.push({
			id: id(),
			actor: who(i % people),
			type: 'license.start',
			payload: {
				licenseId: lic(i),
				sen: `SEN-${String(1_000_000 + i)}`,
				productId: productId(PRODUCTS[i % PRODUCTS.length] ?? 'issues'),
				hosting: 'server',
				siteId: null,
				tier: 25,
				expiresAt: 4_000_000_000_000
			}
		});
	}
	for (let round = 0; drafts.length < total; round++) {
		for (let i = 0; i < licenses && drafts.length < total; i++) {
			const owner = who(i % people);
			const guest = who((i + 1 + round) % people);
			if (guest === owner) continue;
			const license = lic(i);
			const role = round % 2 === 0 ? 'billing' : 'technical';
			const steps: ChangeDraft[] = [
				{
					id: id(),
					actor: owner,
					type: 'contact.add',
					payload: { licenseId: license, role, email: `person${(i + 1 + round) % people}@acme.com` }
				},
				{
					id: id(),
					actor: owner,
					type: 'contact.makePrimary',
					payload: { licenseId: license, role, accountId: guest }
				},
				{
					id: id(),
					actor: owner,
					type: 'contact.makePrimary',
					payload: { licenseId: license, role, accountId: owner }
				},
				{
					id: id(),
					actor: owner,
					type: 'contact.delete',
					payload: { licenseId: license, role, accountId: guest }
				},
				{
					id: id(),
					actor: owner,
					type: 'support.request',
					payload: {
						requestId: supportRequestId(`r-${n}`),
						licenseId: license,
						subject: 'Cannot log in',
						description: 'Round ' + String(round)
					}
				}
			];
			for (const step of steps) if (drafts.length < total) drafts.push(step);
		}
	}
	return drafts;
}
