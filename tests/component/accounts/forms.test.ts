// The account forms' validation (the UI vocabulary, A1, A2): each bad field gets its own message, tied
// to the input by aria-describedby and marked aria-invalid, focus goes to the first one, and
// what was typed stays. Only checked values reach the page.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import SignUpForm from '$lib/components/accounts/SignUpForm.svelte';
import LogInForm from '$lib/components/accounts/LogInForm.svelte';
import CodeForm from '$lib/components/accounts/CodeForm.svelte';
import EmailForm from '$lib/components/accounts/EmailForm.svelte';
import NewPasswordForm from '$lib/components/accounts/NewPasswordForm.svelte';

const password = () => screen.getByLabelText('Password', { selector: 'input' });

/** Sets an input's value the way typing ends up: one input event. */
async function type(element: HTMLElement, value: string): Promise<void> {
	await fireEvent.input(element, { target: { value } });
}

describe('Sign up form (A1)', () => {
	it('explains every bad field, focuses the first, keeps the input and sends nothing', async () => {
		const onsubmit = vi.fn(() => Promise.resolve(null));
		render(SignUpForm, { onsubmit });
		await type(screen.getByLabelText('Email'), 'alice@');
		await type(password(), 'short');
		await fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));

		const email = screen.getByLabelText('Email');
		expect(email).toHaveAttribute('aria-invalid', 'true');
		expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com.');
		expect(email).toHaveFocus();
		expect(email).toHaveValue('alice@');
		expect(screen.getByLabelText('Full name')).toHaveAccessibleDescription('Enter your full name.');
		expect(password()).toHaveAccessibleDescription(/Use at least 8 characters/);
		expect(password()).toHaveValue('short');
		expect(onsubmit).not.toHaveBeenCalled();
	});

	it('allows long passwords with any characters and no composition rules (NIST 800-63B)', async () => {
		const onsubmit = vi.fn(() => Promise.resolve(null));
		render(SignUpForm, { onsubmit });
		await type(screen.getByLabelText('Email'), ' Alice@Acme.com ');
		await type(screen.getByLabelText('Full name'), 'Alice');
		const long = 'tout le monde aime les crêpes au sucre à quatre heures '.repeat(2);
		await type(password(), long);
		await fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
		await waitFor(() => expect(onsubmit).toHaveBeenCalledOnce());
		expect(onsubmit).toHaveBeenCalledWith({
			email: 'Alice@Acme.com',
			name: 'Alice',
			password: long
		});
	});

	it('refuses one of the most common passwords with the reason, and shows the strength', async () => {
		const onsubmit = vi.fn(() => Promise.resolve(null));
		render(SignUpForm, { onsubmit });
		await type(screen.getByLabelText('Email'), 'alice@acme.com');
		await type(screen.getByLabelText('Full name'), 'Alice');
		await type(password(), 'password1');
		await waitFor(() => expect(screen.getByText(/Strength: Very weak/)).toBeInTheDocument());
		await fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
		await waitFor(() => expect(password()).toHaveAccessibleDescription(/Choose a harder password/));
		expect(onsubmit).not.toHaveBeenCalled();
	});

	it('shows what the page answers for a field (an address already taken)', async () => {
		render(SignUpForm, {
			onsubmit: () => Promise.resolve({ email: 'Another account already uses this email address.' })
		});
		await type(screen.getByLabelText('Email'), 'taken@acme.com');
		await type(screen.getByLabelText('Full name'), 'Tina');
		await type(password(), 'a perfectly fine passphrase');
		await fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
		await waitFor(() =>
			expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
				'Another account already uses this email address.'
			)
		);
		expect(screen.getByLabelText('Email')).toHaveValue('taken@acme.com');
		expect(password()).toHaveValue('a perfectly fine passphrase');
	});
});

describe('Log in form (A2)', () => {
	it('asks for both fields, and its “Can’t log in?” link carries the typed address', async () => {
		const onsubmit = vi.fn(() => Promise.resolve(null));
		render(LogInForm, { onsubmit });
		await fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
		expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an email address.');
		expect(password()).toHaveAccessibleDescription('Enter your password.');
		expect(onsubmit).not.toHaveBeenCalled();
		await type(screen.getByLabelText('Email'), 'bob@acme.com');
		expect(screen.getByRole('link', { name: "Can't log in?" })).toHaveAttribute(
			'href',
			'/cant-log-in?email=bob%40acme.com'
		);
		await type(password(), 'x');
		await fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
		expect(onsubmit).toHaveBeenCalledWith({ email: 'bob@acme.com', password: 'x' });
	});

	it('hides the password until Show is pressed', async () => {
		render(LogInForm, { onsubmit: () => Promise.resolve(null) });
		expect(password()).toHaveAttribute('type', 'password');
		await fireEvent.click(screen.getByRole('button', { name: 'Show' }));
		expect(password()).toHaveAttribute('type', 'text');
	});
});

describe('Verification code form (A2)', () => {
	it('takes six digits or a recovery code at login, and explains anything else', async () => {
		const onsubmit = vi.fn(() => Promise.resolve(null));
		render(CodeForm, { button: 'Verify', recovery: true, onsubmit });
		const code = screen.getByLabelText('Verification code');
		await type(code, '12345');
		await fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
		expect(code).toHaveAccessibleDescription(/6-digit code from your authenticator app, or one/);
		expect(code).toHaveValue('12345');
		await type(code, '');
		await type(code, 'abcd-efgh-jkmn');
		await fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
		expect(onsubmit).toHaveBeenCalledWith('abcd-efgh-jkmn');
		await waitFor(() => expect(code).toHaveValue(''));
	});

	it('takes only an app code when proving an enrolment, and keeps a refused code', async () => {
		render(CodeForm, {
			button: 'Turn on',
			onsubmit: () => Promise.resolve({ code: 'That code is not right.' })
		});
		const code = screen.getByLabelText('Verification code');
		await type(code, 'abcd-efgh-jkmn');
		await fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
		expect(code).toHaveAccessibleDescription(/Enter the 6 digits/);
		await type(code, '');
		await type(code, '123 456');
		await fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
		await waitFor(() => expect(code).toHaveAccessibleDescription(/That code is not right/));
		expect(code).toHaveValue('123 456');
	});
});

describe('Email and new password forms (A4, A5)', () => {
	it('checks the address with the same rule as the core', async () => {
		const onsubmit = vi.fn(() => Promise.resolve(null));
		render(EmailForm, { button: 'Send reset link', onsubmit });
		await type(screen.getByLabelText('Email'), 'someone@localhost');
		await fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
		expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
		await type(screen.getByLabelText('Email'), '');
		await type(screen.getByLabelText('Email'), 'someone@bücher.de');
		await fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
		expect(onsubmit).toHaveBeenCalledWith('someone@bücher.de');
	});

	it('counts characters as people see them: eight emoji are eight characters', async () => {
		const onsubmit = vi.fn(() => Promise.resolve(null));
		render(NewPasswordForm, { button: 'Save password', onsubmit });
		await type(password(), '🦊🐼🐸🐙🦉🐢🦔🐝');
		await fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
		await waitFor(() => expect(onsubmit).toHaveBeenCalledWith('🦊🐼🐸🐙🦉🐢🦔🐝'));
		await type(password(), '🦊🐼🐸🐙🦉🐢🦔');
		await fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
		expect(password()).toHaveAccessibleDescription(/Use at least 8 characters/);
	});
});
