// X4 (issue 9, fault 7e): someone's text (a name, an email, a subject, a site name, a mail
// body, a conflict's details; not link labels, which the app writes) is shown inside an element that isolates it, <bdi> or
// dir="auto", so right-to-left override characters (U+202E …) in it cannot reorder the words
// shown next to it.
import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { changeId, deviceId, licenseId, mailId, siteId } from '$lib/core';
import type { Mail } from '$lib/core';
import StatusRegion from '$lib/components/StatusRegion.svelte';
import BillingOverview from '$lib/components/billing/BillingOverview.svelte';
import DemoAccounts from '$lib/components/demo/DemoAccounts.svelte';
import HandoverTable from '$lib/components/handover/HandoverTable.svelte';
import { handoverLines } from '$lib/ui/handover-words';
import ContactList from '$lib/components/licenses/ContactList.svelte';
import LicenseCard from '$lib/components/licenses/LicenseCard.svelte';
import SupportRequests from '$lib/components/licenses/SupportRequests.svelte';
import MailClient from '$lib/components/mail/MailClient.svelte';
import ConflictList from '$lib/components/sync/ConflictList.svelte';
import ImportDialog from '$lib/components/sync/ImportDialog.svelte';
import { conflictViews, previewView } from '$lib/components/sync/views';
import { MemoryStore } from '$lib/store';
import { person } from '$lib/ui/phrase';
import { A, ChangeFactory, L1, T0, build } from '../unit/core/factories';
import { contactView, licenseViewOf } from './licenses/factories';
import { polyfillDialog } from './sync/dialog';

beforeAll(polyfillDialog);

/** A name that, shown bare, would turn the rest of its line around. */
const EVIL = 'Eve \u202eevil.exe';
const EVIL_EMAIL = 'eve\u202e@acme.com';

/** The texts the container shows inside an isolating element. */
function isolatedTexts(container: Element): string[] {
	return [...container.querySelectorAll('bdi, [dir="auto"]')].map((el) => el.textContent ?? '');
}

function expectIsolated(container: Element, ...texts: string[]): void {
	const isolated = isolatedTexts(container);
	for (const text of texts) expect(isolated, text).toContain(text);
}

const props = { busy: false, onmakeprimary: vi.fn(), ondelete: vi.fn() };

describe('user text is isolated wherever it is shown (X4)', () => {
	it('X4: a contact’s name and email in the contact list', () => {
		const { container } = render(ContactList, {
			role: 'billing',
			contacts: [contactView('eve', { name: EVIL, email: EVIL_EMAIL, primary: true })],
			canManage: true,
			...props
		});
		expectIsolated(container, EVIL, EVIL_EMAIL);
		// The words beside the name are still read in order.
		expect(screen.getByRole('listitem')).toHaveTextContent(`${EVIL} Primary`);
	});

	it('X4: the primary contacts and the site on a collapsed and an expanded license card', () => {
		const view = licenseViewOf({
			hosting: 'cloud',
			siteId: siteId('s-1'),
			siteName: 'acme.example.net',
			billing: [contactView('eve', { name: EVIL, primary: true })],
			supportRequests: [{ id: 'r1', subject: EVIL, by: EVIL, description: EVIL, at: T0 }]
		});
		const card = {
			view,
			ontoggle: vi.fn(),
			isNewAddress: () => false,
			onadd: vi.fn(),
			onrequestsupport: vi.fn(),
			...props
		};
		const collapsed = render(LicenseCard, { ...card, expanded: false });
		expectIsolated(collapsed.container, EVIL, 'acme.example.net');
		// Isolating changes no word or space around it.
		expect(collapsed.container.querySelector('.summary')).toHaveTextContent(
			/^Cloud · acme\.example\.net · 25 users$/
		);
		collapsed.unmount();
		const open = render(LicenseCard, { ...card, expanded: true });
		expectIsolated(open.container, 'acme.example.net');
	});

	it('X4: a support request’s subject, author and description', () => {
		const { container } = render(SupportRequests, {
			requests: [{ id: 'r1', subject: EVIL, by: EVIL, description: `${EVIL} body`, at: T0 }],
			canRequest: false,
			busy: false,
			onrequest: vi.fn()
		});
		expectIsolated(container, EVIL, `${EVIL} body`);
	});

	it('X4: mail addresses, subjects, the recipient and the body', () => {
		const mail: Mail = {
			id: mailId('m1'),
			to: EVIL_EMAIL,
			toKey: EVIL_EMAIL,
			subject: `${EVIL} added you`,
			body: `Hello ${EVIL},\nbody`,
			links: [{ label: 'Open your licenses', href: '/licenses' }],
			at: T0,
			changeId: changeId('c1'),
			kind: 'contact-added'
		};
		const box = { key: EVIL_EMAIL, address: EVIL_EMAIL };
		const { container } = render(MailClient, {
			boxes: [box],
			selected: box,
			messages: [mail],
			open: mail
		});
		expectIsolated(container, EVIL_EMAIL, mail.subject, mail.body);
	});

	it('X4: the status line isolates the names in a message', () => {
		const { container } = render(StatusRegion, {
			message: {
				id: 1,
				text: 'ignored',
				phrase: ['Logged in as ', ...person(EVIL, EVIL_EMAIL), '.'],
				tone: 'success'
			},
			ondismiss: vi.fn()
		});
		expectIsolated(container, EVIL, EVIL_EMAIL);
		expect(screen.getByRole('status')).toHaveTextContent(`Logged in as ${EVIL} (${EVIL_EMAIL}).`);
	});

	it('X4: the handover table, the billing overview and the demo accounts', () => {
		const f = new ChangeFactory();
		const state = build([
			f.signup(A.alice, 'alice@acme.com', EVIL),
			f.signup(A.bob, 'bob@acme.com', 'Bob'),
			f.license(A.alice, L1, { sen: 'SEN-0000001' })
		]);
		const report = {
			from: A.alice,
			to: A.bob,
			entries: [
				{
					licenseId: L1,
					sen: 'SEN-0000001',
					outcome: 'replaced' as const,
					reason: null,
					roles: [{ role: 'billing' as const, outcome: 'replaced' as const }]
				}
			]
		};
		const table = render(HandoverTable, {
			title: 'Report',
			lines: handoverLines(state, report, EVIL, 'Bob', true)
		});
		expectIsolated(table.container, EVIL, 'Bob');
		table.unmount();
		const billing = render(BillingOverview, {
			view: {
				siteId: siteId('s-1'),
				siteName: 'acme.example.net',
				isAdmin: true,
				rows: [
					{
						id: licenseId('l-1'),
						productName: 'Tessera Issues',
						sen: 'SEN-0000001',
						tier: 10,
						pricePerUser: 100,
						monthly: 1000,
						expiresAt: T0,
						billingPrimary: EVIL,
						technicalPrimary: 'Bob',
						viewerIsPrimaryBilling: false
					}
				],
				total: 1000,
				canMakeMe: false
			},
			onmakeme: vi.fn()
		});
		expectIsolated(billing.container, EVIL, 'acme.example.net');
		billing.unmount();
		const demo = render(DemoAccounts, {
			people: [
				{ key: 'olivia', id: 'a-1', email: EVIL_EMAIL, name: EVIL, company: 'Acme', about: 'x' }
			],
			sites: [{ id: 's-1', name: 'acme.example.net', admin: 'olivia' }],
			password: 'pw',
			loaded: true
		});
		expectIsolated(demo.container, EVIL, EVIL_EMAIL);
	});

	it('X4: the sync preview and the conflict list isolate every name from the file', async () => {
		const f = new ChangeFactory('ddddddddddddddda');
		const changes = [
			f.signup(A.alice, EVIL_EMAIL, EVIL),
			f.license(A.alice, L1, { sen: 'SEN-0000001' }),
			f.support(A.alice, L1, EVIL)
		];
		const store = new MemoryStore('bbbbbbbbbbbbbbbb');
		const result = await store.previewImport(changes);
		if (!result.ok) throw new Error(result.error.code);
		const file = {
			device: deviceId(f.device),
			exportedAt: T0,
			kind: 'queue' as const,
			encrypted: false,
			changes,
			gaps: [],
			evidence: { version: 2, byChange: new Map() }
		} as const;
		const view = previewView(
			{ fileName: 'f.json', file, preview: result.value },
			store.state,
			store.device
		);
		const dialog = render(ImportDialog, {
			step: { step: 'preview', name: 'f.json', file, preview: result.value },
			view,
			onpassphrase: vi.fn(),
			onapply: vi.fn(),
			oncancel: vi.fn()
		});
		expectIsolated(dialog.container, EVIL, EVIL_EMAIL);
		dialog.unmount();
		// The same support request, refused here (its license is not on this device yet).
		await store.importChanges([changes[0] ?? f.remind(null), changes[2] ?? f.remind(null)]);
		const conflicts = conflictViews(await store.conflicts(), store.state, store.device);
		const list = render(ConflictList, {
			conflicts,
			showDismissed: false,
			ondismiss: vi.fn()
		});
		expectIsolated(list.container, EVIL, EVIL_EMAIL);
	});
});
