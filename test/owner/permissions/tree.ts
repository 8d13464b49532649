import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A real temp folder (mode 0755 so www-data may enter it unless a test says otherwise). */
export function makeTempRoot(parent = os.tmpdir()): string {
	const root = fs.mkdtempSync(path.join(parent, 'fix403-perm-'));
	fs.chmodSync(root, 0o755);
	return root;
}

export function removeTree(root: string): void {
	fs.rmSync(root, {recursive: true, force: true});
}

/** Ground truth from the kernel: runs `test -r`/`test -x` as the user, outside our code. */
export function kernelAllows(user: string, flag: '-r' | '-x', target: string): boolean {
	return spawnSync('runuser', ['-u', user, '--', 'test', flag, target]).status === 0;
}

export function setfacl(...args: string[]): void {
	execFileSync('setfacl', args);
}

export function chown(owner: string, target: string, noDereference = false): void {
	execFileSync('chown', [...(noDereference ? ['-h'] : []), owner, target]);
}

/** Runs the shell commands among a finding's fix steps (prose steps are skipped). */
export function applyFixSteps(steps: readonly string[]): void {
	for (const step of steps) {
		if (/^(?:chmod|chgrp|chown|setfacl) /.test(step)) {
			execFileSync('sh', ['-c', step]);
		}
	}
}
