import {isIP} from 'node:net';
import type {Directive} from './types.js';

export type AccessVerdict = {
	readonly verdict: 'allow' | 'deny' | 'none';
	/** The rule that decided (the first that matched, as in ngx_http_access_module). */
	readonly rule?: Directive;
	/** Whether any rule could not be judged (a host name, a malformed CIDR): the verdict may be wrong. */
	readonly uncertain: boolean;
};

/** Runs `allow`/`deny` rules in order for a client address: the first matching rule decides. */
export function evaluateAccess(rules: readonly Directive[], client: string): AccessVerdict {
	let uncertain = false;
	for (const rule of rules) {
		if (rule.name !== 'allow' && rule.name !== 'deny') {
			continue;
		}

		const matches = addressMatches(rule.args[0] ?? '', client);
		if (matches === undefined) {
			uncertain = true;
			continue;
		}

		if (matches) {
			return {verdict: rule.name, rule, uncertain};
		}
	}

	return {verdict: 'none', uncertain};
}

/** Whether an `allow`/`deny` argument (`all`, `10.0.0.0/8`, `::1`, `unix:`) covers the client address. */
export function addressMatches(target: string, client: string): boolean | undefined {
	if (target === 'all') {
		return true;
	}

	if (target === 'unix:') {
		return client.startsWith('unix:');
	}

	const address = unmapV4(client);
	const [network = '', bitsText] = target.split('/');
	const family = isIP(network);
	if (family === 0 || isIP(address) === 0) {
		return undefined;
	}

	if (family !== isIP(address)) {
		return false;
	}

	const width = family === 4 ? 32 : 128;
	const bits = bitsText === undefined ? width : Number(bitsText);
	if (!Number.isInteger(bits) || bits < 0 || bits > width) {
		return undefined;
	}

	const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(width - bits);
	return (toBigInt(network) & mask) === (toBigInt(address) & mask);
}

function unmapV4(address: string): string {
	const lower = address.toLowerCase();
	return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}

function toBigInt(address: string): bigint {
	if (isIP(address) === 4) {
		return address.split('.').reduce((sum, part) => (sum << 8n) + BigInt(Number(part)), 0n);
	}

	const groups = (text: string) => (text === '' ? [] : text.split(':').flatMap(group => (group.includes('.') ? ipv4Groups(group) : [group])));
	const [head = '', tail] = address.split('::');
	const left = groups(head);
	const right = tail === undefined ? [] : groups(tail);
	const full = tail === undefined ? left : [...left, ...Array.from({length: 8 - left.length - right.length}, () => '0'), ...right];
	return full.reduce((sum, group) => (sum << 16n) + BigInt(Number.parseInt(group || '0', 16)), 0n);
}

function ipv4Groups(dotted: string): string[] {
	const value = dotted.split('.').reduce((sum, part) => (sum << 8) + Number(part), 0) >>> 0;
	return [(value >>> 16).toString(16), (value & 0xFF_FF).toString(16)];
}
