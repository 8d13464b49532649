import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseObjectStoreError, readObjectStore} from '../../src/evidence/object-store.js';
import type {HeaderMap, ResponseView} from '../../src/evidence/types.js';

const view = (status: number, headers: HeaderMap, body: string, url = 'https://files.example.com/report.pdf', requestHeaders: Record<string, string> = {}): ResponseView => ({
	url, method: 'GET', status, headers, body, requestHeaders,
});
const s3Headers = {'x-amz-request-id': 'BF97CB31633F3C94', 'x-amz-id-2': 'WNR6dm5Dlr/B5hs+izoGaBueMObntiXi9D1q', server: 'AmazonS3', 'content-type': 'application/xml'};
const presigned = 'https://my-bucket.s3.amazonaws.com/upload.bin?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20200425%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20200425T034604Z&X-Amz-Expires=120&X-Amz-SignedHeaders=host&X-Amz-Signature=abc';

describe('S3', () => {
	it('reads an expired pre-signed URL (apidoc sample of a Lambda upload API)', () => {
		const body = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>AccessDenied</Code>
  <Message>Request has expired</Message>
  <X-Amz-Expires>120</X-Amz-Expires>
  <Expires>2020-04-25T03:48:04Z</Expires>
  <ServerTime>2020-04-25T03:50:33Z</ServerTime>
  <RequestId>BF97CB31633F3C94</RequestId>
  <HostId>WNR6dm5Dlr/B5hs+izoGaBueMObntiXi9D1q+SmvT06FuDfmCNx4c5pNhpw1HcHB75KlMYP6SSs=</HostId>
</Error>`;
		const [finding] = readObjectStore(view(403, s3Headers, body, presigned));
		expect(finding?.code).toBe('object-store.s3.expired');
		expect(finding?.vendor).toBe('aws-s3');
		expect(finding?.supports).toEqual({'signed-url-expired': 0.95});
		expect(finding?.text).toContain('at 2020-04-25T03:48:04Z; server time 2020-04-25T03:50:33Z (2 min later)');
		expect(finding?.fix?.visitor?.[0]).toContain('fresh');
	});

	it('reads RequestTimeTooSkewed with both time formats S3 uses', () => {
		// Blog capture (boto S3ResponseError) and filestack test fixture.
		const rfc = '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>RequestTimeTooSkewed</Code>\n  <Message>The difference between the request time and the current time is too large.</Message>\n  <RequestTime>Tue, 31 Jul 2018 07:40:44 GMT</RequestTime>\n  <ServerTime>2018-07-31T07:58:01Z</ServerTime>\n  <MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>\n  <RequestId>428DE174AE9C91AA</RequestId>\n  <HostId>VOjhVVVSgfq6rfE6Eh9pWr0+7bJGV9+4/sXeTeNnTVFi7JYAH5ZArd2NEP/hsgpgyJkMm/fNeCM=</HostId>\n</Error>';
		const basic = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20191102T153031Z</RequestTime><ServerTime>2019-11-02T15:56:35Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds><RequestId>6C8855BC97D17A1B</RequestId><HostId>3bwhtSpY9tAypFr9L6V</HostId></Error>';
		const [first] = readObjectStore(view(403, s3Headers, rfc));
		expect(first?.supports).toEqual({'clock-skew': 0.95});
		expect(first?.text).toContain('17 min apart');
		expect(readObjectStore(view(403, s3Headers, basic))[0]?.text).toContain('26 min apart');
	});

	it('reads a policy denial, with the IAM reason when S3 gives one', () => {
		const plain = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>Y407131X191RMKST</RequestId><HostId>pZW1QEYqBQDLLLfSwxzViwjHegFPffSl64HIzRF8rvcVPqZQqRUbI3JDJHP+0iNk2dAktkEdrl8=</HostId></Error>';
		const [finding] = readObjectStore(view(403, s3Headers, plain));
		expect(finding?.code).toBe('object-store.s3.access-denied');
		expect(finding?.supports?.['object-storage-denied']).toBe(0.85);
		expect(finding?.fix?.owner?.join(' ')).toContain('Block Public Access');
		const iam = '<Error><Code>AccessDenied</Code><Message>User: arn:aws:sts::111122223333:assumed-role/CreditRiskTraining/SageMaker is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::co-features-prod/train.parquet" because no identity-based policy allows the s3:GetObject action</Message><RequestId>1</RequestId></Error>';
		const [explained] = readObjectStore(view(403, s3Headers, iam));
		expect(explained?.data).toMatchObject({action: 's3:GetObject', resource: 'arn:aws:s3:::co-features-prod/train.parquet'});
		expect(explained?.text).toContain('because no identity-based policy allows the s3:GetObject action');
	});

	it('reads incomplete query authentication from an S3-compatible store, namespace and whitespace included', () => {
		// Alibaba OSS documentation sample, element text padded with whitespace.
		const body = '<?xml version="1.0" ?>\n<Error xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com">\n    <Code>\n        AccessDenied\n    </Code>\n    <Message>\n        Query-string authentication requires the Signature, Expires and OSSAccessKeyId parameters\n    </Message>\n    <RequestId>\n        1D842BC5425544BB\n    </RequestId>\n    <HostId>\n        oss-cn-hangzhou.aliyuncs.com\n    </HostId>\n</Error>';
		const [finding] = readObjectStore(view(403, {}, body));
		expect(finding?.code).toBe('object-store.s3.query-auth-incomplete');
		expect(finding?.vendor).toBeUndefined();
		expect(finding?.text).toMatch(/^The S3-compatible store says/);
	});

	it('reads SignatureDoesNotMatch without keeping the provided signature', () => {
		const body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20200425T034604Z</StringToSign><SignatureProvided>f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41</SignatureProvided><RequestId>2</RequestId></Error>';
		const [finding] = readObjectStore(view(403, s3Headers, body, presigned));
		expect(finding?.supports).toEqual({'signed-url-invalid': 0.9});
		expect(JSON.stringify(finding)).not.toContain('f0e8bdb87c964420');
	});

	it('reads "Request is not yet valid" (MinIO) as clock skew', () => {
		const [finding] = readObjectStore(view(403, {server: 'MinIO'}, '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request is not yet valid</Message><Key>a.txt</Key><BucketName>b</BucketName><RequestId>3L137</RequestId><HostId>3L137</HostId></Error>'));
		expect(finding?.supports?.['clock-skew']).toBe(0.85);
	});
});

describe('GCS', () => {
	it('reads an expired V4 URL answered with HTTP 400', () => {
		// curl capture: server UploadServer, x-guploader-uploadid, single-quoted XML declaration.
		const headers = {'content-type': 'application/xml; charset=UTF-8', date: 'Sun, 08 Sep 2019 10:25:23 GMT', server: 'UploadServer', 'x-guploader-uploadid': 'AEnB2UpomRy06euJeNlmt'};
		const body = '<?xml version=\'1.0\' encoding=\'UTF-8\'?><Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message><Details>Request signature expired at: 2019-09-08T10:24:28+00:00</Details></Error>';
		const [finding] = readObjectStore(view(400, headers, body));
		expect(finding?.code).toBe('object-store.gcs.expired');
		expect(finding?.vendor).toBe('gcs');
		expect(finding?.data?.['expiredAt']).toBe('2019-09-08T10:24:28+00:00');
	});

	it('reads an anonymous AccessDenied (helm docs capture) and a JSON API denial naming the principal', () => {
		const xml = '<Error>\n    <Code>AccessDenied</Code>\n    <Message>Access denied.</Message>\n    <Details>Anonymous caller does not have storage.objects.get access to the Google Cloud Storage object.</Details>\n</Error>';
		const [anonymous] = readObjectStore(view(403, {}, xml, 'https://storage.googleapis.com/kubernetes-helm/helm-v2.17.0-linux-amd64.tar.gz'));
		expect(anonymous?.data).toMatchObject({principal: 'anonymous', permission: 'storage.objects.get'});
		expect(anonymous?.supports).toEqual({'object-storage-denied': 0.9});
		const json = JSON.stringify({error: {code: 403, message: 'ailixir-api@proj.iam.gserviceaccount.com does not have storage.objects.get access to the Google Cloud Storage object. Permission \'storage.objects.get\' denied on resource (or it may not exist).', errors: [{message: 'x', domain: 'global', reason: 'forbidden'}]}});
		const [named] = readObjectStore(view(403, {'content-type': 'application/json; charset=UTF-8'}, json, 'https://storage.googleapis.com/storage/v1/b/cypher/o/a.bin?alt=media'));
		expect(named?.data).toMatchObject({principal: 'ailixir-api@proj.iam.gserviceaccount.com'});
		expect(named?.fix?.owner?.join(' ')).toContain('roles/storage.objectViewer');
	});

	it('reads SignatureDoesNotMatch', () => {
		const body = '<?xml version=\'1.0\' encoding=\'UTF-8\'?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your Google secret key and signing method.</Message><StringToSign>GOOG4-RSA-SHA256\n20181026T181309Z</StringToSign></Error>';
		expect(readObjectStore(view(403, {}, body))[0]?.code).toBe('object-store.gcs.signature-mismatch');
	});
});

describe('Azure Blob', () => {
	const azureHeaders = (code: string) => ({'content-type': 'application/xml', server: 'Microsoft-HTTPAPI/2.0', 'x-ms-request-id': 'fc3ea0bb-801a-00da-4cc9-21dfba000000', 'x-ms-error-code': code});

	it('reads an expired SAS from AuthenticationErrorDetail (nock recording of azure-storage tests)', () => {
		const body = '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nRequestId:a61c5522-e01e-001f-1873-b6530e000000\nTime:2019-12-19T13:54:43.5404807Z</Message><AuthenticationErrorDetail>Signature not valid in the specified time frame: Start [Wed, 18 Dec 2019 14:25:14 GMT] - Expiry [Wed, 18 Dec 2019 22:25:14 GMT] - Current [Thu, 19 Dec 2019 13:54:43 GMT]</AuthenticationErrorDetail></Error>';
		const [finding] = readObjectStore(view(403, azureHeaders('AuthenticationFailed'), body, 'https://acct.blob.core.windows.net/c/b.txt?sv=2019-02-02&se=2019-12-18T22%3A25%3A14Z&sp=r&sig=x'));
		expect(finding?.code).toBe('object-store.azure.expired');
		expect(finding?.vendor).toBe('azure-blob');
		expect(finding?.text).toContain('15 h 29 min before');
	});

	it('reads a SAS whose start is a second ahead as clock skew (Stack Overflow capture)', () => {
		const body = '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message><AuthenticationErrorDetail>Signature not valid in the specified time frame: Start [Mon, 12 Oct 2015 20:40:06 GMT] - Expiry [Mon, 12 Oct 2015 20:45:06 GMT] - Current [Mon, 12 Oct 2015 20:40:05 GMT]</AuthenticationErrorDetail></Error>';
		expect(readObjectStore(view(403, azureHeaders('AuthenticationFailed'), body))[0]?.supports).toEqual({'clock-skew': 0.85, 'signed-url-expired': 0.2});
	});

	it.each([
		['AuthorizationSourceIPMismatch', 'This request is not authorized to perform this operation using this source IP 203.0.113.7.', 'ip-allowlist'],
		['PublicAccessNotPermitted', 'Public access is not permitted on this storage account.', 'object-storage-denied'],
		['AuthorizationFailure', 'This request is not authorized to perform this operation.', 'object-storage-denied'],
		['NoAuthenticationInformation', 'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.', 'missing-credentials'],
	])('maps %s (SAS error codes doc) from the header alone or the body', (code, message, cause) => {
		const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\nRequestId:183a92e6-601e-0004-761f-f40920000000\nTime:2026-06-04T12:40:24.0361428Z</Message></Error>`;
		for (const sample of [view(403, azureHeaders(code), ''), view(409, {}, body)]) {
			const [finding] = readObjectStore(sample);
			expect(Object.keys(finding?.supports ?? {})[0]).toBe(cause);
			expect(finding?.vendor).toBe('azure-blob');
		}
	});

	it('blames a missing data-plane role for a bearer caller, the SAS permissions otherwise', () => {
		const sample = (requestHeaders: Record<string, string>) => view(403, azureHeaders('AuthorizationPermissionMismatch'), '', 'https://acct.blob.core.windows.net/c/b.txt', requestHeaders);
		expect(readObjectStore(sample({authorization: 'Bearer eyJ0eXAi'}))[0]?.supports).toEqual({'insufficient-scope': 0.6, 'object-storage-denied': 0.6});
		expect(readObjectStore(sample({}))[0]?.supports).toEqual({'object-storage-denied': 0.85});
	});

	it('reads the Data Lake JSON form', () => {
		const body = JSON.stringify({error: {code: 'AuthorizationPermissionMismatch', message: 'This request is not authorized to perform this operation using this permission.\nRequestId:1'}});
		expect(parseObjectStoreError(view(403, {}, body))).toMatchObject({dialect: 'azure', code: 'AuthorizationPermissionMismatch'});
	});
});

describe('CloudFront', () => {
	it('reads MissingKey on an unsigned request (curl capture with CloudFront headers)', () => {
		const headers = {'x-cache': 'Error from cloudfront', via: '1.1 f188ead5b3846af391f02eedab2df3f7.cloudfront.net (CloudFront)', 'x-amz-cf-id': 'Qmxuwgo-QrasQfFyQRjsSoWDyTk3eifML6VAw0XHGdqk-hHPhk8dTw=='};
		const body = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MissingKey</Code><Message>Missing Key-Pair-Id query parameter or cookie value</Message></Error>';
		const [finding] = readObjectStore(view(403, headers, body, 'https://d15i6zsi2io35f.cloudfront.net/video.mp4'));
		expect(finding?.vendor).toBe('aws-cloudfront');
		expect(finding?.supports?.['missing-credentials']).toBe(0.75);
	});

	it('tells CloudFront\'s own "Access denied" from an S3 origin\'s AccessDenied passed through', () => {
		const headers = {'x-cache': 'Error from cloudfront', 'x-amz-cf-id': 'abc'};
		const own = readObjectStore(view(403, headers, '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access denied</Message></Error>'));
		expect(own[0]?.code).toBe('object-store.cloudfront.access-denied');
		const origin = readObjectStore(view(403, headers, '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>R</RequestId><HostId>H</HostId></Error>'));
		expect(origin[0]?.code).toBe('object-store.s3.access-denied');
	});
});

describe('everything else', () => {
	it('ignores bodies that are not object-store errors', () => {
		for (const body of ['', '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx</center></body></html>', '{"message":"Forbidden"}', '{"error":{"code":403,"message":"The caller does not have permission"}}']) {
			expect(readObjectStore(view(403, {server: 'nginx'}, body))).toEqual([]);
		}
	});

	it('needs a closed <Error> element', () => {
		expect(readObjectStore(view(403, s3Headers, '<Error><Code>AccessDenied</Code><Message>Access Denied</Message>'))).toEqual([]);
		expect(readObjectStore(view(403, s3Headers, '<Error>'.repeat(5000)))).toEqual([]);
	});

	it('reports unknown codes as information and never throws', () => {
		expect(readObjectStore(view(403, s3Headers, '<Error><Code>InvalidPayer</Code><Message>All access to this object has been disabled</Message></Error>'))[0]?.mark).toBe('info');
		const element = fc.constantFrom('<Error>', '</Error>', '<Code>', '</Code>', '<Message>', '</Message>', 'AccessDenied', 'Request has expired', '&amp;', '&#99999999;', '<Details>', '</Details>', '{"error":', '"code":', '}');
		fc.assert(fc.property(fc.array(element), fc.string(), (parts, noise) => {
			const body = parts.join('') + noise;
			const samples: HeaderMap[] = [{}, s3Headers, {'x-ms-error-code': noise}];
			for (const headers of samples) {
				expect(Array.isArray(readObjectStore(view(403, headers, body)))).toBe(true);
			}
		}));
	});
});
