// Preloaded with `node --require` by the benchmark: at exit, appends the process's peak resident set size
// (getrusage ru_maxrss, in kilobytes on Linux and macOS) to the file named by FIX403_BENCH_RSS_FILE.
const {appendFileSync} = require('node:fs');

const file = process.env.FIX403_BENCH_RSS_FILE;
if (file) {
	process.on('exit', () => {
		appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
	});
}
