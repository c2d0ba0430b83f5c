// S10: joining a team's database. The server must answer for these credentials; the team
// document gives the salt the passphrase is stretched with (the first device to connect makes
// it), and its check value tells a wrong passphrase apart before anything is read.
import { err, ok } from '$lib/core';
import type { Result } from '$lib/core';
import { CouchClient } from './couch';
import type { CouchProblem, ServerConfig } from './couch';
import { TEAM_DOC_ID, createTeam, openTeam } from './team';
import type { TeamKeyOptions, TeamProblem } from './team';

export type ConnectProblem = CouchProblem | { readonly code: TeamProblem };

export interface Joined {
	readonly client: CouchClient;
	/** Null: connected without the passphrase; changes are counted, never applied. */
	readonly key: CryptoKey | null;
	/** This device made the team document. */
	readonly created: boolean;
}

/** Connects and opens (or makes) the team key; `passphrase` null connects without it. */
export async function connect(
	config: ServerConfig,
	passphrase: string | null,
	fetcher: typeof fetch,
	options: TeamKeyOptions
): Promise<Result<Joined, ConnectProblem>> {
	const made = CouchClient.create(config, fetcher);
	if (!made.ok) return made;
	const client = made.value;
	const info = await client.info();
	if (!info.ok) return info;
	if (passphrase === null) return ok({ client, key: null, created: false });
	const found = await client.get(TEAM_DOC_ID);
	if (!found.ok) return found;
	if (found.value === null) {
		const team = await createTeam(passphrase, options);
		const created = await client.create(TEAM_DOC_ID, team.doc);
		if (!created.ok) return created;
		if (created.value === 'created') return ok({ client, key: team.key, created: true });
		// Another device made it at the same moment: use theirs.
		return joinExisting(client, passphrase);
	}
	const opened = await openTeam(found.value, passphrase);
	return opened.ok
		? ok({ client, key: opened.value, created: false })
		: err({ code: opened.error });
}

async function joinExisting(
	client: CouchClient,
	passphrase: string
): Promise<Result<Joined, ConnectProblem>> {
	const again = await client.get(TEAM_DOC_ID);
	if (!again.ok) return again;
	const opened = await openTeam(again.value, passphrase);
	return opened.ok
		? ok({ client, key: opened.value, created: false })
		: err({ code: opened.error });
}

/** The key a device keeps, opened again with the stored client settings (no passphrase). */
export function reconnect(
	config: ServerConfig,
	key: CryptoKey | null,
	fetcher: typeof fetch
): Result<Joined, ConnectProblem> {
	const made = CouchClient.create(config, fetcher);
	return made.ok ? ok({ client: made.value, key, created: false }) : made;
}
