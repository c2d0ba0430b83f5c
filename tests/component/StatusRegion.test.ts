import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import StatusRegion from '$lib/components/StatusRegion.svelte';

describe('StatusRegion (the live region, UI vocabulary)', () => {
	it('is present and empty before any message, so screen readers register it', () => {
		render(StatusRegion, { message: null, ondismiss: vi.fn() });
		expect(screen.getByRole('status')).toHaveTextContent('');
	});

	it('shows the message in words with its tone and can be dismissed', async () => {
		const ondismiss = vi.fn();
		render(StatusRegion, {
			message: { id: 1, text: 'Contact added.', tone: 'success' },
			ondismiss
		});
		const region = screen.getByRole('status');
		expect(region).toHaveTextContent('Contact added.');
		expect(region).toHaveAttribute('data-tone', 'success');
		await fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
		expect(ondismiss).toHaveBeenCalledOnce();
	});

	it('renders untrusted text as text, never as HTML (X4)', () => {
		render(StatusRegion, {
			message: { id: 2, text: '<img src=x onerror=alert(1)>', tone: 'error' },
			ondismiss: vi.fn()
		});
		const region = screen.getByRole('status');
		expect(region.querySelector('img')).toBeNull();
		expect(region).toHaveTextContent('<img src=x onerror=alert(1)>');
	});
});
