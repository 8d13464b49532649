import type {AccessCompatConf} from './access-compat.js';
import {readAccessCompat} from './access-compat.js';
import type {AuthzConf} from './authz-tree.js';
import {mergeAuthz, readAuthz} from './authz-tree.js';
import type {OptionsChange, OptionsState} from './options.js';
import {applyOptions, defaultOptions, readOptions} from './options.js';
import type {OverridePolicy} from './overrides.js';
import {defaultOverridePolicy, readAllowOverride, readAllowOverrideList} from './overrides.js';
import type {RewriteConf} from './rewrite-rules.js';
import {mergeRewrite, readRewrite} from './rewrite-rules.js';
import type {SetEnvRule} from './setenvif.js';
import {readSetEnv} from './setenvif.js';
import type {ApacheLocation, ApacheNode} from './types.js';

/** Which kind of configuration a block is; this decides where it falls in the merge order. */
export type BlockKind = 'server' | 'directory' | 'directory-match' | 'files' | 'location' | 'if' | 'htaccess';

/** A section (or `.htaccess`, or the server's top level) whose directives merge into a request's configuration. */
export type ConfigBlock = {
	readonly kind: BlockKind;
	/** `<Directory "/srv/www">`, `.htaccess`, `server config`… */
	readonly label: string;
	readonly file: string;
	readonly line: number;
	readonly nodes: readonly ApacheNode[];
	readonly origin: 'main' | 'vhost' | 'htaccess';
	/** For `<Directory>` and `.htaccess`: the folder, with a trailing slash (per-directory rewrite prefix). */
	readonly directory?: string;
	/** For `<If>`/`<ElseIf>`: the expression that made it apply. */
	readonly condition?: string;
};

/** A request's merged per-directory configuration, as far as access decisions go. */
export type DirConf = {
	readonly options: OptionsState;
	readonly optionProblems: ReadonlyArray<{readonly at: ApacheLocation; readonly reason: string}>;
	readonly overrides: OverridePolicy;
	readonly directoryIndex: {readonly names: readonly string[]; readonly at?: ApacheLocation};
	readonly authz?: AuthzConf;
	readonly compat?: AccessCompatConf;
	readonly authType?: {readonly value: string; readonly at: ApacheLocation};
	readonly sslRequireSsl?: ApacheLocation;
	readonly rewrite?: RewriteConf;
	readonly setEnv: readonly SetEnvRule[];
};

export const initialDirConf: DirConf = {
	options: defaultOptions,
	optionProblems: [],
	overrides: defaultOverridePolicy,
	directoryIndex: {names: ['index.html']},
	setEnv: [],
};

/** Merges one block onto the configuration so far, with each module's own merge rule. */
export function applyBlock(conf: DirConf, block: ConfigBlock): DirConf {
	let {options, overrides, directoryIndex, authType, sslRequireSsl} = conf;
	const optionProblems = [...conf.optionProblems];
	let indexNames: string[] | undefined;
	for (const node of block.nodes) {
		if (node.kind !== 'directive') {
			continue;
		}

		const at = {file: node.file, line: node.line};
		switch (node.name.toLowerCase()) {
			case 'options': {
				const change: OptionsChange = readOptions(node);
				if (change.error) {
					optionProblems.push({at, reason: change.error});
				}

				options = applyOptions(options, change);
				break;
			}

			case 'allowoverride': {
				overrides = block.kind === 'directory' ? readAllowOverride(node, overrides) : overrides;
				break;
			}

			case 'allowoverridelist': {
				overrides = block.kind === 'directory' ? readAllowOverrideList(node, overrides) : overrides;
				break;
			}

			case 'directoryindex': {
				const disabled = node.args.length === 1 && node.args[0]?.toLowerCase() === 'disabled';
				indexNames = disabled ? [] : [...indexNames ?? [], ...node.args];
				directoryIndex = {names: indexNames, at};
				break;
			}

			case 'authtype': {
				authType = {value: node.args[0] ?? 'None', at};
				break;
			}

			case 'sslrequiressl': {
				sslRequireSsl = at;
				break;
			}

			default: {
				break;
			}
		}
	}

	return {
		options,
		optionProblems,
		overrides,
		directoryIndex,
		authType,
		sslRequireSsl,
		authz: mergeAuthz(conf.authz, readAuthz(block.nodes)),
		compat: readAccessCompat(block.nodes) ?? conf.compat,
		rewrite: block.kind === 'server' ? conf.rewrite : mergeRewrite(conf.rewrite, readRewrite(block.nodes, block.directory)),
		setEnv: [...conf.setEnv, ...readSetEnv(block.nodes)],
	};
}
