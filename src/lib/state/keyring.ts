// X6: this tab's keyring (app/accounts/keyring.ts): the logged-in account's vault key, in
// memory only. The session state clears it whenever the session ends or changes hands.
import { memoryKeyring } from '$lib/app/accounts/keyring';

export const keyring = memoryKeyring();
