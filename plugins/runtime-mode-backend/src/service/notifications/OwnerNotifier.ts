/*
 * Copyright 2026 The Runtime Mode Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { EvaluationResult } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import {
  EntitySummaryFields,
  EvaluationStore,
} from '../../database/EvaluationStore';
import { runtimeTabPath } from '../export/runtimeTabUrl';
import { ownerNotifications, PreviousEvaluation } from './ownerNotifications';

/** The notifications topic, for users' notification settings. */
export const NOTIFICATION_TOPIC = 'runtime-mode';

/** A stored evaluation and the one it replaced. */
export interface StoredChange {
  summary: EntitySummaryFields;
  previous?: PreviousEvaluation;
  result: EvaluationResult;
}

/**
 * Tells an entity's owner when its upgrade answer or planned move gets worse, or an API it uses is
 * removed at the targets: one Backstage notification per event, recorded in
 * the plugin's database first so that neither a repeated refresh nor another
 * replica sends it again.
 */
export class OwnerNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      store: Pick<EvaluationStore, 'claimNotification'>;
      logger: LoggerService;
    },
  ) {}

  /** Sends what the changes call for; failures are logged, never thrown. */
  async notify(changes: StoredChange[]): Promise<number> {
    let sent = 0;
    for (const change of changes) {
      sent += await this.notifyOne(change);
    }
    return sent;
  }

  private async notifyOne({ summary, previous, result }: StoredChange) {
    const { notifications, store, logger } = this.options;
    if (!summary.owner) return 0;
    const name = summary.title ?? summary.name;
    let sent = 0;
    for (const notification of ownerNotifications(previous, result, name)) {
      try {
        if (
          !(await store.claimNotification(summary.entityRef, notification.key))
        ) {
          continue;
        }
        await notifications.send({
          recipients: { type: 'entity', entityRef: summary.owner },
          payload: {
            title: notification.title,
            description: notification.description,
            link: runtimeTabPath(summary),
            severity: notification.severity,
            topic: NOTIFICATION_TOPIC,
            scope: `${summary.entityRef}:${notification.key}`,
          },
        });
        sent += 1;
      } catch (error) {
        logger.warn(
          `Runtime mode could not notify the owner of ${summary.entityRef}`,
          { entityRef: summary.entityRef, error: stringifyError(error) },
        );
      }
    }
    return sent;
  }
}
