// Simulated purchases and sites (C0), support requests (C9) and renewal reminders (C9/C12).
import { can, rolesOn } from '../../capabilities';
import { findProduct, monthlyEstimate } from '../../catalog';
import { normaliseDomain } from '../../domains';
import { mailId } from '../../ids';
import type { ProductId } from '../../ids';
import { renewalReminder, supportReceived } from '../../mail';
import type { License, Site, SupportRequest } from '../../model';
import { members } from '../../roles';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { MAX_DESCRIPTION, MAX_SUBJECT, requireActor, requireContactOf, text } from '../guards';
import { supportAccountFor } from './support-link';
import type { LicenseStart, RenewalRemind, SiteCreate, SupportRequestChange } from '../types';

const SEN = /^SEN-[0-9]{7,12}$/;
export const RENEWAL_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** C0: any account buys a license and becomes its first billing and technical contact. */
export function licenseStart(d: Draft, c: LicenseStart): Outcome {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const p = c.payload;
	if (d.license(p.licenseId) !== undefined) return refuse('duplicate-id', { id: p.licenseId });
	const product = findProduct(p.productId);
	if (product === undefined) return refuse('unknown-product', { id: p.productId });
	if (!SEN.test(p.sen)) return refuse('invalid-payload', { field: 'sen' });
	if (d.state.licenseIdBySen.has(p.sen)) return refuse('duplicate-sen', { id: p.sen });
	if (!product.tiers.includes(p.tier)) return refuse('invalid-payload', { field: 'tier' });
	if (!Number.isFinite(p.expiresAt)) return refuse('invalid-payload', { field: 'expiresAt' });
	if (p.hosting === 'server' && p.siteId !== null) {
		return refuse('invalid-payload', { field: 'siteId' });
	}
	if (p.hosting === 'cloud') {
		if (p.siteId === null) return refuse('invalid-payload', { field: 'siteId' });
		const site = d.site(p.siteId);
		if (site === undefined) return refuse('unknown-site', { id: p.siteId });
		if (!site.admins.includes(actor.value.id)) return refuse('not-site-admin');
		// Buying a cloud product puts it on the site.
		if (!site.productIds.includes(product.id)) {
			d.putSite({ ...site, productIds: [...site.productIds, product.id] });
		}
	}
	const first = { primary: actor.value.id, secondary: [] };
	const license: License = {
		id: p.licenseId,
		sen: p.sen,
		productId: product.id,
		hosting: p.hosting,
		siteId: p.hosting === 'cloud' ? p.siteId : null,
		tier: p.tier,
		expiresAt: p.expiresAt,
		billing: first,
		technical: first,
		supportRequests: [],
		createdAt: c.at
	};
	d.putLicense(license);
	return done();
}

/** C0: creating a cloud site makes its creator a site admin. */
export function siteCreate(d: Draft, c: SiteCreate): Outcome {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const p = c.payload;
	if (d.site(p.siteId) !== undefined) return refuse('duplicate-id', { id: p.siteId });
	const name = normaliseDomain(p.name);
	if (name === null) return refuse('invalid-payload', { field: 'name' });
	if (d.state.siteIdByName.has(name)) return refuse('site-name-taken');
	const productIds: ProductId[] = [];
	for (const id of p.productIds) {
		const product = findProduct(id);
		if (product === undefined) return refuse('unknown-product', { id });
		if (!productIds.includes(product.id)) productIds.push(product.id);
	}
	const site: Site = { id: p.siteId, name, productIds, admins: [actor.value.id], createdAt: c.at };
	d.putSite(site);
	return done();
}

/**
 * C9: a technical contact files a support request, kept with the license. C15: filed under the
 * requester's linked support account (A10), made on first use; it starts open, with an empty
 * thread.
 */
export function supportRequest(d: Draft, c: SupportRequestChange): Outcome {
	const p = c.payload;
	const contact = requireContactOf(d, p.licenseId);
	if (!contact.ok) return contact;
	const { actor, license, roles } = contact.value;
	if (!can(roles, 'request-support')) return refuse('not-technical-contact');
	if (license.supportRequests.some((r) => r.id === p.requestId)) {
		return refuse('duplicate-id', { id: p.requestId });
	}
	const subject = text(p.subject, MAX_SUBJECT);
	if (subject === null) return refuse('invalid-payload', { field: 'subject' });
	const description = text(p.description, MAX_DESCRIPTION);
	if (description === null) return refuse('invalid-payload', { field: 'description' });
	const filed = supportAccountFor(d, actor);
	if (!filed.ok) return filed;
	const request: SupportRequest = {
		id: p.requestId,
		licenseId: license.id,
		by: actor.id,
		subject,
		description,
		at: c.at,
		supportAccountId: filed.value.id,
		status: 'open',
		thread: []
	};
	d.putLicense({
		...license,
		supportRequests: [...license.supportRequests, request]
	});
	d.send(actor, supportReceived(actor, license, subject, description));
	return done();
}

/**
 * Renewal quotes to the billing contacts (C12 "receive quotes …") of every license expiring
 * within 30 days. Mail ids name license, expiry and recipient, so the same reminder made on
 * two devices is filed once. Never refused: with nothing due it does nothing.
 */
export function renewalRemind(d: Draft, c: RenewalRemind): Outcome {
	for (const license of d.state.licenses.values()) {
		if (license.expiresAt < c.at || license.expiresAt > c.at + RENEWAL_WINDOW_MS) continue;
		const site = d.site(license.siteId);
		for (const id of members(license.billing)) {
			const account = d.account(id);
			if (account?.status !== 'active') continue;
			if (!can(rolesOn(license, site, id), 'receive-billing-mail')) continue;
			const mail = mailId(`renewal:${license.id}:${license.expiresAt}:${id}`);
			if (d.hasMail(mail)) continue;
			d.send(account, renewalReminder(account, license, monthlyEstimate(license)), mail);
		}
	}
	return done();
}
