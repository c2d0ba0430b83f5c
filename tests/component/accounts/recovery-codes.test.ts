// A13 in Profile → Security, against a real MemoryStore: "Regenerate recovery codes" (sudo
// mode, A12: the password is asked again once the log in is older than ten minutes) shows
// new codes once, the old ones stop working, and "Download recovery codes" saves them as a
// text file named for the account.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enableTwoStep, logIn, signUp, startEnrolment } from '$lib/app/accounts';
import type { AccountsContext } from '$lib/app/accounts';
import { createContext } from '$lib/app/context';
import { SUDO_WINDOW_MS } from '$lib/app/session';
import { generateTotp, hashRecoveryCode } from '$lib/security';
import { MemoryStore } from '$lib/store';
import { data } from '$lib/state/data.svelte';
import { deviceThrottle } from '$lib/state/throttle';
import { keyring } from '$lib/state/keyring';
import { session as sessionState } from '$lib/state/session.svelte';
import TwoStepPanel from '$lib/components/accounts/TwoStepPanel.svelte';
import RecoveryCodes from '$lib/components/accounts/RecoveryCodes.svelte';
import { recoveryFileName, recoveryFileText } from '$lib/components/accounts/recovery-file';
import { cheapKdf } from '../../unit/app/fake-hash';

const PASSWORD = 'correct horse battery staple';
const EMAIL = 'alice@acme.com';

async function enrolled() {
	const store = new MemoryStore();
	const ctx = createContext(store, undefined, { kdf: cheapKdf });
	data.useStore(store, ctx);
	const accounts: AccountsContext = { ...ctx, throttle: deviceThrottle(), keyring };
	const created = await signUp(accounts, {
		email: EMAIL,
		name: 'Alice Example',
		password: PASSWORD
	});
	if (!created.ok) throw new Error(created.error.code);
	const step = await logIn(accounts, { email: EMAIL, password: PASSWORD });
	if (step.kind !== 'logged-in') throw new Error(step.kind);
	const { secret } = startEnrolment(EMAIL);
	const on = await enableTwoStep(accounts, step.session, {
		secret,
		code: generateTotp(secret, Date.now())
	});
	if (!on.ok) throw new Error(on.error.code);
	sessionState.begin(step.session);
	return { store, id: step.account.id, session: step.session, old: on.value.recoveryCodes };
}

afterEach(() => {
	sessionState.end();
	vi.restoreAllMocks();
	vi.useRealTimers();
});

describe('Regenerate recovery codes (A13, A12)', () => {
	it('A13: new codes are shown once and replace the old ones', async () => {
		const { store, id, session, old } = await enrolled();
		const account = store.state.accounts.get(id);
		if (account === undefined) throw new Error('no account');
		render(TwoStepPanel, { account, session });
		await fireEvent.click(screen.getByRole('button', { name: 'Regenerate recovery codes' }));
		const list = await screen.findByRole('list', { name: 'Recovery codes' });
		const shown = [...list.querySelectorAll('code')].map((c) => c.textContent ?? '');
		expect(shown).toHaveLength(10);
		expect(shown).not.toContain(old[0]);
		const hashes = store.state.accounts.get(id)?.secrets.twoStep?.recoveryCodeHashes ?? [];
		expect(hashes).toContain(await hashRecoveryCode(shown[0] ?? ''));
		expect(hashes).not.toContain(await hashRecoveryCode(old[0] ?? ''));
	});

	it('A12: after ten minutes the password is asked first; nothing changes until it is given', async () => {
		const { store, id, session } = await enrolled();
		const account = store.state.accounts.get(id);
		if (account === undefined) throw new Error('no account');
		const before = account.secrets.twoStep?.recoveryCodeHashes;
		vi.spyOn(Date, 'now').mockReturnValue(session.authAt + SUDO_WINDOW_MS + 1);
		render(TwoStepPanel, { account, session });
		await fireEvent.click(screen.getByRole('button', { name: 'Regenerate recovery codes' }));
		expect(await screen.findByLabelText('Password')).toBeInTheDocument();
		expect(store.state.accounts.get(id)?.secrets.twoStep?.recoveryCodeHashes).toEqual(before);
	});
});

describe('Download recovery codes (A13)', () => {
	it('A13: the codes on screen download as a text file named for the account', async () => {
		const made: Blob[] = [];
		vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
			if (blob instanceof Blob) made.push(blob);
			return 'blob:codes';
		});
		vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
		const clicked: string[] = [];
		vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
			this: HTMLAnchorElement
		) {
			clicked.push(this.download);
		});
		const codes = ['aaaa-bbbb', 'cccc-dddd'];
		render(RecoveryCodes, { codes, email: EMAIL, ondone: () => undefined });
		await fireEvent.click(screen.getByRole('button', { name: 'Download recovery codes' }));
		await waitFor(() => expect(clicked).toEqual(['tessera-recovery-codes-alice@acme.com.txt']));
		expect(made[0]?.type).toBe('text/plain');
		const text = await made[0]?.text();
		expect(text).toContain('Tessera recovery codes for alice@acme.com');
		expect(text?.split('\n')).toEqual(expect.arrayContaining(codes));
		expect(screen.getByRole('status')).toHaveTextContent('Downloaded.');
	});

	it('A13: the file name is safe whatever the address', () => {
		expect(recoveryFileName('Ünï Code/../x@acme.com')).toBe(
			'tessera-recovery-codes-_n_code_.._x@acme.com.txt'
		);
		expect(recoveryFileText('a@b.c', ['x'], new Date(0))).toContain('Made 1970-01-01 00:00 UTC');
	});
});
