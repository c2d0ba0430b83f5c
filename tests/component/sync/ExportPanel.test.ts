// S2/S3 in the UI: the queue count, "Whole history", a "Passphrase" field when the changes
// carry secrets (or on request), and the "Export changes" and "Share the file" buttons.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ExportPanel from '$lib/components/sync/ExportPanel.svelte';

function setUp(
	props: Partial<{
		queued: number | null;
		mustEncrypt: boolean;
		canShare: boolean;
		hidePassphrase: boolean;
	}> = {}
) {
	const onexport = vi.fn();
	const onshare = vi.fn();
	render(ExportPanel, {
		queued: 3,
		selected: 3,
		mustEncrypt: false,
		whole: false,
		encrypt: false,
		passphrase: '',
		minPassphrase: 8,
		onexport,
		onshare,
		...props
	});
	return { onexport, onshare };
}

describe('ExportPanel', () => {
	it('S2: says how many changes wait to be exported', () => {
		setUp({ queued: 3 });
		expect(
			screen.getByText('3 changes made on this device are waiting to be exported.')
		).toBeInTheDocument();
	});

	it('S2: and when everything has been exported', () => {
		setUp({ queued: 0 });
		expect(
			screen.getByText('Every change made on this device has been exported.')
		).toBeInTheDocument();
	});

	it('S3: secrets make the Passphrase field appear, with the reason', () => {
		setUp({ mustEncrypt: true });
		expect(screen.getByLabelText('Passphrase')).toHaveAttribute('type', 'password');
		expect(screen.getByText(/These changes carry secrets/)).toBeInTheDocument();
		expect(screen.queryByLabelText('Encrypt the file')).toBeNull();
	});

	it('S3: without secrets, encryption is offered and reveals the field', async () => {
		setUp();
		expect(screen.queryByLabelText('Passphrase')).toBeNull();
		await fireEvent.click(screen.getByLabelText('Encrypt the file'));
		const field = screen.getByLabelText('Passphrase');
		await fireEvent.click(screen.getByRole('button', { name: 'Show' }));
		expect(field).toHaveAttribute('type', 'text');
	});

	it('keeps one Passphrase field on the page while the import dialog asks for its own', () => {
		setUp({ mustEncrypt: true, hidePassphrase: true });
		expect(screen.queryByLabelText('Passphrase')).toBeNull();
	});

	it('"Whole history" is a checkbox; "Export changes" exports', async () => {
		const { onexport } = setUp();
		const whole = screen.getByRole('checkbox', { name: 'Whole history' });
		await fireEvent.click(whole);
		expect(whole).toBeChecked();
		await fireEvent.click(screen.getByRole('button', { name: 'Export changes' }));
		expect(onexport).toHaveBeenCalledOnce();
	});

	it('offers "Share the file" only where the browser can share it', async () => {
		const { onshare } = setUp({ canShare: true });
		await fireEvent.click(screen.getByRole('button', { name: 'Share the file' }));
		expect(onshare).toHaveBeenCalledOnce();
	});
});
