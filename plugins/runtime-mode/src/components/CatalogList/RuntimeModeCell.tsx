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

import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  ReadinessLevel,
  UpgradeLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import useAsync from 'react-use/esm/useAsync';
import { LevelChip, UpgradeChip } from '../common/LevelChip';
import { ModeChip } from '../common/ModeChip';
import { useVerdictLoader } from './useVerdictLoader';

/**
 * One row's runtime mode and its two answers, as the card gives them: does
 * it break at the planned upgrade, and (only when a move is planned) can it
 * move. Shows nothing while loading, for a component without an evaluation,
 * for other kinds, and when the API cannot be reached: an empty cell, never
 * an error in the list.
 */
export function RuntimeModeCell(props: { entity: Entity }) {
  const { entity } = props;
  const loader = useVerdictLoader();
  const isComponent = entity.kind.toLocaleLowerCase('en-US') === 'component';
  const entityRef = stringifyEntityRef(entity);
  const { value: verdict } = useAsync(
    async () => (isComponent ? loader.load(entityRef) : undefined),
    [loader, entityRef, isComponent],
  );
  if (!verdict) {
    return null;
  }
  return (
    <Box
      display="flex"
      flexDirection="column"
      alignItems="flex-start"
      style={{ gap: 4 }}
      data-testid="runtime-mode-catalog-cell"
    >
      <ModeChip mode={verdict.mode} />
      {verdict.upgradeLevel ? (
        <TwoAnswers
          upgradeLevel={verdict.upgradeLevel}
          migrationLevel={verdict.migrationLevel ?? null}
        />
      ) : (
        <AllConcerns level={verdict.level} score={verdict.score} />
      )}
    </Box>
  );
}

function TwoAnswers(props: {
  upgradeLevel: UpgradeLevel;
  migrationLevel: ReadinessLevel | null;
}) {
  return (
    <>
      <UpgradeChip level={props.upgradeLevel} />
      {props.migrationLevel && <LevelChip level={props.migrationLevel} />}
    </>
  );
}

/** A result of an older rule set: the level of all concerns, said as such. */
function AllConcerns(props: { level: ReadinessLevel; score: number | null }) {
  return (
    <Box display="flex" alignItems="center" style={{ gap: 4 }}>
      <LevelChip level={props.level} />
      <Typography
        variant="caption"
        color="textSecondary"
        style={{ whiteSpace: 'nowrap' }}
      >
        all concerns{props.score === null ? '' : `, ${props.score}/100`}
      </Typography>
    </Box>
  );
}
