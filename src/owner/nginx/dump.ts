import path from 'node:path';
import {assembleNginxConfig} from './assemble.js';
import {NginxConfigError} from './config-error.js';
import {matchGlob} from './glob.js';
import {defaultPrefixFor} from './prefix.js';
import type {NginxConfig} from './types.js';

const header = /^# configuration file (.+):\r?$/;
// What `nginx -T 2>&1` mixes in from stderr; never part of a configuration file.
const stderrLine = /^nginx: (?:the configuration file .* syntax is ok|configuration file .* test is (?:successful|failed)|\[(?:emerg|alert|crit|error|warn|notice|info)\] .*)\r?$/;

/**
Splits `nginx -T` output into file path → text. nginx prints `# configuration file <path>:` before each
file and one extra newline after it (src/core/nginx.c), so each text comes back exactly as on disk and
line numbers match.
*/
export function splitNginxDump(dump: string): Map<string, string> {
	const files = new Map<string, string>();
	let current: {file: string; lines: string[]} | undefined;
	const close = (last: boolean) => {
		if (current === undefined) {
			return;
		}

		const {lines} = current;
		// The output's final newline; between files, nginx's extra newline is the line break before the next header.
		if (last && lines.at(-1) === '') {
			lines.pop();
		}

		while (lines.length > 0 && stderrLine.test(lines.at(-1)!)) {
			lines.pop();
		}

		if (!files.has(current.file)) {
			files.set(current.file, lines.join('\n'));
		}
	};

	for (const line of dump.split('\n')) {
		const match = header.exec(line);
		if (match) {
			close(false);
			current = {file: match[1]!, lines: []};
			continue;
		}

		current?.lines.push(line);
	}

	close(true);
	return files;
}

/**
Reads a configuration from `nginx -T` output (what an owner can paste or pipe in). The first file in the
dump is the main one; includes are resolved against the other files of the dump.
*/
export function parseNginxDump(dump: string, options: {readonly prefix?: string} = {}): NginxConfig {
	const texts = splitNginxDump(dump);
	const [main] = texts.keys();
	if (main === undefined) {
		throw new NginxConfigError(
			'ERR_NGINX_READ',
			'no "# configuration file <path>:" header found; expected the output of `nginx -T`',
			{file: '<nginx -T output>'},
		);
	}

	const names = [...texts.keys()].sort();
	return assembleNginxConfig(main, {
		texts,
		glob: pattern => names.filter(name => matchGlob(pattern, name)),
	}, {prefix: options.prefix ?? defaultPrefixFor(path.dirname(main))});
}
