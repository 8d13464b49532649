import {escapeHtml} from '../../text/escape-html.js';
import type {LabReply} from '../types.js';
import {httpDate} from './http-date.js';

/**
IIS 10's detailed error page, which IIS shows to requests from the machine itself (errorMode
DetailedLocalOnly) — the lab's client is local. The layout follows the captured IIS 7.5 403.14 page (search
id 13899334800, as in test/evidence/vendors/samples/servers.ts); the 403.6 wording is Microsoft's
("HTTP 403.6 - Forbidden: IP address rejected", learn.microsoft.com troubleshoot/…/403-6-forbidden-error).
*/
export function iisDetailedError(options: {sub: number; summary: string; url: URL; now: number}): LabReply {
	const url = escapeHtml(options.url.href);
	const body = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>IIS 10.0 Detailed Error - 403.${options.sub} - Forbidden</title>
<style type="text/css">
<!--
body{margin:0;font-size:.7em;font-family:Verdana,Arial,Helvetica,sans-serif;}
code{margin:0;color:#006600;font-size:1.1em;font-weight:bold;}
#content{margin:0 0 0 2%;position:relative;}
.content-container{background:#FFF;width:96%;margin-top:8px;padding:10px;position:relative;}
-->
</style>
</head>
<body>
<div id="content">
<div class="content-container">
 <h3>HTTP Error 403.${options.sub} - Forbidden</h3>
 <h4>${escapeHtml(options.summary)}</h4>
</div>
<div class="content-container">
 <fieldset><h4>Detailed Error Information:</h4>
  <div id="details-left">
   <table border="0" cellpadding="0" cellspacing="0">
    <tr class="alt"><th>Module</th><td>&nbsp;&nbsp;&nbsp;IpRestrictionModule</td></tr>
   </table>
  </div>
  <div id="details-right">
   <table border="0" cellpadding="0" cellspacing="0">
    <tr class="alt"><th>Requested URL</th><td>&nbsp;&nbsp;&nbsp;${url}</td></tr>
    <tr><th>Logon Method</th><td>&nbsp;&nbsp;&nbsp;Not yet determined</td></tr>
    <tr class="alt"><th>Logon User</th><td>&nbsp;&nbsp;&nbsp;Not yet determined</td></tr>
   </table>
  </div>
 </fieldset>
</div>
<div class="content-container">
 <fieldset><h4>More Information:</h4>
  <p><a href="https://go.microsoft.com/fwlink/?LinkID=62293&amp;IIS70Error=403,${options.sub},0x00000000,20348">View more information &raquo;</a></p>
 </fieldset>
</div>
</div>
</body>
</html>`;
	return {status: 403, headers: {'Content-Type': 'text/html', Server: 'Microsoft-IIS/10.0', 'X-Powered-By': 'ASP.NET', Date: httpDate(options.now)}, body};
}
