// S10: the words of live sync: what each command says when done, why a connection was refused,
// and the status line. One message per code; the server's own text is never shown.
import type {
	ConnectProblem,
	LiveConnectReport,
	LiveProblem,
	LiveStatus
} from '$lib/app/command-types';
import { announcement } from './announcement';
import type { Announcement } from './announcement';
import { formatCount, plural } from './format';
import { phrase, userText } from './phrase';

export function liveProblemWords(problem: ConnectProblem | LiveProblem): string {
	switch (problem.code) {
		case 'bad-url':
			return 'Enter the server’s address, such as https://couch.example.com, and a database name in lower case starting with a letter.';
		case 'offline':
			return 'The server does not answer: check the address, or the network.';
		case 'unauthorized':
			return 'The server did not accept this user name and password.';
		case 'forbidden':
			return 'This user may not use that database: ask the server’s admin to make them a member of it.';
		case 'no-database':
			return 'There is no database with that name on the server: ask its admin to create it.';
		case 'server':
			return `The server had a problem (HTTP ${problem.status}). Tessera will try again.`;
		case 'bad-response':
			return 'The server’s answer is not CouchDB’s replication protocol: is this the right address?';
		case 'aborted':
			return 'Stopped before the server answered.';
		case 'wrong-passphrase':
			return 'That is not this team’s passphrase: nothing was read or sent.';
		case 'wrong-key-file':
			return 'That is not this team’s key file: nothing was read or sent.';
		case 'bad-key-file':
			return 'That file is not a Tessera team key file, or it is damaged: nothing was read or sent.';
		case 'local':
			return 'This device could not save what live sync received (is its storage full?): nothing was half-written. Tessera will try again.';
		case 'bad-team-doc':
			return 'The team settings on the server are damaged or were not made by Tessera: nothing was read or sent.';
	}
}

export function connectedWords(report: LiveConnectReport): Announcement {
	if (report.kind === 'refused') {
		return announcement(`Live sync is not on. ${liveProblemWords(report.problem)}`, 'error');
	}
	const where = phrase(
		'Live sync is on: this device sends and receives changes through ',
		userText(report.server.database),
		' on ',
		userText(report.server.url),
		'.'
	);
	return announcement(report.status.locked ? phrase(...where, ' ', LOCKED) : where, 'success');
}

const LOCKED =
	'Without the team passphrase or key file nothing is read or applied: encrypted changes wait on the server.';

export const KEY_FILE_MADE_WORDS =
	'A new team key file was made and downloaded: keep it safe, and copy it to the team’s other devices. Anyone who has it can read the team’s data on the server.';
export const PAUSED_WORDS = 'Live sync paused: nothing is sent or received until you resume.';
export const RESUMED_WORDS = 'Live sync resumed.';
export const DISCONNECTED_WORDS =
	'Live sync is off on this device: the server, user name and team key are forgotten. Your data stays here.';

/** When something last happened: the time today, the date and time before today, or never. */
export function whenWords(ms: number | null, now: number): string {
	if (ms === null) return 'never';
	const at = new Date(ms);
	if (at.toDateString() === new Date(now).toDateString()) {
		return at.toLocaleTimeString(undefined, { hour12: false });
	}
	return at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', hour12: false });
}

/**
 * The status line: the state, then the counts each way (since this page opened), when
 * something was last sent and received (kept across reloads), and what waits or was refused.
 */
export function liveStatusWords(status: LiveStatus, now: number = Date.now()): string {
	const c = status.counts;
	const parts: string[] = [stateWords(status)];
	if (status.locked) {
		parts.push(
			`${plural(c.encrypted, 'encrypted change')} waiting: connect with the team passphrase or key file to read them.`
		);
		return parts.join(' ');
	}
	const nothingYet = c.pushed === 0 && c.pulled === 0 && c.lastPush === null && c.lastPull === null;
	parts.push(
		nothingYet
			? 'Nothing sent or received yet.'
			: `Sent ${plural(c.pushed, 'change')} and received ${formatCount(c.pulled)} since this page opened; last sent ${whenWords(c.lastPush, now)}, last received ${whenWords(c.lastPull, now)}.`
	);
	if (c.conflicts > 0)
		parts.push(`${plural(c.conflicts, 'received change', 'received changes')} kept as conflicts.`);
	if (c.waiting > 0) {
		parts.push(
			`${plural(c.waiting, 'received change', 'received changes')} waiting for their device’s signature or enrollment.`
		);
	}
	if (c.refused > 0) {
		parts.push(
			`${plural(c.refused, 'document')} on the server could not be opened with the team key: not applied.`
		);
	}
	if (c.lastRefusal !== null)
		parts.push('The last changes received were refused and are kept waiting.');
	return parts.join(' ');
}

function stateWords(status: LiveStatus): string {
	switch (status.state) {
		case 'connecting':
			return 'Connecting…';
		case 'live':
			return 'Connected, catching up.';
		case 'waiting':
			return 'Connected and up to date.';
		case 'paused':
			return 'Paused.';
		case 'elsewhere':
			return 'Live sync runs in another tab of this browser; this tab takes over when that one closes.';
		case 'offline':
			return status.problem !== null && status.problem.code !== 'offline'
				? `Waiting to try again: ${liveProblemWords(status.problem)}`
				: 'Offline: waiting for the network or the server. Changes made here are kept and sent when it is back.';
		case 'failed':
			return status.problem === null ? 'Stopped.' : `Stopped: ${liveProblemWords(status.problem)}`;
		case 'stopped':
			return 'Disconnected.';
	}
}
