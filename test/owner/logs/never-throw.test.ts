import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {classifyErrorEntry, parseErrorLine} from '../../../src/owner/logs/classify-error.js';
import {isGarbageLine} from '../../../src/owner/logs/garbage.js';
import {parseAccessLine} from '../../../src/owner/logs/parse-access-line.js';
import {concernsPath} from '../../../src/owner/logs/path-match.js';
import {uaFamily} from '../../../src/owner/logs/ua-family.js';

// Real lines (see error-lines.test.ts and access-lines.test.ts for their sources) to mutate.
const seeds = [
	'2026/11/25 13:25:10 [error] 14094#14094: *1 open() "/tmp/www/secret.html" failed (13: Permission denied), client: unix:, server: , request: "GET /secret.html HTTP/1.1", host: "x"',
	'[Wed Nov 25 13:40:17.307107 2026] [authz_core:error] [pid 9466:tid 9500] [client 127.0.0.1:39784] AH01630: client denied by server configuration: /tmp/www/deny/x.html',
	'[Tue Feb 11 17:17:31.331754 2016] [core:error] [pid 5240:tid 879] (13)Permission denied: [client 127.0.0.1:47007] AH00132: file permissions deny server access: /var/www/x.html',
	'127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"',
];

/** A real line with a random slice replaced by random text: near-misses exercise every branch. */
const mutated = fc.tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.string({unit: 'binary'})).map(([seed, a, b, insert]) => {
	const start = a % (seed.length + 1);
	const end = start + (b % (seed.length + 1 - start));
	return seed.slice(0, start) + insert + seed.slice(end);
});

const anyLine = fc.oneof(fc.string({unit: 'binary', maxLength: 400}), fc.string({unit: 'grapheme-ascii'}), mutated);

describe('parsers never throw', () => {
	test('error-line parsing and classification', () => {
		fc.assert(fc.property(anyLine, line => {
			const entry = parseErrorLine(line);
			if (entry) {
				classifyErrorEntry(entry);
				concernsPath({urlPath: '/x'}, {request: entry.request, fs: entry.message});
			}
		}), {numRuns: 3000});
	});

	test('access-line parsing and User-Agent families', () => {
		fc.assert(fc.property(anyLine, line => {
			const entry = parseAccessLine(line);
			uaFamily(entry?.userAgent ?? line);
			isGarbageLine(line);
			if (entry) {
				expect(Number.isInteger(entry.status)).toBe(true);
			}
		}), {numRuns: 3000});
	});
});
