import {iisDetailedError} from '../pages/iis.js';
import type {LabRoute} from '../types.js';
import {under} from './match.js';

/** An intranet on IIS that only its office network may reach (IP Address and Domain Restrictions, allowUnlisted="false"). */
export function iisRoutes(): LabRoute[] {
	return [
		{
			path: {
				path: '/intranet/',
				title: 'IP allow list (office network only)',
				cause: 'ip-allowlist',
				hint: 'IIS admits only 10.20.0.0/16, the office network; from anywhere else (home, VPN, here) it answers 403.6.',
				status: 403,
				presets: {},
			},
			matches: under('/intranet'),
			// No lab client is in 10.20.0.0/16: the lab listens on loopback only.
			handle: request => iisDetailedError({sub: 6, summary: 'Forbidden: IP address rejected', url: request.url, now: request.now}),
		},
	];
}
