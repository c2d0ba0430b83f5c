// S9 in the UI: the import dialog asks for the passphrase of an encrypted file, then previews
// what the file would do with "Apply" and "Cancel"; Escape is Cancel, except while applying.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { deviceId } from '$lib/core';
import ImportDialog from '$lib/components/sync/ImportDialog.svelte';
import type { ImportStep } from '$lib/state/sync-page.svelte';
import type { PreviewView } from '$lib/components/sync/views';
import { polyfillDialog } from './dialog';

beforeAll(polyfillDialog);

const VIEW: PreviewView = {
	fileName: 'tessera-changes-aaaa.json',
	from: 'device aaaaaaaa',
	exportedAt: '22 Nov 2026, 06:54',
	whole: false,
	encrypted: true,
	fresh: 3,
	duplicates: 2,
	sensitive: [],
	kinds: [{ label: '3 contacts added', sensitive: false }],
	licenses: [['Tessera Issues SEN-2041000101']],
	accounts: Array.from({ length: 14 }, (_, i) => [`Person ${i} (p${i}@acme.com)`]),
	sites: [],
	mail: 0,
	conflicts: [
		{
			id: 'c-up',
			what: [
				'Make Priya Shah (priya@acme.com) primary billing contact of Tessera Issues SEN-2041000101'
			],
			reason: ['That person is not a contact in this role any more.'],
			by: ['Olivia Park (olivia@acme.com)'],
			device: 'this device',
			time: '22 Nov 2026, 06:50',
			dismissed: false
		}
	],
	replays: true,
	gaps: ['2 from device bbbbbbbb']
};

const FILE = {
	device: deviceId('a'.repeat(16)),
	exportedAt: 0,
	kind: 'queue',
	changes: [],
	encrypted: true,
	gaps: [],
	evidence: { version: 2, byChange: new Map() }
} as const;
const PREVIEW = {
	fresh: 3,
	duplicates: 2,
	wouldConflict: [],
	needsReplay: true,
	licenseIds: [],
	accountIds: [],
	siteIds: [],
	touched: { licenses: [], accounts: [], sites: [], mail: 0 },
	kinds: [],
	sensitive: [],
	unverified: [],
	unsignable: 0,
	nowProved: 0
};

function setUp(step: ImportStep, view: PreviewView | null = null) {
	const handlers = { onpassphrase: vi.fn(), onapply: vi.fn(), oncancel: vi.fn() };
	const result = render(ImportDialog, { step, view, ...handlers });
	return { ...handlers, ...result };
}

describe('ImportDialog', () => {
	it('is closed while nothing is being imported', () => {
		setUp({ step: 'idle' });
		expect(screen.queryByRole('dialog')).toBeNull();
	});

	it('asks for the passphrase and hands it over with Open', async () => {
		const { onpassphrase } = setUp({
			step: 'passphrase',
			name: 'f.json',
			problem: null,
			busy: false
		});
		const dialog = screen.getByRole('dialog', { name: 'Open an encrypted file' });
		expect(dialog).toHaveAttribute('open');
		await fireEvent.input(screen.getByLabelText('Passphrase'), {
			target: { value: 'open sesame' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Open' }));
		expect(onpassphrase).toHaveBeenCalledWith('open sesame');
	});

	it('S7: says why a passphrase did not open the file, in an alert', () => {
		setUp({
			step: 'passphrase',
			name: 'f.json',
			problem: 'That passphrase does not open this file.',
			busy: false
		});
		expect(screen.getByRole('alert')).toHaveTextContent('does not open this file');
	});

	it('after a wrong passphrase, focus goes back to the field with the text selected', async () => {
		const name = 'f.json';
		const { rerender } = setUp({ step: 'passphrase', name, problem: null, busy: true });
		const field = screen.getByLabelText('Passphrase');
		expect(field).toHaveAttribute('readonly');
		await rerender({ step: { step: 'passphrase', name, problem: 'Wrong.', busy: false } });
		expect(field).toHaveFocus();
		expect(field).not.toHaveAttribute('readonly');
	});

	it('S9: previews new changes, repeats, what they touch and what would conflict, with the reason', () => {
		setUp({ step: 'preview', name: VIEW.fileName, file: FILE, preview: PREVIEW }, VIEW);
		const dialog = screen.getByRole('dialog', { name: `Preview of ${VIEW.fileName}` });
		expect(dialog).toHaveTextContent('3 new changes from device aaaaaaaa');
		expect(dialog).toHaveTextContent('2 changes are here already and will be skipped');
		expect(screen.getByRole('heading', { name: 'Licenses they touch' })).toBeInTheDocument();
		expect(dialog).toHaveTextContent('Tessera Issues SEN-2041000101');
		expect(dialog).toHaveTextContent('and 4 more');
		expect(screen.queryByRole('heading', { name: 'Sites they touch' })).toBeNull();
		expect(screen.getByRole('heading', { name: 'Would conflict (1)' })).toBeInTheDocument();
		expect(dialog).toHaveTextContent('not a contact in this role any more');
		expect(dialog).toHaveTextContent('replays its history');
		// X5: declared gaps in a device's chain are reported, never silent.
		expect(dialog).toHaveTextContent('(2 from device bbbbbbbb)');
	});

	it('Apply applies; Cancel and Escape cancel', async () => {
		const { onapply, oncancel } = setUp(
			{ step: 'preview', name: VIEW.fileName, file: FILE, preview: PREVIEW },
			VIEW
		);
		await fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
		expect(onapply).toHaveBeenCalledOnce();
		await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
		const escape = new Event('cancel', { cancelable: true });
		await fireEvent(screen.getByRole('dialog'), escape);
		expect(escape.defaultPrevented).toBe(true);
		expect(oncancel).toHaveBeenCalledTimes(2);
	});

	it('cannot be cancelled while the changes are applied, and shows progress', async () => {
		const { oncancel, rerender } = setUp(
			{ step: 'applying', name: VIEW.fileName, file: FILE, preview: PREVIEW },
			VIEW
		);
		await rerender({ progress: { label: 'Applying the changes', value: 0.5 } });
		expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
		expect(screen.getByLabelText('Applying the changes')).toHaveValue(50);
		await fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
		expect(oncancel).not.toHaveBeenCalled();
	});

	it('X6: lists what cannot be verified, and Apply waits for "I trust where this file came from"', async () => {
		const [conflict] = VIEW.conflicts;
		if (!conflict) return expect.fail('no conflict');
		const view: PreviewView = {
			...VIEW,
			unverified: [{ ...conflict, id: 'c-held', reason: ['Device eeeeeeee was never enrolled.'] }],
			trust: { unsignable: 3, words: 'Nothing in this file can be verified.' }
		};
		const { onapply } = setUp(
			{ step: 'preview', name: VIEW.fileName, file: FILE, preview: PREVIEW },
			view
		);
		expect(screen.getByRole('heading', { name: 'Cannot be verified (1)' })).toBeInTheDocument();
		expect(screen.getByRole('dialog')).toHaveTextContent('never enrolled');
		expect(screen.getByRole('group')).toHaveTextContent('Nothing in this file can be verified.');
		const apply = screen.getByRole('button', { name: 'Apply' });
		expect(apply).toBeDisabled();
		await fireEvent.click(screen.getByLabelText('I trust where this file came from'));
		expect(apply).toBeEnabled();
		await fireEvent.click(apply);
		expect(onapply).toHaveBeenCalledOnce();
	});

	it('closes when the import is over', async () => {
		const { rerender } = setUp(
			{ step: 'preview', name: VIEW.fileName, file: FILE, preview: PREVIEW },
			VIEW
		);
		await rerender({ step: { step: 'idle' }, view: null });
		expect(screen.queryByRole('dialog')).toBeNull();
	});
});
