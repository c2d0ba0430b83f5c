// Organization steps the app-level tests share (O1), run through the real command map: hooks
// that record what was asked, a signed-up account committed directly, and an organization whose
// domain is verified the offline way, through the mailed link.
import { expect, vi } from 'vitest';
import { changeId } from '$lib/core';
import type { AccountId, OrganizationId } from '$lib/core';
import type { Hooks } from '$lib/app/command-types';
import { commands } from '$lib/app/commands';
import type { AppContext } from '$lib/app/context';

/** Hooks that answer every confirmation with `answer` and keep the reasons asked. */
export function recordingHooks(answer = true): Hooks & { asked: string[] } {
	const asked: string[] = [];
	return {
		asked,
		confirm: (reason) => {
			asked.push(reason);
			return Promise.resolve(answer);
		},
		progress: vi.fn()
	};
}

/** A signed-up password account with that id and address (A1), committed at `at`. */
export async function signedUp(
	ctx: AppContext,
	id: AccountId,
	email: string,
	at: number
): Promise<void> {
	const done = await ctx.store.commit(
		{
			id: changeId(`c-${id}`),
			actor: null,
			type: 'account.create',
			payload: { accountId: id, email, name: email, mode: 'signup', source: 'password' }
		},
		at
	);
	expect(done.ok).toBe(true);
}

/**
 * O1: `admin` creates the organization and verifies `domain` by the mail to it@<domain>,
 * following the mailed link; answers the organization's id.
 */
export async function verifiedOrganization(
	ctx: AppContext,
	admin: AccountId,
	domain = 'acme.com',
	name = 'Acme'
): Promise<OrganizationId> {
	const hooks = recordingHooks();
	const created = await commands['organization.create'].run(ctx, admin, { name }, hooks);
	if (created.kind !== 'done') throw new Error('not created');
	const org = created.value.organizationId;
	const ref = { organizationId: org, domain };
	await commands['domain.add'].run(ctx, admin, ref, hooks);
	await commands['domain.mailCheck'].run(ctx, admin, { ...ref, address: `it@${domain}` }, hooks);
	const mail = [...ctx.store.state.mail.values()].find(
		(m) => m.kind === 'domain-check' && m.to === `it@${domain}`
	);
	const href = mail?.links[0]?.href ?? '';
	const token = new URL(href, 'https://app.test').searchParams.get('token') ?? '';
	const verified = await commands['domain.verifyByMail'].run(ctx, admin, { ...ref, token }, hooks);
	expect(verified.kind).toBe('done');
	return org;
}
