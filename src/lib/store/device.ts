// The device id: 16 random hex digits made once per browser profile and kept in the
// database's meta store. It names this device in every change and clock (S1).
export function newDeviceId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(8));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Random ids for changes and records: 22 url-safe characters (~128 bits). */
export function newId(prefix = ''): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	let text = '';
	for (const b of bytes) text += String.fromCharCode(b);
	return prefix + btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
