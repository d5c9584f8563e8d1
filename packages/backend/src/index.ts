/*
 * The portal's backend: only the plugins the Runtime Mode portal needs, each of
 * which starts cleanly on the new backend system.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// Serves the built frontend in production builds.
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the guest provider, for local use and the example estate.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Software catalog, with catalog errors logged.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Permission framework. The allow-all policy suits a local portal; production
// installs replace it with their own policy module.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Runtime Mode.
backend.add(import('@runtime-mode/backstage-plugin-runtime-mode-backend'));

backend.start();
