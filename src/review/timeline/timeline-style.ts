/**
 * The view's styles, every rule under `.qp-review` so that a host page's styles and ours leave each
 * other alone. Kinds differ by pattern and shape as well as colour; `forced-colors` swaps colours
 * for the system's; print fits one attempt on one A4 page and leaves the events table out.
 */
export const TIMELINE_STYLE = `
.qp-review{font:14px/1.4 system-ui,sans-serif;color:#1b1b1b;background:#fff;max-width:1100px}
.qp-review h2{font-size:1.25em;margin:0 0 .25em}
.qp-review h3{font-size:1.05em;margin:1em 0 .25em}
.qp-review .qp-span-of{margin:0 0 .5em;color:#444}
.qp-review .qp-totals{display:flex;flex-wrap:wrap;gap:.25em 1.25em;margin:.5em 0}
.qp-review .qp-totals div{display:flex;flex-direction:column-reverse}
.qp-review .qp-totals dt{font-size:.8em;color:#444}
.qp-review .qp-totals dd{margin:0;font-weight:600}
.qp-review .qp-totals .qp-zero dd{font-weight:400;color:#555}
.qp-review .qp-findings,.qp-review .qp-notes{margin:.25em 0;padding-left:1.25em}
.qp-review .qp-finding-alert strong{color:#a61b1b}
.qp-review .qp-notes{color:#444;font-size:.9em}
.qp-review .qp-timeline{display:block;width:100%;height:auto;font-size:10px;overflow:visible}
.qp-review .qp-lane-bg{fill:none}
.qp-review .qp-lane:nth-child(even) .qp-lane-bg{fill:#f4f5f7}
.qp-review .qp-lane-label{fill:#1b1b1b}
.qp-review .qp-grid{stroke:#d0d4da;stroke-width:.5}
.qp-review .qp-axis text{fill:#444}
.qp-review .qp-untimed{fill:#444;font-style:italic}
.qp-review .qp-item{cursor:pointer;outline:none}
.qp-review .qp-item:focus-visible,.qp-review .qp-item.qp-current{stroke:#000;stroke-width:2}
.qp-review .qp-item:focus-visible .qp-bar,.qp-review .qp-item.qp-current .qp-bar{stroke-width:2}
.qp-review .qp-mark{fill:#3d4a5c;stroke:#3d4a5c}
.qp-review .qp-mark .qp-glyph-letter{fill:#fff;stroke:none;font:bold 9px system-ui,sans-serif}
.qp-review .qp-hollow{fill:#fff}
.qp-review .qp-stroke{fill:none;stroke-width:2}
.qp-review .qp-bar{stroke-width:1;min-width:1px}
.qp-review .qp-span-away .qp-bar{stroke:#b4460b}
.qp-review .qp-span-hidden .qp-bar{stroke:#6741d9}
.qp-review .qp-span-offline .qp-bar{stroke:#1864ab}
.qp-review .qp-span-fullscreen .qp-bar{stroke:#2b8a3e}
.qp-review .qp-pattern{stroke-width:1.5;fill:none}
.qp-review pattern[id$="-away"]{stroke:#e8590c;fill:#fff4e6}
.qp-review pattern[id$="-hidden"]{fill:#6741d9}
.qp-review pattern[id$="-offline"]{stroke:#1971c2}
.qp-review pattern[id$="-fullscreen"]{stroke:#2f9e44}
.qp-review .qp-span-label{fill:#1b1b1b;stroke:#fff;stroke-width:3;paint-order:stroke;font-weight:600}
.qp-review .qp-badge-alert{fill:#c92a2a;stroke:#7a1010}
.qp-review .qp-badge-notice{fill:#1c7ed6;stroke:#0b4f8a}
.qp-review .qp-badge .qp-glyph-letter{fill:#fff;stroke:none;font:bold 10px system-ui,sans-serif}
.qp-review .qp-by-received{stroke-dasharray:2 1.5}
.qp-review .qp-details{min-height:2.8em;margin:.5em 0;padding:.4em .6em;border:1px solid #8a94a3;border-radius:4px;background:#f8f9fa;white-space:pre-wrap;font-size:.9em}
.qp-review .qp-table{font-size:.85em}
.qp-review .qp-row{display:grid;grid-template-columns:3.5em 5.5em 12em 9.5em 1fr;border-bottom:1px solid #dde1e6}
.qp-review .qp-row>*{padding:.15em .4em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.qp-review .qp-row>:last-child{white-space:normal}
.qp-review .qp-head{font-weight:600}
.qp-review .qp-chunk{content-visibility:auto}
.qp-review .qp-events code{word-break:break-all}
@media (forced-colors:active){
.qp-review .qp-lane:nth-child(even) .qp-lane-bg{fill:Canvas}
.qp-review .qp-lane-label,.qp-review .qp-axis text,.qp-review .qp-untimed{fill:CanvasText;stroke:none}
.qp-review .qp-span-label{fill:CanvasText;stroke:Canvas}
.qp-review .qp-grid{stroke:GrayText}
.qp-review .qp-mark,.qp-review .qp-badge{fill:CanvasText;stroke:CanvasText}
.qp-review .qp-mark .qp-glyph-letter,.qp-review .qp-badge .qp-glyph-letter,.qp-review .qp-hollow{fill:Canvas}
.qp-review .qp-span .qp-bar,.qp-review pattern[id]{stroke:CanvasText}
.qp-review pattern[id$="-away"],.qp-review pattern[id$="-fullscreen"]{fill:Canvas}
.qp-review pattern[id$="-hidden"]{fill:CanvasText}
.qp-review .qp-item:focus-visible,.qp-review .qp-item.qp-current{stroke:Highlight;stroke-width:3}
.qp-review .qp-details{border-color:CanvasText;background:Canvas}
}
@media print{
@page{size:A4;margin:10mm}
.qp-review{font-size:9pt;max-width:none;break-after:page;break-inside:avoid}
.qp-review .qp-events,.qp-review .qp-details{display:none}
.qp-review .qp-timeline{font-size:9px}
}
`;
