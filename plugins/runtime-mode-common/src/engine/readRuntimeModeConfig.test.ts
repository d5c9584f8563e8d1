import { RuntimeModeConfigError } from './errors';
import {
  DEFAULT_MANIFEST_LIMITS,
  readRuntimeModeConfig,
} from './readRuntimeModeConfig';

describe('readRuntimeModeConfig', () => {
  it('fills defaults for an empty block', () => {
    expect(readRuntimeModeConfig(undefined)).toEqual({
      clusters: [],
      apiPolicy: {
        targets: {},
        alphaInProduction: 'warning',
        extraDeprecations: [],
      },
      profiles: {},
      limits: DEFAULT_MANIFEST_LIMITS,
    });
  });

  it('reads clusters, targets, profiles and limits, and accepts schedule', () => {
    const config = readRuntimeModeConfig({
      clusters: [
        {
          name: 'kv',
          mode: 'container-virtualization',
          kubernetesVersion: '1.31',
          kubevirtVersion: 'v1.6.0',
          hardwareVirtualization: true,
          versions: { cdi: '1.60.0' },
        },
      ],
      apiPolicy: { targets: { kubernetes: '1.34' }, alphaInProduction: 'info' },
      profiles: {
        'virtualized-container': {
          performanceOverhead: '3-8%',
          isolation: 'strong',
        },
      },
      limits: { maxDocuments: 10 },
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
    });
    expect(config.clusters[0].versions).toEqual({ cdi: '1.60.0' });
    expect(config.apiPolicy.targets).toEqual({ k8s: '1.34' });
    expect(config.limits.maxDocuments).toBe(10);
  });

  it("reads a KubeVirt cluster's KubeVirt CR defaults: evictionStrategy and defaultNetworkInterface", () => {
    const config = readRuntimeModeConfig({
      clusters: [
        {
          name: 'kv',
          mode: 'container-virtualization',
          evictionStrategy: 'LiveMigrate',
          defaultNetworkInterface: 'masquerade',
        },
        { name: 'kv-plain', mode: 'container-virtualization' },
      ],
    });
    expect(config.clusters[0]).toMatchObject({
      evictionStrategy: 'LiveMigrate',
      defaultNetworkInterface: 'masquerade',
    });
    // Not stated stays unknown: the engine then hedges instead of assuming.
    expect(config.clusters[1].evictionStrategy).toBeUndefined();
    expect(config.clusters[1].defaultNetworkInterface).toBeUndefined();
  });

  it.each([
    [{ clusters: [{ name: 'a', mode: 'vm' }] }, 'clusters[0].mode'],
    [{ clusters: [{ mode: 'bare-metal-container' }] }, 'clusters[0].name'],
    [
      {
        clusters: [
          { name: 'a', mode: 'bare-metal-container', kubernetesVersion: 'one' },
        ],
      },
      'clusters[0].kubernetesVersion',
    ],
    [{ apiPolicy: { targets: { k8s: 'x' } } }, 'apiPolicy.targets'],
    [
      { apiPolicy: { alphaInProduction: 'loud' } },
      'apiPolicy.alphaInProduction',
    ],
    [
      { apiPolicy: { extraDeprecations: [{ kind: 'A' }] } },
      'apiPolicy.extraDeprecations[0].apiVersion',
    ],
    [
      { profiles: { 'bare-metal-container': { isolation: 'total' } } },
      'profiles.bare-metal-container.isolation',
    ],
    [{ profiles: { mainframe: {} } }, 'profiles.mainframe'],
    [
      {
        clusters: [
          {
            name: 'kv',
            mode: 'container-virtualization',
            evictionStrategy: 'Migrate',
          },
        ],
      },
      'clusters[0].evictionStrategy',
    ],
    [
      {
        clusters: [
          {
            name: 'kv',
            mode: 'container-virtualization',
            defaultNetworkInterface: 'slirp',
          },
        ],
      },
      'clusters[0].defaultNetworkInterface',
    ],
    [{ limits: { maxDepth: -1 } }, 'limits.maxDepth'],
    [{ schedule: { frequency: 5 } }, 'schedule.frequency'],
    ['nonsense', 'runtimeMode'],
  ])('rejects %j naming %s', (raw, key) => {
    expect(() => readRuntimeModeConfig(raw)).toThrow(RuntimeModeConfigError);
    expect(() => readRuntimeModeConfig(raw)).toThrow(`"${key}"`);
  });
});
