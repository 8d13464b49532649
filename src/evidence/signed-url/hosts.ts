import type {Vendor} from '../types.js';

// Virtual-hosted, path-style, dual-stack, accelerate and legacy `s3-<region>` endpoints.
const s3 = /(?:^|\.)s3(?:[.-][a-z\d-]+)*\.amazonaws\.com(?:\.cn)?$/;
const gcs = /^(?:[a-z\d._-]+\.)?storage\.googleapis\.com$|^storage\.cloud\.google\.com$/;
const cloudfront = /\.cloudfront\.net$/;
const azureBlob = /\.(?:blob|dfs)\.core\.(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)$/;

/** The object store or CDN a host name belongs to, when its name says so. */
export function vendorOfHost(host: string): Vendor | undefined {
	const name = host.toLowerCase();
	if (s3.test(name)) {
		return 'aws-s3';
	}

	if (gcs.test(name)) {
		return 'gcs';
	}

	if (cloudfront.test(name)) {
		return 'aws-cloudfront';
	}

	return azureBlob.test(name) ? 'azure-blob' : undefined;
}
