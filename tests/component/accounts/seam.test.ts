// The account components and the login flow through `perform` (the typed command map): a
// refusal lands on the field it concerns and keeps what was typed, "Confirm it's you" is
// asked before a late change and answers a wrong password on its own field, and a log in
// begins the session as soon as its command returns (A2, A5, A12).
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { logIn, signUp, verifyEmail } from '$lib/app/accounts';
import type { AccountsContext } from '$lib/app/accounts';
import { createContext } from '$lib/app/context';
import { SUDO_WINDOW_MS } from '$lib/app/session';
import { mailbox } from '$lib/core';
import { MemoryStore } from '$lib/store';
import { data } from '$lib/state/data.svelte';
import { keyring } from '$lib/state/keyring';
import { LoginFlow } from '$lib/state/login-flow.svelte';
import { session } from '$lib/state/session.svelte';
import { status } from '$lib/state/status.svelte';
import { deviceThrottle } from '$lib/state/throttle';
import { WRONG_PAIR } from '$lib/ui/account-words';
import EmailSection from '$lib/components/accounts/EmailSection.svelte';
import PasswordSection from '$lib/components/accounts/PasswordSection.svelte';
import { cheapKdf } from '../../unit/app/fake-hash';

const PASSWORD = 'correct horse battery staple';
const EMAIL = 'alice@acme.com';

/** A verified account on a MemoryStore that `perform` uses; answers its log in. */
async function verified() {
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
	const link = mailbox(store.state, EMAIL)[0]?.links[0]?.href ?? '';
	const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
	await verifyEmail(accounts, { email: EMAIL, token, actor: null });
	const step = await logIn(accounts, { email: EMAIL, password: PASSWORD });
	if (step.kind !== 'logged-in') throw new Error(step.kind);
	return { store, account: step.account, record: step.session };
}

afterEach(() => {
	session.end();
	status.clear();
	localStorage.clear();
});

describe('account components through perform', () => {
	it('A5: a refusal about the new address shows on its field and keeps what was typed', async () => {
		const { account, record } = await verified();
		session.begin(record);
		render(EmailSection, { account, session: record });
		const field = screen.getByLabelText('New email address');
		await fireEvent.input(field, { target: { value: EMAIL } });
		await fireEvent.click(screen.getByRole('button', { name: 'Send confirmation link' }));
		await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
		expect(screen.getByText('That already is your address.')).toBeInTheDocument();
		expect(field).toHaveValue(EMAIL);
	});

	it('A12: a late change asks "Confirm it’s you"; a wrong password is answered on its field', async () => {
		const { account, record } = await verified();
		const late = { ...record, authAt: record.authAt - SUDO_WINDOW_MS };
		session.begin(late);
		// As the Profile page gives it: the live session record, renewed by Confirm.
		render(PasswordSection, {
			props: {
				account,
				get session() {
					return session.current ?? late;
				}
			}
		});
		await fireEvent.input(screen.getByLabelText('New password'), {
			target: { value: 'a much newer passphrase of mine' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
		await screen.findByRole('heading', { name: 'Confirm it’s you' });

		const password = screen.getByLabelText('Password');
		await fireEvent.input(password, { target: { value: 'not my password' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
		await screen.findByText('That password is not right.');
		expect(password).toHaveAttribute('aria-invalid', 'true');

		await fireEvent.input(password, { target: { value: PASSWORD } });
		await fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
		await waitFor(() => expect(status.current?.text).toMatch(/^Your password is changed/));
		expect(screen.queryByRole('heading', { name: 'Confirm it’s you' })).toBeNull();
		// The confirmed password renewed sudo mode for the session on this device.
		expect(session.needsReauth(Date.now())).toBe(false);
	});
});

describe('the login flow (A2)', () => {
	it('announces a wrong password, then begins the session the moment the log in returns', async () => {
		const { record } = await verified();
		const flow = new LoginFlow();
		const wrong = await flow.password({ email: EMAIL, password: 'not it' });
		expect(wrong.finished).toBe(false);
		expect(status.current).toMatchObject({ text: WRONG_PAIR, tone: 'error' });
		expect(session.current).toBeNull();

		const right = await flow.password({ email: EMAIL, password: PASSWORD });
		expect(right.finished).toBe(true);
		expect(session.current?.accountId).toBe(record.accountId);
		expect(status.current?.text).toBe('Logged in as Alice Example (alice@acme.com).');
	});
});
