import type { PdfPrinter } from '../core/platform/context';
import { AppError } from '../core/platform/errors';
import { parsePrintReply, type PrintRequest } from './host-messages';
import { shellMessages } from './messages';

/** The part of `process.parentPort` the print client uses (the real one, or a fake in tests). */
export interface HostPrintPort {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: PrintRequest): void;
}

/** Longer than main's own limit (pdf-print.ts), so main's more precise error normally arrives first. */
export const HOST_PRINT_TIMEOUT_MS = 90_000;

/**
 * The backend's printer inside the utility process, which has no Electron API: each call posts
 * `{ print }` to main and settles on the matching `{ printed }`, or with an Italian E_IO error
 * (code, message, params.reason) if main does not answer in time.
 */
export function createHostPdfPrinter(port: HostPrintPort, timeoutMs = HOST_PRINT_TIMEOUT_MS): PdfPrinter {
  const pending = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (err: AppError) => void; timer: ReturnType<typeof setTimeout> }>();
  let nextId = 1;
  port.on('message', ({ data }) => {
    const reply = parsePrintReply(data);
    if (!reply) return;
    const waiting = pending.get(reply.printed.id);
    if (!waiting) return;
    pending.delete(reply.printed.id);
    clearTimeout(waiting.timer);
    const { result } = reply.printed;
    if (result.ok) waiting.resolve(result.value);
    else waiting.reject(new AppError(result.error.code, result.error.message, { params: { reason: 'pdf_print_failed', ...result.error.params } }));
  });
  return (html) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new AppError('E_IO', shellMessages.pdfPrintTimeout, { params: { reason: 'pdf_print_timeout' } }));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      port.postMessage({ print: { id, html } });
    });
}
