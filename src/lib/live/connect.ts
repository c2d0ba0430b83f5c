// S10: joining a team's database. The server must answer for these credentials; the team
// document gives the salt the team passphrase or key file is stretched with (the first device
// to connect makes it), and its check value tells a wrong secret apart before anything is read.
import { err, ok } from '$lib/core';
import type { Result } from '$lib/core';
import { CouchClient } from './couch';
import type { CouchProblem, Seq, ServerConfig } from './couch';
import { TEAM_DOC_ID, createTeam, openTeam } from './team';
import type { KeyFileProblem } from './key-file';
import type { TeamKeyOptions, TeamProblem, TeamSecret } from './team';

export type ConnectProblem = CouchProblem | { readonly code: TeamProblem | KeyFileProblem };

export interface Joined {
	readonly client: CouchClient;
	/** Null: connected without the team's secret; changes are counted, never applied. */
	readonly key: CryptoKey | null;
	/** The server's update sequence when connecting (a first pull's progress), if it said. */
	readonly updateSeq: Seq | null;
}

/** Connects and opens (or makes) the team key; `secret` null connects without it. */
export async function connect(
	config: ServerConfig,
	secret: TeamSecret | null,
	fetcher: typeof fetch,
	options: TeamKeyOptions
): Promise<Result<Joined, ConnectProblem>> {
	const made = CouchClient.create(config, fetcher);
	if (!made.ok) return made;
	const client = made.value;
	const info = await client.info();
	if (!info.ok) return info;
	const joined = (key: CryptoKey | null): Joined => ({
		client,
		key,
		updateSeq: info.value.updateSeq
	});
	if (secret === null) return ok(joined(null));
	const found = await client.get(TEAM_DOC_ID);
	if (!found.ok) return found;
	let doc = found.value;
	if (doc === null) {
		const team = await createTeam(secret, options);
		const created = await client.create(TEAM_DOC_ID, team.doc);
		if (!created.ok) return created;
		if (created.value === 'created') return ok(joined(team.key));
		// Another device made it at the same moment: use theirs.
		const again = await client.get(TEAM_DOC_ID);
		if (!again.ok) return again;
		doc = again.value;
	}
	const opened = await openTeam(doc, secret);
	return opened.ok ? ok(joined(opened.value)) : err({ code: opened.error });
}

/** The key a device keeps, opened again with the stored client settings (no secret). */
export function reconnect(
	config: ServerConfig,
	key: CryptoKey | null,
	fetcher: typeof fetch
): Result<Joined, ConnectProblem> {
	const made = CouchClient.create(config, fetcher);
	return made.ok ? ok({ client: made.value, key, updateSeq: null }) : made;
}
