/** An HTTP `Date` value (IMF-fixdate, RFC 9110 §5.6.7), as every server in the lab sends it. */
export function httpDate(ms: number): string {
	return new Date(ms).toUTCString();
}
