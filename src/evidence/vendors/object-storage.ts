import {presentHeaders, seen, serverSignal} from './finding.js';
import {safeId, type Page} from './page.js';
import type {Sighting} from './types.js';

/**
Object stores, fingerprint only: their error codes (AccessDenied, AuthorizationFailure…) belong to the storage
reader. Naming the store here lets the report say who answered.
*/
export function readObjectStorage(page: Page): Sighting[] {
	const sightings: Sighting[] = [];
	if (page.server === 'amazons3' || (page.has('x-amz-request-id') && page.has('x-amz-id-2'))) {
		const id = safeId(page.header('x-amz-request-id'));
		sightings.push({vendor: 'aws-s3', layer: 'storage', claims: false, reference: id === undefined ? undefined : {name: 'S3 request ID (x-amz-request-id)', value: id},
			findings: [seen('aws-s3', 'storage', [...(page.server === 'amazons3' ? [serverSignal(page.header('server'))] : []), ...presentHeaders(page.has, ['x-amz-request-id', 'x-amz-id-2', 'x-amz-bucket-region'])])]});
	}

	if (page.server.startsWith('windows-azure-blob') || (page.has('x-ms-request-id') && (page.has('x-ms-version') || page.has('x-ms-error-code')) && page.server.includes('windows-azure'))) {
		const id = safeId(page.header('x-ms-request-id'));
		sightings.push({vendor: 'azure-blob', layer: 'storage', claims: false, reference: id === undefined ? undefined : {name: 'Azure Storage request ID (x-ms-request-id)', value: id},
			findings: [seen('azure-blob', 'storage', [serverSignal(page.header('server')), ...presentHeaders(page.has, ['x-ms-request-id', 'x-ms-version', 'x-ms-error-code'])])]});
	}

	const goog = presentHeaders(page.has, ['x-guploader-uploadid', 'x-goog-generation', 'x-goog-metageneration', 'x-goog-storage-class', 'x-goog-stored-content-length', 'x-goog-hash']);
	if (goog.length > 0) {
		sightings.push({vendor: 'gcs', layer: 'storage', claims: false,
			findings: [seen('gcs', 'storage', [...(page.server === 'uploadserver' ? [serverSignal(page.header('server'))] : []), ...goog])]});
	}

	return sightings;
}
