import {parseArgs} from 'node:util';
import {isRole} from '../diagnosis/cause-ids.js';
import {defaultInput, type SessionInput} from '../engine/session-input.js';
import {checkUrl} from '../engine/validators.js';
import {UserError} from './user-error.js';

export type OutputMode = 'json' | 'text' | 'wizard';

export type Command =
	| {readonly kind: 'help'}
	| {readonly kind: 'version'}
	| {readonly kind: 'flow-graph'; readonly file?: string}
	| {readonly kind: 'flow-check'; readonly file: string}
	| {readonly kind: 'lab'; readonly diagnose: Diagnose}
	| ({readonly kind: 'diagnose'} & Diagnose);

export type Diagnose = {
	readonly input: SessionInput;
	/** Requested by flags; the entry point downgrades `wizard` to `text` when stdout is no terminal. */
	readonly output: OutputMode;
	readonly flowFile?: string;
	readonly transcript?: string;
	readonly color: boolean;
};

const options = {
	json: {type: 'boolean'},
	yes: {type: 'boolean'},
	role: {type: 'string'},
	agent: {type: 'boolean'},
	method: {type: 'string', short: 'X'},
	header: {type: 'string', short: 'H', multiple: true},
	data: {type: 'string', short: 'd'},
	cookie: {type: 'string'},
	token: {type: 'string'},
	referer: {type: 'string'},
	'user-agent': {type: 'string'},
	docroot: {type: 'string'},
	'web-user': {type: 'string'},
	'nginx-conf': {type: 'string'},
	'apache-conf': {type: 'string'},
	'php-fpm-conf': {type: 'string'},
	'access-log': {type: 'string'},
	'error-log': {type: 'string'},
	'client-address': {type: 'string'},
	har: {type: 'string'},
	'headers-file': {type: 'string'},
	answer: {type: 'string', multiple: true},
	flow: {type: 'string'},
	transcript: {type: 'string'},
	'max-requests': {type: 'string'},
	timeout: {type: 'string'},
	'no-probe': {type: 'boolean'},
	insecure: {type: 'boolean', short: 'k'},
	'redact-header': {type: 'string', multiple: true},
	'no-color': {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const;

/** Parses the command line into a command, or throws a UserError with one clear line. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
	let parsed;
	try {
		parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true});
	} catch (error) {
		throw new UserError(describeParseError(error));
	}

	const {values, positionals} = parsed;
	if (values.help) {
		return {kind: 'help'};
	}

	if (values.version) {
		return {kind: 'version'};
	}

	const [first, second, third, ...rest] = positionals;
	if (first === 'flow') {
		if (second === 'graph' && rest.length === 0) {
			return {kind: 'flow-graph', file: third};
		}

		if (second === 'check' && third !== undefined && rest.length === 0) {
			return {kind: 'flow-check', file: third};
		}

		throw new UserError('usage: fix403 flow graph [FILE] | fix403 flow check FILE');
	}

	if (first === 'lab') {
		if (positionals.length > 1) {
			throw new UserError(`unexpected argument ${quoted(second ?? '')} after lab`);
		}

		return {kind: 'lab', diagnose: diagnoseOptions(values, undefined, env)};
	}

	if (positionals.length > 1) {
		throw new UserError(`unexpected argument ${quoted(second ?? '')}: give one URL (quote it if it contains spaces or &)`);
	}

	return {kind: 'diagnose', ...diagnoseOptions(values, first, env)};
}

type Values = ReturnType<typeof parseArgs<{options: typeof options; allowPositionals: true}>>['values'];

function diagnoseOptions(values: Values, url: string | undefined, env: NodeJS.ProcessEnv): Diagnose {
	if (url !== undefined) {
		// A URL never holds control characters; quoting one back would break the line or the terminal.
		// eslint-disable-next-line no-control-regex
		const reason = /[\u0000-\u001F\u007F-\u009F]/.test(url) ? `${quoted(url)} contains control characters (a line break, tab or escape)` : checkUrl(url);
		if (reason) {
			throw new UserError(`invalid URL: ${reason}`);
		}
	}

	const role = values.role;
	if (role !== undefined && !isRole(role)) {
		throw new UserError(`--role must be visitor, owner or api (got ${quoted(role)})`);
	}

	const method = (values.method ?? defaultInput.method).toUpperCase();
	if (!/^[A-Z][A-Z-]{0,19}$/.test(method)) {
		throw new UserError(`--method ${quoted(values.method ?? '')} is not an HTTP method`);
	}

	const input: SessionInput = {
		...defaultInput,
		url: url?.trim(),
		method,
		headers: (values.header ?? []).map(parseHeader),
		body: values.data,
		cookie: values.cookie,
		token: values.token,
		referer: values.referer,
		userAgent: values['user-agent'],
		role,
		agent: values.agent ?? false,
		docroot: values.docroot,
		webUser: values['web-user'],
		nginxConf: values['nginx-conf'],
		apacheConf: values['apache-conf'],
		phpFpmConf: values['php-fpm-conf'],
		accessLog: values['access-log'],
		errorLog: values['error-log'],
		clientAddress: values['client-address'],
		har: values.har,
		headersFile: values['headers-file'],
		answers: Object.fromEntries((values.answer ?? []).map(parseAnswer)),
		maxRequests: positiveInteger(values['max-requests'], '--max-requests', defaultInput.maxRequests, 1000),
		timeoutMs: positiveInteger(values.timeout, '--timeout', defaultInput.timeoutMs, 600_000),
		probe: !values['no-probe'],
		insecure: values.insecure ?? false,
		redactHeaders: values['redact-header'] ?? [],
	};
	if (input.referer !== undefined && checkUrl(input.referer) !== undefined) {
		throw new UserError(`--referer must be a URL (got ${quoted(input.referer)})`);
	}

	const output: OutputMode = values.json ? 'json' : values.yes ? 'text' : 'wizard';
	const color = !values['no-color'] && env['NO_COLOR'] === undefined && env['TERM'] !== 'dumb';
	return {input, output, flowFile: values.flow, transcript: values.transcript, color};
}

function parseHeader(raw: string): readonly [string, string] {
	const colon = raw.indexOf(':');
	const name = colon === -1 ? '' : raw.slice(0, colon).trim();
	if (!/^[!#$%&'*+.^`|~\w-]+$/.test(name)) {
		throw new UserError(`-H ${quoted(raw)}: a header is "Name: value"`);
	}

	const value = raw.slice(colon + 1).trim();
	if (/[\r\n\0]/.test(value)) {
		throw new UserError(`-H ${name}: a header value cannot contain line breaks or NUL`);
	}

	return [name, value];
}

function parseAnswer(raw: string): [string, string] {
	const equals = raw.indexOf('=');
	if (equals <= 0) {
		throw new UserError(`--answer ${quoted(raw)}: write it as ID=VALUE (for example --answer role=owner)`);
	}

	return [raw.slice(0, equals).trim(), raw.slice(equals + 1)];
}

function positiveInteger(raw: string | undefined, flag: string, fallback: number, max: number): number {
	if (raw === undefined) {
		return fallback;
	}

	const value = /^\s*\d{1,9}\s*$/.test(raw) ? Number(raw) : Number.NaN;
	if (!Number.isInteger(value) || value < 1 || value > max) {
		throw new UserError(`${flag} takes a whole number from 1 to ${max} (got ${quoted(raw)})`);
	}

	return value;
}

/** A value the user typed, quoted for a message: escapes visible (JSON), length bounded. */
function quoted(value: string): string {
	return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}

function describeParseError(error: unknown): string {
	const {code, message} = error as {code?: string; message: string};
	// Node quotes the option first: 'X', '--timeout', '-H, --header <value>'.
	const named = /'(-[^' ,]*)/.exec(message)?.[1];
	const flag = named === undefined ? undefined : longName(named);
	if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
		return `unknown option ${named === undefined ? '' : /^[!-~]{1,100}$/.test(named) ? named : quoted(named)} (see fix403 --help)`.replace('  ', ' ');
	}

	if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag !== undefined) {
		if (message.includes('argument missing')) {
			return `${flag} needs a value`;
		}

		if (message.includes('argument is ambiguous')) {
			return `${flag} needs a value (for a value that starts with "-", write ${flag}=VALUE)`;
		}

		if (message.includes('does not take an argument')) {
			return `${flag} takes no value`;
		}
	}

	return message.split('\n')[0]!;
}

/** `-H` → `--header`: messages name the long form, which is what --help lists first. */
function longName(flag: string): string {
	if (flag.startsWith('--')) {
		return flag;
	}

	const short = flag.slice(1);
	const entry = Object.entries(options).find(([, option]) => 'short' in option && option.short === short);
	return entry ? `--${entry[0]}` : flag;
}
