import {createHmac, timingSafeEqual} from 'node:crypto';

/**
The lab's own HS256 key. It signs lab tokens only and guards nothing outside the lab; a real API keeps its key
secret and usually signs with RS256/ES256.
*/
const key = 'fix403-lab-demo-key-not-a-secret';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Mints an HS256 JWT (RFC 7519) with these claims. */
export function mintToken(claims: Readonly<Record<string, unknown>>): string {
	const unsigned = `${encode({alg: 'HS256', typ: 'JWT'})}.${encode(claims)}`;
	return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

/** The claims of a token this lab signed, or undefined for anything else (bad signature, not a JWT). */
export function verifyToken(token: string): Record<string, unknown> | undefined {
	const [header, payload, signature, ...rest] = token.split('.');
	if (header === undefined || payload === undefined || signature === undefined || rest.length > 0) {
		return undefined;
	}

	const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest();
	const given = Buffer.from(signature, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return undefined;
	}

	try {
		const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
		return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

/** The bearer token of a request's Authorization header. */
export function bearerOf(authorization: string | string[] | undefined): string | undefined {
	const value = Array.isArray(authorization) ? authorization[0] : authorization;
	return /^Bearer\s+(\S+)$/i.exec(value ?? '')?.[1];
}
