import type {SessionInput} from '../engine/session-input.js';
import {shellQuote} from '../net/shell-quote.js';
import {toCurl} from '../net/to-curl.js';
import type {LabPath, LabPresets} from './types.js';

/** The session input for a lab path: the command line's options (role, answers, limits…) with the path's request. */
export function labInput(path: LabPath, base: SessionInput): SessionInput {
	const {presets} = path;
	return {
		...base,
		url: path.url,
		method: presets.method ?? 'GET',
		headers: [...(presets.headers ?? []), ...base.headers],
		token: presets.token,
		cookie: presets.cookie,
		referer: presets.referer,
		userAgent: presets.userAgent,
		body: presets.body,
	};
}

/** The path's request as fix403 options, in the order `fix403 --help` lists them. */
export function labArguments(path: LabPath): string[] {
	const {presets} = path;
	const args = [path.url];
	if (presets.method !== undefined && presets.method !== 'GET') {
		args.push('-X', presets.method);
	}

	for (const [name, value] of presets.headers ?? []) {
		args.push('-H', `${name}: ${value}`);
	}

	const options: Array<[string, string | undefined]> = [
		['--data', presets.body],
		['--cookie', presets.cookie],
		['--token', presets.token],
		['--referer', presets.referer],
		['--user-agent', presets.userAgent],
	];
	for (const [flag, value] of options) {
		if (value !== undefined) {
			args.push(flag, value);
		}
	}

	return args;
}

/** `fix403 'http://127.0.0.1:…' --user-agent '…'`, ready to paste into a POSIX shell. */
export function labCommand(path: LabPath): string {
	return ['fix403', ...labArguments(path).map(word => (/^-[\w-]+$/.test(word) ? word : shellQuote(word)))].join(' ');
}

/** The request a lab path's presets describe, as header pairs. */
export function presetHeaders(presets: LabPresets): Array<readonly [string, string]> {
	const headers: Array<readonly [string, string]> = [...(presets.headers ?? [])];
	const add = (name: string, value: string | undefined) => {
		if (value !== undefined) {
			headers.push([name, value]);
		}
	};

	add('Authorization', presets.token === undefined ? undefined : `Bearer ${presets.token}`);
	add('Cookie', presets.cookie);
	add('Referer', presets.referer);
	add('User-Agent', presets.userAgent);
	return headers;
}

/** The same request as a curl command. */
export function labCurl(path: LabPath): string {
	const {presets} = path;
	return toCurl({method: presets.method ?? 'GET', url: path.url, headers: presetHeaders(presets), body: presets.body}, {maxRedirects: 0});
}
