import type { HandlerGroup } from '../api/handler-table';
import { fillDemo } from './demo';

export const demoHandlers = {
  'demo.fill': fillDemo,
} satisfies HandlerGroup;
