export const helpText = `fix403 — find out why a web request answers 403 Forbidden, and how to fix it

Usage
  fix403 [URL] [options]        diagnose (a wizard in a terminal; a report with --json/--yes or when piped)
  fix403 lab                    start the demo lab: a local site with a dozen different 403s
  fix403 flow graph [FILE]      print a flow as a Mermaid diagram (the built-in one by default)
  fix403 flow check FILE        validate a flow file

Report
  --json                 print the report as JSON (schema fix403/report@1) and nothing else on stdout
  --yes                  print the human report; every question takes its option or default
  --transcript FILE      also write the session: .md (ticket), .json, .html, .har
  --role ROLE            visitor | api | owner — who is troubleshooting (skips that question)
  --agent                support-agent mode: questions phrased to relay to a customer
  --answer ID=VALUE      answer a flow question ahead of time (repeatable)

The request as it was sent
  -X, --method M         method (default GET)
  -H, --header "N: v"    a header (repeatable)
  -d, --data BODY        request body
  --cookie STR           the Cookie header
  --token TOKEN          a bearer token (sent as Authorization: Bearer TOKEN)
  --referer URL          the Referer
  --user-agent UA        the User-Agent (default: fix403's own, which announces itself)

Evidence instead of (or besides) probing
  --har FILE             analyse the 403s in a browser HAR file
  --headers-file FILE    analyse a pasted response (curl -i/-v output, DevTools headers); - reads stdin
  --no-probe             send nothing to the target

On the server (role owner)
  --docroot DIR          document root the URL maps to
  --web-user USER        the user the web server runs as (found automatically when possible)
  --nginx-conf PATH      nginx config file or folder
  --apache-conf PATH     Apache config file or folder (.htaccess files are found under --docroot)
  --php-fpm-conf PATH    PHP-FPM pool config file or folder
  --access-log FILE      access log to read
  --error-log FILE       error log to read
  --client-address IP    the address the failing client connects from (for allow lists)

Probing
  --max-requests N       at most N requests to the target in this session (default 12)
  --timeout MS           per-request timeout (default 10000)
  -k, --insecure         look past certificate problems (self-signed, expired, wrong host)
  --redact-header NAME   also redact this header's value (repeatable)

Other
  --flow FILE            run a custom flow file instead of the built-in one
  --no-color             no colours (also when NO_COLOR is set)
  -h, --help             this help
  -v, --version          the version

Exit status: 0 a report was produced (whatever it concludes), 2 bad input, 1 internal fault.
Secrets (tokens, cookies, API keys, URL signatures) are replaced by [redacted] in every report and export.
`;
