// S10: live sync's words: one sentence per problem code, and a status line that says where
// things stand, what went each way and what waits or was refused.
import { describe, expect, it } from 'vitest';
import type { ConnectProblem, LiveProblem, LiveStatus } from '$lib/app/command-types';
import { zeroCounts } from '$lib/live/replicator';
import {
	KEY_FILE_MADE_WORDS,
	connectedWords,
	liveProblemWords,
	liveStatusWords,
	whenWords
} from '$lib/ui/live-words';
import { doneWords } from '$lib/ui/command-words';

const PROBLEMS: (ConnectProblem | LiveProblem)[] = [
	{ code: 'local' },
	{ code: 'bad-url' },
	{ code: 'offline' },
	{ code: 'unauthorized' },
	{ code: 'forbidden' },
	{ code: 'no-database' },
	{ code: 'server', status: 503 },
	{ code: 'bad-response' },
	{ code: 'aborted' },
	{ code: 'wrong-passphrase' },
	{ code: 'wrong-key-file' },
	{ code: 'bad-key-file' },
	{ code: 'bad-team-doc' }
];

const status = (over: Partial<LiveStatus> = {}): LiveStatus => ({
	state: 'waiting',
	counts: zeroCounts(),
	problem: null,
	locked: false,
	...over
});

describe('S10: live sync words', () => {
	it('S10: every problem has its own sentence; the server’s status is named, its text never', () => {
		const words = PROBLEMS.map(liveProblemWords);
		expect(new Set(words).size).toBe(PROBLEMS.length);
		expect(liveProblemWords({ code: 'server', status: 503 })).toContain('HTTP 503');
		expect(liveProblemWords({ code: 'unauthorized' })).toBe(
			'The server did not accept this user name and password.'
		);
	});

	it('S10: a refused connection is an error announcement; a connected one names the server and database', () => {
		const refused = connectedWords({ kind: 'refused', problem: { code: 'wrong-passphrase' } });
		expect(refused.tone).toBe('error');
		expect(refused.text).toContain('not this team’s passphrase');
		const server = { url: 'https://couch.example', database: 'team', username: 'u', password: 'p' };
		const done = connectedWords({ kind: 'connected', server, status: status() });
		expect(done.tone).toBe('success');
		expect(done.text).toBe(
			'Live sync is on: this device sends and receives changes through team on https://couch.example.'
		);
		const locked = connectedWords({ kind: 'connected', server, status: status({ locked: true }) });
		expect(locked.text).toContain(
			'Without the team passphrase or key file nothing is read or applied'
		);
	});

	it('S10: the status line counts each way, and says what waits, was refused or is encrypted', () => {
		const counts = {
			...zeroCounts(),
			pushed: 1,
			pulled: 2_000,
			waiting: 3,
			refused: 1,
			conflicts: 2
		};
		const line = liveStatusWords(status({ counts }));
		expect(line).toContain('Connected and up to date.');
		expect(line).toContain(
			'Sent 1 change and received 2,000 since this page opened; last sent never, last received never.'
		);
		expect(line).toContain('2 received changes kept as conflicts.');
		expect(line).toContain(
			'3 received changes waiting for their device’s signature or enrollment.'
		);
		expect(line).toContain(
			'1 document on the server could not be opened with the team key: not applied.'
		);
		const locked = liveStatusWords(
			status({ locked: true, counts: { ...zeroCounts(), encrypted: 5 } })
		);
		expect(locked).toContain('5 encrypted changes waiting');
		expect(liveStatusWords(status({ state: 'offline', problem: { code: 'offline' } }))).toContain(
			'Offline'
		);
		expect(liveStatusWords(status({ state: 'failed', problem: { code: 'forbidden' } }))).toContain(
			'Stopped: This user may not use that database'
		);
		expect(liveStatusWords(status({ state: 'elsewhere' }))).toContain(
			'Live sync runs in another tab of this browser; this tab takes over when that one closes.'
		);
	});

	it('S10: last sent and received read as a time today, a date and time before today, or never', () => {
		const now = new Date(2026, 11, 1, 15, 0, 0).getTime();
		const today = whenWords(new Date(2026, 11, 1, 9, 5, 7).getTime(), now);
		expect(today).toMatch(/0?9\D05\D07/);
		expect(today).not.toContain('2026');
		const before = whenWords(new Date(2026, 10, 29, 9, 5, 7).getTime(), now);
		expect(before).toContain('2026');
		expect(before).toMatch(/0?9\D05/);
		expect(before).not.toMatch(/05\D07/);
		expect(whenWords(null, now)).toBe('never');
		expect(liveStatusWords(status(), now)).toBe(
			'Connected and up to date. Nothing sent or received yet.'
		);
		const counts = { ...zeroCounts(), lastPush: new Date(2026, 10, 29, 9, 5, 7).getTime() };
		expect(liveStatusWords(status({ counts }), now)).toContain(
			`Sent 0 changes and received 0 since this page opened; last sent ${before}, last received never.`
		);
	});

	it('S10: a key file is worded as a key file: a wrong one, one that is not a key file, and a new one', () => {
		const wrong = connectedWords({ kind: 'refused', problem: { code: 'wrong-key-file' } });
		expect(wrong.tone).toBe('error');
		expect(wrong.text).toBe(
			'Live sync is not on. That is not this team’s key file: nothing was read or sent.'
		);
		expect(wrong.text).not.toContain('passphrase');
		const bad = connectedWords({ kind: 'refused', problem: { code: 'bad-key-file' } });
		expect(bad.text).toContain('That file is not a Tessera team key file, or it is damaged');
		expect(bad.text).not.toContain('passphrase');
		const made = doneWords('live.makeKeyFile', { text: '{}', filename: 'k.json' }, {});
		expect(made).toEqual({ text: KEY_FILE_MADE_WORDS, tone: 'success' });
		expect(KEY_FILE_MADE_WORDS).toContain('keep it safe');
		expect(KEY_FILE_MADE_WORDS).toContain('copy it to the team’s other devices');
		expect(
			liveStatusWords(status({ locked: true, counts: { ...zeroCounts(), encrypted: 1 } }))
		).toContain('connect with the team passphrase or key file to read them');
	});
});
