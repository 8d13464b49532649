// Bundles the CLI so start-up reads a few files instead of walking node_modules.
// The Ink UI is split into its own chunk, loaded only when the wizard runs.
import {build} from 'esbuild';
import {rm, readFile} from 'node:fs/promises';

const {version} = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await rm(new URL('../dist', import.meta.url), {recursive: true, force: true});
await build({
	entryPoints: {cli: 'src/cli.ts'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	chunkNames: 'chunks/[name]-[hash]',
	define: {
		'process.env.NODE_ENV': '"production"',
		FIX403_VERSION: JSON.stringify(version),
	},
	// Ink imports react-devtools-core only when DEV is set; a stub keeps it out of the bundle.
	alias: {'react-devtools-core': './scripts/stub-devtools.js'},
	banner: {
		js: "import {createRequire as __fix403CreateRequire} from 'node:module';const require=__fix403CreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
