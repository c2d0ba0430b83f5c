// C14: one invoice per address (/invoices/INV-…): not prerendered, the static build's 200.html
// answers it and the page reads the invoice from this device's records.
export const prerender = false;
