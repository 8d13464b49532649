import type {Sample} from './sample.js';

/** IIS 7.5+ detailed error page for 403.N, following the captured 403.14 page (search id 13899334800). */
function iisDetailed(version: string, sub: number, summary: string): string {
	return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>IIS ${version} Detailed Error - 403.${sub} - Forbidden</title>
<style type="text/css">body{margin:0;font-size:.7em;font-family:Verdana,Arial,Helvetica,sans-serif}</style>
</head>
<body>
<div id="content">
<div class="content-container">
 <h3>HTTP Error 403.${sub} - Forbidden</h3>
 <h4>${summary}</h4>
</div>
<div class="content-container">
 <fieldset><h4>Most likely causes:</h4></fieldset>
</div>
<div class="content-container">
 <fieldset><h4>More Information:</h4>
  <p><a href="https://go.microsoft.com/fwlink/?LinkID=62293&amp;IIS70Error=403,${sub},0x00000000,20348">View more information &raquo;</a></p>
 </fieldset>
</div>
</div>
</body>
</html>`;
}

const iisHeaders = {'Content-Type': 'text/html', Server: 'Microsoft-IIS/10.0', 'X-Powered-By': 'ASP.NET', Date: 'Tue, 25 Nov 2026 10:12:31 GMT'};

export const serverSamples: readonly Sample[] = [
	{
		name: 'nginx 403 for a folder',
		source: 'nginx stock page, nginx/nginx src/http/ngx_http_special_response.c (REFERENCE.md §2.0)',
		url: 'https://www.example.com/uploads/',
		status: 403,
		headers: {Server: 'nginx/1.24.0 (Ubuntu)', Date: 'Tue, 25 Nov 2026 10:12:31 GMT', 'Content-Type': 'text/html'},
		body: '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.24.0 (Ubuntu)</center>\r\n</body>\r\n</html>\r\n',
		expect: {vendor: 'nginx', via: ['nginx'], kind: 'generic', causes: {'directory-index-missing': 0.2, 'server-deny-rule': 0.15}, maxWeight: 0.2, codes: ['vendor.nginx.default-403']},
	},
	{
		name: 'Apache 2.4 403',
		source: 'apache/httpd modules/http/http_protocol.c@2.4.x (REFERENCE.md §2.0); page as in search id 55841652312',
		url: 'https://www.example.com/admin/config.php',
		status: 403,
		headers: {Server: 'Apache/2.4.57 (Debian)', 'Content-Type': 'text/html; charset=iso-8859-1'},
		body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>403 Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n<p>You don\'t have permission to access this resource.</p>\n<hr>\n<address>Apache/2.4.57 (Debian) Server at www.example.com Port 443</address>\n</body></html>\n',
		expect: {vendor: 'apache', via: ['apache'], kind: 'generic', causes: {'server-deny-rule': 0.15, 'file-permissions': 0.15}, maxWeight: 0.2, codes: ['vendor.apache.default-403']},
	},
	{
		name: 'Apache cannot read .htaccess',
		source: 'captured body, search id 55841652312 (and 70233295615)',
		status: 403,
		headers: {Server: 'Apache/2.4.62 (Debian)', 'Content-Type': 'text/html; charset=iso-8859-1'},
		body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>403 Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n<p>You don\'t have permission to access this resource.Server unable to read htaccess file, denying access to be safe</p>\n</body></html>\n',
		expect: {vendor: 'apache', via: ['apache'], kind: 'generic', causes: {'file-permissions': 0.65}, codes: ['vendor.apache.htaccess-unreadable']},
	},
	{
		name: 'IIS 7.5 403.14 directory listing denied',
		source: 'IIS 7.5 detailed error page, search id 13899334800',
		url: 'https://intranet.example.com/docs/',
		status: 403,
		headers: {...iisHeaders, Server: 'Microsoft-IIS/7.5'},
		body: iisDetailed('7.5', 14, 'The Web server is configured to not list the contents of this directory.'),
		expect: {vendor: 'iis', via: ['iis'], kind: 'directory-listing', causes: {'directory-index-missing': 0.85}, codes: ['vendor.iis.403-14']},
	},
	{
		name: 'IIS 6 403.6 IP address rejected',
		source: 'IIS 6 page text quoted in search id 56812802797',
		status: 403,
		headers: {...iisHeaders, Server: 'Microsoft-IIS/6.0'},
		body: '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd"><HTML><HEAD><TITLE>You are not authorized to view this page</TITLE></HEAD><BODY><TABLE><TR><TD><h1>You are not authorized to view this page</h1>The Web server you are attempting to reach has a list of IP addresses that are not allowed to access the Web site, and the IP address of your browsing computer is on this list.<hr><p>Please try the following:</p><ul><li>If you believe you should be able to view this directory or page, please contact the Web site administrator.</li></ul><h2>HTTP Error 403.6 - Forbidden: IP address of the client has been rejected.<br>Internet Information Services (IIS)</h2></TD></TR></TABLE></BODY></HTML>',
		expect: {vendor: 'iis', via: ['iis'], kind: 'ip-block', causes: {'ip-allowlist': 0.8}},
	},
	{
		name: 'IIS 403.502 Dynamic IP Restrictions',
		source: 'substatus text: search id 4313893082 ("Too many requests from the same client IP; Dynamic IP Restriction limit reached")',
		status: 403,
		headers: iisHeaders,
		body: iisDetailed('10.0', 502, 'Forbidden: Too many requests from the same client IP; Dynamic IP Restriction limit reached.'),
		expect: {vendor: 'iis', via: ['iis'], kind: 'rate-limit', causes: {'rate-limited': 0.8}},
	},
	{
		name: 'IIS 403.4 SSL required',
		source: 'IIS substatus list (getnetgoing.com/HTTP-403.html, search "pages"); IIS 10 detailed page layout',
		url: 'http://intranet.example.com/payroll/',
		status: 403,
		headers: iisHeaders,
		body: iisDetailed('10.0', 4, 'The page you are trying to access is secured with Secure Sockets Layer (SSL).'),
		expect: {vendor: 'iis', via: ['iis'], kind: 'tls', causes: {'tls-rejected': 0.75}},
	},
	{
		name: 'IIS 403.16 client certificate untrusted',
		source: 'IIS log "403 16" for an untrusted client certificate, search id 48176650811; substatus list as above',
		status: 403,
		headers: iisHeaders,
		body: iisDetailed('10.0', 16, 'Your client certificate is either not trusted or is invalid.'),
		expect: {vendor: 'iis', via: ['iis'], kind: 'tls', causes: {'tls-rejected': 0.8}},
	},
	{
		name: 'IIS generic remote 403 page',
		source: 'IIS custom error page title "403 - Forbidden: Access is denied.", search ids 9590665871, 70892399935',
		status: 403,
		headers: iisHeaders,
		body: '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\r\n<html xmlns="http://www.w3.org/1999/xhtml">\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>\r\n<title>403 - Forbidden: Access is denied.</title>\r\n</head>\r\n<body>\r\n<div id="header"><h1>Server Error</h1></div>\r\n<div id="content">\r\n <div class="content-container"><fieldset>\r\n  <h2>403 - Forbidden: Access is denied.</h2>\r\n  <h3>You do not have permission to view this directory or page using the credentials that you supplied.</h3>\r\n </fieldset></div>\r\n</div>\r\n</body>\r\n</html>\r\n',
		expect: {vendor: 'iis', via: ['iis'], kind: 'generic', maxWeight: 0.2, codes: ['vendor.iis.default-403']},
	},
];
