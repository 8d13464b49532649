import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Packages under a node_modules folder (scoped ones included), each counted once. */
function countPackages(folder) {
	if (!existsSync(folder)) {
		return 0;
	}

	let count = 0;
	for (const entry of readdirSync(folder, {withFileTypes: true})) {
		if (!entry.isDirectory() || entry.name.startsWith('.')) {
			continue;
		}

		const full = path.join(folder, entry.name);
		count += entry.name.startsWith('@') ? countPackages(full) : 1 + countPackages(path.join(full, 'node_modules'));
	}

	return count;
}

/**
Packs the project as `npm pack` does, installs the tarball into an empty folder with no registry (nothing may
need one), and reports the tarball's size and how many packages the install put into node_modules.
*/
export function measurePackage(root) {
	const work = mkdtempSync(path.join(tmpdir(), 'fix403-bench-'));
	try {
		const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', work], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}));
		const app = path.join(work, 'app');
		mkdirSync(app);
		writeFileSync(path.join(app, 'package.json'), '{"name":"fix403-bench-install","private":true}\n');
		execFileSync(npm, ['install', '--no-audit', '--no-fund', '--offline', path.join(work, packed.filename)], {cwd: app, stdio: 'ignore'});
		return {bytes: packed.size, unpackedBytes: packed.unpackedSize, files: packed.entryCount ?? packed.files.length, packages: countPackages(path.join(app, 'node_modules'))};
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}
