import {describe, expect, test} from 'vitest';
import {mapUrl} from '../../../src/owner/apache/map-url.js';
import {parseConfigText} from '../../../src/owner/apache/parse.js';
import {describeScope, selectVirtualHost, serverScopes} from '../../../src/owner/apache/servers.js';

// Virtual host matching per https://httpd.apache.org/docs/2.4/vhosts/details.html: an exact IP:port vhost beats
// wildcard ones; among candidates ServerName/ServerAlias picks, else the first listed is the default.
const config = parseConfigText([
	'ServerName main.example',
	'DocumentRoot /srv/main',
	'Alias /icons/ /usr/share/apache2/icons/',
	'<VirtualHost *:80>',
	'  ServerName www.example.com',
	'  ServerAlias example.com *.example.net',
	'  DocumentRoot /srv/www',
	'  Alias /static /srv/assets',
	'  AliasMatch "^/docs/(\\d+)/(.*)" "/srv/docs/v$1/$2"',
	'</VirtualHost>',
	'<VirtualHost *:80>',
	'  ServerName shop.example.com',
	'  DocumentRoot /srv/shop',
	'</VirtualHost>',
	'<VirtualHost 192.0.2.10:80>',
	'  ServerName intranet.example',
	'  DocumentRoot /srv/intranet',
	'</VirtualHost>',
	'<VirtualHost *:8443>',
	'  ServerName secure.example',
	'</VirtualHost>',
].join('\n'), '/etc/apache2/sites-enabled/all.conf');
const scopes = serverScopes({nodes: config});

describe('selectVirtualHost', () => {
	test.each([
		{host: 'www.example.com', port: 80, name: '<VirtualHost *:80> (www.example.com)'},
		{host: 'example.com', port: 80, name: '<VirtualHost *:80> (www.example.com)'},
		{host: 'cdn.example.net', port: 80, name: '<VirtualHost *:80> (www.example.com)'},
		{host: 'shop.example.com', port: 80, name: '<VirtualHost *:80> (shop.example.com)'},
		{host: 'unknown.example', port: 80, name: '<VirtualHost *:80> (www.example.com)'},
		{host: 'shop.example.com', port: 80, localAddress: '192.0.2.10', name: '<VirtualHost 192.0.2.10:80> (intranet.example)'},
		{host: 'secure.example', port: 8443, name: '<VirtualHost *:8443> (secure.example)'},
		{host: 'www.example.com', port: 8080, name: 'main server (main.example)'},
	])('$host:$port ($localAddress)', ({host, port, localAddress, name}) => {
		expect(describeScope(selectVirtualHost(scopes, {host, port, localAddress}).scope)).toBe(name);
	});
});

describe('mapUrl', () => {
	const www = scopes.vhosts[0]?.nodes;
	test.each([
		{path: '/index.html', vhost: www, filename: '/srv/www/index.html', via: 'document-root'},
		{path: '/static/app.js', vhost: www, filename: '/srv/assets/app.js', via: 'alias'},
		{path: '/staticky', vhost: www, filename: '/srv/www/staticky', via: 'document-root'},
		{path: '/docs/2/intro.html', vhost: www, filename: '/srv/docs/v2/intro.html', via: 'alias'},
		{path: '/icons/a.png', vhost: www, filename: '/usr/share/apache2/icons/a.png', via: 'alias'},
		{path: '/icons', vhost: www, filename: '/srv/www/icons', via: 'document-root'},
		{path: '/x', vhost: undefined, filename: '/srv/main/x', via: 'document-root'},
	])('$path', ({path, vhost, filename, via}) => {
		expect(mapUrl(path, {main: scopes.main.nodes, vhost}, '/etc/apache2')).toMatchObject({filename, via});
	});
});
