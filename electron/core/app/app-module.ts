import type { FeatureModule } from '../platform/api/feature-module';
import type { HandlerGroup } from '../platform/api/handler-table';
import { readInstallation, toInstallation } from '../platform/installation/installation-store';
import { readLocale, readOperatorSetting, writeLocale } from '../platform/settings/settings-store';
import { checkStore } from './check-store';

/** The installation itself: its status, the integrity check, the interface's language. */
export const appModule = {
  name: 'app',
  handlers: {
    'app.status': (ctx) => {
      const inst = readInstallation(ctx.db);
      const installation = inst && { ...toInstallation(inst), operator: readOperatorSetting(ctx.db) ?? inst.operator };
      return { version: ctx.appVersion, dataDir: ctx.dataDir, locale: readLocale(ctx.db), installation };
    },
    'app.check': (ctx) => checkStore(ctx),
    'app.storeHealth': (ctx) => ctx.storeHealth?.() ?? { state: 'sound', lastFullCheckAt: null },
    'settings.setLocale': (ctx, input) => {
      writeLocale(ctx.db, input.locale);
      return { locale: input.locale };
    },
  } satisfies HandlerGroup,
} satisfies FeatureModule;
