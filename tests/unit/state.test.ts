// The shell's runes singletons behave as their components expect.
import { describe, expect, it, vi } from 'vitest';
import { pwa } from '$lib/state/pwa.svelte';
import { status } from '$lib/state/status.svelte';

describe('status (SPEC §9 live region)', () => {
	it('announces with increasing ids so the same text twice is still a new message', () => {
		status.announce('Saved.', 'success');
		const first = status.current;
		status.announce('Saved.', 'success');
		expect(status.current?.text).toBe('Saved.');
		expect(status.current?.id).toBeGreaterThan(first?.id ?? Infinity);
		status.clear();
		expect(status.current).toBeNull();
	});
});

describe('pwa (P1)', () => {
	it('applies a waiting update only through applyUpdate', () => {
		const apply = vi.fn();
		pwa.applyUpdate();
		expect(apply).not.toHaveBeenCalled();
		pwa.markUpdateReady({ apply });
		expect(pwa.updateReady).toBe(true);
		expect(apply).not.toHaveBeenCalled();
		pwa.postponeUpdate();
		expect(pwa.updateReady).toBe(false);
		pwa.applyUpdate();
		expect(apply).toHaveBeenCalledOnce();
		expect(pwa.applying).toBe(true);
	});
});
