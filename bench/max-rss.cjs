// Preloaded with `node --require` by the benchmark: at exit, appends the process's peak resident set size
// (getrusage ru_maxrss, kilobytes on Linux and macOS) and its CPU time (user + system, microseconds) to the
// file named by FIX403_BENCH_RSS_FILE. CPU time hardly grows when other work shares the machine; wall time does.
const {appendFileSync} = require('node:fs');

const file = process.env.FIX403_BENCH_RSS_FILE;
if (file) {
	process.on('exit', () => {
		const {maxRSS, userCPUTime, systemCPUTime} = process.resourceUsage();
		appendFileSync(file, `${maxRSS} ${userCPUTime + systemCPUTime}\n`);
	});
}
