// P3: the demo's two organizations (O1–O5) as plain data, beside demo-data.ts's people and
// licenses. Fabrikam verified its company domain, set a password policy (O3) and enforces
// two-step verification (O4); Litware signs in with SAML through the simulated provider (O5)
// and keeps its people in the simulated directory. Both are on domains of their own, so the
// Northwind and Contoso accounts stay unmanaged as before. Their admins work for an IT partner
// whose domain nobody verified: they are not managed and log in with the demo password alone.
// Nothing here imports $lib (the end-to-end tests and the Demo page read the same table).
import type { DemoPerson } from './demo-data';

export const DEMO_FABRIKAM = { name: 'Fabrikam', domain: 'fabrikam.example' } as const;
export const DEMO_LITWARE = { name: 'Litware', domain: 'litware.example' } as const;
const PARTNER = 'Blue Peak IT (IT partner, domain not verified)';

/** Password accounts of the organizations' story (created like every demo account). */
export const DEMO_ORGANIZATION_PEOPLE: readonly DemoPerson[] = [
	{
		key: 'grace',
		id: 'a_demo_grace',
		email: 'grace.hall@bluepeak-it.example',
		name: 'Grace Hall',
		company: PARTNER,
		about:
			'Admin of Fabrikam: open Organization to see fabrikam.example verified, the password policy, enforced two-step verification, the managed accounts and the audit log.'
	},
	{
		key: 'omar',
		id: 'a_demo_omar',
		email: 'omar.haddad@bluepeak-it.example',
		name: 'Omar Haddad',
		company: PARTNER,
		about:
			'Admin of Litware, which signs in with SAML through the simulated identity provider; its directory lists Mei and Ravi. Buys Litware’s licenses as its reseller.'
	},
	{
		key: 'dana',
		id: 'a_demo_dana',
		email: 'dana.whitfield@fabrikam.example',
		name: 'Dana Whitfield',
		company: 'Fabrikam (managed)',
		about:
			'Managed by Fabrikam: at her first log in she sets up two-step verification before anything else; a new password must meet Fabrikam’s policy.'
	},
	{
		key: 'leo',
		id: 'a_demo_leo',
		email: 'leo.martins@fabrikam.example',
		name: 'Leo Martins',
		company: 'Fabrikam (managed)',
		about:
			'Managed by Fabrikam, buys its licenses; sets up two-step verification at his first log in too. His Profile says “Managed by Fabrikam”.'
	},
	{
		key: 'lucia',
		id: 'a_demo_lucia',
		email: 'lucia.gomez@yahoo.com',
		name: 'Lucia Gomez',
		company: 'Fabrikam’s bookkeeper (public email domain)',
		about: 'Billing contact on Fabrikam licenses, on yahoo.com: never managed by anyone.'
	},
	{
		key: 'noah',
		id: 'a_demo_noah',
		email: 'noah.jensen@proton.me',
		name: 'Noah Jensen',
		company: 'Litware’s contractor (public email domain)',
		about: 'Technical contact on a Litware license, on proton.me: never managed by anyone.'
	}
];

/**
 * O5: Litware's people in the simulated SAML directory, with their accounts (source SAML, no
 * Tessera password). Their provider password is the demo password.
 */
export const DEMO_SAML_PEOPLE: readonly DemoPerson[] = [
	{
		key: 'mei',
		id: 'a_demo_mei',
		email: 'mei.tanaka@litware.example',
		name: 'Mei Tanaka',
		company: 'Litware (managed, SAML)',
		about:
			'Signs in with SAML: Log in sends her to the simulated identity provider, which asks for the demo password, and brings her back logged in.'
	},
	{
		key: 'ravi',
		id: 'a_demo_ravi',
		email: 'ravi.kumar@litware.example',
		name: 'Ravi Kumar',
		company: 'Litware (managed, SAML)',
		about: 'Signs in with SAML like Mei; a technical contact on a Litware license.'
	}
];

export interface DemoPasswordPolicy {
	readonly minStrength: number;
	readonly minLength: number;
	readonly maxAgeDays: number | null;
}

export interface DemoOrganization {
	/** Deterministic, so tests and the Demo page can name it. */
	readonly id: string;
	readonly name: string;
	readonly domain: string;
	/** Its admin (and creator): an account no organization manages. */
	readonly admin: DemoPerson['key'];
	/** O1: the verification mail goes to this address at the domain. */
	readonly verifyAddress: string;
	readonly passwordPolicy: DemoPasswordPolicy | null;
	readonly requireTwoStep: boolean;
	readonly signIn: 'none' | 'saml';
	/** O5: people of the simulated directory (their accounts sign in through it). */
	readonly directory: readonly DemoPerson['key'][];
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
	{
		id: 'o_demo_fabrikam',
		name: DEMO_FABRIKAM.name,
		domain: DEMO_FABRIKAM.domain,
		admin: 'grace',
		verifyAddress: `it@${DEMO_FABRIKAM.domain}`,
		passwordPolicy: { minStrength: 3, minLength: 12, maxAgeDays: 180 },
		requireTwoStep: true,
		signIn: 'none',
		directory: []
	},
	{
		id: 'o_demo_litware',
		name: DEMO_LITWARE.name,
		domain: DEMO_LITWARE.domain,
		admin: 'omar',
		verifyAddress: `it@${DEMO_LITWARE.domain}`,
		passwordPolicy: null,
		requireTwoStep: false,
		signIn: 'saml',
		directory: ['mei', 'ravi']
	}
];
