import {isIPv4, isIPv6} from 'node:net';

/**
Whether a client address matches one `Require ip` / `Allow from` argument as mod_authz_host reads it: a full
address, a partial IPv4 address (`10.1` = 10.1.0.0/16), `net/bits`, `net/netmask`, or IPv6 with an optional
prefix. Returns undefined when the argument is not an address at all (then it is a host name).
*/
export function ipMatches(pattern: string, client: string): boolean | undefined {
	const clientBits = addressBits(client);
	const [net = '', mask] = pattern.split('/', 2);
	if (mask === undefined && /^\d+(\.\d+){0,2}\.?$/.test(net)) {
		const parts = net.replace(/\.$/, '').split('.');
		return ipMatches(`${[...parts, '0', '0', '0'].slice(0, 4).join('.')}/${parts.length * 8}`, client);
	}

	const netBits = addressBits(net);
	if (netBits === undefined) {
		return undefined;
	}

	if (clientBits === undefined || clientBits.length !== netBits.length) {
		return false;
	}

	let prefix = netBits.length;
	if (mask !== undefined) {
		const maskBits = addressBits(mask);
		prefix = maskBits === undefined ? Number(mask) : maskBits.indexOf('0') === -1 ? maskBits.length : maskBits.indexOf('0');
		if (!Number.isInteger(prefix) || prefix < 0 || prefix > netBits.length) {
			return undefined;
		}
	}

	return clientBits.slice(0, prefix) === netBits.slice(0, prefix);
}

/** Loopback, as `Require local` sees it. */
export function isLoopback(address: string): boolean {
	return ipMatches('127.0.0.0/8', address) === true || ipMatches('::1', address) === true;
}

/** The address as a string of bits; IPv4-mapped IPv6 (`::ffff:1.2.3.4`) counts as IPv4, as APR compares it. */
function addressBits(address: string): string | undefined {
	const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)?.[1];
	const v4 = mapped ?? plain;
	if (isIPv4(v4)) {
		return v4.split('.').map(part => Number(part).toString(2).padStart(8, '0')).join('');
	}

	if (!isIPv6(plain)) {
		return undefined;
	}

	return expandIpv6(plain).map(group => Number.parseInt(group, 16).toString(2).padStart(16, '0')).join('');
}

function expandIpv6(address: string): string[] {
	let text = address;
	const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
	if (v4Tail) {
		const [a = 0, b = 0, c = 0, d = 0] = v4Tail.split('.').map(Number);
		text = text.slice(0, -v4Tail.length) + `${((a << 8) + b).toString(16)}:${((c << 8) + d).toString(16)}`;
	}

	const [head = '', tail] = text.split('::', 2);
	const headGroups = head ? head.split(':') : [];
	if (tail === undefined) {
		return headGroups;
	}

	const tailGroups = tail ? tail.split(':') : [];
	return [...headGroups, ...Array.from({length: 8 - headGroups.length - tailGroups.length}, () => '0'), ...tailGroups];
}
