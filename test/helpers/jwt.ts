/** A JWT with the given claims, signed with a made-up signature: fix403 only reads claims. */
export function jwt(claims: Record<string, unknown>, header: Record<string, unknown> = {alg: 'RS256', typ: 'JWT', kid: 'test-key'}): string {
	const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${encode(header)}.${encode(claims)}.${Buffer.from('not-a-real-signature-but-long-enough').toString('base64url')}`;
}
