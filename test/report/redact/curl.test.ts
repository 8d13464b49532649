import {describe, expect, test} from 'vitest';
import {createRedactor} from '../../../src/report/redact/index.js';
import {splitShellWords} from '../../../src/text/shell-words.js';

const redactor = createRedactor();

describe('curl commands', () => {
	// Shape of Chrome's "Copy as cURL (bash)" (Chromium NetworkLogView generateCurlCommand): URL first, `-H` per
	// header, `-b` for cookies, `--data-raw`, `--compressed`, ` \` continuations.
	const chromeBash = [
		'curl \'https://api.example.com/v1/files?id=7&access_token=ya29.a0AfH6SMB\' \\',
		'  -H \'accept: application/json\' \\',
		'  -H \'authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMTIz\' \\',
		'  -b \'sessionid=38afes7a8abcdef; theme=dark\' \\',
		'  -H \'x-api-key: AIzaSyD-EXAMPLE-KEY\' \\',
		'  --data-raw \'{"name":"a","password":"hunter22"}\' \\',
		'  -u \'bob:pa$$word\' \\',
		'  --compressed',
	].join('\n');

	test('redacts every secret and keeps the command runnable', () => {
		const out = redactor.curl(chromeBash);
		expect(out).toBe([
			'curl \'https://api.example.com/v1/files?id=7&access_token=[redacted]\' \\',
			'  -H \'accept: application/json\' \\',
			'  -H \'authorization: Bearer [redacted]\' \\',
			'  -b \'sessionid=[redacted]; theme=[redacted]\' \\',
			'  -H \'x-api-key: [redacted]\' \\',
			'  --data-raw \'{"name":"a","password":"[redacted]"}\' \\',
			'  -u \'bob:[redacted]\' \\',
			'  --compressed',
		].join('\n'));
		expect(splitShellWords(out).map(word => word.value)).toEqual([
			'curl', 'https://api.example.com/v1/files?id=7&access_token=[redacted]',
			'-H', 'accept: application/json',
			'-H', 'authorization: Bearer [redacted]',
			'-b', 'sessionid=[redacted]; theme=[redacted]',
			'-H', 'x-api-key: [redacted]',
			'--data-raw', '{"name":"a","password":"[redacted]"}',
			'-u', 'bob:[redacted]',
			'--compressed',
		]);
	});

	test('cmd.exe flavour stays cmd.exe', () => {
		const cmd = 'curl "https://x.example.com/?sig=abcdef" ^\r\n  -H "Authorization: Bearer abcdefgh1234" ^\r\n  -b "sid=0123456789abcdef" ^\r\n  --compressed';
		const out = redactor.curl(cmd);
		expect(out).not.toMatch(/abcdef|abcdefgh1234|0123456789abcdef/);
		expect(splitShellWords(out, 'cmd').map(word => word.value)).toEqual([
			'curl', 'https://x.example.com/?sig=[redacted]', '-H', 'Authorization: Bearer [redacted]', '-b', 'sid=[redacted]', '--compressed',
		]);
	});

	test('double-quoted, $\'…\' and attached option values', () => {
		const out = redactor.curl(String.raw`curl -H"Cookie: a=verysecret1" -H $'Authorization: Basic dXNlcjpwYXNz\n' "https://u:pw@h.example/"`);
		expect(out).not.toMatch(/verysecret1|dXNlcjpwYXNz|:pw@/);
	});

	test('a cookie file name is not a secret', () => {
		expect(redactor.curl('curl -b cookies.txt https://x.example/')).toBe('curl -b cookies.txt https://x.example/');
	});

	test('literal secrets are scrubbed anywhere in the command', () => {
		const withSecret = createRedactor({secrets: ['my-custom-secret-77']});
		expect(withSecret.curl('curl -H \'X-Custom: my-custom-secret-77\' -d \'note=my-custom-secret-77\' https://x/')).toBe('curl -H \'X-Custom: [redacted]\' -d \'note=[redacted]\' https://x/');
	});
});
