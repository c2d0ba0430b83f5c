// A file can bring 100,000 entries (a huge backup, or a hostile file of forged changes), and
// that many list items crash a browser tab. Every list a file can fill (the preview's
// conflicts and unverified changes, the names it touches, the Conflicts inbox) shows its first
// items and grows by 100 on request; "Show all" appears once the rest fits at once.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ConflictList from '$lib/components/sync/ConflictList.svelte';
import PreviewSummary from '$lib/components/sync/PreviewSummary.svelte';
import UnverifiedList from '$lib/components/sync/UnverifiedList.svelte';
import type { ConflictView, PreviewView } from '$lib/components/sync/views';

const conflicts = (n: number): ConflictView[] =>
	Array.from({ length: n }, (_, i) => ({
		id: `c${i}`,
		what: [`Change number ${i}`],
		reason: ['This change is not signed by the device that made it.'],
		by: ['Mallory (mallory@acme.com)'],
		device: 'device bbbbbbbb',
		time: '22 Nov 2026, 06:50',
		dismissed: false
	}));

const view = (n: number): PreviewView => ({
	fileName: 'huge.json',
	from: 'device bbbbbbbb',
	exportedAt: '22 Nov 2026, 06:50',
	whole: true,
	encrypted: false,
	fresh: n,
	duplicates: 0,
	sensitive: [],
	kinds: [],
	licenses: Array.from({ length: n }, (_, i) => [`License ${i}`]),
	accounts: [],
	sites: [],
	mail: 0,
	conflicts: conflicts(n),
	replays: false,
	gaps: []
});

describe('long lists grow on request, never all at once', () => {
	it('S9: the preview lists 10 of 250 conflicts, then 100 more per press, then all', async () => {
		render(PreviewSummary, { view: view(250) });
		const list = () =>
			screen.getAllByRole('list').find((l) => l.classList.contains('conflicts')) as HTMLElement;
		expect(within(list()).getAllByRole('listitem')).toHaveLength(10);
		expect(screen.getAllByText(/and 240 more/)).toHaveLength(2);
		const buttons = () => screen.getAllByRole('button', { name: 'Show 100 more' });
		// The second button belongs to the conflicts (the first to the licenses).
		await fireEvent.click(buttons()[1] as HTMLElement);
		expect(within(list()).getAllByRole('listitem')).toHaveLength(110);
		await fireEvent.click(buttons()[1] as HTMLElement);
		expect(within(list()).getAllByRole('listitem')).toHaveLength(210);
		await fireEvent.click(screen.getByRole('button', { name: 'Show all 250' }));
		expect(within(list()).getAllByRole('listitem')).toHaveLength(250);
		expect(screen.queryByRole('button', { name: 'Show all 250' })).toBeNull();
	});

	it('X6: 100,000 unverified changes render 10 items, with the count in words', () => {
		render(UnverifiedList, { unverified: conflicts(100_000) });
		expect(screen.getByRole('heading', { name: 'Cannot be verified (100,000)' })).toBeVisible();
		expect(screen.getAllByRole('listitem')).toHaveLength(10);
		expect(screen.getByText(/and 99,990 more/)).toBeInTheDocument();
	});

	it('S6: the Conflicts inbox shows 50, then 100 more conflicts per press', async () => {
		render(ConflictList, { conflicts: conflicts(400), showDismissed: false, ondismiss: vi.fn() });
		expect(screen.getAllByRole('listitem')).toHaveLength(50);
		await fireEvent.click(screen.getByRole('button', { name: 'Show 100 more conflicts' }));
		expect(screen.getAllByRole('listitem')).toHaveLength(150);
	});
});
