import axe from 'axe-core';

/** axe-core on the document: serious and critical problems (colour contrast is checked in Chromium). */
export async function seriousViolations(): Promise<string[]> {
  const r = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
