// The shell's helpers in a DOM: focus after a list change goes somewhere sensible (never the
// body), unsent input is counted for the update prompt (P1), and the Licenses list's filters
// belong to one person and are dropped at log out (a shared device shows no other SEN).
import { afterEach, describe, expect, it } from 'vitest';
import { focusFirst, focusLost, restoreFocus } from '$lib/state/focus';
import { licensesViews } from '$lib/state/licenses.svelte';
import { UnsavedInput } from '$lib/pwa/unsaved';
import { runInEffect } from './in-effect.svelte';

afterEach(() => {
	document.body.innerHTML = '';
});

function button(focus?: string): HTMLButtonElement {
	const b = document.createElement('button');
	if (focus !== undefined) b.dataset.focus = focus;
	document.body.append(b);
	return b;
}

describe('focus after a change', () => {
	it('moves focus to the first key on the page when the focused button was removed', () => {
		const main = document.createElement('main');
		main.id = 'main';
		main.tabIndex = -1;
		document.body.append(main);
		const heading = button('contacts:l1:billing');
		const row = button('contact:l1:billing:a-bob');
		const gone = button();
		gone.focus();
		gone.remove();
		expect(focusLost()).toBe(true);
		restoreFocus(['status-action', 'contact:l1:billing:a-bob', 'contacts:l1:billing']);
		expect(document.activeElement).toBe(row);
		row.disabled = true;
		expect(focusLost()).toBe(true);
		restoreFocus(['contact:l1:billing:a-bob', 'contacts:l1:billing']);
		expect(document.activeElement).toBe(heading);
		heading.remove();
		row.remove();
		restoreFocus(['nothing-here']);
		expect(document.activeElement).toBe(main);
	});

	it('leaves focus where it is when the change did not take it away', () => {
		const stays = button();
		button('contacts:l1:billing');
		stays.focus();
		restoreFocus(['contacts:l1:billing']);
		expect(document.activeElement).toBe(stays);
		expect(focusFirst(['unknown'])).toBe(false);
	});
});

describe('unsent input (P1)', () => {
	function field(form: HTMLFormElement, value = ''): HTMLInputElement {
		const input = document.createElement('input');
		input.value = value;
		form.append(input);
		return input;
	}

	function type(input: HTMLInputElement, value: string): void {
		input.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
		input.value = value;
		input.dispatchEvent(new Event('input', { bubbles: true }));
	}

	it('counts typed text until it is sent, cleared, typed back or gone', () => {
		const tracker = new UnsavedInput();
		const stop = tracker.start(document);
		const form = document.createElement('form');
		document.body.append(form);
		const email = field(form);
		const name = field(form, 'Alice');
		expect(tracker.fields()).toEqual([]);
		type(email, 'bob@');
		type(name, 'Alicia');
		expect(tracker.fields()).toEqual([email, name]);
		type(name, 'Alice');
		expect(tracker.fields()).toEqual([email]);
		form.dispatchEvent(new Event('submit', { bubbles: true }));
		expect(tracker.fields()).toEqual([]);
		type(email, 'bob@acme.com');
		expect(tracker.fields()).toEqual([email]);
		tracker.keep(email);
		type(email, '');
		expect(tracker.fields()).toEqual([]);
		type(email, 'x');
		form.remove();
		expect(tracker.fields()).toEqual([]);
		stop();
	});

	it('ignores search boxes: filters are not input to keep', () => {
		const tracker = new UnsavedInput();
		const stop = tracker.start(document);
		const search = document.createElement('input');
		search.type = 'search';
		document.body.append(search);
		search.value = 'SEN-1';
		search.dispatchEvent(new Event('input', { bubbles: true }));
		expect(tracker.fields()).toEqual([]);
		stop();
	});
});

describe('the Licenses list belongs to one person', () => {
	it('gives another person fresh filters, and forgets them all at log out', () => {
		const alice = licensesViews.of('a-alice');
		alice.query = 'SEN-2041000101';
		alice.productId = 'issues';
		alice.toggle('l1');
		expect(licensesViews.of('a-alice').query).toBe('SEN-2041000101');
		const bob = licensesViews.of('a-bob');
		expect(bob.query).toBe('');
		expect(bob.productId).toBe('');
		expect(bob.expanded.size).toBe(0);
		licensesViews.of('a-alice').query = 'SEN-2041000101';
		licensesViews.clear();
		expect(licensesViews.of('a-alice').query).toBe('');
	});

	it('can be cleared from the shell’s effect on the session without looping', () => {
		expect(runInEffect(() => licensesViews.clear())).toBeNull();
	});
});
