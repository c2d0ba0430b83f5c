// How dates, money and counts read on the page: one place, so every page writes them alike.

/** A calendar date, as the mail and the invoices write it (UTC, YYYY-MM-DD). */
export function formatDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function formatMoney(cents: number): string {
	return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}

const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
	return COUNT.format(n);
}

/** "1 license", "3 licenses". */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${formatCount(n)} ${n === 1 ? one : many}`;
}
