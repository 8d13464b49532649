/** The HTML export's only stylesheet: inline, hashed into the CSP, readable on screen and on paper. */
export const htmlStyle = `
:root { color-scheme: light; --ink: #1d1f23; --muted: #5b616b; --line: #d8dce2; --ok: #1a7f37; --fail: #b42318; --warn: #9a6700; --code: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.45rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.4rem 0 .4rem; }
.verdict { font-size: 1.1rem; padding: .8rem 1rem; border-left: 4px solid var(--muted); background: var(--code); margin: 1rem 0; }
.verdict.diagnosed { border-color: var(--fail); }
.verdict.not-reproduced { border-color: var(--ok); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.cause { border: 1px solid var(--line); border-radius: 6px; padding: .2rem 1rem 1rem; margin: 1rem 0; break-inside: avoid; }
.meter { display: inline-block; min-width: 3.5rem; font-variant-numeric: tabular-nums; color: var(--muted); }
.meta { color: var(--muted); font-size: .9rem; }
ol.steps { padding-left: 1.6rem; }
.mark-ok { color: var(--ok); } .mark-fail { color: var(--fail); } .mark-warn { color: var(--warn); } .mark-info { color: var(--muted); }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code); border-radius: 4px; }
code { padding: .05rem .3rem; overflow-wrap: anywhere; }
pre { padding: .7rem .9rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line); }
.probe { margin: 1.2rem 0; break-inside: avoid-page; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .verdict { background: none; border: 1px solid var(--ink); }
  pre, code { background: none; }
  pre { white-space: pre-wrap; border: 1px solid #999; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  .cause, .probe { break-inside: avoid; }
}
`;
