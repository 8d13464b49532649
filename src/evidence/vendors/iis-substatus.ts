import type {CauseId} from '../../diagnosis/cause-ids.js';
import type {BlockKind} from './types.js';

/** IIS 403 sub-statuses (IIS HTTP status code documentation; detailed error pages print `HTTP Error 403.N`). */
export type IisSubstatus = {
	readonly kind: BlockKind;
	readonly meaning: string;
	readonly supports: Partial<Record<CauseId, number>>;
	readonly owner: string;
};

const clientCertificate = (meaning: string): IisSubstatus => ({kind: 'tls', meaning, supports: {'tls-rejected': 0.85}, owner: 'Check the site\'s SSL Settings (Client certificates: Require) and the certificate the client presents and its chain.'});

export const iisSubstatus: Readonly<Record<string, IisSubstatus>> = {
	1: {kind: 'generic', meaning: 'execute access is forbidden', supports: {'server-deny-rule': 0.5}, owner: 'Allow Execute (Script) in the Handler Mappings feature permissions for this path.'},
	2: {kind: 'generic', meaning: 'read access is forbidden', supports: {'server-deny-rule': 0.5, 'file-permissions': 0.2}, owner: 'Allow Read in the Handler Mappings feature permissions for this path.'},
	4: {kind: 'tls', meaning: 'SSL (HTTPS) is required', supports: {'tls-rejected': 0.8, 'wrong-url': 0.2}, owner: 'Either serve this path over http too (SSL Settings: Require SSL off) or redirect http to https.'},
	5: {kind: 'tls', meaning: '128-bit SSL is required', supports: {'tls-rejected': 0.8}, owner: 'Check the site\'s SSL Settings (Require 128-bit SSL) against the client\'s TLS support.'},
	6: {kind: 'ip-block', meaning: 'the client\'s IP address is rejected', supports: {'ip-allowlist': 0.85}, owner: 'Check IP Address and Domain Restrictions for this site or folder.'},
	7: clientCertificate('a client certificate is required'),
	8: {kind: 'ip-block', meaning: 'site access is denied (domain name restriction)', supports: {'ip-allowlist': 0.6}, owner: 'Check IP Address and Domain Restrictions (domain name rules).'},
	13: clientCertificate('the client certificate is revoked'),
	14: {kind: 'directory-listing', meaning: 'directory listing is denied: the folder has no default document and directory browsing is off', supports: {'directory-index-missing': 0.9}, owner: 'Add a default document to the folder (or to the Default Document list), or enable Directory Browsing if a listing is wanted.'},
	16: clientCertificate('the client certificate is untrusted or invalid'),
	17: clientCertificate('the client certificate has expired or is not yet valid'),
	501: {kind: 'rate-limit', meaning: 'too many concurrent requests from the same client IP (Dynamic IP Restrictions)', supports: {'rate-limited': 0.85}, owner: 'Check Dynamic IP Restrictions (deny by concurrent requests) for this site.'},
	502: {kind: 'rate-limit', meaning: 'too many requests from the same client IP (Dynamic IP Restrictions)', supports: {'rate-limited': 0.85}, owner: 'Check Dynamic IP Restrictions (deny by request rate) for this site.'},
	503: {kind: 'ip-block', meaning: 'the client\'s IP address is on the IP Restrictions deny list', supports: {'ip-allowlist': 0.85}, owner: 'Remove the address from IP Address and Domain Restrictions, or add an allow entry.'},
};
