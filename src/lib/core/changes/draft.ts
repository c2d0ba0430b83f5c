// The working copy one change is applied to. Rules read through it (their own writes first,
// then the state) and write only into it, so a refusal simply drops the draft: a refused
// change changes nothing. Index reads go to the state as it was before the change.
import { emptyPending } from '../commit';
import type { Pending } from '../commit';
import { err, ok } from '../result';
import type { Result } from '../result';
import type { Refusal, PlainRefusal } from '../errors';
import { mailId } from '../ids';
import type {
	AccountId,
	LicenseId,
	MailId,
	OrganizationId,
	SiteId,
	SupportAccountId
} from '../ids';
import type { MailContent } from '../mail';
import type { Account, License, Mail, Organization, Site, SupportAccount } from '../model';
import type { State } from '../state';
import type { Change, HandoverReport } from './types';

/** What a rule returns: done (maybe with a report), or why not. */
export type Outcome = Result<{ readonly report?: HandoverReport }, Refusal>;

export const done = (report?: HandoverReport): Outcome =>
	ok(report === undefined ? {} : { report });

export const refuse = (
	code: PlainRefusal['code'],
	extra: Omit<PlainRefusal, 'code'> = {}
): { readonly ok: false; readonly error: Refusal } => err({ code, ...extra });

export class Draft {
	readonly pending: Pending = emptyPending();
	readonly sent: Mail[] = [];
	private mailCount = 0;

	constructor(
		readonly state: State,
		readonly change: Change
	) {}

	account(id: AccountId): Account | undefined {
		return this.pending.accounts.get(id) ?? this.state.accounts.get(id);
	}

	/** The account (not deleted) with this normalised address, including ones made just now. */
	accountByEmailKey(key: string): Account | undefined {
		for (const a of this.pending.accounts.values()) {
			if (a.emailKey === key && a.status !== 'deleted') return a;
		}
		const id = this.state.accountIdByEmailKey.get(key);
		return id === undefined ? undefined : this.account(id);
	}

	license(id: LicenseId): License | undefined {
		return this.pending.licenses.get(id) ?? this.state.licenses.get(id);
	}

	site(id: SiteId | null): Site | undefined {
		if (id === null) return undefined;
		return this.pending.sites.get(id) ?? this.state.sites.get(id);
	}

	organization(id: OrganizationId): Organization | undefined {
		return this.pending.organizations.get(id) ?? this.state.organizations.get(id);
	}

	supportAccount(id: SupportAccountId): SupportAccount | undefined {
		return this.pending.supportAccounts.get(id) ?? this.state.supportAccounts.get(id);
	}

	/** A10: the support accounts with this normalised address, made just now included, by id. */
	supportAccountsByEmailKey(key: string): SupportAccount[] {
		const ids = new Set(this.state.supportAccountIdsByEmailKey.get(key));
		for (const a of this.pending.supportAccounts.values()) if (a.emailKey === key) ids.add(a.id);
		return [...ids]
			.map((id) => this.supportAccount(id))
			.filter((a): a is SupportAccount => a !== undefined && a.emailKey === key)
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	}

	hasMail(id: MailId): boolean {
		return this.pending.mail.has(id) || this.state.mail.has(id);
	}

	putAccount(a: Account): void {
		this.pending.accounts.set(a.id, a);
	}

	putLicense(l: License): void {
		this.pending.licenses.set(l.id, l);
	}

	putSite(s: Site): void {
		this.pending.sites.set(s.id, s);
	}

	putOrganization(o: Organization): void {
		this.pending.organizations.set(o.id, o);
	}

	putSupportAccount(a: SupportAccount): void {
		this.pending.supportAccounts.set(a.id, a);
	}

	/**
	 * Files a mail in the recipient's mailbox; ids are `${change.id}:${n}` unless given. The
	 * recipient is usually an account, or just an address (A5: the new address to confirm).
	 */
	send(to: Pick<Account, 'email' | 'emailKey'>, content: MailContent, id?: MailId): void {
		const mail: Mail = {
			id: id ?? mailId(`${this.change.id}:${this.mailCount++}`),
			to: to.email,
			toKey: to.emailKey,
			subject: content.subject,
			body: content.body,
			links: content.links,
			at: this.change.at,
			changeId: this.change.id,
			kind: content.kind
		};
		this.pending.mail.set(mail.id, mail);
		this.sent.push(mail);
	}
}
