// Bundles the CLI so start-up reads a few files instead of walking node_modules.
// The Ink UI is split into its own chunks, loaded only when the wizard (or the lab's menu) runs; the build
// fails if the entry's static imports ever reach Ink or React, which would put them on every start-up.
import {build} from 'esbuild';
import {readFile, rename, rm} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse} from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = name => path.join(root, name);

const {version} = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

/**
The built-in flow, parsed here once. Parsing its YAML at run time is the largest single cost of a headless
diagnosis (about a third of its CPU time on Node 20); code that reads `FIX403_BUILTIN_FLOW` (guarded with
`typeof`) can validate this data instead and leave the YAML parser unloaded. flows/fix403.yaml stays the source
and what `fix403 flow graph|check` read.
*/
const builtinFlow = parse(await readFile(new URL('../flows/fix403.yaml', import.meta.url), 'utf8'), {uniqueKeys: true, maxAliasCount: 0});

/**
Modules that got imports for features fix403 never turns on: HTTP/2 (`http2: true`) and the response cache
(`cache`). The prober sends HTTP/1.1 with `cache: false`, so got never calls them; bundling them costs ~7 ms of
start-up and 64 kB. A stub that throws keeps a future use from failing silently.
*/
const unusedByGot = {
	'http2-wrapper': `const off = () => { throw new Error('fix403 is built without HTTP/2 support (http2-wrapper is stubbed in scripts/build.mjs)'); };
export default {globalAgent: undefined, auto: off, request: off, get: off, Agent: class {}};`,
	'cacheable-request': `export default class CacheableRequest { constructor() { throw new Error('fix403 is built without got\\'s HTTP cache (cacheable-request is stubbed in scripts/build.mjs)'); } }
export class CacheError extends Error {}`,
};

const stubs = {
	name: 'fix403-stubs',
	setup(context) {
		context.onResolve({filter: /^(http2-wrapper|cacheable-request)$/}, args => ({path: args.path, namespace: 'fix403-stub'}));
		context.onLoad({filter: /.*/, namespace: 'fix403-stub'}, args => ({contents: unusedByGot[args.path], loader: 'js'}));
	},
};

// Built beside dist/ and swapped in at the end, so a CLI started meanwhile finds the old build or the new one,
// never an empty folder.
const next = `dist.next-${process.pid}`;
const result = await build({
	absWorkingDir: root,
	entryPoints: {cli: 'src/cli.ts'},
	outdir: next,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	chunkNames: 'chunks/[name]-[hash]',
	metafile: true,
	define: {
		'process.env.NODE_ENV': '"production"',
		FIX403_VERSION: JSON.stringify(version),
		FIX403_BUILTIN_FLOW: JSON.stringify(builtinFlow),
	},
	// Ink imports react-devtools-core only when DEV is set; a stub keeps it out of the bundle.
	alias: {'react-devtools-core': './scripts/stub-devtools.js'},
	plugins: [stubs],
	banner: {
		js: "import {createRequire as __fix403CreateRequire} from 'node:module';const require=__fix403CreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
});

// Everything `node dist/cli.js` loads before its first dynamic import: the entry and its static imports.
const {outputs} = result.metafile;
const startup = new Set();
const visit = file => {
	if (!startup.has(file) && outputs[file]) {
		startup.add(file);
		for (const imported of outputs[file].imports) {
			if (imported.kind === 'import-statement') {
				visit(imported.path);
			}
		}
	}
};

visit(`${next}/cli.js`);
const ui = [...startup].flatMap(file => Object.keys(outputs[file].inputs).filter(input => /node_modules\/(ink|react|react-reconciler|yoga-layout)\//.test(input)));
if (ui.length > 0) {
	await rm(at(next), {recursive: true, force: true});
	throw new Error(`the CLI's start-up would load the UI (${ui.slice(0, 3).join(', ')}…): import the wizard with import() only`);
}

const old = `dist.old-${process.pid}`;
await rename(at('dist'), at(old)).catch(error => {
	if (error.code !== 'ENOENT') {
		throw error;
	}
});
await rename(at(next), at('dist'));
await rm(at(old), {recursive: true, force: true});
