/** The layers of the contract's cause table, outermost first. */
export const layers = ['cdn-waf', 'server', 'auth', 'hotlink', 'storage', 'network', 'client'] as const;
export type Layer = (typeof layers)[number];

/** Every cause id of ../shared/CONTRACT.md, with its layer. Changing a name here changes the contract. */
export const causeLayers = {
	'waf-challenge': 'cdn-waf',
	'waf-rule-block': 'cdn-waf',
	'bot-block': 'cdn-waf',
	'rate-limited': 'cdn-waf',
	'geo-block': 'cdn-waf',
	'ip-allowlist': 'server',
	'server-deny-rule': 'server',
	'directory-index-missing': 'server',
	'file-permissions': 'server',
	'symlink-blocked': 'server',
	'method-blocked': 'server',
	'php-fpm-denied': 'server',
	'missing-credentials': 'auth',
	'token-expired': 'auth',
	'token-invalid': 'auth',
	'insufficient-scope': 'auth',
	'session-expired': 'auth',
	'csrf-failed': 'auth',
	'hotlink-protection': 'hotlink',
	'signed-url-expired': 'hotlink',
	'signed-url-invalid': 'hotlink',
	'object-storage-denied': 'storage',
	'clock-skew': 'storage',
	'tls-rejected': 'network',
	'client-state': 'client',
	'wrong-url': 'client',
} as const satisfies Record<string, Layer>;

export type CauseId = keyof typeof causeLayers;

export const causeIds = Object.keys(causeLayers) as CauseId[];

export function isCauseId(value: string): value is CauseId {
	return Object.hasOwn(causeLayers, value);
}

/** Who is troubleshooting: fixes are phrased for what this person can change. */
export const roles = ['visitor', 'owner', 'api'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
	return (roles as readonly string[]).includes(value);
}
