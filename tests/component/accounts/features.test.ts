// Account feature components against a real MemoryStore (no mocks): two-step enrolment shows
// the Setup key and QR code and turns on with a code computed from it (A2, the UI vocabulary); Delete
// account lists the licenses that block it, with links (A8); an identity provider's account
// is told where its name lives (A7); the mail client never makes a foreign link clickable (X4).
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { accountId, changeId, mailId } from '$lib/core';
import type { Account, Mail } from '$lib/core';
import { logIn, signUp } from '$lib/app/accounts';
import type { AccountsContext } from '$lib/app/accounts';
import { createContext } from '$lib/app/context';
import { addContact, startLicense } from '$lib/app/licenses';
import { startSession } from '$lib/app/session';
import type { SessionRecord } from '$lib/app/session';
import { generateTotp } from '$lib/security';
import { MemoryStore } from '$lib/store';
import { cheapKdf, cheapUnlock } from '../../unit/app/fake-hash';
import { data } from '$lib/state/data.svelte';
import { deviceThrottle } from '$lib/state/throttle';
import { keyring } from '$lib/state/keyring';
import { checkAvatarFile } from '$lib/components/accounts/avatar';
import TwoStepSetup from '$lib/components/accounts/TwoStepSetup.svelte';
import DeleteAccount from '$lib/components/accounts/DeleteAccount.svelte';
import ProfileDetails from '$lib/components/accounts/ProfileDetails.svelte';
import MailClient from '$lib/components/mail/MailClient.svelte';

// PBKDF2 through `cheapKdf` (one iteration behind records that say 600,000, X1): no test
// waits on full-cost hashing.
const PASSWORD = 'correct horse battery staple';

/** Signs up and logs in (X6: the log in signs the session and fills this tab's keyring). */
async function withAccount(
	email: string
): Promise<{ store: MemoryStore; account: Account; session: SessionRecord }> {
	const store = new MemoryStore();
	const ctx = createContext(store, undefined, { kdf: cheapKdf });
	data.useStore(store, ctx);
	const accounts: AccountsContext = { ...ctx, throttle: deviceThrottle(), keyring };
	const created = await signUp(accounts, { email, name: 'Alice Example', password: PASSWORD });
	if (!created.ok) throw new Error(created.error.code);
	const step = await logIn(accounts, { email, password: PASSWORD });
	if (step.kind !== 'logged-in') throw new Error(step.kind);
	return { store, account: step.account, session: step.session };
}

describe('TwoStepSetup (A2, the UI vocabulary)', () => {
	it('shows the secret as a read-only Setup key and a QR code, and turns on with its code', async () => {
		const { store, account, session } = await withAccount('alice@acme.com');
		const onenabled = vi.fn();
		render(TwoStepSetup, { email: account.email, session, onenabled });
		const key = screen.getByLabelText('Setup key');
		expect(key).toHaveAttribute('readonly');
		// The secret comes from the twoStep.start command, run through perform on mount.
		const read = () => (key instanceof HTMLInputElement ? key.value : '');
		await waitFor(() => expect(read()).not.toBe(''));
		const secret = read();
		expect(secret).toMatch(/^[A-Z2-7]{32}$/);
		const qr = await screen.findByRole('img', { name: /QR code/ });
		expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);

		await fireEvent.input(screen.getByLabelText('Verification code'), {
			target: { value: generateTotp(secret, Date.now()) }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
		await waitFor(() => expect(onenabled).toHaveBeenCalledOnce());
		expect(onenabled.mock.calls[0]?.[0]).toHaveLength(10);
		// X6: the secret is kept sealed in the account's vault.
		const vault = store.state.accounts.get(account.id)?.secrets.vault;
		expect((await cheapUnlock(PASSWORD, vault))?.contents.totpSecret).toBe(secret);
	});
});

describe('DeleteAccount (A8)', () => {
	it('lists the licenses where the account is primary, each linking to the Licenses page', async () => {
		const { store, account, session } = await withAccount('alice@acme.com');
		const ctx = createContext(store);
		const started = await startLicense(ctx, account.id, {
			productId: 'issues',
			hosting: 'server',
			tier: 25
		});
		if (!started.ok || started.value.change.type !== 'license.start') throw new Error('no license');
		const { licenseId, sen } = started.value.change.payload;
		await addContact(ctx, account.id, {
			licenseId,
			role: 'billing',
			email: 'bob@acme.com',
			name: 'Bob'
		});
		const ondeleted = vi.fn();
		render(DeleteAccount, { session, ondeleted });
		await fireEvent.click(screen.getByRole('button', { name: 'Delete account' }));
		const list = await screen.findByRole('list', {
			name: 'Licenses where you are a primary contact'
		});
		const links = list.querySelectorAll('a');
		expect(links).toHaveLength(2);
		expect(links[0]).toHaveAttribute('href', `/licenses?sen=${sen}`);
		expect(list).toHaveTextContent(
			'primary billing contact: make one of the other contacts primary'
		);
		expect(list).toHaveTextContent(
			'primary technical contact: add someone else, then make them primary'
		);
		expect(ondeleted).not.toHaveBeenCalled();
		expect(store.state.accounts.get(account.id)?.status).toBe('active');
	});

	it('asks once more, then deletes an account that blocks nothing', async () => {
		const { store, account, session } = await withAccount('carol@acme.com');
		const ondeleted = vi.fn();
		render(DeleteAccount, { session, ondeleted });
		await fireEvent.click(screen.getByRole('button', { name: 'Delete account' }));
		await fireEvent.click(await screen.findByRole('button', { name: 'Yes, delete account' }));
		await waitFor(() => expect(ondeleted).toHaveBeenCalledOnce());
		expect(store.state.accounts.get(account.id)?.status).toBe('deleted');
	});
});

describe('ProfileDetails (A5, A7)', () => {
	it('tells an account of Google where its name is changed, and offers no name field', () => {
		const google: Account = {
			id: accountId('a-gil'),
			email: 'gil@corp.com',
			emailKey: 'gil@corp.com',
			name: 'Gil',
			status: 'active',
			verified: true,
			source: 'google',
			invited: false,
			createdAt: 0,
			secrets: {}
		};
		// An IdP account cannot log in here: a record stands in for its session (no proof).
		render(ProfileDetails, { account: google, session: startSession(google, Date.now(), '') });
		expect(screen.getByText(/comes from your Google account/)).toBeInTheDocument();
		expect(screen.queryByLabelText('Full name')).toBeNull();
		expect(screen.getByLabelText('Avatar image')).toBeInTheDocument();
	});

	it('checks an avatar file for type and size before reading it', () => {
		expect(checkAvatarFile({ type: 'image/svg+xml', size: 100 })).toMatch(/PNG, JPEG, GIF or WebP/);
		expect(checkAvatarFile({ type: 'image/png', size: 11 * 1024 * 1024 })).toMatch(
			/smaller than 10 MB/
		);
		expect(checkAvatarFile({ type: 'image/jpeg', size: 50_000 })).toBeNull();
	});
});

describe('MailClient (the UI vocabulary, X4)', () => {
	const mail = (n: number, links: Mail['links']): Mail => ({
		id: mailId(`m${n}`),
		to: 'Bob@acme.com',
		toKey: 'bob@acme.com',
		subject: `Subject ${n}`,
		body: `<b>Body ${n}</b>`,
		links,
		at: n * 1000,
		changeId: changeId(`c${n}`),
		kind: 'verify-email'
	});

	it('lists addresses and subjects as links; the open message shows text and only app links', () => {
		const open = mail(2, [
			{ label: 'Verify email', href: '/verify?token=abc' },
			{ label: 'Evil', href: 'javascript:alert(1)' },
			{ label: 'Elsewhere', href: '//evil.example/x' }
		]);
		const box = { key: 'bob@acme.com', address: 'Bob@acme.com' };
		render(MailClient, { boxes: [box], selected: box, messages: [open, mail(1, [])], open });
		expect(screen.getByRole('link', { name: 'Bob@acme.com' })).toHaveAttribute(
			'href',
			'/mail?address=Bob%40acme.com'
		);
		const subjects = screen.getAllByRole('link', { name: /^Subject/ }).map((a) => a.textContent);
		expect(subjects).toEqual(['Subject 2', 'Subject 1']);
		expect(screen.getByRole('article')).toHaveTextContent('<b>Body 2</b>');
		expect(screen.getByRole('link', { name: 'Verify email' })).toHaveAttribute(
			'href',
			'/verify?token=abc'
		);
		expect(screen.queryByRole('link', { name: 'Evil' })).toBeNull();
		expect(screen.queryByRole('link', { name: 'Elsewhere' })).toBeNull();
		expect(screen.getByText(/Evil \(not opened/)).toBeInTheDocument();
	});
});
