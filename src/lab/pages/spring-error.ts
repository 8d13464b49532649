import type {LabReply} from '../types.js';

/**
Spring Boot's default error body (DefaultErrorAttributes: timestamp, status, error, path; no message since
Boot 2.3) behind Spring Security's default response headers. A 403 for an expired token is what apps with a
hand-written JWT filter send when no entry point is configured (e.g. bratkartoffel/security-jwt#450, "Token
expired returns 403 instead of 401").
*/
export function springError(status: number, error: string, path: string, now: number): LabReply {
	const timestamp = new Date(now).toISOString().replace('Z', '+00:00');
	return {
		status,
		headers: {
			Vary: ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'],
			'X-Content-Type-Options': 'nosniff',
			'X-XSS-Protection': '0',
			'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
			Pragma: 'no-cache',
			Expires: '0',
			'X-Frame-Options': 'DENY',
			'Content-Type': 'application/json',
			Date: new Date(now).toUTCString(),
		},
		body: JSON.stringify({timestamp, status, error, path}),
	};
}
