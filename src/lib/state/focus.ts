/**
 * Where keyboard focus goes after a list changes or a dialog closes: never the page body.
 * Elements that can take focus after a command carry `data-focus="<key>"` (a contact's row
 * buttons, a list's heading, the announcement's Undo); a command names the keys to try, in
 * order, and the first one on the page gets focus — but only when focus was lost (the focused
 * button was removed or disabled by the change), so focus never jumps away from where the
 * person is. The main landmark is the last resort.
 */

/** True when focus is nowhere useful: on the body, or on an element that is gone or disabled. */
export function focusLost(doc: Document = document): boolean {
	const active = doc.activeElement;
	if (active === null || active === doc.body || !active.isConnected) return true;
	return active.matches(':disabled');
}

/** Focuses the first element whose `data-focus` is one of `keys`; true when one took it. */
export function focusFirst(keys: readonly string[], doc: Document = document): boolean {
	const tagged = [...doc.querySelectorAll<HTMLElement>('[data-focus]')];
	for (const key of keys) {
		const element = tagged.find((el) => el.dataset.focus === key && !el.matches(':disabled'));
		if (element === undefined) continue;
		element.focus();
		if (doc.activeElement === element) return true;
	}
	return false;
}

/** After a change: if focus was lost, the first of `keys`, else the main landmark. */
export function restoreFocus(keys: readonly string[], doc: Document = document): void {
	if (!focusLost(doc)) return;
	if (focusFirst(keys, doc)) return;
	doc.getElementById('main')?.focus();
}
