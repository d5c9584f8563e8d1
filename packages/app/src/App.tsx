import { createApp } from '@backstage/frontend-defaults';
import { catalogPluginWithRuntimeMode } from './modules/catalog';
import { navModule } from './modules/nav';

// Other plugins, Runtime Mode included, are discovered from this package's
// dependencies (`app.packages: all` in app-config.yaml). The catalog comes
// with its index page showing the Runtime mode column (modules/catalog).
export default createApp({
  features: [catalogPluginWithRuntimeMode, navModule],
});
