// contact lists (UI vocabulary): a named list per role, "Primary" on the primary, and "Make primary"
// / "Delete" only for viewers who may manage contacts (C12), disabled only while busy.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ContactList from '$lib/components/licenses/ContactList.svelte';
import { contactView } from './factories';

const contacts = [
	contactView('alice', { primary: true, self: true }),
	contactView('bob'),
	contactView('erin', { email: 'erin@gmail.com', invited: true })
];

function setUp(props: { canManage?: boolean; busy?: boolean } = {}) {
	const onmakeprimary = vi.fn();
	const ondelete = vi.fn();
	render(ContactList, {
		role: 'technical',
		contacts,
		canManage: props.canManage ?? true,
		busy: props.busy ?? false,
		onmakeprimary,
		ondelete
	});
	const list = screen.getByRole('list', { name: 'Technical contacts' });
	const item = (email: string) => {
		const found = within(list)
			.getAllByRole('listitem')
			.find((li) => li.textContent?.includes(email));
		if (found === undefined) throw new Error(`no item for ${email}`);
		return found;
	};
	return { list, item, onmakeprimary, ondelete };
}

describe('ContactList', () => {
	it('is a list named by its role, one item per contact with name and email', () => {
		const { list } = setUp();
		expect(screen.getByRole('heading', { name: 'Technical contacts' })).toBeInTheDocument();
		const items = within(list).getAllByRole('listitem');
		expect(items).toHaveLength(3);
		expect(items[0]).toHaveTextContent('Alice');
		expect(items[0]).toHaveTextContent('alice@acme.com');
		expect(items[0]).toHaveTextContent('(you)');
	});

	it('marks only the primary "Primary", and an unverified invited contact "Invited"', () => {
		const { item } = setUp();
		expect(within(item('alice@acme.com')).getByText('Primary')).toBeInTheDocument();
		expect(within(item('bob@acme.com')).queryByText('Primary')).toBeNull();
		expect(within(item('erin@gmail.com')).getByText('Invited')).toBeInTheDocument();
	});

	it('offers Make primary on every other contact and Delete on all (the core refuses C7)', () => {
		const { item } = setUp();
		const primary = within(item('alice@acme.com'));
		expect(primary.queryByRole('button', { name: 'Make primary' })).toBeNull();
		expect(primary.getByRole('button', { name: 'Delete' })).toBeEnabled();
		for (const email of ['bob@acme.com', 'erin@gmail.com']) {
			const row = within(item(email));
			expect(row.getByRole('button', { name: 'Make primary' })).toBeEnabled();
			expect(row.getByRole('button', { name: 'Delete' })).toBeEnabled();
		}
	});

	it('describes each button with the contact’s email for screen readers', () => {
		const { item } = setUp();
		const button = within(item('bob@acme.com')).getByRole('button', { name: 'Make primary' });
		expect(button).toHaveAccessibleDescription('bob@acme.com');
	});

	it('calls back with the contact’s account id', async () => {
		const { item, onmakeprimary, ondelete } = setUp();
		await fireEvent.click(
			within(item('bob@acme.com')).getByRole('button', { name: 'Make primary' })
		);
		await fireEvent.click(within(item('erin@gmail.com')).getByRole('button', { name: 'Delete' }));
		expect(onmakeprimary).toHaveBeenCalledWith('a-bob');
		expect(ondelete).toHaveBeenCalledWith('a-erin');
	});

	it('shows no buttons to a viewer who may not manage contacts (a site admin, C12)', () => {
		const { list } = setUp({ canManage: false });
		expect(within(list).queryAllByRole('button')).toHaveLength(0);
		expect(within(list).getAllByRole('listitem')).toHaveLength(3);
	});

	it('disables every button while a command runs', () => {
		const { list } = setUp({ busy: true });
		const buttons = within(list).getAllByRole('button');
		expect(buttons).toHaveLength(5);
		for (const b of buttons) expect(b).toBeDisabled();
	});

	it('says so when the role has no contacts', () => {
		render(ContactList, {
			role: 'billing',
			contacts: [],
			canManage: true,
			onmakeprimary: vi.fn(),
			ondelete: vi.fn()
		});
		expect(screen.getByText('No billing contacts yet.')).toBeInTheDocument();
		expect(screen.queryByRole('list')).toBeNull();
	});

	it('renders names as text, never as HTML (X4)', () => {
		render(ContactList, {
			role: 'billing',
			contacts: [contactView('x', { name: '<img src=x onerror=alert(1)>', primary: true })],
			canManage: false,
			onmakeprimary: vi.fn(),
			ondelete: vi.fn()
		});
		const list = screen.getByRole('list', { name: 'Billing contacts' });
		expect(list.querySelector('img')).toBeNull();
		expect(list).toHaveTextContent('<img src=x onerror=alert(1)>');
	});
});
