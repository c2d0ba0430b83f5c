// S9 (issue 9, fault 6): the preview tells everything. A handover names every license it
// changes and what happens there; a password change or two-step verification turned off is
// listed first, marked "Sensitive" in words (not by colour alone); every change type is
// counted in words; every license and account is named, never shown by id.
import { render, screen, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { changeId, deviceId, licenseId } from '$lib/core';
import type { Change } from '$lib/core';
import ImportDialog from '$lib/components/sync/ImportDialog.svelte';
import { previewView } from '$lib/components/sync/views';
import { MemoryStore } from '$lib/store';
import type { ChangeDraft } from '$lib/store';
import { AccountChanges } from '../../unit/core/account-factory';
import { A, ChangeFactory, T0, linkChains } from '../../unit/core/factories';
import { polyfillDialog } from './dialog';

beforeAll(polyfillDialog);

const LICENSES = [1, 2, 3, 4].map((n) => licenseId(`lic-${n}`));

/**
 * This device holds `base` (and `local`, made here after it); the file brings `fresh`.
 * Renders the dialog's preview.
 */
async function preview(
	unlinkedBase: readonly Change[],
	unlinkedFresh: readonly Change[],
	local: readonly ChangeDraft[] = []
) {
	const linked = linkChains([...unlinkedBase, ...unlinkedFresh]);
	const base = linked.slice(0, unlinkedBase.length);
	const fresh = linked.slice(unlinkedBase.length);
	const store = new MemoryStore('bbbbbbbbbbbbbbbb');
	const imported = await store.importChanges(base);
	if (!imported.ok) throw new Error(imported.error.code);
	for (const draft of local) {
		const committed = await store.commit(draft, T0 + 3_600_000);
		if (!committed.ok) throw new Error(committed.error.code);
	}
	const result = await store.previewImport(fresh);
	if (!result.ok) throw new Error(result.error.code);
	const file = {
		device: deviceId('aaaaaaaaaaaaaaaa'),
		exportedAt: T0,
		kind: 'queue' as const,
		encrypted: true,
		changes: fresh,
		gaps: [],
		evidence: { version: 2, byChange: new Map() }
	} as const;
	const view = previewView(
		{ fileName: 'f.json', file, preview: result.value },
		store.state,
		store.device
	);
	const step = { step: 'preview' as const, name: 'f.json', file, preview: result.value };
	render(ImportDialog, {
		step,
		view,
		onpassphrase: vi.fn(),
		onapply: vi.fn(),
		oncancel: vi.fn()
	});
	return screen.getByRole('dialog', { name: 'Preview of f.json' });
}

/** Alice (alice@acme.com) holds four licenses with two-step verification on; Bob has signed up. */
function aliceWithFourLicenses() {
	const f = new ChangeFactory('ddddddddddddddda');
	const acc = new AccountChanges(f);
	const base: Change[] = [
		f.signup(A.alice, 'alice@acme.com', 'Alice'),
		f.signup(A.bob, 'bob@acme.com', 'Bob'),
		...LICENSES.map((id, i) => f.license(A.alice, id, { sen: `SEN-000000${i + 1}` })),
		acc.enableTwoStep(A.alice, A.alice)
	];
	return { f, acc, base };
}

/** The list's own items, not those of lists inside them. */
function itemsOf(list: HTMLElement): HTMLElement[] {
	return within(list)
		.getAllByRole('listitem')
		.filter((li) => li.parentElement === list);
}

describe('the import preview (S9)', () => {
	it('S9: a handover names each of the four licenses it changes, and what happens there', async () => {
		const { f, base } = aliceWithFourLicenses();
		const dialog = await preview(base, [f.handover(A.alice, A.alice, 'bob@acme.com')]);
		const sensitive = within(dialog).getByRole('list', { name: /^Sensitive changes/ });
		const [handover] = itemsOf(sensitive);
		if (!handover) throw new Error('no handover listed');
		expect(handover).toHaveTextContent(
			/^Sensitive.*Hand over the licenses of Alice \(alice@acme\.com\) to bob@acme\.com/
		);
		const perLicense = within(handover).getByRole('list');
		expect(itemsOf(perLicense)).toHaveLength(4);
		for (const sen of ['SEN-0000001', 'SEN-0000002', 'SEN-0000003', 'SEN-0000004']) {
			const line = itemsOf(perLicense).find((li) => li.textContent?.includes(sen));
			expect(line).toHaveTextContent(`Tessera Issues ${sen}`);
			expect(line).toHaveTextContent(
				'Bob (bob@acme.com) becomes the primary billing and technical contact'
			);
			expect(line).toHaveTextContent(
				'Alice (alice@acme.com) stops being a billing and technical contact'
			);
		}
		const licenses = within(dialog).getByRole('list', { name: 'Licenses they touch' });
		expect(itemsOf(licenses)).toHaveLength(4);
		expect(licenses).toHaveTextContent('Tessera Issues SEN-0000003');
		expect(dialog).toHaveTextContent('1 handover');
		const accounts = within(dialog).getByRole('list', { name: 'Accounts they touch' });
		expect(accounts).toHaveTextContent('Bob (bob@acme.com): joins 4 licenses');
		expect(accounts).toHaveTextContent('Alice (alice@acme.com): leaves 4 licenses');
	});

	it('S9: a password change and two-step turned off are listed first and marked sensitive', async () => {
		const { f, acc, base } = aliceWithFourLicenses();
		const dialog = await preview(base, [
			acc.profile(A.bob, A.bob, { name: 'Robert' }),
			acc.setPassword(A.alice, A.alice, 'change'),
			acc.disableTwoStep(A.alice, A.alice),
			f.support(A.alice, LICENSES[0] ?? licenseId('x'), 'Help')
		]);
		const sensitive = within(dialog).getByRole('list', { name: /^Sensitive changes/ });
		const items = itemsOf(sensitive);
		expect(items.map((li) => li.textContent)).toEqual([
			expect.stringMatching(/^Sensitive.*Change the password of Alice \(alice@acme\.com\)/),
			expect.stringMatching(
				/^Sensitive.*Turn off two-step verification for Alice \(alice@acme\.com\)/
			)
		]);
		// Counted per kind, in words, sensitive kinds first and marked.
		const kinds = within(dialog).getByRole('list', { name: 'What the changes are' });
		expect(itemsOf(kinds).map((li) => li.textContent?.trim())).toEqual([
			'Sensitive 1 password change',
			'Sensitive 1 two-step verification turned off',
			'1 profile update',
			'1 support request'
		]);
		// The sensitive list comes before everything else the file does.
		const licenses = within(dialog).getByRole('list', { name: 'Licenses they touch' });
		expect(
			sensitive.compareDocumentPosition(kinds) & Node.DOCUMENT_POSITION_FOLLOWING
		).toBeTruthy();
		expect(licenses).toHaveTextContent('Tessera Issues SEN-0000001');
		const accounts = within(dialog).getByRole('list', { name: 'Accounts they touch' });
		const alice = itemsOf(accounts).find((li) => li.textContent?.includes('alice@acme.com'));
		expect(alice).toHaveTextContent('password changed');
		expect(alice).toHaveTextContent('two-step verification turned off');
		expect(accounts).toHaveTextContent('Bob (bob@acme.com): name changed to Robert');
	});

	it('S9: no sensitive change, no sensitive list; names, never ids', async () => {
		const { f, base } = aliceWithFourLicenses();
		const dialog = await preview(base, [f.support(A.alice, licenseId('lic-2'), 'Help')]);
		expect(within(dialog).queryByRole('list', { name: /^Sensitive changes/ })).toBeNull();
		expect(dialog).toHaveTextContent('1 support request');
		expect(dialog).toHaveTextContent('Tessera Issues SEN-0000002');
		expect(dialog).not.toHaveTextContent('lic-2');
		expect(dialog).not.toHaveTextContent(/\balice\b(?!@)/);
	});

	it('S9/S5: a handover older than changes made here is replayed, and still names its licenses', async () => {
		const { f, base } = aliceWithFourLicenses();
		const handover = f.handover(A.alice, A.alice, 'bob@acme.com');
		const later: ChangeDraft = {
			id: changeId('here-1'),
			actor: A.alice,
			type: 'account.updateProfile',
			payload: { accountId: A.alice, name: 'Alice Liddell' }
		};
		const dialog = await preview(base, [handover], [later]);
		expect(dialog).toHaveTextContent('replays its history');
		const licenses = within(dialog).getByRole('list', { name: 'Licenses they touch' });
		expect(itemsOf(licenses)).toHaveLength(4);
		const sensitive = within(dialog).getByRole('list', { name: /^Sensitive changes/ });
		expect(itemsOf(within(itemsOf(sensitive)[0] ?? dialog).getByRole('list'))).toHaveLength(4);
	});

	it('S9/S6: a sensitive change the rules refuse is still listed first, and says it will not apply', async () => {
		const { acc, base } = aliceWithFourLicenses();
		const dialog = await preview(base, [acc.setPassword(A.bob, A.alice, 'change')]);
		const sensitive = within(dialog).getByRole('list', { name: /^Sensitive changes/ });
		expect(itemsOf(sensitive)[0]).toHaveTextContent(
			/^Sensitive.*Change the password of Alice \(alice@acme\.com\).*The rules refuse it/
		);
		expect(within(dialog).queryByRole('list', { name: 'Accounts they touch' })).toBeNull();
		expect(screen.getByRole('heading', { name: 'Would conflict (1)' })).toBeInTheDocument();
	});
});
