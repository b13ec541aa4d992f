// One colour per outlet, used everywhere that outlet appears. The first
// eight are the Okabe-Ito palette, which stays apart for colour-blind readers.
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#999933'];

export function outletColor(docId) {
  if (docId < PALETTE.length) return PALETTE[docId];
  // Past eight outlets, spread hues by the golden angle.
  return `hsl(${Math.round((docId * 137.508) % 360)} 65% 45%)`;
}

/** The outlet as the document names it, else its file name without folder or extension. */
export function outletName(doc) {
  if (doc.outlet) return doc.outlet;
  const base = doc.file.split('/').pop();
  return base.replace(/\.[a-z0-9]+$/i, '') || doc.file;
}
