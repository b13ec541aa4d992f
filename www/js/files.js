// File loading: dropped files and folders (read recursively), the file
// picker, and the bundled example corpus. Everything becomes
// {name, bytes: ArrayBuffer}; nothing leaves the machine.

/**
 * Reads a drop's DataTransfer, descending into dropped folders; files are
 * listed in the order they were dropped.
 */
export async function filesFromDrop(dataTransfer) {
  const entries = [];
  for (const item of dataTransfer.items || []) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return filesFromList(dataTransfer.files);
  return (await inBatches(entries, (entry) => readEntry(entry, ''))).flat();
}

/**
 * `Promise.all(items.map(read))`, a batch at a time: the browser overlaps
 * the reads of a batch, and no single task of the page's thread has to
 * take in thousands of finished reads at once.
 */
async function inBatches(items, read, size = 32) {
  const out = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map(read))));
  }
  return out;
}

async function readEntry(entry, prefix) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    return [{ name: prefix + file.name, bytes: await file.arrayBuffer() }];
  }
  if (!entry.isDirectory) return [];
  const reader = entry.createReader();
  const children = [];
  // readEntries returns the folder in batches until an empty one.
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch.filter((child) => !child.name.startsWith('.')));
  }
  return (await inBatches(children, (child) => readEntry(child, `${prefix}${entry.name}/`))).flat();
}

/** Reads a FileList (from the picker, or a drop without entries). */
export async function filesFromList(fileList) {
  return inBatches(Array.from(fileList), async (file) => ({
    name: file.webkitRelativePath || file.name,
    bytes: await file.arrayBuffer(),
  }));
}

/** Fetches the example corpus shipped in www/example/. */
export async function exampleFiles() {
  const base = new URL('../example/', import.meta.url);
  const manifest = await (await fetch(new URL('manifest.json', base))).json();
  return Promise.all(
    manifest.files.map(async (name) => {
      const response = await fetch(new URL(name, base));
      if (!response.ok) throw new Error(`example file ${name}: ${response.status}`);
      return { name, bytes: await response.arrayBuffer() };
    }),
  );
}

/**
 * Separates saved Parallax Reports (.json whose `schema` is parallax.report/1)
 * from article files: a Report opens as it is, without analysis.
 */
export async function splitReports(files) {
  const reports = [];
  const others = [];
  for (const file of files) {
    if (/\.json$/i.test(file.name) && file.bytes.byteLength > 0) {
      const report = parseReport(file.bytes);
      if (report) {
        reports.push({ name: file.name, report });
        continue;
      }
    }
    others.push(file);
  }
  return { reports, others };
}

function parseReport(bytes) {
  // Only the first bytes decide: a JSON export of articles is left to the worker.
  const head = new TextDecoder().decode(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 200)));
  if (!/"schema"\s*:\s*"parallax\.report\//.test(head)) return null;
  try {
    const report = JSON.parse(new TextDecoder().decode(bytes));
    if (report && typeof report.schema === 'string' && report.schema.startsWith('parallax.report/') && Array.isArray(report.documents)) {
      return report;
    }
  } catch {
    // Not valid JSON after all: the worker will say why.
  }
  return null;
}
