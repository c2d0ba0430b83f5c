// X6: the check that makes a session record unforgeable by writing localStorage: the record's
// proof must be the account key's signature over (account, THIS device, start time), under the
// account's CURRENT key. A hand-written record has no valid proof; one copied from another
// device names the wrong device; one from before a password reset was signed by a key the
// account no longer uses.
import { accountId } from '$lib/core/ids';
import type { State } from '$lib/core/state';
import { sessionStatement, verify } from '$lib/security/signing';
import type { SessionRecord } from './session';

export async function verifySession(
	record: SessionRecord,
	state: State,
	device: string
): Promise<boolean> {
	if (record.accountId === '') return false;
	const account = state.accounts.get(accountId(record.accountId));
	const key = account?.signingKeys?.at(-1);
	if (account?.status !== 'active' || key === undefined) return false;
	return verify(key, sessionStatement(account.id, device, record.startedAt), record.proof);
}
