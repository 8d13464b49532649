/** Short options that take a value (curl(1)); the rest are switches and can be clustered (`-sSLk`). */
export const shortWithValue = new Set('AbcCdDeEFHKmoPQrtTuUwxXyYz');
/** Long options that take a value and do not matter to the request; listed so their value is not taken for the URL. */
export const longWithValue = new Set([
	'--output', '--write-out', '--max-time', '--connect-timeout', '--proxy', '--proxy-user', '--resolve', '--connect-to',
	'--cert', '--key', '--cacert', '--capath', '--cookie-jar', '--upload-file', '--range', '--retry', '--retry-delay',
	'--retry-max-time', '--limit-rate', '--form', '--form-string', '--config', '--interface', '--local-port', '--max-redirs',
	'--speed-limit', '--speed-time', '--time-cond', '--tls-max', '--ciphers', '--proto', '--proto-redir', '--noproxy',
	'--dns-servers', '--aws-sigv4', '--variable', '--cert-type', '--key-type', '--pass', '--request-target', '--trace',
	'--trace-ascii', '--stderr', '--dump-header', '--user-agent', '--referer', '--header', '--cookie', '--user',
	'--request', '--url', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode', '--json',
	'--oauth2-bearer', '--proxy-header', '--unix-socket', '--abstract-unix-socket', '--max-filesize', '--expect100-timeout',
]);
