import {version} from './version.js';

const argv = process.argv.slice(2);
// `--version` answers before anything else is loaded, so it costs what starting Node costs.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
	process.stdout.write(`${version}\n`);
} else {
	const {main} = await import('./cli/main.js');
	process.exitCode = await main({argv, env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr});
}
