import {Buffer} from 'node:buffer';
import {splitShellWords, type ShellWord} from '../../text/shell-words.js';
import {longWithValue, shortWithValue} from './curl-options.js';
import type {PastedRequest} from './types.js';

export type ParsedCurlCommand = {
	readonly request: PastedRequest;
	readonly options: {readonly insecure?: boolean; readonly followRedirects?: boolean; readonly compressed?: boolean};
	readonly warnings: string[];
};

/**
A "Copy as cURL" command (Chrome, Firefox, Safari; bash or cmd flavour) → the request it sends: method, URL,
headers (`-H`, `-b`, `-A`, `-e`, `-u`, `--oauth2-bearer`), body (`-d` family, `--json`), with curl's own
defaults (POST when there is data, a form content type, HEAD for `-I`, `-G` moving data into the query).
Reads only the first command when several are chained.
*/
export function parseCurlCommand(text: string): ParsedCurlCommand {
	const words: ShellWord[] = [];
	for (const word of splitShellWords(text.replace(/^\s*[$%>]\s+/, ''))) {
		if (word.operator) {
			break;
		}

		words.push(word);
	}

	const headers: Array<[string, string]> = [];
	const data: string[] = [];
	const cookies: string[] = [];
	const warnings: string[] = [];
	const options: {insecure?: boolean; followRedirects?: boolean; compressed?: boolean} = {};
	let method: string | undefined;
	let url: string | undefined;
	let head = false;
	let get = false;
	let json = false;
	const values = words.slice(/^curl(?:\.exe)?$/i.test(words[0]?.value ?? '') ? 1 : 0).map(word => word.value);
	for (let index = 0; index < values.length; index++) {
		const word = values[index]!;
		const take = () => values[++index] ?? '';
		let option = word;
		let attached: string | undefined;
		if (/^-[^-]/.test(word)) {
			// A short cluster: switches, then at most one option whose value is attached or is the next word.
			for (let at = 1; at < word.length; at++) {
				const letter = word[at]!;
				if (shortWithValue.has(letter)) {
					option = `-${letter}`;
					attached = word.length > at + 1 ? word.slice(at + 1) : undefined;
					break;
				}

				option = `-${letter}`;
				applySwitch(option);
			}

			if (!shortWithValue.has(option[1]!)) {
				continue;
			}
		} else if (!word.startsWith('--')) {
			url ??= word;
			continue;
		} else if (!longWithValue.has(word)) {
			applySwitch(word);
			continue;
		}

		const value = attached ?? take();
		switch (option) {
			case '-X': case '--request': {
				method = value.toUpperCase();
				break;
			}

			case '-H': case '--header': {
				addHeader(value);
				break;
			}

			case '-b': case '--cookie': {
				if (value.includes('=')) {
					cookies.push(value);
				} else {
					warnings.push(`Cookies are read from the file ${value}, which was not opened.`);
				}

				break;
			}

			case '-A': case '--user-agent': {
				headers.push(['User-Agent', value]);
				break;
			}

			case '-e': case '--referer': {
				headers.push(['Referer', value.replace(/;auto$/, '')]);
				break;
			}

			case '-u': case '--user': {
				headers.push(['Authorization', `Basic ${Buffer.from(value.includes(':') ? value : `${value}:`).toString('base64')}`]);
				break;
			}

			case '--oauth2-bearer': {
				headers.push(['Authorization', `Bearer ${value}`]);
				break;
			}

			case '--url': {
				url ??= value;
				break;
			}

			case '-d': case '--data': case '--data-ascii': case '--data-binary': case '--data-raw': case '--json': case '--data-urlencode': {
				if (value.startsWith('@') && option !== '--data-raw') {
					warnings.push(`The body is read from the file ${value.slice(1)}, which was not opened.`);
				}

				json ||= option === '--json';
				data.push(option === '--data-urlencode' ? urlencodeData(value) : value);
				break;
			}

			case '-F': case '--form': case '--form-string': {
				warnings.push('A multipart form (-F) was given; its parts are not reproduced.');
				method ??= 'POST';
				break;
			}

			default: {
				break;
			}
		}
	}

	function applySwitch(name: string): void {
		if (name === '-I' || name === '--head') {
			head = true;
		} else if (name === '-G' || name === '--get') {
			get = true;
		} else if (name === '-k' || name === '--insecure') {
			options.insecure = true;
		} else if (name === '-L' || name === '--location') {
			options.followRedirects = true;
		} else if (name === '--compressed') {
			options.compressed = true;
		}
	}

	function addHeader(value: string): void {
		if (value.startsWith('@')) {
			warnings.push(`Headers are read from the file ${value.slice(1)}, which was not opened.`);
			return;
		}

		// `Name;` sends an empty header; `Name:` with nothing after it removes one of curl's own.
		const empty = /^([^:;\s]+);$/.exec(value);
		const colon = value.indexOf(':');
		if (empty) {
			headers.push([empty[1]!, '']);
		} else if (colon > 0 && value.slice(colon + 1).trim() !== '') {
			headers.push([value.slice(0, colon).trim(), value.slice(colon + 1).trim()]);
		}
	}

	if (cookies.length > 0) {
		headers.push(['Cookie', cookies.join('; ')]);
	}

	let target = unglob(url ?? '');
	if (target !== '' && !/^[a-z][\w+.-]*:\/\//i.test(target)) {
		target = `http://${target}`;
	}

	const body = data.length > 0 ? data.join('&') : undefined;
	if (get && body !== undefined) {
		target += `${target.includes('?') ? '&' : '?'}${body}`;
	}

	if (body !== undefined && !get && !headers.some(([name]) => name.toLowerCase() === 'content-type')) {
		headers.push(['Content-Type', json ? 'application/json' : 'application/x-www-form-urlencoded']);
	}

	if (json && !headers.some(([name]) => name.toLowerCase() === 'accept')) {
		headers.push(['Accept', 'application/json']);
	}

	const finalMethod = method ?? (head ? 'HEAD' : (body !== undefined && !get ? 'POST' : 'GET'));
	return {
		request: {method: finalMethod, url: target, headers, ...(body !== undefined && !get ? {body} : {})},
		options,
		warnings,
	};
}

/** Chrome escapes `[]{}` in URLs so curl does not glob them. */
function unglob(url: string): string {
	return url.replaceAll(/\\([[\]{}])/g, '$1');
}

/** `--data-urlencode`: `name=content` encodes the content, `=content` and `content` encode all of it. */
function urlencodeData(value: string): string {
	const equals = value.indexOf('=');
	if (equals > 0) {
		return `${value.slice(0, equals)}=${encodeURIComponent(value.slice(equals + 1))}`;
	}

	return encodeURIComponent(equals === 0 ? value.slice(1) : value);
}
