// X7 in the UI: the Sync page says how many changes wait as "from the future" and when they
// apply; the import preview says it before anything is applied, and names changes that
// follow ones this device has not received (X5).
import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { deviceId } from '$lib/core';
import FuturePanel from '$lib/components/sync/FuturePanel.svelte';
import ImportDialog from '$lib/components/sync/ImportDialog.svelte';
import { previewView } from '$lib/components/sync/views';
import { emptyState } from '$lib/core/state';
import { polyfillDialog } from './dialog';

beforeAll(polyfillDialog);

const AT = Date.UTC(2026, 10, 23, 6, 0);
const held = { count: 3, firstAppliesAt: AT, lastAppliesAt: AT + 3_600_000 };

describe('changes from the future, shown', () => {
	it('X7: the Sync page says how many wait and from when; nothing when none do', () => {
		const { unmount } = render(FuturePanel, { held });
		expect(screen.getByRole('heading', { name: 'From the future' })).toBeTruthy();
		expect(screen.getByTestId('held-count').textContent).toMatch(
			/^3 changes are dated ahead of this device’s clock .* apply by themselves from 23 Nov 2026, \d\d:00, the last on 23 Nov 2026, \d\d:00\.$/
		);
		unmount();
		render(FuturePanel, { held: null });
		expect(screen.queryByRole('heading', { name: 'From the future' })).toBeNull();
	});

	it('X7/X5: the preview says which changes wait, and which follow changes not received here', () => {
		const view = previewView(
			{
				fileName: 'f.json',
				file: {
					device: deviceId('f'.repeat(16)),
					exportedAt: AT,
					kind: 'queue',
					encrypted: false,
					changes: [],
					gaps: []
				},
				preview: {
					fresh: 3,
					duplicates: 0,
					wouldConflict: [],
					needsReplay: false,
					licenseIds: [],
					accountIds: [],
					siteIds: [],
					touched: { licenses: [], accounts: [], sites: [], mail: 0 },
					kinds: [],
					sensitive: [],
					unverified: [],
					unsignable: 0,
					nowProved: 0,
					held,
					gaps: [{ device: 'f'.repeat(16), changeId: 'c-9' }]
				}
			},
			emptyState(),
			'b'.repeat(16)
		);
		render(ImportDialog, {
			step: {
				step: 'preview',
				name: 'f.json',
				file: {
					device: deviceId('f'.repeat(16)),
					exportedAt: AT,
					kind: 'queue',
					changes: [],
					encrypted: false,
					gaps: [],
					evidence: { version: 2, byChange: new Map() }
				},
				preview: {
					fresh: 3,
					duplicates: 0,
					wouldConflict: [],
					needsReplay: false,
					licenseIds: [],
					accountIds: [],
					siteIds: [],
					touched: { licenses: [], accounts: [], sites: [], mail: 0 },
					kinds: [],
					sensitive: [],
					unverified: [],
					unsignable: 0,
					nowProved: 0
				}
			},
			view,
			onpassphrase: vi.fn(),
			onapply: vi.fn(),
			oncancel: vi.fn()
		});
		const notes = screen.getAllByRole('note').map((n) => n.textContent ?? '');
		expect(notes.some((n) => n.includes('From the future: 3 changes are dated ahead'))).toBe(true);
		expect(
			notes.some((n) => n.includes('1 from device ffffffff') && n.includes('not received'))
		).toBe(true);
	});
});
