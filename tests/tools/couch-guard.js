// Preloaded into the PouchDB Server child by tests/tools/couch-server.js (node --import).
//
// PouchDB Server 4.2.0 crashes, process and all, when someone who is not a server admin asks
// to create a database (`PUT /{db}`): its security layer refuses with a rejected promise and
// the route then calls `.info()` on that promise. CouchDB 3 answers that request with
// 401 {"error":"unauthorized","reason":"You are not a server admin."}; this guard answers the
// same before the request reaches PouchDB Server, so a client that tries to create its
// database as a member gets CouchDB's answer instead of a dead test server.
//
// PouchDB Server also ignores `timeout` on `_changes?feed=longpoll`: with nothing new it waits
// for the next change however long that takes (its heartbeats sit in the gzip buffer, so the
// client sees nothing at all). CouchDB answers {"results":[],"last_seq":…} once `timeout` ms
// have passed; the guard does the same by closing the open results list at that time (and the
// connection, which stops PouchDB Server's own listener). Every other request passes through
// untouched. The admin's name comes from TESSERA_COUCH_ADMIN.
//
// A server whose starter died (a crashed test worker) must not linger on its port and be
// taken for the next run's: with TESSERA_COUCH_PARENT set, the server exits once that process
// is gone.
import { Server } from 'node:http';

const adminName = process.env.TESSERA_COUCH_ADMIN ?? '';
const parent = Number(process.env.TESSERA_COUCH_PARENT);

if (Number.isInteger(parent) && parent > 0) {
	setInterval(() => {
		try {
			process.kill(parent, 0);
		} catch {
			process.exit(0);
		}
	}, 1_000).unref();
}

/** The user name in a Basic Authorization header, or null. */
function basicName(header) {
	const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
	if (!match) return null;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon < 0 ? null : decoded.slice(0, colon);
}

/** `PUT /{db}` (a database, not a document or a system path). */
function isCreateDatabase(req) {
	if (req.method !== 'PUT') return false;
	const path = (req.url ?? '').split('?')[0] ?? '';
	return /^\/[a-z][^/]*\/?$/.test(path);
}

function refuse(req, res) {
	const body = JSON.stringify({ error: 'unauthorized', reason: 'You are not a server admin.' });
	const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
	const origin = req.headers.origin;
	if (origin) {
		headers['access-control-allow-origin'] = origin;
		headers['access-control-allow-credentials'] = 'true';
	}
	res.writeHead(401, headers).end(body);
}

/** `GET /{db}/_changes?feed=longpoll&timeout=N`: the query, or null. */
function longpollQuery(req) {
	if (req.method !== 'GET') return null;
	const url = new URL(req.url ?? '/', 'http://couch');
	if (!url.pathname.endsWith('/_changes') || url.searchParams.get('feed') !== 'longpoll')
		return null;
	const timeout = Number(url.searchParams.get('timeout'));
	return Number.isFinite(timeout) && timeout > 0
		? { timeout, since: url.searchParams.get('since') }
		: null;
}

function endLongpollAfterTimeout(req, res, { timeout, since }) {
	delete req.headers['accept-encoding']; // no gzip: what is written goes out at once
	const lastSeq = /^\d+$/.test(since ?? '') ? Number(since) : (since ?? 0);
	const end = res.end.bind(res);
	const timer = setTimeout(() => {
		// Still open and already past PouchDB Server's `{"results":[`: nothing has changed.
		if (res.writableEnded || !res.headersSent) return;
		res.write = () => true;
		res.end = () => res;
		res.once('finish', () => req.socket.destroy());
		end(`],\n"last_seq":${JSON.stringify(lastSeq)}}\n`);
	}, timeout);
	res.once('close', () => clearTimeout(timer));
}

const emit = Server.prototype.emit;
Server.prototype.emit = function (event, ...args) {
	if (event === 'request') {
		const [req, res] = args;
		if (isCreateDatabase(req) && basicName(req.headers.authorization) !== adminName) {
			refuse(req, res);
			return true;
		}
		const longpoll = longpollQuery(req);
		if (longpoll) endLongpollAfterTimeout(req, res, longpoll);
	}
	return emit.call(this, event, ...args);
};
