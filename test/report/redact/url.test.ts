import {describe, expect, test} from 'vitest';
import {createRedactor} from '../../../src/report/redact/index.js';

const redactor = createRedactor();

describe('URLs', () => {
	test.each([
		// SigV4 query auth example: https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
		[
			'S3 presigned (SigV4)',
			'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
			'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=[redacted]',
		],
		[
			'S3 presigned with a session token',
			'https://b.s3.us-east-1.amazonaws.com/k?X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr%2F%2F%2F%2F%2FEXAMPLE&X-Amz-Expires=3600&X-Amz-Signature=0a1b2c',
			'https://b.s3.us-east-1.amazonaws.com/k?X-Amz-Security-Token=[redacted]&X-Amz-Expires=3600&X-Amz-Signature=[redacted]',
		],
		[
			'S3 SigV2',
			'https://b.s3.amazonaws.com/k?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700000000&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D',
			'https://b.s3.amazonaws.com/k?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700000000&Signature=[redacted]',
		],
		// Canned-policy example: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html
		[
			'CloudFront canned policy',
			'https://d111111abcdef8.cloudfront.net/image.jpg?color=red&size=medium&Expires=1357034400&Signature=nitfHRCrtziwO2HwPfWw~yYDhUF5EwRunQA-j19DzZrvDh6hQ73lDx~-ar3UocvvRQVw6EkC~GdpGQyyOSKQim-TxAnW7d8F5Kkai9HVx0FIu-5jcQb0UEmatEXAMPLE3ReXySpLSMj0yCd3ZAB4UcBCAqEijkytL6f3fVYNGQI6&Key-Pair-Id=K2JCJMDEHXQW5F',
			'https://d111111abcdef8.cloudfront.net/image.jpg?color=red&size=medium&Expires=1357034400&Signature=[redacted]&Key-Pair-Id=K2JCJMDEHXQW5F',
		],
		[
			'CloudFront custom policy keeps the policy (base64 JSON with the expiry)',
			'https://d111111abcdef8.cloudfront.net/a.mp4?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiKiJ9XX0_&Signature=abc~def&Key-Pair-Id=K2JCJMDEHXQW5F',
			'https://d111111abcdef8.cloudfront.net/a.mp4?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiKiJ9XX0_&Signature=[redacted]&Key-Pair-Id=K2JCJMDEHXQW5F',
		],
		// V4 signed URL shape: https://cloud.google.com/storage/docs/access-control/signed-urls
		[
			'GCS V4',
			'https://storage.googleapis.com/example-bucket/cat.jpeg?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=example%40example-project.iam.gserviceaccount.com%2F20181026%2Fus-central1%2Fstorage%2Fgoog4_request&X-Goog-Date=20181026T181309Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=247a2aa45f169edf4d187d54e7cc46e4731b1e6273242c4f4c39a1d2507a0e58',
			'https://storage.googleapis.com/example-bucket/cat.jpeg?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=example%40example-project.iam.gserviceaccount.com%2F20181026%2Fus-central1%2Fstorage%2Fgoog4_request&X-Goog-Date=20181026T181309Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=[redacted]',
		],
		[
			'GCS V2 keeps GoogleAccessId',
			'https://storage.googleapis.com/b/o?GoogleAccessId=sa%40p.iam.gserviceaccount.com&Expires=1700000000&Signature=BCDEF%2Bghij%3D',
			'https://storage.googleapis.com/b/o?GoogleAccessId=sa%40p.iam.gserviceaccount.com&Expires=1700000000&Signature=[redacted]',
		],
		// Service SAS example: https://learn.microsoft.com/rest/api/storageservices/create-service-sas
		[
			'Azure SAS keeps every field but sig',
			'https://myaccount.blob.core.windows.net/sascontainer/sasblob.txt?sv=2019-02-02&st=2019-04-29T22%3A18%3A26Z&se=2019-04-30T02%3A23%3A26Z&sr=b&sp=rw&sip=168.1.5.60-168.1.5.70&spr=https&sig=Z%2FRHIX5Xcg0Mq2rqI3OlWTjEg2tYkboXr1P9ZUXDtkk%3D',
			'https://myaccount.blob.core.windows.net/sascontainer/sasblob.txt?sv=2019-02-02&st=2019-04-29T22%3A18%3A26Z&se=2019-04-30T02%3A23%3A26Z&sr=b&sp=rw&sip=168.1.5.60-168.1.5.70&spr=https&sig=[redacted]',
		],
		['password in the authority', 'https://alice:hunter2@example.com/private/', 'https://alice:[redacted]@example.com/private/'],
		['token as the user name', 'https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/o/r.git', 'https://[redacted]@github.com/o/r.git'],
		['plain user name stays', 'ftp://anonymous@ftp.example.com/', 'ftp://anonymous@ftp.example.com/'],
		['API key and generic tokens', 'https://maps.googleapis.com/maps/api/geocode/json?address=x&key=AIzaSyD-EXAMPLE&access_token=abc&apikey=1&id_token=z&page=2', 'https://maps.googleapis.com/maps/api/geocode/json?address=x&key=[redacted]&access_token=[redacted]&apikey=[redacted]&id_token=[redacted]&page=2'],
		['OAuth implicit fragment', 'https://app.example.com/cb#access_token=SlAV32hkKG&token_type=bearer&expires_in=3600', 'https://app.example.com/cb#access_token=[redacted]&token_type=bearer&expires_in=3600'],
		['OAuth code', 'https://app.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz', 'https://app.example.com/cb?code=[redacted]&state=xyz'],
		['nginx secure_link md5', 'https://cdn.example.com/v.mp4?md5=XQoMKDLCkYbFKg6IadDThg&expires=2147483647', 'https://cdn.example.com/v.mp4?md5=[redacted]&expires=2147483647'],
		['jsessionid path parameter', 'https://shop.example.com/cart;jsessionid=0123456789ABCDEF?x=1', 'https://shop.example.com/cart;jsessionid=[redacted]?x=1'],
		['nested redirect URL', 'https://login.example.com/?redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Fcode%3Dsecret42%26state%3D1', 'https://login.example.com/?redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Fcode%3D[redacted]%26state%3D1'],
		['relative URL', '/download?file=a.zip&token=abc', '/download?file=a.zip&token=[redacted]'],
		['JWT in the path keeps header and claims', 'https://x.example.com/t/eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln/x', 'https://x.example.com/t/eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.[redacted]/x'],
		['evidence is kept byte for byte', 'HTTPS://Example.COM/Path//to/?a=1&b=%7e&empty=&flag', 'HTTPS://Example.COM/Path//to/?a=1&b=%7e&empty=&flag'],
		// nginx secure_link style token link: `st` is the signature here, unlike Azure's start time
		['token link with st and e', 'https://cdn.example.com/v.mp4?st=XQoMKDLCkYbFKg6IadDThg&e=2147483647', 'https://cdn.example.com/v.mp4?st=[redacted]&e=2147483647'],
		['an empty secret value stays empty', 'https://x/?token=&a=1', 'https://x/?token=&a=1'],
	])('%s', (_name, url, expected) => {
		expect(redactor.url(url)).toBe(expected);
	});
});
