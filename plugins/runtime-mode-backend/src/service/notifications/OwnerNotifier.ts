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
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { EvaluationResult } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import {
  EntitySummaryFields,
  EvaluationStore,
} from '../../database/EvaluationStore';
import { runtimeTabPath } from '../export/runtimeTabUrl';
import {
  OwnerNotification,
  ownerNotifications,
  PreviousEvaluation,
} from './ownerNotifications';

/** The notifications topic, for users' notification settings. */
export const NOTIFICATION_TOPIC = 'runtime-mode';

/** A failed send is tried again this long after the previous attempt. */
export const NOTIFICATION_RETRY_AFTER_MS = 5 * 60 * 1000;
/** Sends tried at most, the first one included; then it is given up (and logged). */
export const NOTIFICATION_MAX_ATTEMPTS = 5;
/** Each replica looks for sends to try again at most this often. */
const RETRY_CHECK_EVERY_MS = 60 * 1000;
const RETRIES_PER_CHECK = 100;

/** A stored evaluation and the one it replaced. */
export interface StoredChange {
  summary: EntitySummaryFields;
  previous?: PreviousEvaluation;
  result: EvaluationResult;
}

/** The Backstage notification for one event of one entity. */
function sendOptionsOf(
  summary: EntitySummaryFields & { owner: string },
  notification: OwnerNotification,
): NotificationSendOptions {
  return {
    recipients: { type: 'entity', entityRef: summary.owner },
    payload: {
      title: notification.title,
      description: notification.description,
      link: runtimeTabPath(summary),
      severity: notification.severity,
      topic: NOTIFICATION_TOPIC,
      // The notifications backend updates, not duplicates, a notification
      // with the same scope: a retry after an unclear failure stays one.
      scope: `${summary.entityRef}:${notification.key}`,
    },
  };
}

/**
 * Tells an entity's owner when its upgrade answer or planned move gets worse,
 * or an API it uses is removed at the targets: one Backstage notification per
 * event, recorded in the plugin's database first (with what to send) so that
 * neither a repeated refresh nor another replica sends it again, and a send
 * that fails is tried again later rather than lost.
 */
export class OwnerNotifier {
  private nextRetryCheck = 0;

  constructor(
    private readonly options: {
      notifications: NotificationService;
      store: Pick<
        EvaluationStore,
        | 'claimNotification'
        | 'markNotificationSent'
        | 'claimUnsentNotifications'
      >;
      logger: LoggerService;
      /** For tests: the clock. */
      now?: () => number;
    },
  ) {}

  /**
   * Sends what the changes call for, and any earlier send that is due for
   * another attempt. Failures are logged, never thrown. Returns how many
   * notifications were sent.
   */
  async notify(changes: StoredChange[]): Promise<number> {
    let sent = await this.retryDue();
    for (const change of changes) {
      sent += await this.notifyOne(change);
    }
    return sent;
  }

  private get now() {
    return this.options.now?.() ?? Date.now();
  }

  private async notifyOne({ summary, previous, result }: StoredChange) {
    const { owner } = summary;
    if (!owner) return 0;
    const name = summary.title ?? summary.name;
    let sent = 0;
    for (const notification of ownerNotifications(previous, result, name)) {
      const options = sendOptionsOf({ ...summary, owner }, notification);
      try {
        const claimed = await this.options.store.claimNotification({
          entityRef: summary.entityRef,
          key: notification.key,
          payload: JSON.stringify(options),
          at: new Date(this.now),
        });
        if (!claimed) continue;
      } catch (error) {
        this.warn(
          `Runtime mode could not record a notification for the owner of ${summary.entityRef}`,
          summary.entityRef,
          error,
        );
        continue;
      }
      if (await this.send(summary.entityRef, notification.key, options)) {
        sent += 1;
      }
    }
    return sent;
  }

  /** Tries again the sends that failed, at most once a minute per replica. */
  private async retryDue(): Promise<number> {
    const now = this.now;
    if (now < this.nextRetryCheck) return 0;
    this.nextRetryCheck = now + RETRY_CHECK_EVERY_MS;
    let due;
    try {
      due = await this.options.store.claimUnsentNotifications({
        at: new Date(now),
        claimedBefore: new Date(now - NOTIFICATION_RETRY_AFTER_MS),
        maxAttempts: NOTIFICATION_MAX_ATTEMPTS,
        limit: RETRIES_PER_CHECK,
      });
    } catch (error) {
      this.options.logger.warn(
        'Runtime mode could not read the notifications to send again',
        { error: stringifyError(error) },
      );
      return 0;
    }
    let sent = 0;
    for (const { entityRef, key, payload, attempts } of due) {
      const options = JSON.parse(payload) as NotificationSendOptions;
      if (await this.send(entityRef, key, options)) sent += 1;
      else if (attempts >= NOTIFICATION_MAX_ATTEMPTS) {
        this.options.logger.error(
          `Runtime mode gave up notifying the owner of ${entityRef} after ${attempts} attempts`,
          { entityRef, notification: key },
        );
      }
    }
    return sent;
  }

  /** Sends one claimed notification and marks it sent; false when it failed (it stays due). */
  private async send(
    entityRef: string,
    key: string,
    options: NotificationSendOptions,
  ): Promise<boolean> {
    try {
      await this.options.notifications.send(options);
    } catch (error) {
      this.warn(
        `Runtime mode could not notify the owner of ${entityRef}; it tries again later`,
        entityRef,
        error,
      );
      return false;
    }
    try {
      await this.options.store.markNotificationSent(
        entityRef,
        key,
        new Date(this.now),
      );
    } catch (error) {
      // Sent: a later retry would only update it (same scope).
      this.warn(
        `Runtime mode notified the owner of ${entityRef} but could not record it as sent`,
        entityRef,
        error,
      );
    }
    return true;
  }

  private warn(message: string, entityRef: string, error: unknown) {
    this.options.logger.warn(message, {
      entityRef,
      error: stringifyError(error),
    });
  }
}
