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

import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { StoredEvaluation } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { runtimeModeApiRef } from '../../api';

/**
 * Loads the stored evaluation of an entity; `refresh` asks the backend to
 * re-evaluate now and shows the new result without a reload.
 */
export function useEntityEvaluation(entity: Entity, skip = false) {
  const api = useApi(runtimeModeApiRef);
  const [refreshed, setRefreshed] = useState<StoredEvaluation>();
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<Error>();
  const ref = getCompoundEntityRef(entity);
  const key = `${ref.namespace}/${ref.kind}/${ref.name}`;

  const state = useAsyncRetry(async () => {
    if (skip) return undefined;
    setRefreshed(undefined);
    return api.getEvaluation(getCompoundEntityRef(entity));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, skip]);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    setRefreshError(undefined);
    try {
      setRefreshed(await api.refresh(getCompoundEntityRef(entity)));
    } catch (e) {
      setRefreshError(e as Error);
    } finally {
      setRefreshing(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);

  return {
    loading: state.loading,
    error: state.error,
    evaluation: refreshed ?? state.value,
    retry: state.retry,
    refresh,
    refreshing,
    refreshError,
  };
}
