import type {ConfigBlock, DirConf} from './dir-conf.js';
import {applyBlock, initialDirConf} from './dir-conf.js';
import type {ApacheConfigError} from './errors.js';
import type {ExprResult} from './expr.js';
import type {OptionsState} from './options.js';
import type {IfChain} from './if-chains.js';
import {ifChains} from './if-chains.js';
import type {OverridePolicy} from './overrides.js';
import {allowedInHtaccess, readsHtaccess} from './overrides.js';
import type {PathFacts, PathStep} from './path-walk.js';
import {directoryMatchesLevel, directoryRegex, filesMatches, locationMatches, plainDirectory} from './section-match.js';
import type {ServerScope} from './servers.js';
import {describeScope} from './servers.js';
import {symlinkVerdict} from './symlink-verdict.js';
import {unquoteExpression} from './tokenize.js';
import type {ApacheNode, ApacheSection} from './types.js';

/** What the walk needs from outside: the chosen server, the mapped path's facts, and `.htaccess` reading. */
export type WalkInput = {
	readonly main: ServerScope;
	readonly vhost?: ServerScope;
	readonly serverRoot: string;
	readonly uri: string;
	readonly facts?: PathFacts;
	/** httpd's `r->filename`: the mapped path, with a trailing slash for a folder requested with one. */
	readonly filename?: string;
	readonly accessFileNames: readonly string[];
	/** Reads, parses and resolves one `.htaccess`; undefined when there is none. */
	loadHtaccess(file: string): Promise<{nodes: readonly ApacheNode[]} | {error: ApacheConfigError} | undefined>;
	readonly expression: (text: string) => ExprResult;
};

/** Things met on the way that bear on the diagnosis but are not sections. */
export type WalkNote =
	| {readonly kind: 'symlink-blocked'; readonly step: PathStep; readonly options: OptionsState; readonly reason: 'not-allowed' | 'owner-mismatch' | 'target-missing'}
	| {readonly kind: 'htaccess-ignored'; readonly file: string; readonly policy: OverridePolicy}
	| {readonly kind: 'htaccess-not-allowed'; readonly node: ApacheNode; readonly policy: OverridePolicy}
	| {readonly kind: 'htaccess-error'; readonly error: ApacheConfigError}
	| {readonly kind: 'if-unknown'; readonly section: ApacheSection; readonly error?: string};

/** The merged configuration for the request, the blocks that made it, and what was met on the way. */
export type SectionWalk = {
	readonly conf: DirConf;
	/** Every block merged, in merge order. */
	readonly blocks: readonly ConfigBlock[];
	readonly notes: readonly WalkNote[];
	/** Set when httpd would stop the walk with a 403 (a symbolic link it will not follow). */
	readonly stopped?: 'symlink';
};

/**
Merges the sections that apply to one request in httpd's order (https://httpd.apache.org/docs/2.4/sections.html#merging):
server config, then `<Directory>` shortest to longest with `.htaccess` after each level, `<DirectoryMatch>`,
`<Files>`/`<FilesMatch>`, `<Location>`/`<LocationMatch>`, `<If>`; the main server's sections before the virtual host's,
nested sections after top-level ones of the same kind.
*/
export async function walkSections(input: WalkInput): Promise<SectionWalk> {
	let conf = initialDirConf;
	const blocks: ConfigBlock[] = [];
	const notes: WalkNote[] = [];
	const scopes = [input.main, input.vhost].filter(scope => scope !== undefined);
	const sectionsNamed = (...names: string[]) => scopes.flatMap(scope => scope.nodes.filter((node): node is ApacheSection =>
		node.kind === 'section' && names.includes(node.name.toLowerCase())).map(section => ({section, origin: scope.kind})));
	const files: Array<{section: ApacheSection; origin: ConfigBlock['origin']}> = sectionsNamed('files', 'filesmatch');
	const ifs: IfChain[] = [];
	for (const scope of scopes) {
		ifs.push(...ifChains(scope.nodes, scope.kind));
	}

	const apply = (block: ConfigBlock) => {
		blocks.push(block);
		conf = applyBlock(conf, block);
		for (const node of block.nodes) {
			if (node.kind === 'section' && /^files(match)?$/i.test(node.name)) {
				files.push({section: node, origin: block.origin});
			}
		}

		ifs.push(...ifChains(block.nodes, block.origin));
	};

	const applySection = (section: ApacheSection, kind: ConfigBlock['kind'], origin: ConfigBlock['origin'], directory?: string) => {
		const condition = kind === 'if' && section.name.toLowerCase() !== 'else' ? unquoteExpression(section.raw) : undefined;
		apply({kind, label: `<${section.name}${section.raw ? ` ${section.raw}` : ''}>`, file: section.file, line: section.line, nodes: section.children, origin, directory, condition});
	};

	for (const scope of scopes) {
		const first = scope.section ?? scope.nodes[0];
		apply({
			kind: 'server', label: scope.kind === 'main' ? 'server config' : describeScope(scope), file: first?.file ?? '', line: first?.line ?? 0,
			nodes: scope.nodes.filter(node => node.kind === 'directive'), origin: scope.kind,
		});
	}

	if (input.facts && input.filename) {
		const plain = sectionsNamed('directory').flatMap(({section, origin}) => {
			const entry = plainDirectory(section, input.serverRoot);
			return entry ? [{...entry, origin}] : [];
		}).sort((a, b) => a.components - b.components);
		const levels = ['/', ...input.facts.steps.filter(step => (step.target ?? step.entry).kind === 'directory').map(step => `${step.path}/`)];
		for (const [index, level] of levels.entries()) {
			for (const entry of plain.filter(candidate => candidate.components === index + 1 && directoryMatchesLevel(candidate, level))) {
				applySection(entry.section, 'directory', entry.origin, level);
			}

			await applyHtaccess(level, conf.overrides);
			const step = input.facts.steps[index];
			const blocked = step ? symlinkVerdict(step, conf.options) : undefined;
			if (step && blocked) {
				notes.push({kind: 'symlink-blocked', step, options: conf.options, reason: blocked});
				return {conf, blocks, notes, stopped: 'symlink'};
			}
		}

		for (const {section, origin} of sectionsNamed('directory', 'directorymatch')) {
			if (directoryRegex(section)?.test(input.filename)) {
				applySection(section, 'directory-match', origin);
			}
		}

		const basename = input.filename.slice(input.filename.lastIndexOf('/') + 1);
		for (const {section, origin} of files) {
			if (filesMatches(section, basename)) {
				applySection(section, 'files', origin);
			}
		}
	}

	for (const {section, origin} of sectionsNamed('location', 'locationmatch')) {
		if (locationMatches(section, input.uri)) {
			applySection(section, 'location', origin);
		}
	}

	for (let index = 0; index < ifs.length; index++) {
		const entry = ifs[index];
		for (const candidate of entry?.chain ?? []) {
			const verdict = candidate.name.toLowerCase() === 'else' ? {value: true} : input.expression(unquoteExpression(candidate.raw));
			if (verdict.value === undefined) {
				notes.push({kind: 'if-unknown', section: candidate, error: 'error' in verdict ? verdict.error : undefined});
				break;
			}

			if (verdict.value) {
				applySection(candidate, 'if', entry?.origin ?? 'main');
				break;
			}
		}
	}

	return {conf, blocks, notes};

	async function applyHtaccess(level: string, policy: OverridePolicy): Promise<void> {
		for (const name of input.accessFileNames) {
			const file = level + name;
			const loaded = await input.loadHtaccess(file);
			if (!loaded) {
				continue;
			}

			if (!readsHtaccess(policy)) {
				// httpd does not even open it; worth saying, since rules written there have no effect.
				notes.push({kind: 'htaccess-ignored', file, policy});
				return;
			}

			if ('error' in loaded) {
				notes.push({kind: 'htaccess-error', error: loaded.error});
				return;
			}

			const allowed = loaded.nodes.filter(node => {
				const ok = allowedInHtaccess(node, policy);
				if (!ok) {
					notes.push({kind: 'htaccess-not-allowed', node, policy});
				}

				return ok;
			});
			apply({kind: 'htaccess', label: file, file, line: 1, nodes: allowed, origin: 'htaccess', directory: level});
			return;
		}
	}
}
