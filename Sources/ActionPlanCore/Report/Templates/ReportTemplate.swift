/// The HTML report's Mustache template (rendered by `HTMLReport`).
///
/// Rules for editing it:
/// - data only through `{{name}}`, never `{{{name}}}`: the pragma on the first line makes `{{ }}`
///   escape with `ReportText.html`;
/// - no partials (a partial starts again with the package's default escaping);
/// - nothing between `<td>` and `</td>` but the values: cells keep line breaks (`white-space: pre-line`);
/// - keep it well-formed XML (`<br />`, quoted attributes): the tests parse the output as XML;
/// - colour never carries meaning alone: every status has its word, every bar its counts in words.
enum ReportTemplate {
    static let html = #"""
{{% CONTENT_TYPE: ACTIONPLAN_HTML }}
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="color-scheme" content="light" />
<title>{{documentTitle}}</title>
<style>
@page cover { size: A4 portrait; }
@page { size: A4 landscape; margin: 10mm 12mm 14mm 12mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 8pt; } }
:root { color-scheme: light; }
html { font-family: "DejaVu Sans", Verdana, Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #111; background: #fff; overflow-wrap: anywhere; }
body { margin: 0 auto; padding: 1rem 1.5rem 2rem; max-width: 1400px; }
h1 { font-size: 1.45rem; margin: 0 0 0.4rem; line-height: 1.25; }
h1 .scope { display: block; font-size: 1rem; font-weight: normal; margin-top: 0.3rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 0.5rem; border-bottom: 2px solid #111; padding-bottom: 0.15rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
p { margin: 0.3rem 0 0.6rem; }
.meta, .basis { color: #333; }
a { color: #0b4f9c; }
a:focus { outline: 3px solid #111; outline-offset: 2px; }
nav.contents ul { margin: 0.2rem 0 0; padding-left: 1.2rem; }
figure { margin: 0.6rem 0 1rem; }
figcaption { color: #333; font-size: 0.9rem; }
svg.chart { display: block; width: 100%; height: auto; max-width: 1000px; }
svg.chart text { font-family: inherit; font-size: 15px; fill: #111; }
svg.chart .seg { stroke: #111; stroke-width: 1; }
dl.action { margin: 0.2rem 0 0.6rem; display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; }
dl.action dt { font-weight: bold; }
dl.action dd { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; }
table.data { margin: 0.2rem 0 1rem; }
table.data th, table.data td { border: 1px solid #555; padding: 0.3em 0.45em; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: break-word; hyphens: auto; }
table.data td { white-space: pre-line; }
table.data thead th { background: #e4e4e4; font-size: 0.92em; }
table.data tfoot th, table.data tfoot td { font-weight: bold; border-top: 2px solid #111; }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: 0.2rem 0 0.35rem; caption-side: top; }
caption.hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
col.c-issue { width: 30%; }
col.c-dir { width: 13%; }
col.c-ref { width: 9%; }
col.c-month { width: 11%; }
col.c-outcome { width: 22%; }
col.c-officer { width: 13%; }
col.c-met { width: 10%; }
col.c-comment { width: 20%; }
col.c-forecast { width: 24%; }
.mark { font-weight: bold; }
.st-met .mark { color: #14532d; }
.st-notMet .mark { color: #8b1a12; }
.st-notAssessed .word { color: #333; font-style: italic; }
.flag { font-weight: bold; font-size: 0.8em; border: 1px solid currentColor; padding: 0 0.2em; }
.change { font-size: 0.9em; }
table.layout, table.layout > thead > tr > td, table.layout > tbody > tr > td { border: 0; padding: 0; }
table.layout > tbody > tr { break-inside: auto; page-break-inside: auto; }
.running { display: none; }
article.cover { max-width: 48rem; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; margin: 0.6rem 0 1.2rem; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; white-space: pre-line; }
p.numbered .pnum { font-weight: bold; margin-right: 0.4em; }
p.contact { white-space: pre-line; }
.placeholder { font-weight: bold; background: #fff3b0; border: 1px dashed #5c4300; padding: 0 0.2em; }
.appendix-label { font-weight: bold; font-size: 1.1rem; margin-top: 2rem; }
@media (prefers-contrast: more) {
  html, .meta, .basis, figcaption, .st-notAssessed .word { color: #000; }
  table.data th, table.data td { border-color: #000; }
  table.data thead th { background: #fff; border-bottom: 3px solid #000; }
  .st-met .mark, .st-notMet .mark { color: #000; }
  svg.chart .seg { stroke: #000; stroke-width: 2; }
}
@media (forced-colors: active) {
  svg.chart text { fill: CanvasText; }
  svg.chart .seg { stroke: CanvasText; }
  table.data th, table.data td { border-color: CanvasText; }
}
@media print {
  html { font-size: 8.5pt; }
  body { max-width: none; padding: 0; }
  .running { display: block; font-size: 7.5pt; border-bottom: 1px solid #000; padding: 0 0 1.5mm; margin: 0 0 3mm; }
  nav.contents { display: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, caption, dl.action { break-after: avoid; page-break-after: avoid; }
  figure, dl.action, .objective-head { break-inside: avoid; }
  /* An objective that fits on a page is not split: its heading never stands alone at a page foot with
     an empty table header. One longer than a page starts on a fresh page and breaks between rows. */
  section.objective { break-inside: avoid; page-break-inside: avoid; }
  table.data thead th { background: #e4e4e4; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg.chart { max-width: 240mm; }
  article.cover { page: cover; max-width: none; font-size: 10pt; }
  .appendix-label { break-before: page; margin-top: 0; }
}
</style>
</head>
<body>
{{#paper}}<article class="cover" aria-labelledby="paper-title">
<h1 id="paper-title">{{title}}</h1>
<dl class="fields">{{#fields}}<dt>{{label}}:</dt><dd>{{#lines}}<span class="{{cssClass}}">{{text}}</span>
{{/lines}}</dd>{{/fields}}</dl>
{{#sections}}<section aria-labelledby="{{sectionAnchor}}">
<h2 id="{{sectionAnchor}}">{{number}} {{heading}}</h2>
{{#paragraphs}}<p class="numbered"><span class="pnum">{{number}}</span> {{text}}</p>
{{#hasBullets}}<ul>{{#bullets}}<li>{{.}}</li>{{/bullets}}</ul>{{/hasBullets}}
{{/paragraphs}}</section>
{{/sections}}<section aria-labelledby="paper-recommendations">
<h2 id="paper-recommendations">Recommendations</h2>
{{#recommendations}}<p class="{{cssClass}}">{{text}}</p>
{{/recommendations}}<p class="contact">{{#contact}}<span class="{{cssClass}}">{{text}}</span>
{{/contact}}</p>
<h3>Background Documents</h3>
<ul>{{#background}}<li>{{.}}</li>{{/background}}</ul>
</section>
</article>
<p class="appendix-label">{{appendixLabel}}</p>
{{/paper}}<table class="layout" role="presentation">
<thead><tr><td><div class="running" aria-hidden="true">{{running}}</div></td></tr></thead>
<tbody><tr><td>
<main>
<header>
<h1>{{heading}}{{#scope}}<span class="scope">{{.}}</span>{{/scope}}</h1>
{{#meta}}<p class="meta">{{meta}}</p>{{/meta}}
<p class="basis">{{basis}}</p>
</header>
<nav class="contents" aria-label="Contents">
<ul>
<li><a href="#summary">Summary by Key Issue</a></li>
<li><a href="#exceptions">Exceptions</a></li>
{{#issues}}<li><a href="#{{issueAnchor}}">{{issueHeading}}</a></li>
{{/issues}}</ul>
</nav>
<section aria-labelledby="summary">
<h2 id="summary">Summary by Key Issue</h2>
{{#chart}}<figure>
<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 1000 {{height}}" role="img" aria-labelledby="chart-title chart-desc">
<title id="chart-title">{{label}}</title>
<desc id="chart-desc">{{description}}</desc>
<defs>
<pattern id="fill-met" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#1e6b34" /></pattern>
<pattern id="fill-partly" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#f2c14e" /><rect width="3" height="8" fill="#5c4300" /></pattern>
<pattern id="fill-notmet" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#b3261e" /><circle cx="4" cy="4" r="1.7" fill="#ffffff" /></pattern>
<pattern id="fill-na" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#ffffff" /><path d="M0 8 L8 0" stroke="#666666" stroke-width="1" /></pattern>
</defs>
<g class="legend">{{#legend}}<rect class="seg" x="{{boxX}}" y="4" width="22" height="16" fill="{{fill}}" /><text x="{{textX}}" y="17">{{word}}</text>{{/legend}}</g>
{{#rows}}<g class="bar"><text x="0" y="{{textY}}">{{caption}}</text>{{#segments}}<rect class="seg" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" fill="{{fill}}"><title>{{title}}</title></rect>{{/segments}}</g>
{{/rows}}</svg>
<figcaption>Each bar is one Key Issue, drawn to the same scale; its counts are written above it and in the table below.</figcaption>
</figure>{{/chart}}
<table class="data summary">
<caption>{{summaryCaption}}</caption>
<colgroup>{{#summaryHeadings}}<col style="width: {{width}}%" />{{/summaryHeadings}}</colgroup>
<thead><tr>{{#summaryHeadings}}<th scope="col" class="{{cssClass}}">{{text}}</th>{{/summaryHeadings}}</tr></thead>
<tbody>
{{#summaryRows}}<tr><th scope="row">{{rowLabel}}</th><td class="num">{{met}}</td><td class="num">{{partiallyMet}}</td><td class="num">{{notMet}}</td><td class="num">{{notAssessed}}</td><td class="num">{{overdue}}</td><td class="num">{{percent}}</td><td>{{#arrow}}<span aria-hidden="true">{{arrow}} </span>{{/arrow}}{{directionWord}}</td></tr>
{{/summaryRows}}</tbody>
{{#totalRow}}<tfoot><tr><th scope="row">{{rowLabel}}</th><td class="num">{{met}}</td><td class="num">{{partiallyMet}}</td><td class="num">{{notMet}}</td><td class="num">{{notAssessed}}</td><td class="num">{{overdue}}</td><td class="num">{{percent}}</td><td>{{#arrow}}<span aria-hidden="true">{{arrow}} </span>{{/arrow}}{{directionWord}}</td></tr></tfoot>{{/totalRow}}
</table>
</section>
{{#hasTrend}}<section aria-labelledby="trend">
<h2 id="trend">Trend across reviews</h2>
{{#trendChart}}<figure>
<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 1000 {{height}}" role="img" aria-labelledby="trend-title trend-desc">
<title id="trend-title">{{label}}</title>
<desc id="trend-desc">{{description}}</desc>
<g class="legend">{{#legend}}<rect class="seg" x="{{boxX}}" y="4" width="22" height="16" fill="{{fill}}" /><text x="{{textX}}" y="17">{{word}}</text>{{/legend}}</g>
{{#rows}}<g class="bar"><text x="0" y="{{textY}}">{{caption}}</text>{{#segments}}<rect class="seg" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" fill="{{fill}}"><title>{{title}}</title></rect>{{/segments}}</g>
{{/rows}}</svg>
<figcaption>Each bar is the whole plan at one closed review (the last, now), drawn to the same scale and with the same fills as the chart above; its counts are written above it and in the tables below.</figcaption>
</figure>{{/trendChart}}
<table class="data trend">
<caption>Targets by status at each closed review</caption>
<colgroup>{{#trendHeadings}}<col style="width: {{width}}%" />{{/trendHeadings}}</colgroup>
<thead><tr>{{#trendHeadings}}<th scope="col" class="{{cssClass}}">{{text}}</th>{{/trendHeadings}}</tr></thead>
<tbody>
{{#trend}}<tr><th scope="row">{{label}}</th><td class="num">{{met}}</td><td class="num">{{partiallyMet}}</td><td class="num">{{notMet}}</td><td class="num">{{notAssessed}}</td><td class="num">{{percent}}</td><td>{{#arrow}}<span aria-hidden="true">{{arrow}} </span>{{/arrow}}{{directionWord}}</td></tr>
{{/trend}}</tbody>
</table>
<table class="data trend-issues">
<caption>Targets by status per Key Issue at each closed review</caption>
<thead><tr><th scope="col">Key Issue</th>{{#trendColumns}}<th scope="col">{{.}}</th>{{/trendColumns}}</tr></thead>
<tbody>
{{#trendIssues}}<tr><th scope="row">{{name}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
{{/trendIssues}}</tbody>
</table>
</section>{{/hasTrend}}
{{#hasMeasures}}<section aria-labelledby="measures">
<h2 id="measures">Measures over time</h2>
<table class="data measures">
<caption>Targets with a measure: the actual at each closed review</caption>
<thead><tr>{{#measureColumns}}<th scope="col">{{.}}</th>{{/measureColumns}}</tr></thead>
<tbody>
{{#measureRows}}<tr><th scope="row">{{name}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
{{/measureRows}}</tbody>
</table>
</section>{{/hasMeasures}}
<section aria-labelledby="exceptions">
<h2 id="exceptions">Exceptions</h2>
<p>{{exceptionsIntro}}</p>
{{#hasExceptions}}<table class="data exceptions">
<caption>{{exceptionsCaption}}</caption>
<colgroup>{{#exceptionHeadings}}<col style="width: {{width}}%" />{{/exceptionHeadings}}</colgroup>
<thead><tr>{{#exceptionHeadings}}<th scope="col" class="{{cssClass}}">{{text}}</th>{{/exceptionHeadings}}</tr></thead>
<tbody>
{{#exceptions}}<tr class="{{mark.cssClass}}"><th scope="row">{{ref}}</th><td>{{month}}{{#overdue}}
<span class="flag">Overdue</span>{{/overdue}}{{#dueText}}
{{dueText}}{{/dueText}}</td><td>{{text}}</td><td>{{officers}}</td><td>{{#mark}}{{#symbol}}<span class="mark" aria-hidden="true">{{symbol}} </span>{{/symbol}}<span class="word">{{word}}</span>{{/mark}}</td><td>{{comment}}</td><td>{{forecast}}</td></tr>
{{/exceptions}}</tbody>
</table>{{/hasExceptions}}
</section>
{{#issues}}<section class="issue" aria-labelledby="{{issueAnchor}}">
<h2 id="{{issueAnchor}}">{{issueHeading}}</h2>
{{#objectives}}<section class="objective" aria-labelledby="{{objectiveAnchor}}">
<div class="objective-head">
<h3 id="{{objectiveAnchor}}">{{objectiveHeading}}</h3>
<dl class="action"><dt>Action</dt><dd>{{action}}</dd>{{#expected}}<dt>Expected outcome</dt><dd>{{expected}}</dd>{{/expected}}</dl>
</div>
<table class="data targets">
<caption class="hidden">Targets of {{objectiveHeading}}</caption>
<colgroup>{{#targetHeadings}}<col style="width: {{width}}%" />{{/targetHeadings}}</colgroup>
<thead><tr>{{#targetHeadings}}<th scope="col" class="{{cssClass}}">{{text}}</th>{{/targetHeadings}}</tr></thead>
<tbody>
{{#lines}}<tr class="{{mark.cssClass}}"><td>{{month}}{{#overdue}}
<span class="flag">Overdue</span>{{/overdue}}</td><td>{{text}}</td><td>{{officers}}</td><td>{{#mark}}{{#symbol}}<span class="mark" aria-hidden="true">{{symbol}} </span>{{/symbol}}<span class="word">{{word}}</span>{{/mark}}{{#change}}
<span class="change">{{change}}</span>{{/change}}</td><td>{{comment}}</td><td>{{forecast}}</td></tr>
{{/lines}}</tbody>
</table>
</section>
{{/objectives}}</section>
{{/issues}}</main>
</td></tr></tbody>
</table>
</body>
</html>
"""#
}
