import type {Directive} from './types.js';

/** One `listen` of a server: where connections arrive and whether it is the default for that socket. */
export type Listen = {
	/** `*` for IPv4 any, `::` for IPv6 any, an address, a host name, or `unix:…`. */
	readonly address: string;
	readonly port: number;
	readonly defaultServer: boolean;
	readonly ssl: boolean;
	/** Absent for the implicit `listen *:80` of a server without `listen`. */
	readonly directive?: Directive;
};

/** nginx's implicit listen when a server has none (running as root; otherwise it would be 8000). */
export const implicitListen: Listen = {address: '*', port: 80, defaultServer: false, ssl: false};

/** Parses `listen 80`, `listen 127.0.0.1:8080 default_server`, `listen [::]:443 ssl`, `listen unix:/run/x`. */
export function parseListen(directive: Directive): Listen | undefined {
	const [spec, ...parameters] = directive.args;
	if (spec === undefined) {
		return undefined;
	}

	const defaultServer = parameters.includes('default_server') || parameters.includes('default');
	const ssl = parameters.includes('ssl');
	const make = (address: string, port: number): Listen => ({address, port, defaultServer, ssl, directive});
	if (spec.startsWith('unix:')) {
		return make(spec, 0);
	}

	if (/^\d+$/.test(spec)) {
		return make('*', Number(spec));
	}

	const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(spec);
	if (bracket) {
		return make(bracket[1]!.toLowerCase(), Number(bracket[2] ?? 80));
	}

	const colon = spec.lastIndexOf(':');
	if (colon === -1) {
		return make(spec.toLowerCase(), 80);
	}

	const port = Number(spec.slice(colon + 1));
	return Number.isInteger(port) ? make(spec.slice(0, colon).toLowerCase(), port) : undefined;
}

/** Whether a listen address is a wildcard that accepts connections to any local address of its family. */
export function isWildcardAddress(address: string): boolean {
	return address === '*' || address === '0.0.0.0' || address === '::';
}
