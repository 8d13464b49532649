/** Addresses a lab client may come from: the loopback block and its IPv6 forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
	if (address === undefined) {
		return false;
	}

	const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
	return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

/**
Whether a Host header names this lab: 127.0.0.1 or localhost on the lab's port. Anything else is refused, so a
web page that rebinds its own host name to 127.0.0.1 (DNS rebinding) cannot use the lab.
*/
export function isLabHost(host: string | undefined, port: number): boolean {
	return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
