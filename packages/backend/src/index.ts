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

// Events: SCM webhooks arrive at /api/events/http/<topic>. The GitHub module
// checks their signature (events.modules.github.webhookSecret) and publishes
// pushes as `github.push`, which Runtime Mode follows.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));

// Notifications (the bell) and signals (live updates of it). Runtime Mode
// notifies a component's owner when its upgrade answer or planned move gets worse.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Runtime Mode.
backend.add(import('@runtime-mode/backstage-plugin-runtime-mode-backend'));

// Tech Insights, with Runtime Mode's verdicts as facts and the JSON rules
// checker for checks on them (techInsights in app-config.yaml).
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
backend.add(
  import(
    '@runtime-mode/backstage-plugin-runtime-mode-backend-module-tech-insights'
  ),
);

backend.start();
