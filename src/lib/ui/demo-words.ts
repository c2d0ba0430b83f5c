// Words for the Demo page (P3, P4): what a load did, its progress, the reset, and how to log in
// as each kind of person the demo makes.
import type { Progress } from '$lib/app/command-types';
import type { DemoResult } from '$lib/app/demo';
import { demoPerson } from '$lib/core/demo-data';
import type { DemoPerson } from '$lib/core/demo-data';
import { DEMO_FABRIKAM, DEMO_LITWARE } from '$lib/core/demo-organizations';
import type { DemoOrganization } from '$lib/core/demo-organizations';
import type { Announcement } from './announcement';
import { formatCount } from './format';
import { describeRefusal } from './refusals';

export function demoLoadedWords(result: DemoResult, ms: number): Announcement {
	switch (result.kind) {
		case 'already-loaded':
			return {
				text: 'The demo data is loaded already. Reset first to load it again.',
				tone: 'info'
			};
		case 'emails-taken':
			return {
				text: `Accounts made outside the demo use ${result.emails.join(', ')}. Reset first.`,
				tone: 'error'
			};
		case 'loaded': {
			const [first] = result.refused;
			if (first !== undefined) {
				return {
					text:
						`Demo data loaded with problems: ${formatCount(result.refused.length)} changes ` +
						`were refused (${describeRefusal(first)}).`,
					tone: 'error'
				};
			}
			return {
				text:
					`Demo data loaded in ${(ms / 1000).toFixed(1)} s (${formatCount(result.changes)} ` +
					'changes). Log in as one of the demo accounts below.',
				tone: 'success'
			};
		}
	}
}

/** P4: the demo load's two phases (app/demo.ts DemoPhase): hashing, then writing. */
export function demoProgressWords(p: Progress): string {
	return p.phase === 'password'
		? 'Hashing the demo password…'
		: `Writing changes: ${formatCount(p.done)} of ${formatCount(p.total)}`;
}

export const RESET_DONE_WORDS = 'Everything Tessera stored on this device was removed.';

/** P3: one kind of person to log in as, for the Demo page's "How to log in". */
export interface DemoLoginKind {
	readonly title: string;
	readonly person: DemoPerson;
	readonly how: string;
}

/** P3: how to log in as each kind of person the demo makes (every one uses DEMO_PASSWORD). */
export function demoLoginKinds(): readonly DemoLoginKind[] {
	const fabrikam = DEMO_FABRIKAM;
	const litware = DEMO_LITWARE;
	return [
		{
			title: 'An unmanaged account',
			person: demoPerson('olivia'),
			how:
				'Log in with the demo password. No organization verified northwind.example, so nobody ' +
				'manages the account and nothing else is asked.'
		},
		{
			title: `The admin of ${fabrikam.name}`,
			person: demoPerson('grace'),
			how:
				'Log in with the demo password (her own domain is not verified, so she is not managed), ' +
				`then open Organization: ${fabrikam.domain} verified, the password policy, two-step ` +
				'verification required, the managed accounts and the audit log of the demo’s history.'
		},
		{
			title: `The admin of ${litware.name}`,
			person: demoPerson('omar'),
			how:
				`Log in with the demo password, then open Organization: ${litware.domain} verified, ` +
				'sign-in through SAML with the simulated identity provider, its directory and managed ' +
				'accounts.'
		},
		{
			title: `A managed account of ${fabrikam.name}`,
			person: demoPerson('dana'),
			how:
				`Log in with the demo password: ${fabrikam.name} requires two-step ` +
				'verification, so her first log in sets it up before anything else. Scan the QR code ' +
				'with an authenticator app (or type its key), enter the 6-digit code and keep the ' +
				'recovery codes.'
		},
		{
			title: `A SAML person of ${litware.name}`,
			person: demoPerson('mei'),
			how:
				'Type her address on Log in: Tessera sends her to the simulated identity provider (a ' +
				`page labelled Simulated), which knows her from ${litware.name}’s directory ` +
				'and takes the demo password, then brings her back logged in. Her account has no ' +
				'Tessera password.'
		}
	];
}

/** P3: one line about a demo organization, after its name and domain. */
export function demoOrganizationWords(org: DemoOrganization): string {
	return org.signIn === 'saml'
		? 'its people sign in with SAML through the simulated identity provider, whose directory lists them.'
		: 'a password policy and two-step verification required for the accounts it manages.';
}
