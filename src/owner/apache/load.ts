import path from 'node:path';
import {parseEnvvars} from './envvars.js';
import {ApacheConfigError} from './errors.js';
import {expandInclude} from './include-paths.js';
import {isNamed, parseConfigText} from './parse.js';
import {splitWords} from './tokenize.js';
import type {ApacheConfig, ApacheIo, ApacheNode} from './types.js';
import {builtinModules, ifDefineHolds, ifModuleHolds, moduleNames, substituteVariables} from './variables.js';

/** One config file may be this large; httpd configs are far smaller. */
export const maxConfigBytes = 4 * 1024 * 1024;
const maxFiles = 4000;
const maxDepth = 32;

/** How httpd would have been started: its compiled-in ServerRoot, `-D` names and environment. */
export type LoadOptions = {
	/** ServerRoot before any `ServerRoot` directive; default: the main file's folder (or the folder given). */
	readonly serverRoot?: string;
	/** Names passed with `-D` on httpd's command line. */
	readonly defines?: readonly string[];
	/** Environment for `${NAME}`; Debian's `envvars` next to the main file is read in addition. */
	readonly env?: Readonly<Record<string, string>>;
};

/** What the read-time walk tracks, in reading order (so a `Define` only affects what follows it). */
export type ReadState = {
	serverRoot: string;
	readonly variables: Record<string, string>;
	readonly defined: Set<string>;
	modules: Set<string> | undefined;
	readonly files: string[];
};

/**
Reads an Apache configuration as httpd does at start-up: the main file (or every file under a folder),
`Include`/`IncludeOptional` spliced in place, `${VAR}` substituted, `<IfModule>`/`<IfDefine>`/`<IfFile>`
decided. Throws `ApacheConfigError` with file and line for anything httpd would refuse.
*/
export async function loadApacheConfig(configPath: string, io: ApacheIo, options: LoadOptions = {}): Promise<ApacheConfig> {
	const mainFile = path.resolve(configPath);
	const entry = await io.stat(mainFile);
	if (!entry) {
		throw new ApacheConfigError('APACHE_CONFIG_UNREADABLE', mainFile, undefined, 'No such file or folder');
	}

	const folder = entry.kind === 'directory' ? mainFile : path.dirname(mainFile);
	const envvarsText = await io.readText(path.join(folder, 'envvars'), 64 * 1024);
	const variables = {...options.env, ...(envvarsText === undefined ? {} : parseEnvvars(envvarsText, options.env))};
	const state: ReadState = {
		serverRoot: options.serverRoot ?? folder,
		variables,
		defined: new Set(options.defines),
		modules: undefined,
		files: [],
	};
	const nodes = entry.kind === 'directory'
		? await includeFiles((await expandInclude(mainFile, state.serverRoot, io)).files, state, io, 0)
		: await readFile(mainFile, state, io, 0);
	return {mainFile, serverRoot: state.serverRoot, nodes, files: state.files, variables: state.variables, modules: state.modules};
}

async function readFile(file: string, state: ReadState, io: ApacheIo, depth: number): Promise<ApacheNode[]> {
	if (state.files.length >= maxFiles) {
		throw new ApacheConfigError('APACHE_CONFIG_TOO_LARGE', file, undefined, `More than ${maxFiles} configuration files`);
	}

	const text = await io.readText(file, maxConfigBytes + 1);
	if (text === undefined) {
		throw new ApacheConfigError('APACHE_CONFIG_UNREADABLE', file, undefined, 'Could not open configuration file');
	}

	if (text.length > maxConfigBytes) {
		throw new ApacheConfigError('APACHE_CONFIG_TOO_LARGE', file, undefined, `Larger than ${maxConfigBytes} bytes`);
	}

	state.files.push(file);
	return resolveNodes(parseConfigText(text, file), state, io, depth);
}

async function includeFiles(files: readonly string[], state: ReadState, io: ApacheIo, depth: number): Promise<ApacheNode[]> {
	const nodes: ApacheNode[] = [];
	for (const file of files) {
		nodes.push(...await readFile(file, state, io, depth + 1));
	}

	return nodes;
}

/** Walks parsed nodes in order, applying read-time directives; also used for `.htaccess` (where `Include` is not allowed). */
export async function resolveNodes(nodes: readonly ApacheNode[], state: ReadState, io: ApacheIo, depth: number, includes = true): Promise<ApacheNode[]> {
	const resolved: ApacheNode[] = [];
	for (const node of nodes) {
		const raw = substituteVariables(node.raw, state.variables);
		const args = raw === node.raw ? node.args : splitWords(raw);
		const first = args[0] ?? '';
		if (node.kind === 'section') {
			if (await conditionHolds(node.name, first, state, io)) {
				resolved.push(...await resolveNodes(node.children, state, io, depth, includes));
			} else if (!isConditional(node.name)) {
				resolved.push({...node, raw, args, children: await resolveNodes(node.children, state, io, depth, includes)});
			}

			continue;
		}

		if (includes && isNamed(node, 'Include', 'IncludeOptional')) {
			if (depth >= maxDepth) {
				throw new ApacheConfigError('APACHE_CONFIG_INCLUDE', node.file, node.line, `Exceeded the maximum include nesting level of ${maxDepth}`);
			}

			const {files, problem} = await expandInclude(first, state.serverRoot, io);
			if (files.length === 0 && isNamed(node, 'Include')) {
				throw new ApacheConfigError('APACHE_CONFIG_INCLUDE', node.file, node.line, problem ?? `Include of ${first} found nothing`);
			}

			resolved.push(...await includeFiles(files, state, io, depth));
			continue;
		}

		applyReadTimeDirective(node.name.toLowerCase(), args, state);
		resolved.push({...node, raw, args});
	}

	return resolved;
}

function applyReadTimeDirective(name: string, args: readonly string[], state: ReadState): void {
	const [first = '', second] = args;
	if (name === 'serverroot' && first) {
		state.serverRoot = path.resolve(first);
	} else if (name === 'define' && first) {
		state.defined.add(first);
		state.variables[first] = second ?? '';
	} else if (name === 'undefine' && first) {
		state.defined.delete(first);
		delete state.variables[first];
	} else if (name === 'loadmodule' && first) {
		state.modules ??= new Set(builtinModules);
		for (const moduleName of moduleNames(first, second)) {
			state.modules.add(moduleName);
		}
	}
}

const conditionals = new Set(['ifmodule', 'ifdefine', 'iffile', 'ifversion', 'ifdirective', 'ifsection']);

function isConditional(name: string): boolean {
	return conditionals.has(name.toLowerCase());
}

async function conditionHolds(name: string, argument: string, state: ReadState, io: ApacheIo): Promise<boolean> {
	switch (name.toLowerCase()) {
		case 'ifmodule': {
			return ifModuleHolds(argument, state.modules);
		}

		case 'ifdefine': {
			return ifDefineHolds(argument, state.defined);
		}

		case 'iffile': {
			const negate = argument.startsWith('!');
			const target = negate ? argument.slice(1) : argument;
			const exists = await io.stat(path.isAbsolute(target) ? target : path.join(state.serverRoot, target)) !== undefined;
			return negate ? !exists : exists;
		}

		// The running version and directive set are unknown here; their blocks are assumed to apply.
		case 'ifversion':
		case 'ifdirective':
		case 'ifsection': {
			return true;
		}

		default: {
			return false;
		}
	}
}
