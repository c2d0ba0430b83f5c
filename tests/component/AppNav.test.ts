import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import AppNav from '$lib/components/AppNav.svelte';

const items = [
	{ href: '/licenses', label: 'Licenses' },
	{ href: '/mail', label: 'Mail' },
	{ href: '/sync', label: 'Sync', badge: 3 },
	{ href: '/profile', label: 'Profile' }
];

describe('AppNav (UI vocabulary)', () => {
	it('lists every item as a link inside the Main navigation', () => {
		render(AppNav, { items, current: '/' });
		const nav = screen.getByRole('navigation', { name: 'Main' });
		const links = Array.from(nav.querySelectorAll('a')).map((a) => a.getAttribute('href'));
		expect(links).toEqual(['/licenses', '/mail', '/sync', '/profile']);
		expect(screen.getByRole('link', { name: /^Licenses/ })).toBeInTheDocument();
	});

	it('marks the current page, including its sub-pages, with aria-current', () => {
		render(AppNav, { items, current: '/mail/alice@example.com' });
		expect(screen.getByRole('link', { name: /^Mail/ })).toHaveAttribute('aria-current', 'page');
		expect(screen.getByRole('link', { name: /^Licenses/ })).not.toHaveAttribute('aria-current');
	});

	it('does not mark a page whose path merely starts with the same letters', () => {
		render(AppNav, { items, current: '/mailbox' });
		expect(screen.getByRole('link', { name: /^Mail/ })).not.toHaveAttribute('aria-current');
	});

	it('shows a badge with an accessible count', () => {
		render(AppNav, { items, current: '/' });
		expect(screen.getByLabelText('3 queued')).toHaveTextContent('3');
	});
});
