/** Inline SVG bar charts for the HTML report: no script, no network, printable. */

/** Escapes text for HTML and XML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** What is printed after the bar (default: the value). */
  readonly text?: string;
}

/** A horizontal bar chart; every bar carries `data-label` and `data-value` so a test can read it back. */
export function barChart(title: string, bars: readonly Bar[], options: { max?: number; id?: string } = {}): string {
  const labelWidth = Math.min(260, 12 + 7 * Math.max(4, ...bars.map((b) => b.label.length)));
  // About 7 px a character: a longer label is cut with an ellipsis so that it never runs off the left edge.
  const fits = Math.floor((labelWidth - 12) / 7);
  const shown = (label: string) => (label.length <= fits ? label : `${label.slice(0, fits - 1)}…`);
  const barWidth = 360;
  const row = 22;
  const width = labelWidth + barWidth + 110;
  const height = 28 + row * bars.length;
  const max = options.max ?? Math.max(0, ...bars.map((b) => b.value));
  const rows = bars.map((b, i) => {
    const y = 24 + i * row;
    const w = max > 0 ? Math.max(b.value > 0 ? 1 : 0, Math.round((b.value / max) * barWidth)) : 0;
    return [
      `<g class="bar" data-label="${escapeHtml(b.label)}" data-value="${b.value}">`,
      `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end"><title>${escapeHtml(b.label)}</title>${escapeHtml(shown(b.label))}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 6}"></rect>`,
      `<text x="${labelWidth + w + 6}" y="${y + 14}">${escapeHtml(b.text ?? String(b.value))}</text>`,
      `</g>`,
    ].join("");
  });
  const id = options.id === undefined ? "" : ` id="${escapeHtml(options.id)}"`;
  return [
    `<svg${id} class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<text class="chart-title" x="0" y="14">${escapeHtml(title)}</text>`,
    ...rows,
    `</svg>`,
  ].join("\n");
}
