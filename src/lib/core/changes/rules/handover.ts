// C11: one person replaces another on every license the actor can manage, in one change,
// applying C4–C8 to each role and reporting per license what happened.
import { can } from '../../capabilities';
import { handoverAdded, handoverRemoved } from '../../mail';
import type { HandoverLine } from '../../mail';
import type { Account, License } from '../../model';
import { CONTACT_ROLES } from '../../model';
import { addMember, holds, promote, removeMember, roleOf, withRole } from '../../roles';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { domainCheck, requireActor, resolvePerson, rolesIn } from '../guards';
import type { Handover, HandoverEntry } from '../types';

type RoleOutcome = HandoverEntry['roles'][number];

export function handover(d: Draft, c: Handover): Outcome {
	const actor = requireActor(d);
	if (!actor.ok) return actor;
	const p = c.payload;
	const from = d.account(p.from);
	if (from === undefined) return refuse('unknown-account', { id: p.from });
	const person = resolvePerson(d, p.to, p.newAccount);
	if (!person.ok) return person;
	const to = person.value.account;
	if (to.id === from.id) return refuse('same-account');

	// Sorted, so the report and the mail read the same on every device.
	const licenses: License[] = [];
	for (const id of d.state.licenseIdsByAccount.get(from.id) ?? []) {
		const license = d.license(id);
		if (license !== undefined) licenses.push(license);
	}
	licenses.sort((a, b) => (a.sen < b.sen ? -1 : 1));

	const entries: HandoverEntry[] = [];
	const added: HandoverLine[] = [];
	const removed: HandoverLine[] = [];
	for (const license of licenses) {
		const roles = rolesIn(d, license, actor.value);
		// Licenses the actor cannot see are none of their business, nor of the report's (C3).
		if (roles.size === 0) continue;
		if (!can(roles, 'manage-contacts')) {
			entries.push({
				licenseId: license.id,
				sen: license.sen,
				outcome: 'skipped',
				reason: 'not-allowed',
				roles: []
			});
			continue;
		}
		let next = license;
		const outcomes: RoleOutcome[] = [];
		for (const role of CONTACT_ROLES) {
			if (!holds(roleOf(next, role), from.id)) continue;
			if (!holds(roleOf(next, role), to.id)) {
				next = withRole(next, role, addMember(roleOf(next, role), to.id));
			}
			if (roleOf(next, role)?.primary === from.id) {
				// C5 for someone else; C6 when the actor hands over to themselves.
				if (actor.value.id !== to.id && domainCheck(to, from, role) !== null) {
					outcomes.push({ role, outcome: 'added-needs-self-promotion' });
					added.push({ license: next, role, needsSelfPromotion: true });
					continue;
				}
				// `from` leaves the role just below, and hears about it in one mail for all.
				next = withRole(next, role, promote(roleOf(next, role), to.id));
			}
			next = withRole(next, role, removeMember(roleOf(next, role), from.id));
			outcomes.push({ role, outcome: 'replaced' });
			if (!holds(roleOf(license, role), to.id)) {
				added.push({ license: next, role, needsSelfPromotion: false });
			}
			removed.push({ license: next, role, needsSelfPromotion: false });
		}
		d.putLicense(next);
		const pending = outcomes.some((o) => o.outcome === 'added-needs-self-promotion');
		entries.push({
			licenseId: license.id,
			sen: license.sen,
			outcome: pending ? 'added-needs-self-promotion' : 'replaced',
			reason: pending ? 'primary-domain-mismatch' : null,
			roles: outcomes
		});
	}
	if (!entries.some((e) => e.outcome !== 'skipped')) return refuse('nothing-to-hand-over');
	mailBoth(d, actor.value, from, to, added, removed, person.value.created);
	return done({ from: from.id, to: to.id, entries });
}

function mailBoth(
	d: Draft,
	by: Account,
	from: Account,
	to: Account,
	added: readonly HandoverLine[],
	removed: readonly HandoverLine[],
	created: boolean
): void {
	if (added.length > 0) d.send(to, handoverAdded(to, by, added, created));
	if (removed.length > 0) d.send(from, handoverRemoved(from, by, to, removed));
}
