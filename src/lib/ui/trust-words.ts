// Words for X6 (authenticity): why a change from a file is held apart, unverified, one phrase
// per reason code; what the preview says about changes nothing can verify; and how many an
// import held apart. An account's name is someone's text, so it stays a piece of the phrase
// (X4) for the page to isolate.
import type { Unverified } from '$lib/log/authenticity';
import { phrase } from './phrase';
import type { Phrase } from './phrase';

const count = new Intl.NumberFormat('en-US');
const plural = (n: number, one: string, many = `${one}s`) =>
	`${count.format(n)} ${n === 1 ? one : many}`;

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * X6: why a change from a file was held apart, unverified. `account` names the account the
 * change needed proof for, when known; `device` is the device in words ("device 3f2a…").
 */
export function unverifiedWords(
	reason: Unverified,
	account: Phrase | null,
	device: string
): Phrase {
	const whose = account ?? ['this account'];
	switch (reason.code) {
		case 'bad-signature':
			return [
				`Not signed by ${device} as it was written: it was altered after export, or it did not come from that device. Kept apart, not applied.`
			];
		case 'not-enrolled':
			return phrase(
				`${capital(device)} was never enrolled for `,
				whose,
				', so this cannot be shown to come from them. Kept apart, not applied: it waits for that enrollment, which is not yet on this device.'
			);
		case 'unverifiable-reset':
			return phrase(
				`A password set through a reset link on ${device}, which was never enrolled for `,
				whose,
				': it cannot be shown that the account’s owner did it. Kept apart, not applied.'
			);
		case 'untrusted-key':
			return phrase(
				`This enrollment of ${device} is signed with a key `,
				whose,
				' is not known to have. Kept apart, not applied: it waits for that key, which is not yet on this device.'
			);
	}
}

/** X6: what the preview says about changes nothing can verify (S9). */
export function trustWords(unsignable: number, fresh: number): string {
	const what =
		unsignable === fresh
			? 'Nothing in this file can be verified'
			: `${plural(unsignable, 'change')} of the ${plural(fresh, 'new change')} in this file cannot be verified`;
	return `${what}: it was written by a version of Tessera from before signatures, or on a device that was never enrolled. Anyone could have written ${unsignable === 1 ? 'that change' : 'those changes'}. Import only if you trust where this file came from.`;
}

/** X6: changes the file brings that will be held apart, unverified. */
export function unverifiedCountWords(n: number): string {
	return `${plural(n, 'change')} cannot be shown to come from who made ${n === 1 ? 'it' : 'them'}: ${n === 1 ? 'it is' : 'they are'} kept apart as ${n === 1 ? 'a conflict' : 'conflicts'}, not applied.`;
}
