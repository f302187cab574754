/**
 * The report's stylesheet, inlined in the page: system fonts (nothing to download), figures
 * sized to the page, and a print stylesheet for clean A4 or Letter pages in which no chart,
 * table or warning is cut across a page break.
 */
export const reportCss = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --rule: #d9dee7; --bad: #b3261e; --good: #00704f; --warn: #8a5a00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.08rem; margin: 1.4rem 0 .4rem; overflow-wrap: anywhere; }
p { margin: .4rem 0; }
.meta { color: var(--muted); margin: 0 0 .6rem; }
.meta span + span::before { content: " · "; }
.description { font-size: 1.02rem; max-width: 48rem; }
.flag { border-left: 5px solid var(--warn); background: #fff6e5; padding: .55rem .8rem; margin: .6rem 0; border-radius: 0 4px 4px 0; }
.flag.unstable { border-color: var(--bad); background: #fdecea; }
.flag strong { margin-right: .3rem; }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; letter-spacing: .03em; padding: .05rem .45rem; border-radius: 999px; vertical-align: middle; margin-left: .4rem; }
.badge.unstable, .badge.fails { background: var(--bad); color: #fff; }
.badge.meets { background: var(--good); color: #fff; }
.badge.exact { background: #e3f3ec; color: var(--good); }
.badge.approx { background: #fff1d6; color: var(--warn); }
.badge.none { background: #eceff4; color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: .28rem .7rem .28rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; padding-left: .7rem; white-space: nowrap; }
.figures td:nth-child(2) { font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .3rem 0 .8rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ul.assumptions { padding-left: 1.2rem; }
.queue-specs { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 0 2rem; }
.queue-specs h3 { margin-top: .8rem; }
.model { margin: .2rem 0 .5rem; }
.model .note, .counts { color: var(--muted); font-size: .9rem; }
figure.chart { margin: 1rem 0 1.4rem; padding: .6rem .7rem .4rem; border: 1px solid var(--rule); border-radius: 6px; }
figure.chart figcaption { font-size: .88rem; color: var(--muted); margin-bottom: .3rem; }
figure.chart figcaption strong { color: var(--ink); font-size: .95rem; margin-right: .3rem; }
figure.chart > svg { display: block; width: 100%; height: auto; overflow: visible; }
svg.swatch { flex: none; }
figure.chart.empty { color: var(--muted); }
svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #333; }
svg .tick { fill: #555; }
svg .axis-label { fill: #333; font-size: 12px; }
svg .grid { stroke: #e6e9ef; }
svg .axis, svg .tick-mark { stroke: #777; }
svg .marker-label { font-weight: 600; }
svg .node-name { font-weight: 700; font-size: 12.5px; }
svg .node-load, svg .edge-label { font-size: 11px; fill: #444; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1.1rem; padding: 0; margin: .3rem 0 0; font-size: .82rem; color: var(--muted); }
ul.legend li { display: inline-flex; align-items: center; gap: .35rem; }
.verdicts .fails td:first-child { color: var(--bad); }
.recommendation { font-size: 1.02rem; border-left: 5px solid var(--good); background: #eef8f3; padding: .55rem .8rem; border-radius: 0 4px 4px 0; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); padding-top: .6rem; }
.charts { display: block; }
@media print {
  @page { margin: 14mm 12mm; }
  html, body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 18pt; }
  h2 { font-size: 13pt; margin-top: 1.2rem; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure.chart, table, .flag, .recommendation, dl.facts, .model, .queue-head, .queue-spec { break-inside: avoid; page-break-inside: avoid; }
  svg text { font-size: 13.5px; }
  svg .axis-label { font-size: 14px; }
  svg .node-name { font-size: 14px; }
  svg .node-load, svg .edge-label { font-size: 12.5px; }
  figure.chart { border-color: #ccc; }
  section.queue { break-before: auto; }
  footer { break-inside: avoid; }
}
`;
