import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import UpdatePrompt from '$lib/components/UpdatePrompt.svelte';

function props(
	overrides: Partial<{ offlineReady: boolean; updateReady: boolean; applying: boolean }>
) {
	return {
		offlineReady: false,
		updateReady: false,
		onreload: vi.fn(),
		onlater: vi.fn(),
		ondismiss: vi.fn(),
		...overrides
	};
}

describe('UpdatePrompt (P1)', () => {
	it('shows nothing when there is nothing to say', () => {
		const { container } = render(UpdatePrompt, props({}));
		expect(container.textContent?.trim()).toBe('');
	});

	it('announces "Ready to work offline" after the first install', async () => {
		const p = props({ offlineReady: true });
		render(UpdatePrompt, p);
		expect(screen.getByText('Ready to work offline.').parentElement).toHaveAttribute(
			'aria-live',
			'polite'
		);
		expect(screen.queryByRole('status')).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
		expect(p.ondismiss).toHaveBeenCalledOnce();
	});

	it('announces a waiting version and applies it only on Reload', async () => {
		const p = props({ updateReady: true, offlineReady: true });
		render(UpdatePrompt, p);
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent('A new version is ready.');
		expect(p.onreload).not.toHaveBeenCalled();
		await fireEvent.click(screen.getByRole('button', { name: 'Later' }));
		expect(p.onlater).toHaveBeenCalledOnce();
		expect(p.onreload).not.toHaveBeenCalled();
		await fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
		expect(p.onreload).toHaveBeenCalledOnce();
	});

	it('disables its buttons while the update is being applied', () => {
		render(UpdatePrompt, props({ updateReady: true, applying: true }));
		expect(screen.getByRole('button', { name: 'Reload' })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Later' })).toBeDisabled();
	});
});
