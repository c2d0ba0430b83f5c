// The shell's runes singletons behave as their components expect.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OFFLINE_READY_MS, PwaState, UNSENT_POLL_MS } from '$lib/state/pwa.svelte';
import { StatusManager, lifetime, status } from '$lib/state/status.svelte';

describe('status (the live region, UI vocabulary)', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('announces with increasing ids so the same text twice is still a new message', () => {
		status.announce('Saved.', 'success');
		const first = status.current;
		status.announce('Saved.', 'success');
		expect(status.current?.text).toBe('Saved.');
		expect(status.current?.id).toBeGreaterThan(first?.id ?? Infinity);
		status.clear();
		expect(status.current).toBeNull();
	});

	it('a result goes by itself after a few seconds; an error stays until dismissed', () => {
		const s = new StatusManager();
		s.announce('Contact added.', 'success');
		const ms = lifetime({ text: 'Contact added.', tone: 'success' });
		expect(ms).toBeGreaterThanOrEqual(5_000);
		vi.advanceTimersByTime(ms - 1);
		expect(s.current?.text).toBe('Contact added.');
		vi.advanceTimersByTime(1);
		expect(s.current).toBeNull();
		s.announce('Saving failed.', 'error');
		vi.advanceTimersByTime(10 * 60_000);
		expect(s.current?.text).toBe('Saving failed.');
		s.clear();
		expect(s.current).toBeNull();
	});

	it('longer words and an Undo stay longer, never more than 15 s', () => {
		expect(lifetime({ text: 'x'.repeat(120), tone: 'info' })).toBeGreaterThan(
			lifetime({ text: 'x', tone: 'info' })
		);
		expect(lifetime({ text: 'x', tone: 'success', action: { label: 'Undo', run: vi.fn() } })).toBe(
			10_000
		);
		expect(lifetime({ text: 'x'.repeat(10_000), tone: 'success' })).toBe(15_000);
	});

	it('stays while the pointer or focus is on it, and a little after', () => {
		const s = new StatusManager();
		s.announce('Contact deleted.', 'success', { action: { label: 'Undo', run: vi.fn() } });
		vi.advanceTimersByTime(9_000);
		s.hold('focus');
		s.hold('pointer');
		vi.advanceTimersByTime(60_000);
		expect(s.current).not.toBeNull();
		s.release('focus');
		vi.advanceTimersByTime(60_000);
		expect(s.current).not.toBeNull();
		s.release('pointer');
		vi.advanceTimersByTime(1_999);
		expect(s.current).not.toBeNull();
		vi.advanceTimersByTime(1);
		expect(s.current).toBeNull();
	});

	it('is left behind when the person navigates; a goto after an action keeps its result', () => {
		const s = new StatusManager();
		s.announce('Renewal quotes sent.', 'success');
		s.navigating('goto');
		expect(s.current?.text).toBe('Renewal quotes sent.');
		s.navigating('link');
		expect(s.current).toBeNull();
		s.announce('Refused.', 'error');
		s.navigating('popstate');
		expect(s.current).toBeNull();
	});

	it('a new command supersedes an error, not a result', () => {
		const s = new StatusManager();
		s.announce('Wrong.', 'error');
		s.supersede();
		expect(s.current).toBeNull();
		s.announce('Done.', 'success');
		s.supersede();
		expect(s.current?.text).toBe('Done.');
	});
});

describe('pwa (P1)', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('applies a waiting update only through applyUpdate', () => {
		const pwa = new PwaState();
		const apply = vi.fn();
		// Asked before any update waited: nothing is remembered for later.
		pwa.applyUpdate();
		pwa.markUpdateReady({ apply });
		expect(pwa.updateReady).toBe(true);
		expect(apply).not.toHaveBeenCalled();
		pwa.postponeUpdate();
		expect(pwa.updateReady).toBe(false);
		expect(apply).not.toHaveBeenCalled();
		pwa.applyUpdate();
		expect(apply).toHaveBeenCalledOnce();
		expect(pwa.applying).toBe(true);
	});

	it('P1: Reload waits while typed input is unsent, then applies once it is sent or cleared', () => {
		const pwa = new PwaState();
		let unsent = 1;
		pwa.configure({ unsent: () => unsent });
		const apply = vi.fn();
		pwa.markUpdateReady({ apply });
		pwa.applyUpdate();
		expect(pwa.waiting).toBe(true);
		vi.advanceTimersByTime(UNSENT_POLL_MS * 10);
		expect(apply).not.toHaveBeenCalled();
		unsent = 0;
		vi.advanceTimersByTime(UNSENT_POLL_MS);
		expect(apply).toHaveBeenCalledOnce();
		expect(pwa.waiting).toBe(false);
		vi.advanceTimersByTime(UNSENT_POLL_MS * 10);
		expect(apply).toHaveBeenCalledOnce();
	});

	it('P1: Later stops a waiting Reload; nothing is applied', () => {
		const pwa = new PwaState();
		let unsent = 2;
		pwa.configure({ unsent: () => unsent });
		const apply = vi.fn();
		pwa.markUpdateReady({ apply });
		pwa.applyUpdate();
		pwa.postponeUpdate();
		unsent = 0;
		vi.advanceTimersByTime(UNSENT_POLL_MS * 10);
		expect(apply).not.toHaveBeenCalled();
		expect(pwa.waiting).toBe(false);
	});

	it('P1: "Ready to work offline" goes away by itself', () => {
		const pwa = new PwaState();
		pwa.markOfflineReady();
		vi.advanceTimersByTime(OFFLINE_READY_MS - 1);
		expect(pwa.offlineReady).toBe(true);
		vi.advanceTimersByTime(1);
		expect(pwa.offlineReady).toBe(false);
	});
});
