import type { HandlerGroup } from '../../platform/api/handler-table';
import { fillDemo } from './demo';

export const demoHandlers = {
  'demo.fill': fillDemo,
} satisfies HandlerGroup;
