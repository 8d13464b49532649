import {decodeToken} from './decode-token.js';
import {importHar} from './import-har.js';
import {importHeaders} from './import-headers.js';
import {probeRequest} from './probe-request.js';
import {readResponse} from './read-response.js';
import {readSignedUrlCheck} from './read-signed-url.js';
import {readApacheCheck} from './owner/read-apache.js';
import {readAccessLogCheck, readErrorLogCheck} from './owner/read-logs.js';
import {readNginxCheck} from './owner/read-nginx.js';
import {readPhpFpmCheck} from './owner/read-php-fpm.js';
import {walkPermissionsCheck} from './owner/walk-permissions.js';
import type {CheckDefinition} from './types.js';
import {varyCookies} from './variations/vary-cookies.js';
import {varyMethod} from './variations/vary-method.js';
import {varyPath} from './variations/vary-path.js';
import {varyReferer} from './variations/vary-referer.js';
import {varyToken} from './variations/vary-token.js';
import {varyUserAgent} from './variations/vary-user-agent.js';

const all: readonly CheckDefinition[] = [
	importHar,
	importHeaders,
	probeRequest,
	readResponse,
	decodeToken,
	readSignedUrlCheck,
	varyUserAgent,
	varyReferer,
	varyCookies,
	varyToken,
	varyMethod,
	varyPath,
	readNginxCheck,
	readApacheCheck,
	walkPermissionsCheck,
	readPhpFpmCheck,
	readErrorLogCheck,
	readAccessLogCheck,
];

/** Every check a flow file may name, by name. */
export const checks: Readonly<Record<string, CheckDefinition>> = Object.fromEntries(all.map(check => [check.name, check]));
