// jsdom has <dialog> but not showModal/close: enough of them for the components under test
// (open attribute, the close event). Real Chromium runs the real ones in the e2e tests.
export function polyfillDialog(): void {
	Object.defineProperty(HTMLDialogElement.prototype, 'showModal', {
		configurable: true,
		value(this: HTMLDialogElement) {
			this.setAttribute('open', '');
		}
	});
	Object.defineProperty(HTMLDialogElement.prototype, 'close', {
		configurable: true,
		value(this: HTMLDialogElement) {
			if (!this.hasAttribute('open')) return;
			this.removeAttribute('open');
			this.dispatchEvent(new Event('close'));
		}
	});
}
