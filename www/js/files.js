// File loading: dropped files and folders (read recursively), the file
// picker, and the bundled example corpus. Everything becomes
// {name, bytes: ArrayBuffer}; nothing leaves the machine.

/** Reads a drop's DataTransfer, descending into dropped folders. */
export async function filesFromDrop(dataTransfer) {
  const entries = [];
  for (const item of dataTransfer.items || []) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return filesFromList(dataTransfer.files);
  const out = [];
  for (const entry of entries) await readEntry(entry, '', out);
  return out;
}

async function readEntry(entry, prefix, out) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    out.push({ name: prefix + file.name, bytes: await file.arrayBuffer() });
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    // readEntries returns the folder in batches until an empty one.
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) {
        if (!child.name.startsWith('.')) await readEntry(child, `${prefix}${entry.name}/`, out);
      }
    }
  }
}

/** Reads a FileList (from the picker, or a drop without entries). */
export async function filesFromList(fileList) {
  const out = [];
  for (const file of fileList) {
    out.push({ name: file.webkitRelativePath || file.name, bytes: await file.arrayBuffer() });
  }
  return out;
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
