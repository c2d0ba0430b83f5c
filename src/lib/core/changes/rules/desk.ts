// A9: a site's service-desk customers, changed only by that site's admins.
import { normaliseEmail } from '../../domains';
import type { Refusal } from '../../errors';
import { customerMigrated } from '../../mail-desk';
import type { Account, DeskCustomer, Site } from '../../model';
import { ok } from '../../result';
import type { Result } from '../../result';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { MAX_NAME, requireActor, text } from '../guards';
import type { CustomerAdd, CustomerMigrate, CustomerRemove, CustomerRename } from '../types';

type Target = CustomerAdd['payload'] | CustomerRemove['payload'];

interface Desk {
	readonly actor: Account;
	readonly site: Site;
	readonly customers: readonly DeskCustomer[];
	readonly email: string;
	readonly emailKey: string;
}

/** S6, A9: an active actor who is an admin of the named site; a valid address. */
function requireDesk(d: Draft, p: Target): Result<Desk, Refusal> {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const site = d.site(p.siteId);
	if (site === undefined) return refuse('unknown-site', { id: p.siteId });
	if (!site.admins.includes(actor.value.id)) return refuse('not-site-admin');
	const address = normaliseEmail(p.email);
	if (address === null) return refuse('invalid-email');
	return ok({
		actor: actor.value,
		site,
		customers: site.customers ?? [],
		email: address.email,
		emailKey: address.key
	});
}

function findCustomer(desk: Desk): Result<DeskCustomer, Refusal> {
	const found = desk.customers.find((c) => c.emailKey === desk.emailKey);
	return found === undefined ? refuse('unknown-customer') : ok(found);
}

function without(desk: Desk): readonly DeskCustomer[] {
	return desk.customers.filter((c) => c.emailKey !== desk.emailKey);
}

export function customerAdd(d: Draft, c: CustomerAdd): Outcome {
	const desk = requireDesk(d, c.payload);
	if (!desk.ok) return desk;
	const name = text(c.payload.name, MAX_NAME);
	if (name === null) return refuse('name-required');
	if (findCustomer(desk.value).ok) return refuse('customer-exists');
	const { site, email, emailKey } = desk.value;
	const customer: DeskCustomer = { email, emailKey, name, addedAt: c.at };
	d.putSite({ ...site, customers: [...desk.value.customers, customer] });
	return done();
}

export function customerRename(d: Draft, c: CustomerRename): Outcome {
	const desk = requireDesk(d, c.payload);
	if (!desk.ok) return desk;
	const name = text(c.payload.name, MAX_NAME);
	if (name === null) return refuse('name-required');
	const found = findCustomer(desk.value);
	if (!found.ok) return found;
	const customers = desk.value.customers.map((x) => (x === found.value ? { ...x, name } : x));
	d.putSite({ ...desk.value.site, customers });
	return done();
}

export function customerRemove(d: Draft, c: CustomerRemove): Outcome {
	const desk = requireDesk(d, c.payload);
	if (!desk.ok) return desk;
	const found = findCustomer(desk.value);
	if (!found.ok) return found;
	d.putSite({ ...desk.value.site, customers: without(desk.value) });
	return done();
}

/** A9 with C4: an invited, unverified account (A4 gives it a password); the customer leaves. */
export function customerMigrate(d: Draft, c: CustomerMigrate): Outcome {
	const desk = requireDesk(d, c.payload);
	if (!desk.ok) return desk;
	const found = findCustomer(desk.value);
	if (!found.ok) return found;
	const { actor, site, emailKey } = desk.value;
	if (d.accountByEmailKey(emailKey) !== undefined) return refuse('email-taken');
	if (d.account(c.payload.accountId) !== undefined)
		return refuse('duplicate-id', { id: c.payload.accountId });
	const account: Account = {
		id: c.payload.accountId,
		email: found.value.email,
		emailKey,
		name: found.value.name,
		status: 'active',
		verified: false,
		source: 'password',
		invited: true,
		createdAt: c.at,
		secrets: {}
	};
	d.putAccount(account);
	d.putSite({ ...site, customers: without(desk.value) });
	d.send(account, customerMigrated(account, site, actor));
	return done();
}
