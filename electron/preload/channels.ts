/**
 * The only IPC channels between the renderer and main. Shared by the preload bridge and
 * electron/main/ipc.ts; kept free of imports so the sandboxed preload bundle stays tiny.
 */
export const IPC_CALL = 'cst:call';
export const IPC_EVENT = 'cst:event';
