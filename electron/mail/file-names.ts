// File names the desktop app proposes or writes: shared by the save dialogs (loaded at start) and the
// mail draft writer (loaded on first use), so it lives apart from both.

/** Only the name part of what the exporter proposes: no folders, no characters Windows refuses. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim();
  return cleaned.length > 0 ? cleaned.slice(0, 200) : 'export.xlsx';
}
