// The demo organization (P3) as plain data, like the catalog: people, sites and licenses with
// the contacts each role should end up with. app/demo.ts turns it into changes. Nothing here
// imports $lib, so the end-to-end helpers and the Demo page read the same table
// (deterministic ids, emails, the password). The two organizations are demo-organizations.ts.
import { DEMO_ORGANIZATION_PEOPLE, DEMO_SAML_PEOPLE } from './demo-organizations';

/**
 * Every demo account gets this password (demo only: the Demo page prints it). It is hashed
 * ONCE per demo load and that one hash is reused for every demo account, because PBKDF2 at
 * 600,000 iterations costs about half a second per hash in a browser. X6: likewise one vault
 * key is derived from it (one salt) and seals every demo account's own signing key.
 */
export const DEMO_PASSWORD = 'tessera-demo-2024';

/** The most extra licenses one demo load adds (for trying long lists). */
export const MAX_EXTRA_LICENSES = 20_000;

export const DEMO_COMPANY = { name: 'Northwind Traders', domain: 'northwind.example' } as const;
export const DEMO_SECOND_COMPANY = { name: 'Contoso', domain: 'contoso.example' } as const;

export type DemoPersonKey =
	| 'olivia'
	| 'priya'
	| 'sam'
	| 'tom'
	| 'marco'
	| 'jana'
	| 'chen'
	| 'ana'
	// The organizations' people (demo-organizations.ts); mei and ravi sign in with SAML.
	| 'grace'
	| 'omar'
	| 'dana'
	| 'leo'
	| 'lucia'
	| 'noah'
	| 'mei'
	| 'ravi';

export interface DemoPerson {
	readonly key: DemoPersonKey;
	/** Deterministic, so tests and the demo page can name the account. */
	readonly id: string;
	readonly email: string;
	readonly name: string;
	readonly company: string;
	/** What to try with this account, for the Demo page. */
	readonly about: string;
}

/** Every demo account with a Tessera password (the SAML people are DEMO_SAML_PEOPLE). */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
	{
		key: 'olivia',
		id: 'a_demo_olivia',
		email: 'olivia.park@northwind.example',
		name: 'Olivia Park',
		company: DEMO_COMPANY.name,
		about:
			'IT lead and admin of northwind.example.net. Primary contact of most Northwind licenses: make a colleague primary, delete a contact, hand someone over.'
	},
	{
		key: 'priya',
		id: 'a_demo_priya',
		email: 'priya.shah@northwind.example',
		name: 'Priya Shah',
		company: DEMO_COMPANY.name,
		about:
			'Finance. Same company domain as Olivia, so she can be made primary at once; primary billing contact of the labs site.'
	},
	{
		key: 'sam',
		id: 'a_demo_sam',
		email: 'sam.lee@northwind.example',
		name: 'Sam Lee',
		company: DEMO_COMPANY.name,
		about: 'Engineer and technical contact: request support for a license.'
	},
	{
		key: 'tom',
		id: 'a_demo_tom',
		email: 'tom.becker@northwind.example',
		name: 'Tom Becker',
		company: DEMO_COMPANY.name,
		about:
			'Admin of northwind-labs.example.net but not its billing contact: open its Billing overview and use Make me billing contact.'
	},
	{
		key: 'marco',
		id: 'a_demo_marco',
		email: 'marco.rossi@gmail.com',
		name: 'Marco Rossi',
		company: 'Contractor (public email domain)',
		about:
			'Technical contact on gmail.com: nobody else can make him primary; he logs in and promotes himself.'
	},
	{
		key: 'jana',
		id: 'a_demo_jana',
		email: 'jana.novak@outlook.com',
		name: 'Jana Novak',
		company: 'Bookkeeper (public email domain)',
		about: 'Secondary billing contact on outlook.com: receives renewal quotes.'
	},
	{
		key: 'chen',
		id: 'a_demo_chen',
		email: 'chen.wei@contoso.example',
		name: 'Chen Wei',
		company: DEMO_SECOND_COMPANY.name,
		about:
			'Contoso’s technical lead, also a partner contact on one Northwind license (another company domain).'
	},
	{
		key: 'ana',
		id: 'a_demo_ana',
		email: 'ana.costa@contoso.example',
		name: 'Ana Costa',
		company: DEMO_SECOND_COMPANY.name,
		about: 'Contoso’s primary billing contact.'
	},
	...DEMO_ORGANIZATION_PEOPLE
];

export interface DemoSite {
	readonly id: string;
	readonly name: string;
	readonly admin: DemoPersonKey;
}

export const DEMO_SITES: readonly DemoSite[] = [
	{ id: 's_demo_northwind', name: 'northwind.example.net', admin: 'olivia' },
	{ id: 's_demo_labs', name: 'northwind-labs.example.net', admin: 'tom' }
];

export interface DemoLicense {
	readonly id: string;
	readonly sen: string;
	readonly productId: 'issues' | 'pages' | 'repos' | 'desk' | 'chat';
	readonly site: string | null;
	readonly tier: number;
	/** Days from the moment the demo is loaded; negative: already expired. */
	readonly expiresInDays: number;
	/** Who buys it (C0): for a cloud license, the site's admin. */
	readonly starter: DemoPersonKey;
	/** The contacts each role ends with, primary first. */
	readonly billing: readonly DemoPersonKey[];
	readonly technical: readonly DemoPersonKey[];
}

const NW = 's_demo_northwind';
const LABS = 's_demo_labs';

function lic(
	n: number,
	productId: DemoLicense['productId'],
	site: string | null,
	tier: number,
	expiresInDays: number,
	starter: DemoPersonKey,
	billing: readonly DemoPersonKey[],
	technical: readonly DemoPersonKey[]
): DemoLicense {
	const nn = String(n).padStart(2, '0');
	const sen = `SEN-20410001${nn}`;
	return {
		id: `l_demo_${nn}`,
		sen,
		productId,
		site,
		tier,
		expiresInDays,
		starter,
		billing,
		technical
	};
}

export const DEMO_LICENSES: readonly DemoLicense[] = [
	// Northwind, server
	lic(1, 'issues', null, 250, 200, 'olivia', ['olivia', 'priya'], ['olivia', 'sam', 'marco']),
	lic(2, 'pages', null, 100, 12, 'olivia', ['olivia', 'jana'], ['sam', 'olivia']),
	lic(3, 'repos', null, 50, 340, 'olivia', ['olivia'], ['marco', 'olivia']),
	lic(4, 'desk', null, 25, 25, 'olivia', ['priya', 'olivia'], ['sam', 'olivia']),
	lic(5, 'chat', null, 100, 150, 'olivia', ['olivia'], ['olivia', 'chen']),
	// Northwind, cloud on northwind.example.net
	lic(6, 'issues', NW, 100, 60, 'olivia', ['olivia', 'priya'], ['sam', 'olivia']),
	lic(7, 'pages', NW, 100, 60, 'olivia', ['olivia'], ['sam', 'marco']),
	lic(8, 'chat', NW, 50, -5, 'olivia', ['olivia'], ['olivia']),
	// Northwind, cloud on northwind-labs.example.net: Tom administers it, Priya pays for it
	lic(9, 'repos', LABS, 25, 90, 'tom', ['priya', 'jana'], ['sam']),
	lic(10, 'issues', LABS, 50, 20, 'tom', ['priya'], ['sam', 'marco']),
	lic(11, 'desk', LABS, 10, 300, 'tom', ['priya'], ['tom', 'sam']),
	// Northwind staging wiki: Sam is only a secondary technical contact (try Delete)
	lic(12, 'pages', null, 10, 5, 'olivia', ['olivia'], ['olivia', 'sam']),
	// Contoso, the second company
	lic(13, 'issues', null, 500, 180, 'chen', ['ana', 'chen'], ['chen']),
	lic(14, 'pages', null, 250, 27, 'chen', ['ana'], ['chen']),
	lic(15, 'repos', null, 100, 400, 'chen', ['ana'], ['chen', 'ana']),
	lic(16, 'chat', null, 25, 45, 'chen', ['chen'], ['chen']),
	// Fabrikam (managed, two-step enforced): Leo buys, Dana is technical, Lucia (yahoo.com) pays
	lic(17, 'issues', null, 100, 120, 'leo', ['leo', 'lucia'], ['dana', 'leo']),
	lic(18, 'desk', null, 25, 240, 'leo', ['leo', 'lucia'], ['dana']),
	// Litware (SAML): Omar buys as its reseller; Mei, Ravi (SAML) and Noah (proton.me) are contacts
	lic(19, 'pages', null, 50, 150, 'omar', ['omar', 'mei'], ['omar', 'ravi', 'noah']),
	lic(20, 'chat', null, 25, 90, 'omar', ['omar'], ['omar', 'mei'])
];

/** Every demo account: the password ones, then the SAML ones. */
export const DEMO_ACCOUNTS: readonly DemoPerson[] = [...DEMO_PEOPLE, ...DEMO_SAML_PEOPLE];

export function demoPerson(key: DemoPersonKey): DemoPerson {
	const person = DEMO_ACCOUNTS.find((p) => p.key === key);
	if (person === undefined) throw new Error(`unknown demo person ${key}`);
	return person;
}

export function demoPersonByEmail(email: string): DemoPerson | undefined {
	const wanted = email.trim().toLowerCase();
	return DEMO_ACCOUNTS.find((p) => p.email === wanted);
}
