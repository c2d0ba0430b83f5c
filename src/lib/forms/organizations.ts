// Form validation for the Organization page (O1): what can be told before a change is made.
// The rules (public domains, domains another organization verified) answer after.
import * as v from 'valibot';
import { normaliseDomain } from '$lib/core';
import { emailField, nameField } from './fields';

export const organizationNameSchema = v.object({
	name: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter the organization’s name.'),
		v.maxLength(200, 'Use at most 200 characters.')
	)
});

export const domainSchema = v.object({
	domain: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter a domain, such as acme.com.'),
		v.check((s: string) => normaliseDomain(s) !== null, 'Enter a domain like acme.com.')
	)
});

export const adminEmailSchema = v.object({ email: emailField });

export const verificationAddressSchema = v.object({ address: emailField });

export const resolverSchema = v.object({
	resolver: v.pipe(v.string(), v.trim(), v.nonEmpty('Enter the resolver’s https address.'))
});

/** O5: a person of the simulated directory (the rules check the domain after). */
export const directoryPersonSchema = v.object({
	email: emailField,
	name: nameField,
	password: v.pipe(
		v.string(),
		v.nonEmpty('Enter the provider password this person signs in with.')
	),
	groups: v.pipe(v.string(), v.maxLength(2000, 'Use fewer groups.'))
});
