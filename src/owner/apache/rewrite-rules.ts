import type {ApacheLocation, ApacheNode} from './types.js';

/** One `RewriteCond TestString CondPattern [flags]`. */
export type RewriteCondDef = {
	readonly testString: string;
	readonly pattern: string;
	readonly flags: ReadonlyMap<string, string>;
	readonly at: ApacheLocation;
	readonly text: string;
};

/** One `RewriteRule Pattern Substitution [flags]` with the conditions written above it. */
export type RewriteRuleDef = {
	readonly pattern: string;
	readonly substitution: string;
	readonly flags: ReadonlyMap<string, string>;
	readonly conds: readonly RewriteCondDef[];
	readonly at: ApacheLocation;
	readonly text: string;
};

/** mod_rewrite's configuration of one section, `.htaccess` or server. */
export type RewriteConf = {
	readonly engine?: {readonly on: boolean; readonly at: ApacheLocation};
	readonly rules: readonly RewriteRuleDef[];
	readonly inherit: boolean;
	/** For per-directory rules: the folder whose path is stripped before matching (`/srv/www/`). */
	readonly directory?: string;
};

const flagAliases: Record<string, string> = {
	forbidden: 'f', gone: 'g', last: 'l', nocase: 'nc', redirect: 'r', chain: 'c', skip: 's', ornext: 'or', next: 'n',
	passthrough: 'pt', qsappend: 'qsa', env: 'e', type: 't', handler: 'h', nosubreq: 'ns', noescape: 'ne', novary: 'nv', cookie: 'co',
};

/** `[F,L,NC]` → {f: '', l: '', nc: ''}; `R=301` keeps its value; long names map to short ones. */
export function readFlags(text: string | undefined): Map<string, string> {
	const flags = new Map<string, string>();
	const body = text?.replace(/^\[/, '').replace(/\]$/, '') ?? '';
	for (const item of body.split(',')) {
		const [rawName = '', value = ''] = item.trim().split('=', 2);
		const name = rawName.toLowerCase();
		if (name) {
			flags.set(flagAliases[name] ?? name, value);
		}
	}

	return flags;
}

/** Reads a section's RewriteEngine/RewriteCond/RewriteRule/RewriteOptions; undefined when it has none. */
export function readRewrite(nodes: readonly ApacheNode[], directory?: string): RewriteConf | undefined {
	let engine: RewriteConf['engine'];
	let inherit = false;
	let seen = false;
	const rules: RewriteRuleDef[] = [];
	let pending: RewriteCondDef[] = [];
	for (const node of nodes) {
		if (node.kind !== 'directive') {
			continue;
		}

		const name = node.name.toLowerCase();
		const at = {file: node.file, line: node.line};
		const text = `${node.name} ${node.raw}`.trim();
		if (name === 'rewriteengine') {
			seen = true;
			engine = {on: node.args[0]?.toLowerCase() === 'on', at};
		} else if (name === 'rewriteoptions') {
			seen = true;
			inherit = node.args.some(word => /^inherit/i.test(word));
		} else if (name === 'rewritecond') {
			seen = true;
			pending.push({testString: node.args[0] ?? '', pattern: node.args[1] ?? '', flags: readFlags(node.args[2]), at, text});
		} else if (name === 'rewriterule') {
			seen = true;
			rules.push({pattern: node.args[0] ?? '', substitution: node.args[1] ?? '-', flags: readFlags(node.args[2]), conds: pending, at, text});
			pending = [];
		}
	}

	return seen ? {engine, rules, inherit, directory} : undefined;
}

/** mod_rewrite's per-directory merge: a section with rewrite directives replaces the rules unless `RewriteOptions Inherit`. */
export function mergeRewrite(base: RewriteConf | undefined, add: RewriteConf | undefined): RewriteConf | undefined {
	if (!add) {
		return base;
	}

	return {
		engine: add.engine ?? base?.engine,
		rules: add.inherit ? [...add.rules, ...base?.rules ?? []] : add.rules,
		inherit: add.inherit,
		directory: add.directory ?? base?.directory,
	};
}
