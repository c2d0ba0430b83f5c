// C15: a support request's status and thread. The simulated desk answers a new request once
// (its words derived here from the request, C15); the requester, or a technical contact of the
// license, replies (open again), resolves and reopens. Anyone else is refused (X3, S6).
import { can } from '../../capabilities';
import type { Refusal } from '../../errors';
import { deskAnswered, deskAnswerText } from '../../mail-support';
import type { Account, License, SupportMessage, SupportRequest, SupportStatus } from '../../model';
import { ok } from '../../result';
import type { Result } from '../../result';
import { done, refuse } from '../draft';
import type { Draft, Outcome } from '../draft';
import { MAX_DESCRIPTION, requireContactOf, text } from '../guards';
import type { SupportAnswer, SupportReopen, SupportReply, SupportResolve } from '../types';

/** C15: how many messages a thread keeps (the desk's included). */
export const MAX_THREAD = 100;

/** C15: a request from before C15 has no status: it reads as open. */
export const statusOf = (r: SupportRequest): SupportStatus => r.status ?? 'open';

interface Target {
	readonly actor: Account;
	readonly license: License;
	readonly request: SupportRequest;
}

/** C15: the requester, or a technical contact of the license (C12 request-support). */
function requireParticipant(d: Draft, p: SupportResolve['payload']): Result<Target, Refusal> {
	const contact = requireContactOf(d, p.licenseId);
	if (!contact.ok) return contact;
	const { actor, license, roles } = contact.value;
	const request = license.supportRequests.find((r) => r.id === p.requestId);
	if (request === undefined) return refuse('unknown-support-request', { id: p.requestId });
	if (request.by !== actor.id && !can(roles, 'request-support')) return refuse('not-requester');
	return ok({ actor, license, request });
}

function put(d: Draft, t: Target, next: SupportRequest): void {
	const supportRequests = t.license.supportRequests.map((r) => (r.id === next.id ? next : r));
	d.putLicense({ ...t.license, supportRequests });
}

function append(
	d: Draft,
	t: Target,
	message: SupportMessage,
	status: SupportStatus
): Result<SupportRequest, Refusal> {
	const thread = t.request.thread ?? [];
	if (thread.length >= MAX_THREAD) return refuse('support-thread-full');
	const next: SupportRequest = { ...t.request, status, thread: [...thread, message] };
	put(d, t, next);
	return ok(next);
}

/** C15: the desk's first answer, mailed to the requester; the request waits for the customer. */
export function supportAnswer(d: Draft, c: SupportAnswer): Outcome {
	const t = requireParticipant(d, c.payload);
	if (!t.ok) return t;
	const { request, license } = t.value;
	if (statusOf(request) === 'resolved') return refuse('support-request-resolved');
	if ((request.thread ?? []).some((m) => m.by === null)) return refuse('support-answered');
	const words = deskAnswerText(license, request.subject);
	const next = append(d, t.value, { id: c.id, by: null, text: words, at: c.at }, 'waiting');
	if (!next.ok) return next;
	const requester = d.account(request.by);
	if (requester !== undefined && requester.status === 'active') {
		d.send(requester, deskAnswered(requester, request.subject, words));
	}
	return done();
}

/** C15: a reply from the customer's side; the request is open again. */
export function supportReply(d: Draft, c: SupportReply): Outcome {
	const t = requireParticipant(d, c.payload);
	if (!t.ok) return t;
	if (statusOf(t.value.request) === 'resolved') return refuse('support-request-resolved');
	const words = text(c.payload.text, MAX_DESCRIPTION);
	if (words === null) return refuse('invalid-payload', { field: 'text' });
	const next = append(
		d,
		t.value,
		{ id: c.id, by: t.value.actor.id, text: words, at: c.at },
		'open'
	);
	return next.ok ? done() : next;
}

export function supportResolve(d: Draft, c: SupportResolve): Outcome {
	const t = requireParticipant(d, c.payload);
	if (!t.ok) return t;
	if (statusOf(t.value.request) === 'resolved') return refuse('support-request-resolved');
	put(d, t.value, { ...t.value.request, status: 'resolved' });
	return done();
}

export function supportReopen(d: Draft, c: SupportReopen): Outcome {
	const t = requireParticipant(d, c.payload);
	if (!t.ok) return t;
	if (statusOf(t.value.request) !== 'resolved') return refuse('support-request-not-resolved');
	put(d, t.value, { ...t.value.request, status: 'open' });
	return done();
}
