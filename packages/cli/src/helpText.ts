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

// The man-page sections under commander's generated usage and options.
// Headings are upper case without a colon, like man pages; no line ends in a
// colon, since the CLI report of @backstage/repo-tools reads "Xyz:" lines as
// commander sections.

/** Under `runtime-mode --help`. */
export const PROGRAM_HELP = `
EXAMPLES
  Check the manifests of a repository against Kubernetes 1.34
    $ npx @runtime-mode/cli check k8s/ --target-kubernetes 1.34

  Everything about one command
    $ runtime-mode check --help

SEE ALSO
  https://github.com/runtime-mode/runtime-mode#command-line
`;

/** Under `runtime-mode check --help`. */
export const CHECK_HELP = `
TARGETS
  Manifests are judged against the versions given with --target-kubernetes,
  --target-kubevirt and --target, and against the clusters and
  runtimeMode.apiPolicy.targets of --config (the newer one wins). Objects of a
  component without a target are listed as not judged, never as passing.

OUTPUT FORMATS
  table   readable report: mode, readiness, findings by category (default)
  json    the evaluation: mode, readiness, findings, objects, targets
  sarif   SARIF 2.1.0 for code scanning, one rule per catalog rule with its
          documentation link and one result per finding at its file and line
  junit   JUnit XML for Jenkins and GitLab, a test case per manifest object
          and a failure for each object with a warning or critical finding

EXIT STATUS
  0   no open finding at or above --fail-on (default warning)
  1   usage error (unknown option, bad version, unreadable file) or internal
      error, reported on one line
  2   an open warning, e.g. an API deprecated at the target (with
      --fail-on info, an info finding as well)
  3   an open critical finding, e.g. an API removed at the target
  Waived findings never count. --fail-on critical keeps warnings at 0 and
  --fail-on never always exits 0; --ignore-deprecations and --ignore-removals
  leave deprecated and removed APIs out of the exit code, as in Pluto.

EXAMPLES
  Removed and deprecated APIs at Kubernetes 1.34 (exit 3 and 2, as Pluto)
    $ runtime-mode check k8s/ --target-kubernetes 1.34

  A KubeVirt estate, judged for container virtualization
    $ runtime-mode check vms/ --target-kubernetes 1.33 --target-kubevirt 1.6.0 \\
        --target cdi=1.60.0 --target-mode container-virtualization

  The component's own view, with its waivers and declared mode
    $ runtime-mode check --entity catalog-info.yaml --config app-config.yaml

  Code-scanning annotations in GitHub, without failing the step
    $ runtime-mode check k8s/ --target-kubernetes 1.34 --format sarif \\
        --fail-on never > runtime-mode.sarif

  A JUnit report for GitLab or Jenkins
    $ runtime-mode check k8s/ --target-kubernetes 1.34 --format junit \\
        > runtime-mode.xml

  Fail the build on removed APIs only
    $ runtime-mode check k8s/ --target-kubernetes 1.34 --only-show-removed
`;
