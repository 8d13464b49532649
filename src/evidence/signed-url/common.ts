import type {CauseId, Role} from '../../diagnosis/cause-ids.js';
import type {Finding, Vendor} from '../types.js';

/** Fix steps shared by the signed-URL findings. */
export const signedUrlFixes = {
	expired: {
		visitor: ['Ask whoever gave you the link for a fresh one: signed links stop working after their expiry.'],
		api: ['Generate a new signed URL right before using it, with an expiry long enough for the transfer.'],
		owner: ['Sign URLs when they are requested rather than in advance, or give them a longer lifetime (S3 and GCS V4 allow at most 7 days).'],
	},
	invalid: {
		visitor: ['Copy the whole link again, unchanged: every parameter after "?" is part of the signature.'],
		api: ['Use the URL exactly as signed (no re-encoding, no added or dropped parameters) with the same method, host and signed headers.'],
		owner: ['Check the signing code: the key or secret, the region or host the URL was signed for, and the method and headers it covers.'],
	},
	clock: {
		visitor: ['Set this computer\'s clock to network time (NTP) and try again; if you did not make the link, tell its owner their clock may be off.'],
		api: ['Sync the clock of the machine that signs the URLs with NTP (`timedatectl set-ntp true`, `chronyc makestep`).'],
		owner: ['Keep the signing service on NTP; if a little skew is unavoidable, sign with a start time a few minutes in the past.'],
	},
} as const satisfies Record<string, Partial<Record<Role, readonly string[]>>>;

/** A finding that a signed URL is malformed or incomplete. */
export function invalidFinding(code: string, text: string, weight: number, vendor?: Vendor, extra?: Partial<Record<CauseId, number>>): Finding {
	return {
		code: `signed-url.${code}`,
		text,
		supports: {'signed-url-invalid': weight, ...extra},
		mark: 'fail',
		fix: signedUrlFixes.invalid,
		...(vendor ? {vendor} : {}),
	};
}

/** A finding that the link only works from given addresses. */
export function ipRestrictedFinding(range: string, vendor?: Vendor): Finding {
	return {
		code: 'signed-url.ip-restricted',
		text: `The signed URL only works from the address range ${range.slice(0, 100)}.`,
		supports: {'ip-allowlist': 0.3},
		mark: 'warn',
		data: {sourceIp: range.slice(0, 100)},
		fix: {
			visitor: ['Open the link from the network it was made for, or ask for a link without an address restriction.'],
			owner: ['Sign the URL for the client\'s real public address (behind NAT or a proxy it differs from the private one).'],
		},
		...(vendor ? {vendor} : {}),
	};
}
