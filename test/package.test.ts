import {execFile, spawn} from 'node:child_process';
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startLoopback, type Loopback} from './helpers/loopback.js';
import {waitFor} from './helpers/wait-for.js';
import {loadedModules, uiChunks} from './lab/loaded-modules.js';

/*
The package as users get it: `npm pack`, then an install of the tarball into an empty folder with no
registry at all (`--offline`: nothing may need one, since nothing is a dependency), then the installed
command. Needs `npm run build` first (the test script does it).
*/

const exec = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let app: string;
let packed: {filename: string; files: Array<{path: string}>};
let server: Loopback;

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'fix403-package-'));
	const {stdout} = await exec(npm, ['pack', '--json', '--pack-destination', work], {cwd: root});
	[packed] = JSON.parse(stdout) as [typeof packed];
	app = path.join(work, 'app');
	await mkdir(app);
	await writeFile(path.join(app, 'package.json'), '{"name":"fix403-install-check","private":true}\n');
	await exec(npm, ['install', '--no-audit', '--no-fund', '--offline', path.join(work, packed.filename)], {cwd: app});
	// A folder that nginx refuses to list, and its missing index file.
	const nginx403 = '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.24.0 (Ubuntu)</center>\r\n</body>\r\n</html>\r\n';
	server = await startLoopback((request, response) => {
		const folder = request.url === '/uploads/';
		response.writeHead(folder ? 403 : 404, {Server: 'nginx/1.24.0 (Ubuntu)', 'Content-Type': 'text/html'});
		response.end(folder ? nginx403 : nginx403.replaceAll('403 Forbidden', '404 Not Found'));
	});
}, 180_000);

afterAll(async () => {
	await server?.close();
	await rm(work, {recursive: true, force: true});
});

const installed = () => path.join(app, 'node_modules/fix403');
const run = async (args: readonly string[], env: Record<string, string> = {}) =>
	exec(npm, ['exec', '--offline', '--', 'fix403', ...args], {cwd: app, env: {...process.env, NO_COLOR: '1', CI: 'true', ...env}, maxBuffer: 32 * 1024 * 1024});

describe('the packed package', () => {
	it('ships the bundle, the flows, the schema and nothing of the sources or tests', () => {
		const files = packed.files.map(file => file.path);
		expect(files).toEqual(expect.arrayContaining(['package.json', 'bin/fix403.js', 'dist/cli.js', 'flows/fix403.yaml', 'docs/report.schema.json']));
		for (const file of files) {
			expect(file).toMatch(/^(bin\/|dist\/|flows\/|docs\/report\.schema\.json$|package\.json$|README\.md$|LICENSE)/);
		}
	});

	it('has no runtime dependencies, so the install pulls in nothing but fix403', async () => {
		const manifest = JSON.parse(await readFile(path.join(installed(), 'package.json'), 'utf8')) as Record<string, unknown>;
		for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) {
			expect(Object.keys((manifest[field] as object | undefined) ?? {}), field).toEqual([]);
		}

		expect((await readdir(path.join(app, 'node_modules'))).filter(name => !name.startsWith('.'))).toEqual(['fix403']);
	});

	it('runs --version and --help from the install', async () => {
		const {version} = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string};
		expect((await run(['--version'])).stdout).toBe(`${version}\n`);
		const help = (await run(['--help'])).stdout;
		expect(help).toContain('fix403');
		expect(help).toContain('--json');
	});

	it('diagnoses a loopback 403 headlessly from the install, without loading the UI', async () => {
		const {stdout, stderr} = await run([`${server.origin}/uploads/`, '--json'], {NODE_DEBUG: 'esm'});
		const report = JSON.parse(stdout) as {status: string; causes: Array<{id: string}>; probes: unknown[]};
		expect(report.status).toBe('diagnosed');
		expect(report.causes[0]?.id).toBe('directory-index-missing');
		expect(report.probes.length).toBeGreaterThan(1);
		const loaded = loadedModules(stderr);
		const entry = path.join(installed(), 'dist/cli.js');
		expect(loaded).toContain(`file://${entry}`);
		const ui = uiChunks(path.join(installed(), 'dist'));
		expect(ui.length).toBeGreaterThan(0);
		expect(loaded.filter(url => ui.includes(url))).toEqual([]);
	});

	it('runs fix403 lab from the install and stops it on SIGINT', async () => {
		const child = spawn(process.execPath, [path.join(installed(), 'bin/fix403.js'), 'lab', '--json'], {cwd: app, stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		const exited = new Promise<number | null>(resolve => {
			child.on('exit', resolve);
		});
		await waitFor(() => stdout.includes('\n'));
		const {paths} = JSON.parse(stdout.split('\n')[0]!) as {paths: Array<{url: string; cause: string}>};
		expect(paths.length).toBeGreaterThanOrEqual(12);
		const report = JSON.parse((await run([paths.find(labPath => labPath.cause === 'geo-block')!.url, '--json'])).stdout) as {causes: Array<{id: string}>};
		expect(report.causes[0]?.id).toBe('geo-block');
		child.kill('SIGINT');
		expect(await exited).toBe(0);
		expect(stderr).toMatch(/stopped after \d+ requests/);
	});
});
