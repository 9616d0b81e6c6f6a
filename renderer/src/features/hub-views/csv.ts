/**
 * CSV the way Excel on Italian Windows opens it: `;` between fields, decimal comma, CRLF,
 * UTF-8 with a BOM (else accents break). Fields with `;`, quotes or line breaks are quoted.
 */
export function toItalianCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => {
    const text = typeof v === 'number' ? String(v).replace('.', ',') : v;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [header, ...rows].map((r) => r.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** UTF-8 text → base64 (for the platform's `saveFile`). */
export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
