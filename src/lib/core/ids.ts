// Branded ids, so an account id can never be passed where a license id is expected.
// Ids are random strings made outside the core (S1) and carried inside changes; the only
// place a plain string becomes a branded id is the constructors below. Text from a person or
// a URL (a form's select, `?site=`) goes through `parseId`, which also checks the id's shape.
import { err, ok } from './result';
import type { Result } from './result';

declare const brand: unique symbol;
type Brand<B extends string> = string & { readonly [brand]: B };

export type AccountId = Brand<'AccountId'>;
export type LicenseId = Brand<'LicenseId'>;
export type SiteId = Brand<'SiteId'>;
export type MailId = Brand<'MailId'>;
export type ChangeId = Brand<'ChangeId'>;
export type DeviceId = Brand<'DeviceId'>;
export type SupportRequestId = Brand<'SupportRequestId'>;
export type ProductId = Brand<'ProductId'>;
export type OrganizationId = Brand<'OrganizationId'>;
export type SupportAccountId = Brand<'SupportAccountId'>;

/** Thrown when code (not a user) builds an id from something that is not a non-empty string. */
export class InvalidIdError extends Error {
	readonly code = 'invalid-id';
	constructor(kind: string) {
		super(`${kind} must be a non-empty string`);
	}
}

// A type guard instead of an `as` cast: it is the single, checked point where the brand is
// granted. The brand has no runtime form, so checking the string is all there is to check.
function isBranded<B extends string>(s: unknown): s is Brand<B> {
	return typeof s === 'string' && s.length > 0;
}

function make<B extends string>(kind: B, s: string): Brand<B> {
	if (!isBranded<B>(s)) throw new InvalidIdError(kind);
	return s;
}

export const accountId = (s: string): AccountId => make('AccountId', s);
export const licenseId = (s: string): LicenseId => make('LicenseId', s);
export const siteId = (s: string): SiteId => make('SiteId', s);
export const mailId = (s: string): MailId => make('MailId', s);
export const changeId = (s: string): ChangeId => make('ChangeId', s);
export const deviceId = (s: string): DeviceId => make('DeviceId', s);
export const supportRequestId = (s: string): SupportRequestId => make('SupportRequestId', s);
export const productId = (s: string): ProductId => make('ProductId', s);
export const organizationId = (s: string): OrganizationId => make('OrganizationId', s);
export const supportAccountId = (s: string): SupportAccountId => make('SupportAccountId', s);

/**
 * The shape of every id Tessera makes: 1 to 100 URL-safe characters (letters, digits, `_`,
 * `-`), as `newId` (base64url with a prefix such as `a_`) and the demo's fixed ids are.
 */
export const ID_SHAPE = /^[A-Za-z0-9_-]{1,100}$/;

export interface IdKinds {
	account: AccountId;
	license: LicenseId;
	site: SiteId;
	mail: MailId;
	change: ChangeId;
	device: DeviceId;
	supportRequest: SupportRequestId;
	product: ProductId;
	organization: OrganizationId;
	supportAccount: SupportAccountId;
}
export type IdKind = keyof IdKinds;

const MAKERS: { readonly [K in IdKind]: (s: string) => IdKinds[K] } = {
	account: accountId,
	license: licenseId,
	site: siteId,
	mail: mailId,
	change: changeId,
	device: deviceId,
	supportRequest: supportRequestId,
	product: productId,
	organization: organizationId,
	supportAccount: supportAccountId
};

/** Why text is not an id of that kind: a value, so a form can say so instead of throwing. */
export interface InvalidId {
	readonly code: 'invalid-id';
	readonly kind: IdKind;
}

/**
 * The one validated parser from untrusted text to a branded id: the text must have the id
 * shape (`ID_SHAPE`), surrounding spaces included, or the answer is `invalid-id`.
 */
export function parseId<K extends IdKind>(kind: K, text: unknown): Result<IdKinds[K], InvalidId> {
	if (typeof text !== 'string' || !ID_SHAPE.test(text)) return err({ code: 'invalid-id', kind });
	return ok(MAKERS[kind](text));
}
