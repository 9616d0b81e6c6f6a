import type { ParentPort } from 'electron';
import { openBackend } from '../core/app/backend';
import { runBackendHost, type HostPort } from './backend-host-runner';
import { createHostPdfPrinter, type HostPrintPort } from './host-print-client';

/**
 * Entry of the backend utility process (bundled to dist/electron/backend-host.cjs and started by
 * main with `utilityProcess.fork`, as Actual Budget runs its server). The store, the handlers
 * and every parse of untrusted files run here, off the main process, so a slow import never
 * freezes the window. Only a type comes from 'electron': a utility process has no Electron API,
 * so a report's PDF is printed by main on request (host-print-client.ts ↔ pdf-print.ts).
 */
const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;

if (parentPort) {
  const port: HostPort & HostPrintPort = parentPort;
  const printPdf = createHostPdfPrinter(port);
  runBackendHost(port, (init) => openBackend({ ...init, printPdf, syncAgent: true, backgroundStoreCheck: true }), (code) => process.exit(code));
} else {
  process.stderr.write('backend-host: da avviare solo come processo di servizio di CST Desk.\n');
  process.exitCode = 1;
}
