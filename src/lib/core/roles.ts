// Pure operations on one role's contacts (RoleContacts). Each keeps C2: a non-empty role has
// exactly one primary, and no account appears twice.
import type { AccountId } from './ids';
import type { ContactRole, License, RoleContacts } from './model';

/** Primary first, then secondaries in order. */
export function members(rc: RoleContacts): readonly AccountId[] {
	return rc === null ? [] : [rc.primary, ...rc.secondary];
}

export function holds(rc: RoleContacts, id: AccountId): boolean {
	return rc !== null && (rc.primary === id || rc.secondary.includes(id));
}

export function isPrimary(rc: RoleContacts, id: AccountId): boolean {
	return rc !== null && rc.primary === id;
}

/** C2: the first contact of an empty role becomes primary; later ones are secondary. */
export function addMember(rc: RoleContacts, id: AccountId): NonNullable<RoleContacts> {
	if (rc === null) return { primary: id, secondary: [] };
	if (holds(rc, id)) return rc;
	return { primary: rc.primary, secondary: [...rc.secondary, id] };
}

/** Makes `id` primary (adding it if needed); the old primary becomes the first secondary. */
export function promote(rc: RoleContacts, id: AccountId): NonNullable<RoleContacts> {
	if (rc === null) return { primary: id, secondary: [] };
	if (rc.primary === id) return rc;
	return { primary: id, secondary: [rc.primary, ...rc.secondary.filter((x) => x !== id)] };
}

/**
 * Removes a secondary contact. Removing the primary is only possible when it is the last
 * contact (the role becomes empty); with others present the caller must promote first (C7).
 */
export function removeMember(rc: RoleContacts, id: AccountId): RoleContacts {
	if (rc === null) return null;
	if (rc.primary === id) return rc.secondary.length === 0 ? null : rc;
	return { primary: rc.primary, secondary: rc.secondary.filter((x) => x !== id) };
}

export function roleOf(license: License, role: ContactRole): RoleContacts {
	return role === 'billing' ? license.billing : license.technical;
}

export function withRole(license: License, role: ContactRole, rc: RoleContacts): License {
	return role === 'billing' ? { ...license, billing: rc } : { ...license, technical: rc };
}
